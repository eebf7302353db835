//! The quiz screen: "Question 3 of 8", the prompt, each kind's interaction, and (in
//! immediate mode) the verdict and explanations once an answer is submitted, scrolling
//! with the question and the answer they explain.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::question::question_lines;
use super::{Chrome, Theme, answer, bar, quiz_summary};
use crate::app::{App, Draft, QuizState};
use crate::course::Feedback;
use crate::layout;
use crate::quiz::Mode;
use crate::quiz::mastery::grading_rule;

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &QuizState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let Some(attempt) = app.open_attempt(s.module) else {
        return;
    };
    let total = attempt.questions.len();
    let deferred = module.quiz.feedback == Feedback::Deferred;
    let right = if s.question >= total {
        format!("Summary · {} of {total} answered", attempt.answered())
    } else {
        format!("Question {} of {total}", s.question + 1)
    };
    bar(
        frame,
        c.header,
        &format!("{} · {} · Quiz", s.module + 1, module.title),
        &right,
        theme,
    );
    let sub = if attempt.mode == Mode::Missed {
        Span::styled(
            format!(
                " Practice, not graded: {}",
                crate::report::practice::PracticeKind::of(attempt).words()
            ),
            theme.accent,
        )
    } else {
        let fb = if deferred {
            "feedback at the end"
        } else {
            "feedback after each answer"
        };
        let (rule, _) = grading_rule(module.quiz.grading);
        Span::styled(
            format!(" Pass mark {}% · {fb} · {rule}", module.quiz.pass_mark),
            theme.dim,
        )
    };
    frame.render_widget(Paragraph::new(Line::from(sub)), c.sub);

    let body = Rect {
        x: c.body.x + 1,
        width: c.body.width.saturating_sub(2),
        ..c.body
    };
    if s.question >= total {
        quiz_summary::render(app, s, attempt, theme, frame, body, c.status);
        return;
    }
    let Some(asked) = attempt.questions.get(s.question) else {
        return;
    };
    let Some(question) = module.question(&asked.id) else {
        return;
    };
    let width = body.width.saturating_sub(1).min(layout::MAX_TEXT_WIDTH);
    let (mut lines, cursor) =
        question_lines(question, asked, &s.draft, s.reveal.is_some(), width, theme);

    let Some(response) = &s.reveal else {
        // Keep the line with the cursor in view on short terminals.
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
                Paragraph::new(format!(" {}", hint(&s.draft))).style(theme.dim),
                c.status,
            );
        }
        return;
    };
    // The question with the learner's answer marked, then the feedback: one text, scrolled
    // as one, so the feedback never covers the rows it explains.
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
    if max > 0 {
        let mut st = ScrollbarState::new(max + 1)
            .position(top)
            .viewport_content_length(rows);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            c.body,
            &mut st,
        );
    }
    if app.status.is_none() {
        let verdict = answer::verdict(response, theme);
        let more = if top < max { " · ↓ for more" } else { "" };
        let next = if s.question + 1 < total {
            "Enter: next question"
        } else if attempt.answered() < total {
            "Enter: next unanswered question"
        } else {
            "Enter: see your results"
        };
        let back = if s.question > 0 { " · ← back" } else { "" };
        let mut spans = vec![Span::raw(" ")];
        spans.extend(verdict.spans);
        spans.push(Span::styled(format!(" · {next}{back}{more}"), theme.dim));
        frame.render_widget(Paragraph::new(Line::from(spans)), c.status);
    }
}

/// What to do on this question, in the status row.
fn hint(d: &Draft) -> &'static str {
    match d {
        Draft::Choice { .. } => {
            "Choose with ↑↓ or the option's number, then press Enter to submit."
        }
        Draft::TrueFalse { .. } => {
            "Choose True or False (↑↓, t/f or 1/2), then press Enter to submit."
        }
        Draft::Multiple { .. } => {
            "Tick every option that applies (Space or its number), then press Enter."
        }
        Draft::Match { .. } => "Give each item a category (← → or its number), then press Enter.",
        Draft::Order { .. } => {
            "Space picks up an item, ↑↓ moves it, Space puts it down; Enter submits."
        }
        Draft::Short { .. } => "Type your answer, then press Enter to submit.",
    }
}
