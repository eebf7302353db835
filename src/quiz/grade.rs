//! Grading one answer against one question, by kind. Full marks are 1 point; partial
//! credit, where the author allows it, gives a fraction.

use crate::course::QuestionKind;

use super::answer::{Answer, ShortMatch, short_match};

/// The result of grading one answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// 0.0 to 1.0.
    pub points: f64,
    /// Full marks.
    pub correct: bool,
}

impl Mark {
    fn of(points: f64) -> Mark {
        let points = points.clamp(0.0, 1.0);
        Mark {
            points,
            correct: points >= 1.0 - 1e-9,
        }
    }

    fn all_or_nothing(right: bool) -> Mark {
        Mark::of(if right { 1.0 } else { 0.0 })
    }
}

/// Grade `answer` for a question of `kind`. An answer of the wrong shape scores 0.
pub fn grade(kind: &QuestionKind, answer: &Answer) -> Mark {
    match (kind, answer) {
        (QuestionKind::Single { options }, Answer::Single(i)) => {
            Mark::all_or_nothing(options.get(*i).is_some_and(|o| o.correct))
        }
        (QuestionKind::TrueFalse { answer: right, .. }, Answer::TrueFalse(given)) => {
            Mark::all_or_nothing(right == given)
        }
        (
            QuestionKind::Multiple {
                options,
                partial_credit,
            },
            Answer::Multiple(ticked),
        ) => {
            let right_total = options.iter().filter(|o| o.correct).count();
            let mut ticked = ticked.clone();
            ticked.sort_unstable();
            ticked.dedup();
            let right = ticked
                .iter()
                .filter(|&&i| options.get(i).is_some_and(|o| o.correct))
                .count();
            let wrong = ticked.len() - right;
            if *partial_credit && right_total > 0 {
                Mark::of((right as f64 - wrong as f64) / right_total as f64)
            } else {
                Mark::all_or_nothing(right == right_total && wrong == 0)
            }
        }
        (
            QuestionKind::Match {
                items,
                partial_credit,
                ..
            },
            Answer::Match(chosen),
        ) => {
            let placed_right = items
                .iter()
                .enumerate()
                .filter(|(i, item)| chosen.get(*i).copied().flatten() == Some(item.category))
                .count();
            share(placed_right, items.len(), *partial_credit)
        }
        (
            QuestionKind::Order {
                items,
                partial_credit,
            },
            Answer::Order(arranged),
        ) => {
            let in_place = arranged
                .iter()
                .enumerate()
                .filter(|(pos, item)| *pos == **item)
                .count()
                .min(items.len());
            let complete = arranged.len() == items.len();
            if complete {
                share(in_place, items.len(), *partial_credit)
            } else {
                share(in_place, items.len(), *partial_credit).min_with(complete)
            }
        }
        (QuestionKind::Short { accept }, Answer::Short(given)) => {
            Mark::all_or_nothing(short_match(accept, given) != ShortMatch::Wrong)
        }
        _ => Mark::of(0.0),
    }
}

/// `right` of `total` parts: a share of the point with partial credit, else all or nothing.
fn share(right: usize, total: usize, partial: bool) -> Mark {
    if total == 0 {
        return Mark::of(0.0);
    }
    if partial {
        Mark::of(right as f64 / total as f64)
    } else {
        Mark::all_or_nothing(right == total)
    }
}

trait MinWith {
    fn min_with(self, complete: bool) -> Mark;
}

impl MinWith for Mark {
    /// An incomplete arrangement can never be fully right.
    fn min_with(self, complete: bool) -> Mark {
        if complete {
            self
        } else {
            Mark {
                points: self.points,
                correct: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::markup::Prose;
    use crate::course::{Choice, MatchItem};

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .map(|&c| Choice {
                text: Prose::parse("x"),
                feedback: Prose::parse("y"),
                correct: c,
            })
            .collect()
    }

    fn single() -> QuestionKind {
        QuestionKind::Single {
            options: choices(&[false, true, false]),
        }
    }

    fn multiple(partial: bool) -> QuestionKind {
        QuestionKind::Multiple {
            options: choices(&[true, true, false, false]),
            partial_credit: partial,
        }
    }

    fn matching(partial: bool) -> QuestionKind {
        QuestionKind::Match {
            categories: vec!["L".into(), "M".into()],
            items: [0, 1, 0, 1]
                .iter()
                .map(|&c| MatchItem {
                    text: "i".into(),
                    category: c,
                    feedback: Prose::default(),
                })
                .collect(),
            partial_credit: partial,
        }
    }

    fn order(partial: bool) -> QuestionKind {
        QuestionKind::Order {
            items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            partial_credit: partial,
        }
    }

    fn short() -> QuestionKind {
        QuestionKind::Short {
            accept: vec!["status quo".into(), "Transform".into()],
        }
    }

    #[test]
    fn single_is_all_or_nothing() {
        assert_eq!(
            grade(&single(), &Answer::Single(1)),
            Mark {
                points: 1.0,
                correct: true
            }
        );
        assert_eq!(
            grade(&single(), &Answer::Single(0)),
            Mark {
                points: 0.0,
                correct: false
            }
        );
        assert_eq!(
            grade(&single(), &Answer::Single(9)).points,
            0.0,
            "out of range is wrong"
        );
    }

    #[test]
    fn true_false_is_all_or_nothing() {
        let q = QuestionKind::TrueFalse {
            answer: false,
            true_feedback: Prose::default(),
            false_feedback: Prose::default(),
        };
        assert!(grade(&q, &Answer::TrueFalse(false)).correct);
        assert!(!grade(&q, &Answer::TrueFalse(true)).correct);
    }

    #[test]
    fn multiple_without_partial_credit_needs_exactly_the_right_ticks() {
        assert!(grade(&multiple(false), &Answer::Multiple(vec![1, 0])).correct);
        assert_eq!(
            grade(&multiple(false), &Answer::Multiple(vec![0])).points,
            0.0
        );
        assert_eq!(
            grade(&multiple(false), &Answer::Multiple(vec![0, 1, 2])).points,
            0.0
        );
        assert_eq!(
            grade(&multiple(false), &Answer::Multiple(vec![])).points,
            0.0
        );
    }

    #[test]
    fn multiple_partial_credit_is_right_minus_wrong_never_below_zero() {
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![0])).points,
            0.5
        );
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![0, 2])).points,
            0.0
        );
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![2, 3])).points,
            0.0
        );
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![0, 1, 2])).points,
            0.5
        );
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![])).points,
            0.0
        );
        assert!(grade(&multiple(true), &Answer::Multiple(vec![0, 1])).correct);
        assert!(!grade(&multiple(true), &Answer::Multiple(vec![0])).correct);
    }

    #[test]
    fn duplicate_ticks_count_once() {
        assert_eq!(
            grade(&multiple(true), &Answer::Multiple(vec![0, 0])).points,
            0.5
        );
    }

    #[test]
    fn match_partial_credit_is_per_item() {
        let all = Answer::Match(vec![Some(0), Some(1), Some(0), Some(1)]);
        let half = Answer::Match(vec![Some(0), Some(0), Some(0), Some(0)]);
        let empty = Answer::Match(vec![None, None, None, None]);
        assert!(grade(&matching(true), &all).correct);
        assert_eq!(grade(&matching(true), &half).points, 0.5);
        assert_eq!(grade(&matching(false), &half).points, 0.0);
        assert_eq!(grade(&matching(true), &empty).points, 0.0);
        assert_eq!(
            grade(&matching(true), &Answer::Match(vec![Some(0)])).points,
            0.25
        );
    }

    #[test]
    fn order_partial_credit_counts_items_in_their_place() {
        assert!(grade(&order(false), &Answer::Order(vec![0, 1, 2, 3])).correct);
        assert_eq!(
            grade(&order(true), &Answer::Order(vec![0, 1, 3, 2])).points,
            0.5
        );
        assert_eq!(
            grade(&order(false), &Answer::Order(vec![0, 1, 3, 2])).points,
            0.0
        );
        assert_eq!(grade(&order(true), &Answer::Order(vec![])).points, 0.0);
        let partial = grade(&order(true), &Answer::Order(vec![0, 1]));
        assert_eq!(partial.points, 0.5);
        assert!(!partial.correct);
    }

    #[test]
    fn short_ignores_case_and_extra_spaces() {
        assert!(grade(&short(), &Answer::Short("  Status    QUO ".into())).correct);
        assert!(grade(&short(), &Answer::Short("transform".into())).correct);
        assert!(!grade(&short(), &Answer::Short("status".into())).correct);
        assert!(!grade(&short(), &Answer::Short("   ".into())).correct);
    }

    #[test]
    fn answer_of_the_wrong_shape_scores_zero() {
        assert_eq!(grade(&single(), &Answer::Short("1".into())).points, 0.0);
        assert_eq!(grade(&short(), &Answer::Single(0)).points, 0.0);
    }
}
