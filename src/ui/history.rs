//! The attempt history of one module: one row per attempt, full and practice, with its
//! name (Attempt 2, Practice 1), date, score and whether it counts for the grade.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Chrome, Theme, bar, scrolled, text};
use crate::app::status::pct;
use crate::app::{App, HistoryState};
use crate::layout;
use crate::report::{Label, counts};

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &HistoryState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let Some(module) = app.course.modules.get(s.module) else {
        return;
    };
    let count = counts(module, &app.progress);
    bar(
        frame,
        c.header,
        &format!("{} · {} · Attempt history", s.module + 1, module.title),
        &count.words(),
        theme,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            text::truncate(" Enter reviews an attempt", usize::from(c.sub.width)),
            theme.dim,
        ))),
        c.sub,
    );
    let area = ratatui::layout::Rect {
        x: c.body.x + 1,
        width: c.body.width.saturating_sub(2),
        ..c.body
    };
    let w = area.width;
    let mut head: Vec<Line<'static>> = Vec::new();
    for l in layout::plain(
        "Attempts are numbered 1, 2, 3…; practice runs are numbered apart. graded: counts for the module's grade.",
        w,
    ) {
        head.push(Line::from(Span::styled(l, theme.dim)));
    }
    let entries = app.attempt_entries(s.module);
    let rows: Vec<Line<'static>> = entries
        .iter()
        .map(|e| {
            let sel = e.index == s.selected;
            let style = if sel { theme.selected } else { theme.base };
            let date = e
                .finished
                .unwrap_or(e.started)
                .strftime("%Y-%m-%d %H:%M")
                .to_string();
            let score = match e.score {
                Some(sc) => format!(
                    "{:>3}% ({}/{})",
                    pct(sc),
                    right(app, s.module, e.index),
                    e.asked
                ),
                None => format!("{}/{} so far", e.answered, e.asked),
            };
            let counts = match (e.label, e.counts_for_grade) {
                (_, true) => "graded",
                (Label::Practice(_), _) => "practice",
                (Label::Attempt(_), false) if e.finished.is_none() => "open",
                (Label::Attempt(_), false) => "not graded",
            };
            let lead = format!(
                "{} {:<11} {score:<12} {counts:<10}",
                if sel { ">" } else { " " },
                e.label.words()
            );
            // The date goes last, and only where it fits.
            let row = if lead.width() + 18 <= usize::from(w) {
                format!("{lead}  {date}")
            } else {
                lead.trim_end().to_string()
            };
            Line::from(Span::styled(text::truncate(&row, usize::from(w)), style))
        })
        .collect();
    // The explanation only where the list keeps room for three rows; otherwise the rows'
    // own words say it.
    let head_h = head.len() as u16 + 1;
    let head_h = if area.height >= head_h + 3 { head_h } else { 0 };
    frame.render_widget(
        Paragraph::new(head),
        ratatui::layout::Rect {
            height: head_h.saturating_sub(1),
            ..area
        },
    );
    let list = ratatui::layout::Rect {
        y: area.y + head_h,
        height: area.height.saturating_sub(head_h),
        ..area
    };
    let total = rows.len();
    let (start, view) = scrolled::list_start(s.selected, total, usize::from(list.height));
    if view < usize::from(list.height) {
        scrolled::window(frame, list, rows, start, view, total, "↑↓", theme);
    } else {
        frame.render_widget(
            Paragraph::new(rows.into_iter().skip(start).collect::<Vec<_>>()),
            list,
        );
    }
}

/// Questions answered right in the attempt.
fn right(app: &App, m: usize, index: usize) -> usize {
    app.attempts(m)
        .get(index)
        .map_or(0, |a| a.responses.iter().filter(|r| r.correct).count())
}
