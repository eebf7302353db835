//! The summary page of a deferred-feedback attempt: each question with whether it is
//! answered, then "Submit all and finish", which asks for `y` first and says how many
//! questions are unanswered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::{App, QuizState};
use crate::layout;
use crate::quiz::Attempt;

pub fn render(
    app: &App,
    s: &QuizState,
    attempt: &Attempt,
    theme: &Theme,
    frame: &mut Frame,
    body: Rect,
    status: Rect,
) {
    let module = &app.course.modules[s.module];
    let total = attempt.questions.len();
    let answered = attempt.answered();
    let width = usize::from(body.width.min(layout::MAX_TEXT_WIDTH));
    let mut lines = vec![Line::from(Span::styled(
        format!("Your answers: {answered} of {total} answered"),
        theme.title,
    ))];
    for l in layout::plain(
        "Enter on a question opens it, to answer it or change your answer; nothing is marked until you submit all.",
        body.width,
    ) {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    lines.push(Line::from(""));
    let mut pick_row = 0;
    for (k, asked) in attempt.questions.iter().enumerate() {
        let (mark, word, style) = match (
            attempt.response(&asked.id).is_some(),
            attempt.drafts.contains_key(&asked.id),
        ) {
            (true, false) => ("✓", "answered    ", theme.good),
            (true, true) => ("✓", "changed, not entered", theme.accent),
            (false, true) => ("…", "not entered ", theme.accent),
            (false, false) => ("·", "not answered", theme.dim),
        };
        let prompt = module
            .question(&asked.id)
            .map(|q| q.prompt.plain())
            .unwrap_or_default();
        let sel = k == s.pick;
        let lead = format!(
            "{} {:>2}. {mark} {word}  ",
            if sel { ">" } else { " " },
            k + 1
        );
        let room = width.saturating_sub(lead.chars().count());
        let text: String = prompt.chars().take(room).collect();
        if sel {
            pick_row = lines.len();
        }
        let line = Line::from(vec![Span::styled(lead, style), Span::raw(text)]);
        lines.push(if sel {
            line.style(theme.selected)
        } else {
            line
        });
    }
    lines.push(Line::from(""));
    let sel = s.pick >= total;
    if sel {
        pick_row = lines.len();
    }
    let button = Line::from(format!(
        "{} [ Submit all and finish ]",
        if sel { ">" } else { " " }
    ));
    lines.push(if sel {
        button.style(theme.selected)
    } else {
        button
    });
    let unanswered = total - answered;
    if s.confirm {
        lines.push(Line::from(""));
        let text = match unanswered {
            0 => format!("Submit all {total} answers and finish? y submits; any other key goes back."),
            1 => "Submit and finish? 1 question is unanswered and will score 0. y submits; any other key goes back.".to_string(),
            n => format!("Submit and finish? {n} questions are unanswered and will score 0. y submits; any other key goes back."),
        };
        for l in layout::plain(&text, body.width) {
            lines.push(Line::from(Span::styled(l, theme.accent)));
        }
    }
    // Keep the highlighted row (and the question under it) in view.
    let rows = usize::from(body.height);
    let top = (pick_row + 2)
        .max(lines.len().min(pick_row + 4))
        .saturating_sub(rows)
        .min(lines.len().saturating_sub(1));
    let shown: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(shown), body);
    if app.status.is_none() {
        let hint = if s.confirm {
            " y: submit all and finish · any other key: back"
        } else {
            " ↑↓ choose · Enter: open, or submit all · ←: last question"
        };
        frame.render_widget(Paragraph::new(hint).style(theme.dim), status);
    }
}
