//! Attempts: drawing questions from the pool, shuffling them and their options (seeded, and
//! recorded, so a resumed attempt shows exactly what it showed before), recording answers,
//! and scoring.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::course::{Module, Question, QuestionKind};

use super::answer::Answer;
use super::draft::Draft;
use super::grade::grade;

/// A full attempt counts towards the module's grade; a "missed only" retake is practice: it
/// updates mastery but never the grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Full,
    Missed,
}

/// One question as drawn into an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    pub id: String,
    /// The question's content hash when it was drawn.
    pub hash: String,
    /// Display order: `order[k]` is the authored index of the option (or item) shown k-th.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
    /// Fields written by a newer syllabus, kept on save.
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

/// One recorded answer. In the file (format 2) responses are a table keyed by question id,
/// so `question` is the key; format 1 wrote a list with `question` in each entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub question: String,
    pub hash: String,
    pub answer: Answer,
    pub points: f64,
    pub correct: bool,
    pub at: Timestamp,
    /// Fields written by a newer syllabus, kept on save.
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

/// One attempt at a module's quiz, finished or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// 1-based within the module.
    pub number: u32,
    pub mode: Mode,
    /// Written as a TOML integer, which is a signed 64-bit number: see `seed_bits`.
    #[serde(with = "seed_bits")]
    pub seed: u64,
    pub started: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Timestamp>,
    pub questions: Vec<Asked>,
    /// At most one per question id, in the order of `questions` (answers to questions no
    /// longer asked come last). Written as a table keyed by question id.
    #[serde(default, with = "super::keyed", skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
    /// The id of the question on screen when the attempt was last saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Answers being entered but not yet submitted, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, Draft>,
    /// Fields written by a newer syllabus, kept so a save does not drop them.
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

impl Attempt {
    /// Draw a new attempt. `only` limits the pool to these question ids (a "missed only"
    /// retake asks all of them); otherwise the quiz's blueprint (`draw`) picks its count from
    /// each pool, or without one `per_attempt` questions are drawn from the whole pool. With `shuffle` off the drawn questions keep the authored order and options are
    /// not shuffled; `order` items are always shuffled, since their authored order is the
    /// answer.
    pub fn draw(
        module: &Module,
        mode: Mode,
        number: u32,
        seed: u64,
        now: Timestamp,
        only: Option<&[String]>,
    ) -> Attempt {
        let mut rng = fastrand::Rng::with_seed(seed);
        let quiz = &module.quiz;
        let pool: Vec<usize> = (0..quiz.questions.len())
            .filter(|&i| only.is_none_or(|ids| ids.iter().any(|id| *id == quiz.questions[i].id)))
            .collect();
        let mut drawn = match only {
            None if !quiz.draw.is_empty() => by_blueprint(module, &mut rng),
            _ => {
                let count = only.map_or(quiz.per_attempt, |_| pool.len());
                let mut drawn = pool;
                rng.shuffle(&mut drawn);
                drawn.truncate(count);
                drawn
            }
        };
        if !quiz.shuffle {
            drawn.sort_unstable();
        }
        let questions = drawn
            .into_iter()
            .map(|i| {
                let q = &quiz.questions[i];
                Asked {
                    id: q.id.to_string(),
                    hash: q.hash.to_string(),
                    order: display_order(q, quiz.shuffle, &mut rng),
                    extra: toml::Table::new(),
                }
            })
            .collect();
        Attempt {
            number,
            mode,
            seed,
            started: now,
            finished: None,
            questions,
            responses: Vec::new(),
            current: None,
            drafts: BTreeMap::new(),
            extra: toml::Table::new(),
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// A question edited since it was drawn (or a hand-edited progress file) may no longer
    /// fit the option order recorded for it, which would then point past its options. Each
    /// unanswered question whose order is not a permutation of its current options gets a
    /// new one; answered questions are never touched.
    pub fn refit_orders(&mut self, module: &Module) {
        let mut rng = fastrand::Rng::with_seed(self.seed);
        let responses = &self.responses;
        for asked in self
            .questions
            .iter_mut()
            .filter(|a| !responses.iter().any(|r| r.question == a.id))
        {
            let Some(q) = module.question(&asked.id) else {
                continue;
            };
            if !order_fits(&asked.order, q) {
                asked.order = display_order(q, module.quiz.shuffle, &mut rng);
                asked.hash = q.hash.to_string();
            }
        }
    }

    /// Index of the first question not answered yet, or None when all are answered.
    pub fn next_index(&self) -> Option<usize> {
        self.questions
            .iter()
            .position(|q| self.response(&q.id).is_none())
    }

    /// The answer recorded for question `id`, if any.
    pub fn response(&self, id: &str) -> Option<&Response> {
        self.responses.iter().find(|r| r.question == id)
    }

    /// How many of the asked questions have an answer.
    pub fn answered(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| self.response(&q.id).is_some())
            .count()
    }

    /// Put the responses in the order of the questions asked (answers to questions not
    /// asked any more last, by id), as the file's table does not keep an order.
    pub fn sort_responses(&mut self) {
        let pos = |id: &str| {
            self.questions
                .iter()
                .position(|q| q.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut keyed: Vec<(usize, Response)> = std::mem::take(&mut self.responses)
            .into_iter()
            .map(|r| (pos(&r.question), r))
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.question.cmp(&b.1.question)));
        self.responses = keyed.into_iter().map(|(_, r)| r).collect();
    }

    /// Record (or, in a deferred attempt, replace) the answer to `question`, graded against
    /// the course as it is now. Its draft is no longer needed.
    pub fn answer(&mut self, question: &Question, answer: Answer, now: Timestamp) -> Response {
        let mark = grade(&question.kind, &answer);
        let response = Response {
            question: question.id.to_string(),
            hash: question.hash.to_string(),
            answer,
            points: mark.points,
            correct: mark.correct,
            at: now,
            extra: toml::Table::new(),
        };
        self.drafts.remove(question.id.as_str());
        match self
            .responses
            .iter_mut()
            .find(|r| r.question == question.id)
        {
            Some(old) => *old = response.clone(),
            None => {
                self.responses.push(response.clone());
                self.sort_responses();
            }
        }
        response
    }

    /// Score as a percentage of the questions asked (unanswered questions score 0).
    pub fn score(&self) -> f64 {
        if self.questions.is_empty() {
            return 0.0;
        }
        let points: f64 = self.responses.iter().map(|r| r.points).sum();
        100.0 * points / self.questions.len() as f64
    }

    pub fn passed(&self, pass_mark: u8) -> bool {
        self.score() + 1e-9 >= f64::from(pass_mark)
    }

    pub fn counts_for_grade(&self) -> bool {
        self.mode == Mode::Full && self.is_finished()
    }
}

/// The questions of one attempt under the quiz's blueprint: `count` drawn at random from
/// each pool, mixed.
fn by_blueprint(module: &Module, rng: &mut fastrand::Rng) -> Vec<usize> {
    let questions = &module.quiz.questions;
    let mut drawn = Vec::new();
    for entry in &module.quiz.draw {
        let mut members: Vec<usize> = (0..questions.len())
            .filter(|&i| questions[i].pool.as_deref() == Some(entry.pool.as_str()))
            .collect();
        rng.shuffle(&mut members);
        members.truncate(entry.count);
        drawn.extend(members);
    }
    // Mixed, so the pools do not come in blueprint order (sorted again without shuffle).
    rng.shuffle(&mut drawn);
    drawn
}

/// Whether `order` can show question `q`: a permutation of its options (kinds without
/// options ignore it).
fn order_fits(order: &[usize], q: &Question) -> bool {
    let n = match &q.kind {
        QuestionKind::TrueFalse { .. } | QuestionKind::Short { .. } => return true,
        other => other.option_count(),
    };
    let mut seen = vec![false; n];
    order.len() == n
        && order
            .iter()
            .all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
}

pub(crate) fn display_order(q: &Question, shuffle: bool, rng: &mut fastrand::Rng) -> Vec<usize> {
    let n = match &q.kind {
        QuestionKind::TrueFalse { .. } | QuestionKind::Short { .. } => return Vec::new(),
        other => other.option_count(),
    };
    let mut order: Vec<usize> = (0..n).collect();
    match &q.kind {
        QuestionKind::Order { .. } => {
            rng.shuffle(&mut order);
            // Never show an order question already solved.
            if n >= 2 && order.iter().enumerate().all(|(i, &o)| i == o) {
                order.rotate_left(1);
            }
        }
        _ if shuffle => rng.shuffle(&mut order),
        _ => {}
    }
    order
}

/// Seeds fit in 53 bits so they are exact as TOML integers and as JSON numbers (a float
/// mantissa), whatever tool reads the progress file.
pub const SEED_BITS: u32 = 53;

/// A seed for a new attempt: different for every attempt, without needing a clock. Always
/// below `2^SEED_BITS`.
pub fn seed_for(module_id: &str, number: u32, entropy: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in module_id
        .bytes()
        .chain(number.to_le_bytes())
        .chain(entropy.to_le_bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & ((1 << SEED_BITS) - 1)
}

/// TOML integers are `i64`. The toml crate writes a larger `u64` as a bare 20-digit number
/// that its typed reader accepts but that is not TOML: its own `toml::Table` parser (and any
/// tool, merge or migration reading the file as plain TOML) rejects the whole file. Seeds from
/// `seed_for` never get there and are written unchanged; any larger value is written as the
/// `i64` with the same bits and read back exactly.
mod seed_bits {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(i64::from_ne_bytes(seed.to_ne_bytes()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let raw = i64::deserialize(d)?;
        Ok(u64::from_ne_bytes(raw.to_ne_bytes()))
    }
}
