//! The content model: a course as the rest of the program sees it, after loading,
//! validation and sanitizing. Every string here is safe to show on a terminal.
//! Each field says what it is in the author's terms, and which key of the course files it
//! comes from; the key tables (`spec.rs`) and docs/authoring.md say how to write them.

use super::markup::{Block, Prose};
use super::text::Text;

/// A whole course, modules in the order learners see them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Course {
    /// The course id (`id` in course.toml): progress is saved per course id.
    pub id: String,
    /// The course's name (`title`), shown at the top of the course map.
    pub title: String,
    /// One or two sentences under the title (`description`).
    pub description: String,
    /// The author's version of the course (`version`), e.g. "1.2.0".
    pub version: String,
    /// The authors' names (`authors`), at least one.
    pub authors: Vec<String>,
    /// Where xAPI activity ids start (`base_iri` in course.toml), if the author set it.
    pub base_iri: Option<String>,
    /// Default pass mark in percent (`pass_mark`, default 70), used by quizzes that set none.
    pub pass_mark: u8,
    /// The modules, in the order `modules` lists their files.
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
    /// `kind = "lesson"` (the default): sections to read, then a quiz.
    Lesson,
    /// `kind = "assessment"`: a quiz only, no sections.
    Assessment,
}

/// One module file: a lesson (sections and a quiz) or an assessment (a quiz only).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Module {
    /// The module id (`id`), unique in the course; progress is recorded by it.
    #[serde(with = "crate::course::text::hot")]
    pub id: Text,
    /// Shown on the map and above each lesson page (`title`).
    #[serde(with = "crate::course::text::hot")]
    pub title: Text,
    /// One or two sentences for the map's detail pane (`summary`).
    pub summary: Text,
    /// What the learner will be able to do (`objectives`), one item each.
    pub objectives: Vec<Prose>,
    /// Estimated minutes for lesson and quiz (`minutes`, 1 to 600).
    pub minutes: u32,
    /// Whether the module teaches or only tests (`kind`).
    pub kind: ModuleKind,
    /// Ids of the modules to complete before this one opens.
    pub requires: Vec<String>,
    /// Where each of `requires` is written in `file` (byte ranges), for messages.
    pub requires_spans: Vec<std::ops::Range<usize>>,
    /// Where the content comes from (`sources`).
    pub sources: Vec<Text>,
    /// Key points shown after the sections (`takeaways`).
    pub takeaways: Vec<Prose>,
    /// The pages of the lesson, in order (`[[sections]]`); empty for an assessment.
    pub sections: Vec<Section>,
    /// The module's quiz (`[quiz]`).
    pub quiz: Quiz,
    /// The file it was loaded from, relative to the course folder.
    pub file: Text,
}

impl Module {
    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.quiz.questions.iter().find(|q| q.id == id)
    }
}

/// One page of a lesson (`[[sections]]`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// The section id (`id`), unique in the module; the learner's place is saved by it.
    #[serde(with = "crate::course::text::hot")]
    pub id: Text,
    /// Shown above the text with "Section 2 of 5" (`title`).
    pub title: Text,
    /// The text (`body`, CommonMark with tables), parsed into blocks, diagrams read in.
    /// The built-in course decodes it when the section is first shown (`course::lazy`).
    pub body: super::lazy::Lazy<Vec<Block>>,
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
    /// `grading = "highest"` (the default): the best attempt.
    Highest,
    /// `grading = "latest"`: the most recent finished attempt.
    Latest,
    /// `grading = "average"`: the mean of all finished attempts.
    Average,
    /// `grading = "first"`: the first finished attempt; retakes are practice.
    First,
}

/// A module's quiz (`[quiz]`): the question pool and the rules of an attempt.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quiz {
    /// Percentage needed to pass (`pass_mark`; default: the course's).
    pub pass_mark: u8,
    /// When the learner learns whether an answer was right (`feedback`).
    pub feedback: Feedback,
    /// Questions asked per attempt (`questions_per_attempt`, or the sum of `draw`'s
    /// counts; default: the whole pool).
    pub per_attempt: usize,
    /// Which attempts make the grade (`grading`).
    pub grading: Grading,
    /// Whether questions and options are shuffled (`shuffle`, default true).
    pub shuffle: bool,
    /// The question pool (`[[quiz.questions]]`), in the order written.
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
    /// The pool to draw from: the `pool` of some questions.
    pub pool: String,
    /// How many questions of that pool each attempt asks (`count`).
    pub count: usize,
}

/// One question of a quiz's pool (`[[quiz.questions]]`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// The question id (`id`), unique in the module; answers are recorded by it.
    #[serde(with = "crate::course::text::hot")]
    pub id: Text,
    /// The question itself (`prompt`).
    pub prompt: Prose,
    /// Why the right answer is right (`explanation`), shown after answering.
    pub explanation: Prose,
    /// The kind (`kind`) with what that kind asks: options, items, accepted answers.
    pub kind: QuestionKind,
    /// The fingerprint answers are recorded with (`hash.rs` has the rule): an edit that
    /// changes what the learner answers marks old answers stale, a typo fix does not.
    #[serde(with = "crate::course::text::hot")]
    pub hash: Text,
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
    #[serde(with = "crate::course::text::hot")]
    pub legacy_hash: Text,
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
    /// The option as the learner sees it (`text`).
    pub text: Prose,
    /// Why this option is right or wrong (`feedback`), shown when it is picked.
    pub feedback: Prose,
    /// Whether this option is a right answer (`correct`, default false).
    pub correct: bool,
}

/// One item of a `match` question and the category it belongs in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MatchItem {
    /// The item to sort (`text`).
    pub text: Text,
    /// The category it belongs in (`category`), as an index into the question's categories.
    pub category: usize,
    /// Why the item belongs in its category (`feedback`).
    pub feedback: Prose,
}

/// What a question asks for, by its `kind`, with the keys that kind takes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum QuestionKind {
    /// `kind = "single"`: pick the one right option.
    Single {
        /// The options (`[[quiz.questions.options]]`), 2 to 10, exactly one correct.
        options: Vec<Choice>,
    },
    /// `kind = "multiple"`: tick every right option.
    Multiple {
        /// The options, 2 to 10, at least one correct.
        options: Vec<Choice>,
        /// A share of the point for a partly right answer (`partial_credit`).
        partial_credit: bool,
    },
    /// `kind = "true_false"`: answer True or False.
    TrueFalse {
        /// The right answer (`answer`).
        answer: bool,
        /// Shown when the learner answers True (`true_feedback`).
        true_feedback: Prose,
        /// Shown when the learner answers False (`false_feedback`).
        false_feedback: Prose,
    },
    /// `kind = "match"`: sort each item into its category.
    Match {
        /// The categories to sort into (`categories`), 2 to 6.
        categories: Vec<Text>,
        /// The items to sort (`[[quiz.questions.items]]`), 2 to 10.
        items: Vec<MatchItem>,
        /// A share of the point for a partly right answer (`partial_credit`).
        partial_credit: bool,
    },
    /// `kind = "order"`: put the items in order.
    Order {
        /// The items (`items`), stored in the right order; learners see them shuffled.
        items: Vec<Text>,
        /// A share of the point for a partly right answer (`partial_credit`).
        partial_credit: bool,
    },
    /// `kind = "short"`: type a short answer.
    Short {
        /// Accepted answers (`accept`), compared ignoring case and extra spaces.
        accept: Vec<Text>,
    },
}

impl QuestionKind {
    /// The name authors write in `kind = "..."`.
    pub fn name(&self) -> &'static str {
        KIND_NAMES[match self {
            QuestionKind::Single { .. } => 0,
            QuestionKind::Multiple { .. } => 1,
            QuestionKind::TrueFalse { .. } => 2,
            QuestionKind::Match { .. } => 3,
            QuestionKind::Order { .. } => 4,
            QuestionKind::Short { .. } => 5,
        }]
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

/// All question kind names (what authors write in `kind = "..."`), in the order the
/// summary lists them; `QuestionKind::name` reads them from here.
pub const KIND_NAMES: [&str; 6] = [
    "single",
    "multiple",
    "true_false",
    "match",
    "order",
    "short",
];
