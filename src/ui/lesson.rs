//! The lesson reader: "Section 2 of 5", the section text (laid out once per width by the
//! app, sliced here), a scroll bar, and a last page with the key takeaways.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Chrome, Theme, bar, text};
use crate::app::{App, LessonState};
use crate::layout::lesson_text_width;

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &LessonState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let n = module.sections.len();
    let (where_, title) = match module.sections.get(s.page) {
        Some(section) => (
            format!("Section {} of {n}", s.page + 1),
            section.title.to_string(),
        ),
        None if n == 0 => ("Start".to_string(), module.title.to_string()),
        None => (
            "Last page".to_string(),
            "Key takeaways and the quiz".to_string(),
        ),
    };
    bar(
        frame,
        c.header,
        &format!("{} · {}", s.module + 1, module.title),
        &where_,
        theme,
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(" "),
            Span::styled(title, theme.title),
        ])),
        c.sub,
    );

    let lines = app.lesson_lines();
    let view = usize::from(c.body.height);
    let start = usize::from(s.scroll).min(lines.len());
    let visible: Vec<Line> = lines[start..lines.len().min(start + view)]
        .iter()
        .map(|l| text::line(l, theme))
        .collect();
    let width = lesson_text_width(c.body.width).min(c.body.width.saturating_sub(2));
    let area = Rect {
        x: c.body.x + 2.min(c.body.width),
        width,
        ..c.body
    };
    frame.render_widget(Paragraph::new(visible), area);

    if lines.len() > view {
        let mut state = ScrollbarState::new(lines.len().saturating_sub(view) + 1)
            .position(start)
            .viewport_content_length(view);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .thumb_style(theme.accent),
            c.body,
            &mut state,
        );
    }
    // Say what comes next on the status row when the page is read to the end.
    if app.status.is_none() && start + view >= lines.len() {
        let hint = if s.page < n {
            "End of section: → or Enter for the next section"
        } else {
            "Enter starts the quiz."
        };
        frame.render_widget(
            Paragraph::new(format!(" {hint}")).style(theme.dim),
            c.status,
        );
    }
}
