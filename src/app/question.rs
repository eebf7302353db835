//! The answer a learner is putting together before submitting it, per question kind, in
//! display order. Turned into an `Answer` (authored order) on submit.

use crate::course::QuestionKind;
use crate::quiz::{Answer, Asked};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    /// `single`: the highlighted option (display index).
    Choice {
        cursor: usize,
    },
    /// 0 is True, 1 is False.
    TrueFalse {
        cursor: usize,
    },
    Multiple {
        cursor: usize,
        ticked: Vec<bool>,
    },
    /// For each item in display order, the chosen category.
    Match {
        cursor: usize,
        chosen: Vec<Option<usize>>,
    },
    /// Authored item indices in the order currently shown; `held` when the item under the
    /// cursor moves with it.
    Order {
        cursor: usize,
        arrangement: Vec<usize>,
        held: bool,
    },
    /// `cursor` counts characters.
    Short {
        text: String,
        cursor: usize,
    },
}

impl Draft {
    pub fn new(kind: &QuestionKind, asked: &Asked) -> Draft {
        let n = asked.order.len();
        match kind {
            QuestionKind::Single { .. } => Draft::Choice { cursor: 0 },
            QuestionKind::TrueFalse { .. } => Draft::TrueFalse { cursor: 0 },
            QuestionKind::Multiple { .. } => Draft::Multiple {
                cursor: 0,
                ticked: vec![false; n],
            },
            QuestionKind::Match { .. } => Draft::Match {
                cursor: 0,
                chosen: vec![None; n],
            },
            QuestionKind::Order { .. } => Draft::Order {
                cursor: 0,
                arrangement: asked.order.clone(),
                held: false,
            },
            QuestionKind::Short { .. } => Draft::Short {
                text: String::new(),
                cursor: 0,
            },
        }
    }

    /// The number of rows the cursor moves over.
    pub fn rows(&self) -> usize {
        match self {
            Draft::Choice { .. } => usize::MAX,
            Draft::TrueFalse { .. } => 2,
            Draft::Multiple { ticked, .. } => ticked.len(),
            Draft::Match { chosen, .. } => chosen.len(),
            Draft::Order { arrangement, .. } => arrangement.len(),
            Draft::Short { .. } => 0,
        }
    }

    /// The submitted answer, or why it is not ready yet.
    pub fn answer(&self, asked: &Asked) -> Result<Answer, String> {
        let authored = |display: usize| asked.order.get(display).copied().unwrap_or(display);
        match self {
            Draft::Choice { cursor } => Ok(Answer::Single(authored(*cursor))),
            Draft::TrueFalse { cursor } => Ok(Answer::TrueFalse(*cursor == 0)),
            Draft::Multiple { ticked, .. } => {
                if !ticked.iter().any(|t| *t) {
                    return Err("Tick at least one option with Space, then press Enter.".into());
                }
                let mut picked: Vec<usize> = ticked
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| **t)
                    .map(|(d, _)| authored(d))
                    .collect();
                picked.sort_unstable();
                Ok(Answer::Multiple(picked))
            }
            Draft::Match { chosen, .. } => {
                let left = chosen.iter().filter(|c| c.is_none()).count();
                if left > 0 {
                    let items = if left == 1 { "item" } else { "items" };
                    return Err(format!(
                        "Give every item a category first ({left} {items} left): ← → change it."
                    ));
                }
                let mut by_item = vec![None; chosen.len()];
                for (d, c) in chosen.iter().enumerate() {
                    if let Some(slot) = by_item.get_mut(authored(d)) {
                        *slot = *c;
                    }
                }
                Ok(Answer::Match(by_item))
            }
            Draft::Order { arrangement, .. } => Ok(Answer::Order(arrangement.clone())),
            Draft::Short { text, .. } => {
                if text.trim().is_empty() {
                    return Err("Type your answer, then press Enter.".into());
                }
                Ok(Answer::Short(text.clone()))
            }
        }
    }
}
