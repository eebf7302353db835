//! The live-reload overlay (`--watch`): the check's errors over the screen while the course
//! on disk does not load. Saving a fix removes it; Esc hides it until the next change.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;

pub fn render(errors: &[String], theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let inset = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    if inset.width < 10 || inset.height < 3 {
        return;
    }
    frame.render_widget(Clear, inset);
    let lines: Vec<Line> = errors
        .iter()
        .map(|l| {
            if l.starts_with("error:") {
                Line::from(Span::styled(l.clone(), theme.accent))
            } else {
                Line::from(l.clone())
            }
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" The course on disk has errors ", theme.title))
        .title_bottom(Span::styled(
            " save a fix to reload · Esc hides this · Ctrl-C quits ",
            theme.dim,
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        inset,
    );
}
