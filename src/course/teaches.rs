//! `teaches = "section-id"` on a question: the section a wrong spaced review offers to open
//! (without it, the module's first section). This file owns the key and its check: the
//! section must exist in the question's module.

use std::ops::Range;

use super::model::{Quiz, Section};
use super::spec::{Key, Ty, opt};

pub const TEACHES_KEY: Key = opt(
    "teaches",
    Ty::Id,
    "The id of the section (in this module) that teaches this question: a wrong spaced review offers to open it. Default: the module's first section.",
);

/// (place, message, hint) for every `teaches` that names no section of the module.
pub fn check(quiz: &Quiz, sections: &[Section]) -> Vec<(Range<usize>, String, String)> {
    quiz.questions
        .iter()
        .filter_map(|q| {
            let (id, span) = q.teaches.as_ref()?;
            if sections.iter().any(|s| &s.id == id) {
                return None;
            }
            let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
            let hint = if ids.is_empty() {
                "this module has no sections: remove `teaches`".to_string()
            } else {
                let near = super::suggest::suggest(id, ids.iter().copied())
                    .map_or_else(String::new, |s| format!("did you mean `{s}`? "));
                format!("{near}the sections are: {}", ids.join(", "))
            };
            Some((
                span.clone(),
                format!(
                    "question `{}` teaches = \"{id}\", which is not a section of this module",
                    q.id
                ),
                hint,
            ))
        })
        .collect()
}
