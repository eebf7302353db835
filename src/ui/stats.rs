//! The stats screen: five panels drawn with ratatui's chart widgets over figures the app
//! worked out (`crate::stats`); this file only lays them out. Below 120x36 one panel shows
//! at a time, chosen with Tab or 1-5; from 120x36 all five share the screen and Tab moves
//! the focus. Every panel reads without colour: labels, markers and bar patterns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Tabs};

use super::stats_panels as panels;
use super::{Chrome, Theme, bar};
use crate::app::{App, StatsPanel, StatsState};

/// From this size on every panel is on screen at once.
pub const GRID_WIDTH: u16 = 120;
pub const GRID_HEIGHT: u16 = 36;

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &StatsState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let right = format!("Stats · today {}", s.stats.today);
    bar(frame, c.header, &app.course.title, &right, theme);
    let titles: Vec<Line> = StatsPanel::ALL
        .iter()
        .map(|p| {
            let mark = if *p == s.panel { "▸" } else { " " };
            Line::from(format!("{mark}{} {}", p.index() + 1, p.title()))
        })
        .collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(s.panel.index())
            .style(theme.dim)
            .highlight_style(theme.selected)
            .divider("│")
            .padding("", ""),
        c.sub,
    );
    if app.width >= GRID_WIDTH && app.height >= GRID_HEIGHT {
        grid(app, s, theme, frame, c.body);
    } else {
        panel(app, s, s.panel, theme, frame, c.body);
    }
}

fn grid(app: &App, s: &StatsState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let forecast_h = match s.stats.forecast {
        crate::stats::Forecast::NotSetUp { .. } => 5,
        crate::stats::Forecast::Ready { .. } => (area.height / 4).clamp(6, 10),
    };
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(forecast_h),
    ])
    .areas(area);
    let halves = |r: Rect| -> [Rect; 2] {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(r)
    };
    let [activity, modules] = halves(top);
    let [scores, weakest] = halves(middle);
    for (p, r) in [
        (StatsPanel::Activity, activity),
        (StatsPanel::Modules, modules),
        (StatsPanel::Scores, scores),
        (StatsPanel::Weakest, weakest),
        (StatsPanel::Forecast, bottom),
    ] {
        panel(app, s, p, theme, frame, r);
    }
}

/// One panel in its box: the focused one is marked `▸` in its title and drawn in the
/// accent style.
fn panel(app: &App, s: &StatsState, p: StatsPanel, theme: &Theme, frame: &mut Frame, r: Rect) {
    let focused = p == s.panel;
    let title = if focused {
        format!(" ▸ {} {} ", p.index() + 1, p.title())
    } else {
        format!(" {} {} ", p.index() + 1, p.title())
    };
    let block = Block::bordered()
        .title(title)
        .border_style(if focused { theme.accent } else { theme.dim })
        .title_style(if focused { theme.accent } else { theme.title });
    let inner = block.inner(r);
    frame.render_widget(block, r);
    match p {
        StatsPanel::Activity => panels::activity(&s.stats, theme, frame, inner),
        StatsPanel::Modules => panels::modules(s, theme, frame, inner),
        StatsPanel::Scores => panels::scores(s, theme, frame, inner),
        StatsPanel::Weakest => super::stats_weak::weakest(app, s, focused, theme, frame, inner),
        StatsPanel::Forecast => super::stats_forecast::forecast(&s.stats, theme, frame, inner),
    }
}
