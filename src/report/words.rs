//! Answers in words, in the order the learner saw them: the option and item texts the
//! attempt showed (its recorded `order`), never the authored indexes a progress file keeps.

use crate::course::{Question, QuestionKind};
use crate::quiz::Answer;

/// The positions in shown order: `order[k]` is the authored index shown k-th (an empty or
/// unfitting order means the authored order).
fn shown(order: &[usize], n: usize) -> Vec<usize> {
    let mut sorted = order.to_vec();
    sorted.sort_unstable();
    if sorted.len() == n && sorted.iter().enumerate().all(|(i, &o)| i == o) {
        order.to_vec()
    } else {
        (0..n).collect()
    }
}

/// The learner's answer as the texts shown, `; ` between options or items.
pub fn answer_text(q: &Question, a: &Answer, order: &[usize]) -> String {
    match (&q.kind, a) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            options.get(*i).map_or("?".into(), |o| o.text.plain())
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(b)) => {
            if *b { "True" } else { "False" }.into()
        }
        (QuestionKind::Multiple { options, .. }, Answer::Multiple(picked)) => {
            let texts: Vec<String> = shown(order, options.len())
                .into_iter()
                .filter(|i| picked.contains(i))
                .filter_map(|i| options.get(i))
                .map(|o| o.text.plain())
                .collect();
            if texts.is_empty() {
                "nothing ticked".into()
            } else {
                texts.join("; ")
            }
        }
        (
            QuestionKind::Match {
                categories, items, ..
            },
            Answer::Match(chosen),
        ) => shown(order, items.len())
            .into_iter()
            .filter_map(|i| {
                let it = items.get(i)?;
                let c = chosen
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|c| categories.get(c))
                    .map_or("none", crate::course::text::Text::as_str);
                Some(format!("{} → {c}", it.text))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::Order { items, .. }, Answer::Order(arranged)) => arranged
            .iter()
            .filter_map(|i| items.get(*i))
            .cloned()
            .collect::<Vec<_>>()
            .join(" → "),
        (QuestionKind::Short { .. }, Answer::Short(s)) => s.clone(),
        _ => "(an answer to an earlier version of this question)".into(),
    }
}

/// The right answer as the texts shown.
pub fn right_text(q: &Question, order: &[usize]) -> String {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            shown(order, options.len())
                .into_iter()
                .filter_map(|i| options.get(i))
                .filter(|o| o.correct)
                .map(|o| o.text.plain())
                .collect::<Vec<_>>()
                .join("; ")
        }
        QuestionKind::TrueFalse { answer, .. } => if *answer { "True" } else { "False" }.into(),
        QuestionKind::Match {
            categories, items, ..
        } => shown(order, items.len())
            .into_iter()
            .filter_map(|i| items.get(i))
            .map(|it| {
                let c = categories
                    .get(it.category)
                    .map_or("?", crate::course::text::Text::as_str);
                format!("{} → {c}", it.text)
            })
            .collect::<Vec<_>>()
            .join("; "),
        QuestionKind::Order { items, .. } => items.join(" → "),
        QuestionKind::Short { accept } => {
            accept.first().map(ToString::to_string).unwrap_or_default()
        }
    }
}
