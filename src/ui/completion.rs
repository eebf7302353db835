//! The course completion page: every module's grade, the date, the time spent, and the
//! name the certificate prints (typed here with `n`).

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::{Chrome, Theme, bar, scrolled};
use crate::app::App;
use crate::app::status::{self, pct};
use crate::course::ModuleKind;
use crate::layout;

fn inset(r: ratatui::layout::Rect) -> ratatui::layout::Rect {
    ratatui::layout::Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(2),
        ..r
    }
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    bar(frame, c.header, &app.course.title, "Completion", theme);
    let area = inset(c.body);
    let w = area.width;
    let mut lines: Vec<Line<'static>> = vec![];
    let done = status::course_complete(app);
    lines.push(Line::from(Span::styled(
        if done {
            "✓ Course complete"
        } else {
            "Course not complete yet"
        },
        if done { theme.good } else { theme.accent },
    )));
    if let Some(date) = crate::app::status::completion_date(app) {
        lines.push(Line::from(format!("Completed on {date}")));
    }
    lines.push(Line::from(""));
    for (m, (module, ms)) in app
        .course
        .modules
        .iter()
        .zip(app.standing().modules())
        .enumerate()
    {
        let grade = ms.grade;
        let label = if module.kind == ModuleKind::Assessment {
            format!("{} (assessment)", module.title)
        } else {
            module.title.to_string()
        };
        let g = grade.map_or("no grade".to_string(), |g| format!("{}%", pct(g)));
        let text = format!("{} {:>2}. {label}: {g}", ms.state.marker(), m + 1);
        for (k, l) in layout::plain(&text, w.saturating_sub(6).max(10))
            .into_iter()
            .enumerate()
        {
            lines.push(Line::from(if k == 0 { l } else { format!("      {l}") }));
        }
    }
    let secs = crate::standing::active_seconds(&app.progress);
    lines.push(Line::from(""));
    lines.push(Line::from(format!("Active time: {} min.", secs / 60)));
    lines.push(Line::from(""));
    match &app.completion.editing {
        Some(name) => {
            for l in layout::plain(&format!("Name on the certificate: {name}▏"), w) {
                lines.push(Line::from(Span::styled(l, theme.selected)));
            }
            for l in layout::plain("Type your name, Enter saves it, Esc cancels.", w) {
                lines.push(Line::from(Span::styled(l, theme.dim)));
            }
        }
        None => {
            let named = match app.certificate_name() {
                Some(n) => format!("Name on the certificate: {n} (n changes it)."),
                None => {
                    "No name for the certificate yet: press n to type the name to print.".into()
                }
            };
            for l in layout::plain(&named, w) {
                lines.push(Line::from(l));
            }
        }
    }
    for l in layout::plain(
        "Print a certificate with `syllabus progress certificate` (add `--name \"Your Name\"` to print another name).",
        w,
    ) {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    scrolled::draw(frame, area, lines, &app.completion.scroll, "↓↑", theme);
}
