//! Saying what an answer was and why it was right or wrong, for the feedback after each
//! question and for reviews: the verdict in words, the feedback of each choice made, the
//! right answer, and the explanation.

use ratatui::text::{Line, Span};

use super::{Theme, text};
use crate::course::markup::Prose;
use crate::course::{Question, QuestionKind};
use crate::layout;
use crate::quiz::answer::{ShortMatch, near_copy, short_match};
use crate::quiz::{Answer, Response};

/// "✓ Right", "✗ Not right" or "◐ Partly right", in words as well as a mark.
pub fn verdict(r: &Response, theme: &Theme) -> Line<'static> {
    if r.correct {
        Line::from(Span::styled("✓ Right", theme.good))
    } else if r.points > 0.0 {
        Line::from(Span::styled(
            format!("◐ Partly right: {} of 1 point", points(r.points)),
            theme.accent,
        ))
    } else {
        Line::from(Span::styled("✗ Not right", theme.bad))
    }
}

pub fn points(p: f64) -> String {
    let s = format!("{p:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn prose_lines(p: &Prose, width: u16, lead: &str, theme: &Theme) -> Vec<Line<'static>> {
    let rest = " ".repeat(unicode_width::UnicodeWidthStr::width(lead));
    text::lines(&layout::prose(p, width, lead, &rest), theme)
}

/// `label` in bold, then `body`, wrapped with continuation lines indented.
fn labelled(label: &str, body: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    use crate::course::markup::{Para, Run, Style};
    let para = Para(smallvec::smallvec![
        Run {
            text: label.to_string().into(),
            style: Style::BOLD,
        },
        Run {
            text: body.to_string().into(),
            style: Style::default(),
        },
    ]);
    text::lines(
        &layout::prose(&Prose(smallvec::smallvec![para]), width, "", "  "),
        theme,
    )
}

/// The learner's answer in words.
pub fn your_answer(q: &Question, a: &Answer) -> String {
    match (&q.kind, a) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            options.get(*i).map_or("?".into(), |o| o.text.plain())
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(b)) => {
            if *b { "True" } else { "False" }.into()
        }
        (QuestionKind::Multiple { options, .. }, Answer::Multiple(picked)) => {
            if picked.is_empty() {
                "nothing ticked".into()
            } else {
                picked
                    .iter()
                    .filter_map(|i| options.get(*i))
                    .map(|o| o.text.plain())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        (
            QuestionKind::Match {
                categories, items, ..
            },
            Answer::Match(chosen),
        ) => items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let c = chosen
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| categories.get(c))
                    .map_or("none", crate::course::text::Text::as_str);
                format!("{} → {c}", it.text)
            })
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::Order { items, .. }, Answer::Order(order)) => order
            .iter()
            .filter_map(|i| items.get(*i))
            .cloned()
            .collect::<Vec<_>>()
            .join(" → "),
        (QuestionKind::Short { .. }, Answer::Short(s)) => format!("\"{s}\""),
        _ => "(an answer to an earlier version of this question)".into(),
    }
}

/// The right answer in words.
pub fn right_answer(q: &Question) -> String {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.plain())
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::TrueFalse { answer, .. } => if *answer { "True" } else { "False" }.into(),
        QuestionKind::Match {
            categories, items, ..
        } => items
            .iter()
            .map(|it| {
                format!(
                    "{} → {}",
                    it.text,
                    categories
                        .get(it.category)
                        .map_or("?", crate::course::text::Text::as_str)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::Order { items, .. } => items.join(" → "),
        QuestionKind::Short { accept } => {
            // Authors list misspellings to be lenient; show only answers that are not
            // near-copies of one already shown ("controlling", not also "controling").
            let mut shown: Vec<&str> = Vec::new();
            for a in accept {
                let folded = a.to_lowercase();
                let near = |s: &&str| near_copy(s, &folded);
                if !shown.iter().any(near) {
                    shown.push(a);
                }
            }
            shown
                .iter()
                .map(|a| format!("\"{a}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        }
    }
}

/// Everything shown after an answer: verdict, feedback for each choice, the right answer
/// and the explanation.
///
/// Items are explained in `order`, the order they were shown in.
pub fn explain(
    q: &Question,
    r: &Response,
    order: &[usize],
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut out = vec![verdict(r, theme)];
    match (&q.kind, &r.answer) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            if let Some(o) = options.get(*i) {
                out.extend(prose_lines(&o.feedback, width, "Your choice: ", theme));
            }
        }
        (QuestionKind::Multiple { options, .. }, Answer::Multiple(picked)) => {
            for (i, o) in options.iter().enumerate() {
                let ticked = picked.contains(&i);
                if ticked || o.correct {
                    let mark = match (ticked, o.correct) {
                        (true, true) => "✓ ticked, right: ",
                        (true, false) => "✗ ticked, wrong: ",
                        _ => "✗ missed: ",
                    };
                    out.extend(labelled(
                        mark,
                        &format!("{} — {}", o.text.plain(), o.feedback.plain()),
                        width,
                        theme,
                    ));
                }
            }
        }
        (
            QuestionKind::TrueFalse {
                true_feedback,
                false_feedback,
                ..
            },
            Answer::TrueFalse(b),
        ) => {
            out.extend(prose_lines(
                if *b { true_feedback } else { false_feedback },
                width,
                "Your choice: ",
                theme,
            ));
        }
        (
            QuestionKind::Match {
                categories, items, ..
            },
            Answer::Match(chosen),
        ) => {
            let shown: Vec<usize> = if order.len() == items.len() {
                order.to_vec()
            } else {
                (0..items.len()).collect()
            };
            for (i, it) in shown.into_iter().filter_map(|i| Some((i, items.get(i)?))) {
                let got = chosen.get(i).copied().flatten();
                let right = got == Some(it.category);
                let cat = categories
                    .get(it.category)
                    .map_or("?", crate::course::text::Text::as_str);
                let mark = if right { "✓ " } else { "✗ " };
                let where_ = if right {
                    format!("{} → {cat}", it.text)
                } else {
                    format!(
                        "{} → {cat}, not {}",
                        it.text,
                        got.and_then(|g| categories.get(g))
                            .map_or("none", crate::course::text::Text::as_str)
                    )
                };
                out.extend(labelled(
                    mark,
                    &format!("{where_}: {}", it.feedback.plain()),
                    width,
                    theme,
                ));
            }
        }
        (QuestionKind::Short { accept }, Answer::Short(given)) => {
            if let ShortMatch::NearMiss { spelling } = short_match(accept, given) {
                out.extend(labelled(
                    "Accepted, though not spelt as expected: ",
                    &format!("you wrote \"{given}\"; the spelling is \"{spelling}\"."),
                    width,
                    theme,
                ));
            }
        }
        _ => {}
    }
    if !r.correct {
        out.extend(labelled("Right answer: ", &right_answer(q), width, theme));
    }
    out.extend(prose_lines(&q.explanation, width, "Why: ", theme));
    out
}
