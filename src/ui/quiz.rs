//! The quiz screen: "Question 3 of 8", the prompt, each kind's interaction, and (in
//! immediate mode) the verdict and explanations once an answer is submitted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

use super::{Chrome, Theme, answer, bar, text};
use crate::app::{App, Draft, QuizState};
use crate::course::{Feedback, Question, QuestionKind};
use crate::layout;
use crate::quiz::{Asked, Mode};

pub fn render(app: &App, s: &QuizState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let Some(attempt) = app.open_attempt(s.module) else {
        return;
    };
    let answered = attempt.responses.len();
    let index = if s.reveal.is_some() {
        answered.saturating_sub(1)
    } else {
        answered
    };
    let total = attempt.questions.len();
    bar(
        frame,
        c.header,
        &format!("{} · {} · Quiz", s.module + 1, module.title),
        &format!("Question {} of {total}", index + 1),
        theme,
    );
    let sub = if attempt.mode == Mode::Missed {
        Span::styled(
            " Practice retake of missed questions: updates mastery, not your grade",
            theme.accent,
        )
    } else {
        let fb = match module.quiz.feedback {
            Feedback::Immediate => "feedback after each answer",
            Feedback::Deferred => "results and explanations at the end",
        };
        Span::styled(
            format!(" Pass mark {}% · {fb}", module.quiz.pass_mark),
            theme.dim,
        )
    };
    frame.render_widget(Paragraph::new(Line::from(sub)), c.sub);

    let Some(asked) = attempt.questions.get(index) else {
        return;
    };
    let Some(question) = module.question(&asked.id) else {
        return;
    };
    let body = Rect {
        x: c.body.x + 1,
        width: c.body.width.saturating_sub(2),
        ..c.body
    };
    let width = body.width.saturating_sub(1).min(layout::MAX_TEXT_WIDTH);
    let (mut lines, cursor) =
        question_lines(question, asked, &s.draft, s.reveal.is_some(), width, theme);

    match &s.reveal {
        None => {
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
        }
        Some(response) => {
            let feedback = answer::explain(question, response, width.saturating_sub(1), theme);
            let want = feedback.len() as u16 + 1;
            let fb_h = want
                .min(body.height.saturating_mul(3) / 5)
                .max(body.height.min(4));
            let [top, bottom] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(fb_h)]).areas(body);
            frame.render_widget(Paragraph::new(lines), top);
            let inner_h = usize::from(fb_h.saturating_sub(1));
            let max_scroll = feedback.len().saturating_sub(inner_h);
            let scroll = usize::from(s.scroll).min(max_scroll);
            let shown: Vec<Line> = feedback.into_iter().skip(scroll).collect();
            frame.render_widget(
                Paragraph::new(shown).block(
                    Block::default()
                        .borders(Borders::TOP)
                        .border_style(theme.dim),
                ),
                bottom,
            );
            if max_scroll > 0 {
                let mut st = ScrollbarState::new(max_scroll + 1)
                    .position(scroll)
                    .viewport_content_length(inner_h);
                frame.render_stateful_widget(
                    Scrollbar::new(ScrollbarOrientation::VerticalRight)
                        .begin_symbol(None)
                        .end_symbol(None),
                    bottom,
                    &mut st,
                );
            }
            if app.status.is_none() {
                let more = if max_scroll > scroll {
                    " (↓ for more)"
                } else {
                    ""
                };
                let next = if answered < total {
                    "Enter: next question"
                } else {
                    "Enter: see your results"
                };
                frame.render_widget(
                    Paragraph::new(format!(" {next}{more}")).style(theme.dim),
                    c.status,
                );
            }
        }
    }
}

fn hint(d: &Draft) -> &'static str {
    match d {
        Draft::Choice { .. } => "Choose with ↑↓ and Enter, or press the option's number.",
        Draft::TrueFalse { .. } => "Choose True or False (↑↓, t/f or 1/2) and press Enter.",
        Draft::Multiple { .. } => "Tick every option that applies with Space, then press Enter.",
        Draft::Match { .. } => {
            "Give each item a category with ← → (or its number), then press Enter."
        }
        Draft::Order { .. } => {
            "Space picks up an item, ↑↓ moves it, Space puts it down; Enter submits."
        }
        Draft::Short { .. } => "Type your answer and press Enter.",
    }
}

/// Options as shown (text, right or not), which are ticked, the cursor, and whether several
/// may be ticked.
struct ChoiceRows<'a>(
    Vec<(&'a crate::course::markup::Prose, bool)>,
    Vec<bool>,
    usize,
    bool,
);

static TRUE: std::sync::LazyLock<crate::course::markup::Prose> =
    std::sync::LazyLock::new(|| crate::course::markup::Prose::parse("True"));
static FALSE: std::sync::LazyLock<crate::course::markup::Prose> =
    std::sync::LazyLock::new(|| crate::course::markup::Prose::parse("False"));

/// The prompt and the choices. Returns the lines and, for the cursor, (row, column).
fn question_lines(
    q: &Question,
    asked: &Asked,
    d: &Draft,
    revealed: bool,
    width: u16,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let mut out = text::lines(&layout::prose(&q.prompt, width, "", ""), theme);
    out.push(Line::from(""));
    let mut cursor_row = None;
    let row = |out: &mut Vec<Line<'static>>,
               selected: bool,
               lead: String,
               body: &crate::course::markup::Prose,
               style| {
        let rest = " ".repeat(lead.width());
        let ls = layout::prose(body, width, &lead, &rest);
        for l in &ls {
            let mut line = text::line(l, theme);
            if selected {
                line = line.style(theme.selected);
            } else if let Some(st) = style {
                line = line.style(st);
            }
            out.push(line);
        }
    };
    // Single, true/false and multiple share one layout: a box per option, ticked or not,
    // and once revealed a ✓ on every right option and a ✗ on a wrong pick.
    let choices: Option<ChoiceRows> = match (&q.kind, d) {
        (QuestionKind::Single { options }, Draft::Choice { cursor }) => Some(ChoiceRows(
            asked
                .order
                .iter()
                .filter_map(|&i| options.get(i))
                .map(|o| (&o.text, o.correct))
                .collect(),
            (0..asked.order.len()).map(|k| k == *cursor).collect(),
            *cursor,
            false,
        )),
        (QuestionKind::Multiple { options, .. }, Draft::Multiple { cursor, ticked }) => {
            Some(ChoiceRows(
                asked
                    .order
                    .iter()
                    .filter_map(|&i| options.get(i))
                    .map(|o| (&o.text, o.correct))
                    .collect(),
                ticked.clone(),
                *cursor,
                true,
            ))
        }
        (QuestionKind::TrueFalse { answer, .. }, Draft::TrueFalse { cursor }) => Some(ChoiceRows(
            vec![(&*TRUE, *answer), (&*FALSE, !*answer)],
            vec![*cursor == 0, *cursor == 1],
            *cursor,
            false,
        )),
        _ => None,
    };
    if let Some(ChoiceRows(options, picked, cursor, multi)) = choices {
        for (k, (text, correct)) in options.into_iter().enumerate() {
            let sel = k == cursor;
            let on = picked.get(k).copied().unwrap_or(false);
            let (mark, style) = match (revealed, on, correct) {
                (true, _, true) => (" ✓", Some(theme.good)),
                (true, true, false) => (" ✗", Some(theme.bad)),
                _ => ("", None),
            };
            let tick = match (multi, on) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let lead = format!(
                "{} {tick} {}.{mark} ",
                if sel && !revealed { ">" } else { " " },
                k + 1
            );
            if sel {
                cursor_row = Some((out.len(), 0));
            }
            row(&mut out, sel && !revealed, lead, text, style);
        }
        return (out, cursor_row);
    }
    match (&q.kind, d) {
        (
            QuestionKind::Match {
                categories, items, ..
            },
            Draft::Match { cursor, chosen },
        ) => {
            let cats: Vec<String> = categories
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} {c}", i + 1))
                .collect();
            for l in layout::plain(&format!("Categories: {}", cats.join(" · ")), width) {
                out.push(Line::from(Span::styled(l, theme.dim)));
            }
            out.push(Line::from(""));
            let cat_w = categories
                .iter()
                .map(|c| c.width())
                .max()
                .unwrap_or(1)
                .max(1);
            for (k, &i) in asked.order.iter().enumerate() {
                let sel = k == *cursor;
                let got = chosen.get(k).copied().flatten();
                let label = got
                    .and_then(|c| categories.get(c))
                    .map_or("?".to_string(), Clone::clone);
                let mark = if revealed {
                    if got == Some(items[i].category) {
                        " ✓"
                    } else {
                        " ✗"
                    }
                } else {
                    ""
                };
                let tag = format!("[{label:^cat_w$}]{mark} ");
                let lead = format!("{} {tag}", if sel && !revealed { ">" } else { " " });
                let style = if revealed {
                    Some(if mark == " ✓" {
                        theme.good
                    } else {
                        theme.bad
                    })
                } else {
                    None
                };
                if sel {
                    cursor_row = Some((out.len(), 0));
                }
                row(
                    &mut out,
                    sel && !revealed,
                    lead,
                    &crate::course::markup::Prose::parse(&items[i].text),
                    style,
                );
            }
        }
        (
            QuestionKind::Order { items, .. },
            Draft::Order {
                cursor,
                arrangement,
                held,
            },
        ) => {
            for (k, &i) in arrangement.iter().enumerate() {
                let sel = k == *cursor;
                let grab = if sel && *held { "⇅" } else { " " };
                let mark = if revealed {
                    if i == k { " ✓" } else { " ✗" }
                } else {
                    ""
                };
                let lead = format!(
                    "{}{grab}{}.{mark} ",
                    if sel && !revealed { ">" } else { " " },
                    k + 1
                );
                let style = if revealed {
                    Some(if i == k { theme.good } else { theme.bad })
                } else {
                    None
                };
                if sel {
                    cursor_row = Some((out.len(), 0));
                }
                row(
                    &mut out,
                    sel && !revealed,
                    lead,
                    &crate::course::markup::Prose::parse(&items[i]),
                    style,
                );
            }
            if *held && !revealed {
                out.push(Line::from(""));
                out.push(Line::from(Span::styled(
                    "Moving the item: ↑↓ to place it, Space to put it down.",
                    theme.accent,
                )));
            }
        }
        (
            QuestionKind::Short { .. },
            Draft::Short {
                text: typed,
                cursor,
            },
        ) => {
            let label = "Your answer: ";
            let field_w = usize::from(width).saturating_sub(label.len() + 1).max(4);
            // Show the end of long input, keeping the cursor on screen.
            let chars: Vec<char> = typed.chars().collect();
            let start = cursor.saturating_sub(field_w.saturating_sub(1));
            let visible: String = chars.iter().skip(start).take(field_w).collect();
            let pad = field_w.saturating_sub(visible.width());
            cursor_row = Some((
                out.len(),
                label.len()
                    + typed
                        .chars()
                        .skip(start)
                        .take(cursor - start)
                        .collect::<String>()
                        .width(),
            ));
            out.push(Line::from(vec![
                Span::styled(label.to_string(), theme.title),
                Span::styled(format!("{visible}{}", " ".repeat(pad)), theme.input),
            ]));
        }
        _ => {}
    }
    (out, cursor_row)
}
