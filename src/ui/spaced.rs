//! The spaced-review screen: "Review · 3 of 20", the module the card comes from, then the
//! quiz's own question rows and, once answered, its feedback and the next due date.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::question::question_lines;
use super::{Chrome, Theme, answer, bar};
use crate::app::{App, Draft, SpacedState};
use crate::layout;

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &SpacedState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let (done, total) = app.review_progress();
    let Some(session) = &app.progress.review_session else {
        return;
    };
    // Once answered, `done` already counts the card on screen.
    let index = if s.reveal.is_some() {
        done.saturating_sub(1)
    } else {
        done
    };
    let Some(card) = session.cards.get(index) else {
        return;
    };
    let (Some((m, q)), Some(asked)) = (card.locate(&app.course), card.asked(&app.course)) else {
        return;
    };
    let module = &app.course.modules[m];
    let question = &module.quiz.questions[q];
    bar(
        frame,
        c.header,
        "Spaced review",
        &format!("Card {} of {total}", index + 1),
        theme,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(
                " From {} {} · updates mastery, not grades",
                m + 1,
                module.title
            ),
            theme.dim,
        ))),
        c.sub,
    );
    let body = Rect {
        x: c.body.x + 1,
        width: c.body.width.saturating_sub(2),
        ..c.body
    };
    let width = body.width.saturating_sub(1).min(layout::MAX_TEXT_WIDTH);
    let (mut lines, cursor) =
        question_lines(question, &asked, &s.draft, s.reveal.is_some(), width, theme);
    let Some(response) = &s.reveal else {
        let view = usize::from(body.height);
        let top = cursor.map_or(0, |(row, _)| row.saturating_sub(view.saturating_sub(2)));
        let shown: Vec<Line> = lines.drain(top.min(lines.len())..).collect();
        frame.render_widget(Paragraph::new(shown), body);
        if let (Some((row, col)), Draft::Short { .. }) = (cursor, &s.draft) {
            let y = body.y + (row - top) as u16;
            if y < body.y + body.height {
                frame.set_cursor_position(Position::new(body.x + col as u16, y));
            }
        }
        if app.status.is_none() {
            frame.render_widget(
                Paragraph::new(" Answer as in a quiz, then press Enter.").style(theme.dim),
                c.status,
            );
        }
        return;
    };
    lines.push(Line::from(""));
    lines.extend(answer::explain(
        question,
        response,
        &asked.order,
        width.saturating_sub(1),
        theme,
    ));
    let rows = usize::from(body.height);
    let top = s.scroll.report(lines.len(), rows);
    let max = lines.len().saturating_sub(rows);
    let shown: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(shown), body);
    if app.status.is_none() {
        let due = app
            .queue()
            .card(m, q)
            .map(|c| crate::app::spaced::when(c.due, app.clock));
        let mut spans = vec![Span::raw(" ")];
        spans.extend(answer::verdict(response, theme).spans);
        let mut rest = String::new();
        if let Some(d) = due {
            rest.push_str(&format!(" · next {d}"));
        }
        // "↓ more" before the lesson hint, which the footer repeats.
        if top < max {
            rest.push_str(" · ↓ more");
        }
        if !response.correct {
            rest.push_str(" · l: the lesson");
        }
        spans.push(Span::styled(rest, theme.dim));
        frame.render_widget(Paragraph::new(Line::from(spans)), c.status);
    }
}
