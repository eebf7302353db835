//! A review session as kept in the progress file (`[review]`), so leaving or a crash in
//! the middle resumes on the same card with the same option order: the cards drawn when it
//! started, each with its shuffled order, and how many are done.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::queue::Queue;
use crate::course::Course;
use crate::quiz::{Asked, Draft};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionCard {
    pub module: String,
    pub card: String,
    /// Display order of the options (or items), drawn afresh for every session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub started: Timestamp,
    pub cards: Vec<SessionCard>,
    /// Cards answered so far (the next one is `cards[done]`).
    #[serde(default)]
    pub done: usize,
    /// What is entered on the current card, not yet submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Fields written by a newer syllabus, kept on save.
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

impl Session {
    /// The due cards at `now` across modules, oldest due first, at most `size`, with the
    /// options of each shuffled (seeded by `seed`).
    pub fn start(
        course: &Course,
        queue: &Queue,
        now: Timestamp,
        size: usize,
        seed: u64,
    ) -> Session {
        let mut rng = fastrand::Rng::with_seed(seed);
        let cards = queue
            .due(now, size)
            .filter_map(|c| {
                let module = course.modules.get(c.module)?;
                let q = module.quiz.questions.get(c.question)?;
                let order = crate::quiz::attempt::display_order(q, true, &mut rng);
                Some(SessionCard {
                    module: module.id.to_string(),
                    card: q.id.to_string(),
                    order,
                })
            })
            .collect();
        Session {
            started: now,
            cards,
            done: 0,
            draft: None,
            extra: toml::Table::new(),
        }
    }

    pub fn current(&self) -> Option<&SessionCard> {
        self.cards.get(self.done)
    }

    pub fn is_over(&self) -> bool {
        self.done >= self.cards.len()
    }
}

impl SessionCard {
    /// Where the card is in `course` now (module and question indexes), if it still is.
    pub fn locate(&self, course: &Course) -> Option<(usize, usize)> {
        let m = course.modules.iter().position(|x| x.id == self.module)?;
        let q = course.modules[m]
            .quiz
            .questions
            .iter()
            .position(|x| x.id == self.card)?;
        Some((m, q))
    }

    /// The question as the quiz screens draw it.
    pub fn asked(&self, course: &Course) -> Option<Asked> {
        let (m, q) = self.locate(course)?;
        let question = &course.modules[m].quiz.questions[q];
        let mut order = self.order.clone();
        let needed = question.kind.option_count();
        let fits = order.len() == needed && (0..needed).all(|i| order.contains(&i));
        if !order.is_empty() && !fits {
            order = (0..question.kind.option_count()).collect();
        }
        Some(Asked {
            id: question.id.to_string(),
            hash: question.hash.to_string(),
            order,
            extra: toml::Table::new(),
        })
    }
}
