//! The content model: a course as the rest of the program sees it, after loading,
//! validation and sanitizing. Every string here is safe to show on a terminal.
//! What each field means for authors is documented in `spec.rs` and docs/authoring.md.

use super::markup::{Block, Prose};

/// A whole course, modules in the order learners see them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub description: String,
    pub version: String,
    pub authors: Vec<String>,
    /// Where xAPI activity ids start (`base_iri` in course.toml), if the author set it.
    pub base_iri: Option<String>,
    /// Default pass mark in percent, used by quizzes that set none.
    pub pass_mark: u8,
    pub modules: Vec<Module>,
}

impl Course {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    pub fn module_index(&self, id: &str) -> Option<usize> {
        self.modules.iter().position(|m| m.id == id)
    }

    pub fn base_iri(&self) -> Option<&str> {
        self.base_iri.as_deref()
    }

    pub fn total_minutes(&self) -> u32 {
        self.modules.iter().map(|m| m.minutes).sum()
    }

    pub fn question_count(&self) -> usize {
        self.modules.iter().map(|m| m.quiz.questions.len()).sum()
    }
}

/// Whether a module teaches (sections, then a quiz) or only tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ModuleKind {
    Lesson,
    Assessment,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub objectives: Vec<Prose>,
    pub minutes: u32,
    pub kind: ModuleKind,
    /// Ids of the modules to complete before this one opens.
    pub requires: Vec<String>,
    /// Where each of `requires` is written in `file` (byte ranges), for messages.
    pub requires_spans: Vec<std::ops::Range<usize>>,
    pub sources: Vec<String>,
    pub takeaways: Vec<Prose>,
    pub sections: Vec<Section>,
    pub quiz: Quiz,
    /// The file it was loaded from, relative to the course folder.
    pub file: String,
}

impl Module {
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.quiz.questions.iter().find(|q| q.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub body: Vec<Block>,
}

/// When the learner learns whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Feedback {
    /// Right or wrong, and why, after each answer.
    Immediate,
    /// Nothing until the attempt is finished.
    Deferred,
}

/// Which attempts make up a module's grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Grading {
    Highest,
    Latest,
    Average,
    First,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quiz {
    pub pass_mark: u8,
    pub feedback: Feedback,
    pub per_attempt: usize,
    pub grading: Grading,
    pub shuffle: bool,
    pub questions: Vec<Question>,
    /// The blueprint: how many questions each attempt draws from each pool. Empty: draw
    /// `per_attempt` from the whole pool.
    pub draw: Vec<Draw>,
    /// Review codes silenced for the whole module (`[quiz] allow`).
    pub allow: Vec<String>,
    /// Byte range of the `[quiz]` table in the module file, for the review's messages.
    pub span: std::ops::Range<usize>,
}

/// One entry of a quiz's blueprint: draw `count` questions tagged `pool`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draw {
    pub pool: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    pub id: String,
    pub prompt: Prose,
    pub explanation: Prose,
    pub kind: QuestionKind,
    /// The fingerprint answers are recorded with (`hash.rs` has the rule): an edit that
    /// changes what the learner answers marks old answers stale, a typo fix does not.
    pub hash: String,
    /// The blueprint pool the question belongs to (`pool = "..."`), if any.
    pub pool: Option<String>,
    /// The section that teaches it (`teaches = "..."`) and where the key is written.
    pub teaches: Option<(String, std::ops::Range<usize>)>,
    /// Review codes silenced for this question (`allow = [...]`).
    pub allow: Vec<String>,
    /// Byte range of the question's table in the module file, for the review's messages.
    pub span: std::ops::Range<usize>,
    /// The hash of release 0.1 (exact texts), empty once `revision` is raised: answers
    /// recorded with it stay current after an upgrade.
    pub legacy_hash: String,
}

impl Question {
    /// Whether an answer recorded with `hash` still applies to the question as it is now.
    pub fn answered_as_is(&self, hash: &str) -> bool {
        hash == self.hash || (!self.legacy_hash.is_empty() && hash == self.legacy_hash)
    }
}

/// One selectable option of a `single` or `multiple` question.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Choice {
    pub text: Prose,
    pub feedback: Prose,
    pub correct: bool,
}

/// One item of a `match` question and the category it belongs in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MatchItem {
    pub text: String,
    pub category: usize,
    pub feedback: Prose,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
        partial_credit: bool,
    },
    TrueFalse {
        answer: bool,
        true_feedback: Prose,
        false_feedback: Prose,
    },
    Match {
        categories: Vec<String>,
        items: Vec<MatchItem>,
        partial_credit: bool,
    },
    /// Items are stored in the right order.
    Order {
        items: Vec<String>,
        partial_credit: bool,
    },
    Short {
        accept: Vec<String>,
    },
}

impl QuestionKind {
    /// The name authors write in `kind = "..."`.
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "true_false",
            QuestionKind::Match { .. } => "match",
            QuestionKind::Order { .. } => "order",
            QuestionKind::Short { .. } => "short",
        }
    }

    /// How many things the learner arranges or picks among, for shuffling.
    pub fn option_count(&self) -> usize {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
                options.len()
            }
            QuestionKind::TrueFalse { .. } => 2,
            QuestionKind::Match { items, .. } => items.len(),
            QuestionKind::Order { items, .. } => items.len(),
            QuestionKind::Short { .. } => 0,
        }
    }
}

/// All question kind names, in the order the summary lists them.
pub const KIND_NAMES: [&str; 6] = [
    "single",
    "multiple",
    "true_false",
    "match",
    "order",
    "short",
];
