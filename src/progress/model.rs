//! The progress file's content: a human-readable TOML document with `version = 3`, keyed
//! by course, module, section and question ids (never positions). Fields this version does
//! not know are kept in `extra` and written back, so an older syllabus never drops what a
//! newer one recorded. Version 1 and 2 files are read and upgraded (`migrate_v1`, and
//! version 2 needs no change: 3 only adds the review log and the review session).

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::quiz::Attempt;
use crate::spaced::{Review, Session};

/// The format version this build writes. A file with a higher version opens read-only.
/// 2: an attempt's responses are a table keyed by question id (1 wrote a list in the order
/// answered), and an open attempt keeps the question on screen and unsubmitted drafts.
/// 3: each module's review log (`reviews`), the review session in progress
/// (`review_session`) and the learner's fitted FSRS parameters (`fsrs_parameters`).
pub const FORMAT_VERSION: u32 = 3;

/// Where a version-1 response that cannot be keyed (a second answer to the same question,
/// only possible by hand-editing) is kept, so that nothing is dropped.
pub const V1_DUPLICATES: &str = "v1_duplicate_responses";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// The course id this record belongs to.
    pub course: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<Timestamp>,
    /// Where the learner was, so the next launch opens there.
    #[serde(default)]
    pub place: Place,
    #[serde(default)]
    pub modules: BTreeMap<String, ModuleProgress>,
    /// The spaced-review session in progress, if one was left unfinished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_session: Option<Session>,
    /// FSRS parameters fitted to this learner's reviews (`syllabus progress optimize`);
    /// empty means FSRS's defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fsrs_parameters: Vec<f32>,
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
    /// The version the file had when read, if it was upgraded on reading (not saved).
    #[serde(skip)]
    pub migrated_from: Option<u32>,
}

impl Progress {
    pub fn new(course: &str) -> Progress {
        Progress {
            version: FORMAT_VERSION,
            course: course.to_string(),
            saved: None,
            place: Place::default(),
            modules: BTreeMap::new(),
            review_session: None,
            fsrs_parameters: Vec::new(),
            extra: toml::Table::new(),
            migrated_from: None,
        }
    }

    pub fn module(&self, id: &str) -> Option<&ModuleProgress> {
        self.modules.get(id)
    }

    pub fn module_mut(&mut self, id: &str) -> &mut ModuleProgress {
        self.modules.entry(id.to_string()).or_default()
    }

    pub fn attempts(&self, module: &str) -> &[Attempt] {
        self.modules
            .get(module)
            .map_or(&[], |m| m.attempts.as_slice())
    }

    /// The spaced-review log of `module`.
    pub fn reviews(&self, module: &str) -> &[crate::spaced::Review] {
        self.modules
            .get(module)
            .map_or(&[], |m| m.reviews.as_slice())
    }

    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        // What `toml::to_string_pretty` does, except for the last step: it splices each
        // table header into the text with `String::insert_str`, which moves the rest of the
        // text every time (10,000 responses took a quarter of a second); the buffer's
        // `Display` writes the same text in one pass.
        //
        // And so that a save costs the same per response however many there are: the
        // buffer is kept between saves (its text's capacity, not its text), and the result
        // is allocated once at its exact length. A fresh buffer growing by doubling, and a
        // `to_string` doing the same, took new pages from the kernel on every save of a
        // large file (page faults were a tenth of the time at 10,000 responses, none at
        // 1,000). A nested call, which does not happen, would use a buffer of its own.
        thread_local! {
            static BUFFER: std::cell::RefCell<toml::ser::Buffer> =
                std::cell::RefCell::new(toml::ser::Buffer::new());
        }
        BUFFER.with(|kept| match kept.try_borrow_mut() {
            Ok(mut buffer) => self.write_toml(&mut buffer),
            Err(_) => self.write_toml(&mut toml::ser::Buffer::new()),
        })
    }

    fn write_toml(&self, buffer: &mut toml::ser::Buffer) -> Result<String, toml::ser::Error> {
        use std::fmt::Write as _;
        /// Counts what would be written.
        struct Len(usize);
        impl std::fmt::Write for Len {
            fn write_str(&mut self, s: &str) -> std::fmt::Result {
                self.0 += s.len();
                Ok(())
            }
        }
        buffer.clear();
        self.serialize(toml::ser::Serializer::pretty(buffer))?;
        let mut len = Len(0);
        let mut text = String::new();
        write!(len, "{buffer}")
            .and_then(|()| {
                text.reserve_exact(len.0);
                write!(text, "{buffer}")
            })
            .map_err(<toml::ser::Error as serde::ser::Error>::custom)?;
        Ok(text)
    }

    /// Read a progress file of this version or an earlier one (upgraded in memory; the
    /// next save writes this version).
    pub fn from_toml(text: &str) -> Result<Progress, toml::de::Error> {
        let mut p: Progress = toml::from_str(text)?;
        if p.version == 1 {
            p.migrate_v1();
        } else if p.version == 2 {
            // Version 3 only adds tables; a version-2 file means the same.
            p.version = FORMAT_VERSION;
            p.migrated_from = Some(2);
        }
        for a in p.modules.values_mut().flat_map(|m| &mut m.attempts) {
            a.sort_responses();
        }
        Ok(p)
    }

    /// Version 1 to 2: responses were paired with questions by position, and always
    /// answered in order, so each names the question it answers; keyed by that id they
    /// mean the same. Nothing else changed shape. A second response to one question (a
    /// hand edit) cannot be keyed and is kept under `v1_duplicate_responses`.
    fn migrate_v1(&mut self) {
        for a in self.modules.values_mut().flat_map(|m| &mut m.attempts) {
            let mut seen = std::collections::HashSet::new();
            let mut kept = Vec::new();
            let mut duplicates = Vec::new();
            for r in std::mem::take(&mut a.responses) {
                if seen.insert(r.question.clone()) {
                    kept.push(r);
                } else if let Ok(v) = toml::Value::try_from(&r) {
                    duplicates.push(v);
                }
            }
            a.responses = kept;
            if !duplicates.is_empty() {
                a.extra
                    .insert(V1_DUPLICATES.into(), toml::Value::Array(duplicates));
            }
        }
        self.version = FORMAT_VERSION;
        self.migrated_from = Some(1);
    }

    /// Total responses recorded, for summaries and benchmarks.
    pub fn response_count(&self) -> usize {
        self.modules
            .values()
            .flat_map(|m| &m.attempts)
            .map(|a| a.responses.len())
            .sum()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    #[default]
    Map,
    Lesson,
    Quiz,
    Results,
    /// A spaced-review session (`review_session`).
    SpacedReview,
}

/// The screen the learner was on and what it showed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Place {
    #[serde(default)]
    pub screen: Screen,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    /// For results: which attempt (its number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ModuleProgress {
    /// Section ids the learner has displayed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opened: Vec<String>,
    /// The last section shown (a section id, or `takeaways`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Lines scrolled in that section.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub scroll: u32,
    /// Seconds of activity in this module; idle stretches over 5 minutes are not counted.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub active_seconds: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<Attempt>,
    /// The spaced-review log of this module's questions, oldest first; append-only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    #[serde(flatten, default, skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

impl ModuleProgress {
    pub fn has_opened(&self, section: &str) -> bool {
        self.opened.iter().any(|s| s == section)
    }

    /// The attempt in progress, if the last one is unfinished.
    pub fn open_attempt(&self) -> Option<&Attempt> {
        self.attempts.last().filter(|a| !a.is_finished())
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Answer, Asked, Mode, Response};

    /// `to_toml` must write exactly what `toml::to_string_pretty` writes.
    #[test]
    fn to_toml_writes_what_to_string_pretty_writes() {
        let t = Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH);
        let mut p = Progress::new("course");
        p.saved = Some(t);
        p.place.module = Some("m1".into());
        p.extra.insert("future".into(), toml::Value::Integer(3));
        for m in 0..4 {
            let mp = p.module_mut(&format!("m{m}"));
            mp.opened = vec!["a".into(), "b".into()];
            mp.section = Some("b".into());
            mp.active_seconds = 60 * m;
            for n in 0..m {
                mp.attempts.push(Attempt {
                    number: n as u32 + 1,
                    mode: if n == 1 { Mode::Missed } else { Mode::Full },
                    seed: 42 + n,
                    started: t,
                    finished: (n % 2 == 0).then_some(t),
                    questions: vec![Asked {
                        id: "q1".into(),
                        hash: "0123456789abcdef".into(),
                        order: vec![2, 0, 1],
                        extra: toml::Table::new(),
                    }],
                    current: None,
                    drafts: BTreeMap::new(),
                    responses: vec![Response {
                        question: "q1".into(),
                        hash: "0123456789abcdef".into(),
                        answer: Answer::Match(vec![Some(1), None]),
                        points: 0.5,
                        correct: false,
                        at: t,
                        extra: toml::Table::new(),
                    }],
                    extra: toml::Table::new(),
                });
            }
        }
        let ours = p.to_toml().unwrap();
        let theirs = toml::to_string_pretty(&p).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(Progress::from_toml(&ours).ok(), Some(p.clone()));
        let empty = Progress::new("c");
        assert_eq!(
            empty.to_toml().ok(),
            toml::to_string_pretty(&empty).ok(),
            "an empty record, after a larger one in the kept buffer"
        );
        assert_eq!(p.to_toml().ok(), Some(theirs), "the kept buffer again");
    }
}
