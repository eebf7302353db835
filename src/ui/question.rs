//! The rows of a question on the quiz screen: the prompt and each kind's options, items or
//! text field, with the cursor (`>` and the highlight) and the learner's choice (`(•)`,
//! `[x]`, a category) drawn differently, and once revealed a ✓ or ✗ on each row.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Theme, text};
use crate::app::Draft;
use crate::course::{Question, QuestionKind};
use crate::layout;
use crate::quiz::Asked;

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
pub fn question_lines(
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
        (QuestionKind::Single { options }, Draft::Choice { cursor, chosen }) => Some(ChoiceRows(
            asked
                .order
                .iter()
                .filter_map(|&i| options.get(i))
                .map(|o| (&o.text, o.correct))
                .collect(),
            (0..asked.order.len()).map(|k| Some(k) == *chosen).collect(),
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
        (QuestionKind::TrueFalse { answer, .. }, Draft::TrueFalse { cursor, chosen }) => {
            Some(ChoiceRows(
                vec![(&*TRUE, *answer), (&*FALSE, !*answer)],
                vec![*chosen == Some(0), *chosen == Some(1)],
                *cursor,
                false,
            ))
        }
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
                    .map_or("?".to_string(), ToString::to_string);
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
