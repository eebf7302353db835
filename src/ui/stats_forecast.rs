//! The stats screen's review-forecast panel: cards due per day from the spaced-review
//! queue as bars, measured retention as a gauge, with the figures in words beside them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, LineGauge, Paragraph};

use super::stats_panels::para;
use super::{Theme, text};
use crate::stats::{Forecast, Stats};

/// Cards due per day and measured retention, once spaced review exists; until then, what
/// the panel will show.
pub fn forecast(st: &Stats, theme: &Theme, frame: &mut Frame, area: Rect) {
    match &st.forecast {
        Forecast::NotSetUp { message } => {
            frame.render_widget(
                para(vec![Line::from(message.as_str())]).style(theme.dim),
                area,
            );
        }
        Forecast::Ready {
            due,
            retention,
            overdue,
        } => {
            let [head, gauge, chart] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(1),
            ])
            .areas(area);
            frame.render_widget(
                Paragraph::new(text::truncate(
                    &format!(
                        "Cards due per day, next {} days, today first ({overdue} overdue)",
                        due.len()
                    ),
                    usize::from(head.width),
                ))
                .style(theme.title),
                head,
            );
            let label = retention.map_or("Retention: no reviews yet ".to_string(), |r| {
                format!("Retention {r}% recalled ")
            });
            frame.render_widget(
                LineGauge::default()
                    .ratio(st.forecast.retention_ratio())
                    .label(label)
                    .filled_symbol("█")
                    .unfilled_symbol("░")
                    .filled_style(theme.good)
                    .unfilled_style(theme.dim),
                gauge,
            );
            let per_day = (chart.width / (due.len().max(1) as u16)).max(1);
            let (bar_w, gap) = if per_day >= 2 {
                (per_day - 1, 1)
            } else {
                (1, 0)
            };
            let bars: Vec<Bar> = due.iter().map(|d| Bar::default().value(*d)).collect();
            frame.render_widget(
                BarChart::default()
                    .data(BarGroup::default().bars(&bars))
                    .bar_width(bar_w)
                    .bar_gap(gap)
                    .bar_style(theme.accent)
                    .value_style(theme.selected),
                chart,
            );
        }
    }
}
