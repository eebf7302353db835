//! The feedback on an answer, in words: the verdict, the answer given, what each choice
//! meant, the right answer and why. Marks like ✓ are left out: the words say it.

use super::words::{Text, stop};
use crate::course::{Question, QuestionKind};
use crate::quiz::answer::{ShortMatch, near_copy, short_match};
use crate::quiz::{Answer, Response};

/// The verdict in words.
pub fn verdict(r: &Response) -> String {
    if r.correct {
        "Right.".into()
    } else if r.points > 0.0 {
        let p = format!("{:.2}", r.points);
        let p = p.trim_end_matches('0').trim_end_matches('.');
        format!("Partly right: {p} of 1 point.")
    } else {
        "Not right.".into()
    }
}

/// The answer given, in words.
pub fn your_answer(q: &Question, a: &Answer) -> String {
    match (&q.kind, a) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            stop(&options.get(*i).map_or("?".into(), |o| o.text.plain()))
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(b)) => {
            if *b { "True." } else { "False." }.into()
        }
        (QuestionKind::Multiple { options, .. }, Answer::Multiple(picked)) => {
            if picked.is_empty() {
                return "nothing ticked.".into();
            }
            let on: Vec<String> = picked
                .iter()
                .filter_map(|i| options.get(*i))
                .map(|o| stop(&o.text.plain()))
                .collect();
            on.join(" ")
        }
        (
            QuestionKind::Match {
                categories, items, ..
            },
            Answer::Match(chosen),
        ) => {
            let rows: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    let c = chosen
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|c| categories.get(c));
                    format!(
                        "{}: {}.",
                        it.text,
                        c.map_or("no category", crate::course::text::Text::as_str)
                    )
                })
                .collect();
            rows.join(" ")
        }
        (QuestionKind::Order { items, .. }, Answer::Order(order)) => {
            let rows: Vec<String> = order
                .iter()
                .enumerate()
                .filter_map(|(k, i)| Some(format!("{}. {}", k + 1, stop(items.get(*i)?))))
                .collect();
            rows.join(" ")
        }
        (QuestionKind::Short { .. }, Answer::Short(s)) => format!("\"{s}\"."),
        _ => "an answer to an earlier version of this question.".into(),
    }
}

/// The right answer in words.
pub fn right_answer(q: &Question) -> String {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            let right: Vec<String> = options
                .iter()
                .filter(|o| o.correct)
                .map(|o| stop(&o.text.plain()))
                .collect();
            right.join(" ")
        }
        QuestionKind::TrueFalse { answer, .. } => if *answer { "True." } else { "False." }.into(),
        QuestionKind::Match {
            categories, items, ..
        } => {
            let rows: Vec<String> = items
                .iter()
                .map(|it| {
                    let c = categories
                        .get(it.category)
                        .map_or("?", crate::course::text::Text::as_str);
                    format!("{}: {c}.", it.text)
                })
                .collect();
            rows.join(" ")
        }
        QuestionKind::Order { items, .. } => {
            let rows: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(k, i)| format!("{}. {}", k + 1, stop(i)))
                .collect();
            rows.join(" ")
        }
        QuestionKind::Short { accept } => {
            // Misspellings the author accepts are not worth reading out.
            let mut shown: Vec<&str> = Vec::new();
            for a in accept {
                let folded = a.to_lowercase();
                if !shown.iter().any(|s| near_copy(s, &folded)) {
                    shown.push(a);
                }
            }
            let quoted: Vec<String> = shown.iter().map(|a| format!("\"{a}\"")).collect();
            format!("{}.", quoted.join(" or "))
        }
    }
}

/// The feedback on a response: verdict, the feedback on each choice, the right answer, why.
pub fn feedback(t: &mut Text, q: &Question, r: &Response, order: &[usize]) {
    t.say(&verdict(r));
    t.lead(&your_answer(q, &r.answer), "Your answer: ", "  ");
    match (&q.kind, &r.answer) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            if let Some(o) = options.get(*i) {
                t.prose(&o.feedback, "About your choice: ", "  ");
            }
        }
        (QuestionKind::Multiple { options, .. }, Answer::Multiple(picked)) => {
            for (i, o) in options.iter().enumerate() {
                let ticked = picked.contains(&i);
                let what = match (ticked, o.correct) {
                    (true, true) => "Ticked, and right",
                    (true, false) => "Ticked, but wrong",
                    (false, true) => "Missed",
                    (false, false) => continue,
                };
                t.say(&format!(
                    "{what}: {} {}",
                    stop(&o.text.plain()),
                    o.feedback.plain()
                ));
            }
        }
        (
            QuestionKind::TrueFalse {
                true_feedback,
                false_feedback,
                ..
            },
            Answer::TrueFalse(b),
        ) => t.prose(
            if *b { true_feedback } else { false_feedback },
            "About your choice: ",
            "  ",
        ),
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
            for i in shown {
                let Some(it) = items.get(i) else { continue };
                let got = chosen.get(i).copied().flatten();
                let cat = categories
                    .get(it.category)
                    .map_or("?", crate::course::text::Text::as_str);
                let line = if got == Some(it.category) {
                    format!("Right: {} is {cat}. {}", it.text, it.feedback.plain())
                } else {
                    let given = got
                        .and_then(|g| categories.get(g))
                        .map_or("no category", crate::course::text::Text::as_str);
                    format!(
                        "Not right: {} is {cat}, not {given}. {}",
                        it.text,
                        it.feedback.plain()
                    )
                };
                t.say(&line);
            }
        }
        (QuestionKind::Short { accept }, Answer::Short(given)) => {
            if let ShortMatch::NearMiss { spelling } = short_match(accept, given) {
                t.say(&format!(
                    "Accepted, though not spelt as expected: you wrote \"{given}\"; the spelling is \"{spelling}\"."
                ));
            }
        }
        _ => {}
    }
    if !r.correct {
        t.lead(&right_answer(q), "Right answer: ", "  ");
    }
    t.prose(&q.explanation, "Why: ", "  ");
}
