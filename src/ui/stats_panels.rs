//! The five panels of the stats screen. Each draws figures from `crate::stats` with a
//! ratatui widget (Sparkline, BarChart, LineGauge, Chart, List) and adds words beside every
//! chart, so nothing depends on colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, LineGauge, Paragraph, Sparkline, Wrap,
};

use super::{Theme, text};
use crate::app::StatsState;
use crate::stats::{Stats, WINDOW_DAYS};

pub(super) fn para<'a>(lines: Vec<Line<'a>>) -> Paragraph<'a> {
    Paragraph::new(lines).wrap(Wrap { trim: true })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Streak and totals, then answers and quiz minutes per day over the last four weeks.
pub fn activity(st: &Stats, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = &st.totals;
    let accuracy = t.accuracy.map_or("no answers yet".to_string(), |a| {
        format!("{a}% right ({} of {})", t.correct, t.answered)
    });
    let totals = vec![
        Line::from(vec![
            Span::styled("Streak ", theme.dim),
            Span::styled(plural(t.streak, "day", "days"), theme.title),
            Span::styled(format!(" (longest {})", t.longest_streak), theme.dim),
            Span::styled(" · days active ", theme.dim),
            Span::styled(t.days_active.to_string(), theme.title),
        ]),
        Line::from(vec![
            Span::styled("Answered ", theme.dim),
            Span::styled(t.answered.to_string(), theme.title),
            Span::styled(" · accuracy ", theme.dim),
            Span::styled(accuracy, theme.title),
        ]),
        Line::from(Span::styled(
            format!(
                "{} of {} questions mastered · {} of {} modules complete",
                t.mastered, t.questions, t.modules_complete, t.modules
            ),
            theme.dim,
        )),
        Line::from(Span::styled(
            format!(
                "{} attempts finished · {} min active",
                t.attempts, t.minutes
            ),
            theme.dim,
        )),
    ];
    let [head, _, a_title, a_bars, a_axis, m_title, m_spark] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    frame.render_widget(para(totals), head);
    let busiest = st.busiest_day().map_or(String::new(), |d| {
        format!("; most {} on {}", d.answered, d.date)
    });
    frame.render_widget(
        Paragraph::new(format!("Answers per day, last {WINDOW_DAYS} days{busiest}"))
            .style(theme.title),
        a_title,
    );
    // The bars share the width out: as wide as fits, one column apart when there is room.
    let days = WINDOW_DAYS as u16;
    let per_day = (a_bars.width / days).max(1);
    let (bar_w, gap) = if per_day >= 2 {
        (per_day - 1, 1)
    } else {
        (1, 0)
    };
    let bars: Vec<Bar> = st
        .answered_per_day()
        .into_iter()
        .map(|n| Bar::default().value(n))
        .collect();
    if st.busiest_day().is_none() {
        frame.render_widget(
            Paragraph::new(format!("(no answers in these {WINDOW_DAYS} days)")).style(theme.dim),
            a_bars,
        );
    } else {
        frame.render_widget(
            BarChart::default()
                .data(BarGroup::default().bars(&bars))
                .bar_width(bar_w)
                .bar_gap(gap)
                .bar_style(theme.accent)
                .value_style(theme.selected),
            a_bars,
        );
    }
    let w = usize::from((bar_w + gap) * days).min(usize::from(a_axis.width));
    let first = st.days.first().map_or("", |d| d.date.as_str());
    let axis = format!("{first}{:>1$}", "today", w.saturating_sub(first.len()));
    frame.render_widget(
        Paragraph::new(text::truncate(&axis, usize::from(a_axis.width))).style(theme.dim),
        a_axis,
    );
    frame.render_widget(
        Paragraph::new(text::truncate(
            &format!(
                "Quiz minutes per day: {} in {WINDOW_DAYS} days (reading time has no date)",
                st.window_minutes()
            ),
            usize::from(m_title.width),
        ))
        .style(theme.title),
        m_title,
    );
    // The same columns as the bars above: each day as wide as its bar, then its gap.
    let minutes: Vec<u64> = st
        .minutes_per_day()
        .into_iter()
        .flat_map(|m| {
            std::iter::repeat_n(m, usize::from(bar_w))
                .chain(std::iter::repeat_n(0, usize::from(gap)))
        })
        .collect();
    frame.render_widget(
        Sparkline::default().data(minutes).style(theme.accent),
        m_spark,
    );
}

/// One row per module: mastery as a gauge with its count, the grade against the pass mark,
/// and the time spent as a bar.
pub fn modules(s: &StatsState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let st = &s.stats;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let name_w = (area.width / 4).clamp(8, 28);
    let grade_w = 17;
    let rest = area.width.saturating_sub(name_w + grade_w);
    let gauge_w = rest / 2;
    let cols = |r: Rect| -> [Rect; 4] {
        Layout::horizontal([
            Constraint::Length(name_w),
            Constraint::Length(gauge_w),
            Constraint::Length(grade_w),
            Constraint::Min(1),
        ])
        .areas(r)
    };
    let [h_name, h_gauge, h_grade, h_time] = cols(head);
    for (r, t) in [
        (h_name, "Module"),
        (h_gauge, "Mastered"),
        (h_grade, " Grade (pass)"),
        (h_time, " Time"),
    ] {
        frame.render_widget(Paragraph::new(t).style(theme.title), r);
    }
    let rows = usize::from(body.height);
    let first = s.modules.report(st.modules.len(), rows);
    let shown: Vec<_> = st.modules.iter().skip(first).take(rows).collect();
    let [c_name, c_gauge, c_grade, c_time] = cols(body);
    for (i, m) in shown.iter().enumerate() {
        let row = |r: Rect| Rect {
            y: r.y + i as u16,
            height: 1,
            ..r
        };
        let name = text::truncate(
            &format!("{} {}", m.number, m.title),
            usize::from(name_w).saturating_sub(1),
        );
        frame.render_widget(Paragraph::new(name), row(c_name));
        frame.render_widget(
            LineGauge::default()
                .ratio(m.mastery_ratio())
                .label(format!("{:>5} ", format!("{}/{}", m.mastered, m.questions)))
                .filled_symbol("█")
                .unfilled_symbol("░")
                .filled_style(theme.good)
                .unfilled_style(theme.dim),
            row(c_gauge),
        );
        let grade = match m.grade {
            Some(g) => format!(
                " {g:>3}% ({}) {}",
                m.pass_mark,
                if m.passed { "✓" } else { "✗" }
            ),
            None => format!("   -  ({})", m.pass_mark),
        };
        frame.render_widget(Paragraph::new(grade), row(c_grade));
    }
    let bars: Vec<Bar> = shown
        .iter()
        .map(|m| {
            Bar::default()
                .value(m.minutes)
                .text_value(format!("{} min", m.minutes))
        })
        .collect();
    let time = Rect {
        x: c_time.x + 1,
        width: c_time.width.saturating_sub(1),
        height: shown.len() as u16,
        ..c_time
    };
    frame.render_widget(
        BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .max(st.most_minutes().max(1))
            .bar_style(theme.accent)
            .value_style(theme.base),
        time,
    );
    if s.modules.more_below() {
        let last = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new("↓ more modules")
                .style(theme.dim)
                .right_aligned(),
            last,
        );
    }
}

/// Every finished attempt's score in one module, with the pass mark as a line.
pub fn scores(s: &StatsState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let scored = s.stats.scored_modules();
    if scored.is_empty() {
        frame.render_widget(
            para(vec![Line::from(
                "No finished attempts yet. Each attempt's score will show here over time, module by module, against the pass mark.",
            )]),
            area,
        );
        return;
    }
    let k = s.scores.report(scored.len(), 1);
    let Some(m) = scored.get(k) else { return };
    let [head, legend, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let more = if scored.len() > 1 {
        format!(" · {} of {} (↑↓ other module)", k + 1, scored.len())
    } else {
        String::new()
    };
    frame.render_widget(
        Paragraph::new(text::truncate(
            &format!(
                "{} {}: {}{more}",
                m.number,
                m.title,
                plural(m.scores.len(), "attempt", "attempts")
            ),
            usize::from(head.width),
        ))
        .style(theme.title),
        head,
    );
    frame.render_widget(
        Paragraph::new(format!(
            "█ graded  • practice (missed only)  dotted: pass mark {}%",
            m.pass_mark
        ))
        .style(theme.dim),
        legend,
    );
    let graded = m.score_points(false);
    let practice = m.score_points(true);
    let pass = m.pass_line();
    let datasets = vec![
        Dataset::default()
            .name("pass mark")
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&pass),
        Dataset::default()
            .name("graded")
            .marker(Marker::Block)
            .graph_type(GraphType::Scatter)
            .style(theme.accent)
            .data(&graded),
        Dataset::default()
            .name("practice")
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.base)
            .data(&practice),
    ];
    let labels: Vec<String> = match (m.scores.first(), m.scores.last()) {
        (Some(a), Some(b)) if a.attempt != b.attempt => {
            vec![
                format!("#{} {}", a.attempt, a.date),
                format!("#{} {}", b.attempt, b.date),
            ]
        }
        (Some(a), _) => vec![format!("#{} {}", a.attempt, a.date)],
        _ => Vec::new(),
    };
    frame.render_widget(
        Chart::new(datasets)
            .legend_position(None)
            .x_axis(
                Axis::default()
                    .bounds(m.attempt_bounds())
                    .labels(labels)
                    .style(theme.dim),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 100.0])
                    .labels(["0%", "50%", "100%"])
                    .style(theme.dim),
            ),
        chart,
    );
}
