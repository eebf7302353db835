//! From checked TOML to the content model: every value read through its key in the key
//! tables (`spec`), every string sanitized (with a warning where anything had to go), and
//! the rules that need more than one key (one right option, categories that exist,
//! diagrams that exist inside the course). `module.rs` builds a module and its sections,
//! `question.rs` its quiz.

mod module;
mod question;

pub use module::{DIAGRAM_MAX_WIDTH, module};

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeTable;

use super::files::CourseFiles;
use super::markup::Prose;
use super::model::Course;
use super::sanitize::sanitize_cow;
use super::sink::Sink;
use super::spec::{Key, course as key};
use super::text::Text;

/// The course's default pass mark (`pass_mark`, default 70).
pub fn pass_mark(t: &DeTable) -> u8 {
    key::PASS_MARK
        .int(t)
        .map_or(70, |(n, _)| n.clamp(0, 100) as u8)
}

/// The rules of the manifest beyond its key table.
pub fn check_manifest(sink: &mut Sink, t: &DeTable) {
    if let Some((iri, span)) = key::BASE_IRI.str(t)
        && (!(iri.starts_with("https://") || iri.starts_with("http://")) || iri.contains(' '))
    {
        sink.error(
            span,
            format!("`{}` must be an http or https address", key::BASE_IRI.name),
            "use an address the organisation controls, e.g. \"https://learning.example.org/courses/safety\"",
        );
    }
}

/// The course, from the manifest's table and its loaded modules.
pub fn course(sink: &mut Sink, t: &DeTable, modules: Vec<super::model::Module>) -> Course {
    Course {
        id: key::ID.str(t).map(|s| s.0.to_string()).unwrap_or_default(),
        title: text(sink, t, &key::TITLE),
        description: text(sink, t, &key::DESCRIPTION),
        version: text(sink, t, &key::VERSION),
        authors: texts(sink, t, &key::AUTHORS),
        base_iri: key::BASE_IRI.str(t).map(|(s, span)| {
            clean(sink, s, span, key::BASE_IRI.name)
                .trim_end_matches('/')
                .to_string()
        }),
        pass_mark: pass_mark(t),
        modules,
    }
}

/// What building one module file needs: where to read its diagrams, and its reporter.
pub(super) struct Cx<'a> {
    pub files: &'a dyn CourseFiles,
    pub sink: Sink<'a>,
}

impl Cx<'_> {
    fn text(&mut self, t: &DeTable, key: &Key) -> Text {
        text(&mut self.sink, t, key).into()
    }

    fn prose(&mut self, t: &DeTable, key: &Key) -> Prose {
        match key.str(t) {
            Some((s, span)) => Prose::parse(&clean(&mut self.sink, s, span, key.name)),
            None => Prose::default(),
        }
    }

    fn texts(&mut self, t: &DeTable, key: &Key) -> Vec<Text> {
        texts(&mut self.sink, t, key)
            .into_iter()
            .map(Text::from)
            .collect()
    }

    fn proses(&mut self, t: &DeTable, key: &Key) -> Vec<Prose> {
        key.strs(t)
            .into_iter()
            .map(|(s, span)| Prose::parse(&clean(&mut self.sink, s, span, key.name)))
            .collect()
    }
}

fn text(sink: &mut Sink, t: &DeTable, key: &Key) -> String {
    key.str(t)
        .map(|(s, span)| clean(sink, s, span, key.name).into_owned())
        .unwrap_or_default()
}

fn texts(sink: &mut Sink, t: &DeTable, key: &Key) -> Vec<String> {
    key.strs(t)
        .into_iter()
        .map(|(s, span)| clean(sink, s, span, key.name).into_owned())
        .collect()
}

/// Report `id` (of a section or question, `what`) when `seen` has it already; else note
/// where it is first used, as a byte offset: the line is looked up only for a message.
fn unique<'t>(
    sink: &mut Sink,
    seen: &mut HashMap<&'t str, usize>,
    id: &'t str,
    span: Range<usize>,
    what: &str,
) {
    if let Some(&at) = seen.get(id) {
        let line = sink.doc.line_of(at);
        sink.error(
            span,
            format!("duplicate {what} id `{id}`"),
            format!(
                "`{id}` is already used on line {line}; {what} ids must be unique in the module"
            ),
        );
    } else if !id.is_empty() {
        seen.insert(id, span.start);
    }
}

/// Sanitize one loaded string, warning (at the string) when anything had to go.
fn clean<'s>(sink: &mut Sink, text: &'s str, span: Range<usize>, what: &str) -> Cow<'s, str> {
    let (text, removed) = sanitize_cow(text);
    if removed > 0 {
        let plural = if removed == 1 { "" } else { "s" };
        sink.warning(
            span,
            format!("removed {removed} control character{plural} from `{what}`"),
            "escape sequences, control characters and bidi overrides are never shown to learners; use plain text",
        );
    }
    text
}

#[cfg(test)]
mod tests;
