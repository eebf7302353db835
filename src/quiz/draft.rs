//! The answer a learner is putting together before submitting it, per question kind, in
//! display order. Turned into an `Answer` (authored order) on submit. Drafts are saved with
//! the attempt, so a half-sorted question survives a quit or a crash; one that no longer
//! fits its question (the course changed) is dropped rather than shown wrong.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, optional_indices};
use super::attempt::Asked;
use crate::course::QuestionKind;

/// Typed answers longer than this are not accepted (a runaway paste).
pub const MAX_TYPED: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Draft {
    /// `single`: the cursor and the chosen option (display indices); nothing is chosen
    /// until the learner chooses.
    Choice {
        cursor: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chosen: Option<usize>,
    },
    /// 0 is True, 1 is False.
    TrueFalse {
        cursor: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        chosen: Option<usize>,
    },
    Multiple {
        cursor: usize,
        ticked: Vec<bool>,
    },
    /// For each item in display order, the chosen category.
    Match {
        cursor: usize,
        #[serde(with = "optional_indices")]
        chosen: Vec<Option<usize>>,
    },
    /// Authored item indices in the order currently shown; `held` when the item under the
    /// cursor moves with it.
    Order {
        cursor: usize,
        arrangement: Vec<usize>,
        #[serde(default)]
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
            QuestionKind::Single { .. } => Draft::Choice {
                cursor: 0,
                chosen: None,
            },
            QuestionKind::TrueFalse { .. } => Draft::TrueFalse {
                cursor: 0,
                chosen: None,
            },
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

    /// The draft showing an answer already given, so it can be changed (a deferred
    /// attempt); a fresh draft when the answer does not fit the question as it is now.
    pub fn from_answer(kind: &QuestionKind, asked: &Asked, answer: &Answer) -> Draft {
        let display = |authored: usize| asked.order.iter().position(|&o| o == authored);
        let d = match (kind, answer) {
            (QuestionKind::Single { .. }, Answer::Single(i)) => {
                display(*i).map(|k| Draft::Choice {
                    cursor: k,
                    chosen: Some(k),
                })
            }
            (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(b)) => {
                let k = usize::from(!*b);
                Some(Draft::TrueFalse {
                    cursor: k,
                    chosen: Some(k),
                })
            }
            (QuestionKind::Multiple { .. }, Answer::Multiple(picked)) => Some(Draft::Multiple {
                cursor: 0,
                ticked: asked.order.iter().map(|o| picked.contains(o)).collect(),
            }),
            (QuestionKind::Match { .. }, Answer::Match(by_item)) => Some(Draft::Match {
                cursor: 0,
                chosen: asked
                    .order
                    .iter()
                    .map(|&o| by_item.get(o).copied().flatten())
                    .collect(),
            }),
            (QuestionKind::Order { .. }, Answer::Order(arr)) => Some(Draft::Order {
                cursor: 0,
                arrangement: arr.clone(),
                held: false,
            }),
            (QuestionKind::Short { .. }, Answer::Short(s)) => Some(Draft::Short {
                text: s.clone(),
                cursor: s.chars().count(),
            }),
            _ => None,
        };
        d.filter(|d| d.fits(kind, asked))
            .unwrap_or_else(|| Draft::new(kind, asked))
    }

    /// Whether this draft can be shown for the question as it is now: the same kind, the
    /// same number of options, every index in range. A saved draft that does not fit was
    /// made for an earlier version of the question.
    pub fn fits(&self, kind: &QuestionKind, asked: &Asked) -> bool {
        let n = asked.order.len();
        let is_perm = |v: &[usize]| {
            let mut seen = vec![false; n];
            v.len() == n
                && v.iter()
                    .all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
        };
        match (self, kind) {
            (Draft::Choice { cursor, chosen }, QuestionKind::Single { .. }) => {
                *cursor < n.max(1) && chosen.is_none_or(|c| c < n)
            }
            (Draft::TrueFalse { cursor, chosen }, QuestionKind::TrueFalse { .. }) => {
                *cursor < 2 && chosen.is_none_or(|c| c < 2)
            }
            (Draft::Multiple { cursor, ticked }, QuestionKind::Multiple { .. }) => {
                ticked.len() == n && *cursor < n.max(1)
            }
            (Draft::Match { cursor, chosen }, QuestionKind::Match { categories, .. }) => {
                chosen.len() == n
                    && *cursor < n.max(1)
                    && chosen.iter().flatten().all(|&c| c < categories.len())
            }
            (
                Draft::Order {
                    cursor,
                    arrangement,
                    ..
                },
                QuestionKind::Order { .. },
            ) => is_perm(arrangement) && *cursor < n.max(1),
            (Draft::Short { text, cursor }, QuestionKind::Short { .. }) => {
                let len = text.chars().count();
                len <= MAX_TYPED && *cursor <= len && !text.chars().any(char::is_control)
            }
            _ => false,
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
            Draft::Choice { chosen, .. } => match chosen {
                Some(k) => Ok(Answer::Single(authored(*k))),
                None => Err("Choose an option first (↑↓ or its number), then press Enter.".into()),
            },
            Draft::TrueFalse { chosen, .. } => match chosen {
                Some(k) => Ok(Answer::TrueFalse(*k == 0)),
                None => {
                    Err("Choose True or False first (↑↓, t/f or 1/2), then press Enter.".into())
                }
            },
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
