//! One module file into a `Module`: its keys, its sections (with their diagrams read from
//! `assets/`) and its quiz (`question.rs`).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeTable;

use super::Cx;
use crate::course::check::check_table;
use crate::course::diagnostic::Diagnostic;
use crate::course::doc::Doc;
use crate::course::files::{CourseFiles, ReadError};
use crate::course::markup;
use crate::course::model::{Module, ModuleKind, Section};
use crate::course::sink::Sink;
use crate::course::spec::{self, module as key, module::section};

/// Diagrams wider than this do not fit an 80-column terminal with the lesson's margins.
pub const DIAGRAM_MAX_WIDTH: usize = 76;

/// Load one module file; returns the module (if it has no errors) and the span of its id.
pub fn module(
    files: &dyn CourseFiles,
    rel: &str,
    doc: &Doc,
    course_pass_mark: u8,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Module, Range<usize>)> {
    let mut sink = Sink::new(doc, diags);
    let errors_before = sink.errors();
    let mut root = crate::course::syntax::parse(&mut sink, &doc.text)?;
    crate::course::slips::repair(&mut sink, root.get_mut());
    check_table(&mut sink, root.get_ref(), root.span(), &spec::MODULE);
    crate::course::lint::module(&mut sink, root.get_ref());
    let t = root.get_ref();
    let mut cx = Cx { files, sink };
    let (id, id_span) = key::ID.str(t).unwrap_or_default();
    let id = id.to_string();
    let kind = match key::KIND.str(t).map(|s| s.0) {
        Some(k) if k == spec::MODULE_KINDS[1] => ModuleKind::Assessment,
        _ => ModuleKind::Lesson,
    };

    let sections = sections(&mut cx, t);
    if kind == ModuleKind::Lesson
        && sections.is_empty()
        && key::SECTIONS
            .value(t)
            .is_none_or(|v| v.get_ref().is_array())
    {
        let span = key::SECTIONS.span(t).unwrap_or(0..0);
        cx.sink.error(
            span,
            format!("module `{id}` has no sections"),
            "add at least one [[sections]] table, or set kind = \"assessment\" for a module that only tests",
        );
    }
    let quiz = key::QUIZ
        .table(t)
        .map(|(q, span)| super::question::quiz(&mut cx, q, span, course_pass_mark));
    for (span, msg, hint) in quiz
        .iter()
        .flat_map(|q| crate::course::teaches::check(q, &sections))
    {
        cx.sink.error(span, msg, hint);
    }

    let module = Module {
        id: id.into(),
        title: cx.text(t, &key::TITLE),
        summary: cx.text(t, &key::SUMMARY),
        objectives: cx.proses(t, &key::OBJECTIVES),
        minutes: key::MINUTES
            .int(t)
            .map_or(1, |(n, _)| n.clamp(1, 600) as u32),
        kind,
        requires: key::REQUIRES
            .strs(t)
            .iter()
            .map(|r| r.0.to_string())
            .collect(),
        requires_spans: key::REQUIRES.strs(t).into_iter().map(|r| r.1).collect(),
        sources: cx.texts(t, &key::SOURCES),
        takeaways: cx.proses(t, &key::TAKEAWAYS),
        sections,
        quiz: quiz?,
        file: rel.into(),
    };
    if cx.sink.errors() > errors_before {
        return None;
    }
    Some((module, id_span))
}

fn sections(cx: &mut Cx, t: &DeTable) -> Vec<Section> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (s, _) in key::SECTIONS.tables(t) {
        let (id, id_span) = section::ID.str(s).unwrap_or_default();
        super::unique(&mut cx.sink, &mut seen, id, id_span.clone(), "section");
        let title = cx.text(s, &section::TITLE);
        let (mut body, notes) = markup::parse_body(&cx.text(s, &section::BODY));
        let body_span = section::BODY.span(s).unwrap_or(0..0);
        for note in notes {
            let span = markup::locate(cx.sink.source(), body_span.clone(), &note.snippet);
            let message = format!(
                "section `{id}`, line {} of its body: {}",
                note.line,
                note.message()
            );
            cx.sink.warning(span, message, note.hint());
        }
        let mut search = Some(body_span.start);
        markup::for_each_diagram(&mut body, &mut |path, lines| {
            *lines = diagram(cx, path, body_span.clone(), &mut search);
        });
        out.push(Section {
            id: id.into(),
            title,
            body: body.into(),
        });
    }
    out
}

/// Read a diagram from `assets/`, or report why it cannot be shown. `search` is where in the
/// source to look for the diagram's line: diagrams come in order, so each search starts past
/// the last one found (searching the whole body for each made a body of 50,000 diagrams take
/// 17 seconds to check; found by fuzzing). After a miss it stays `None`.
fn diagram(
    cx: &mut Cx,
    path: &str,
    body_span: Range<usize>,
    search: &mut Option<usize>,
) -> Vec<String> {
    // Point at the diagram's own line inside the body when it can be found there.
    let found = search.and_then(|from| {
        let at = cx
            .sink
            .source()
            .get(from..body_span.end)?
            .find(&format!("]({path})"))?;
        Some(from + at + 2)
    });
    *search = found.map(|start| start + path.len());
    let span = found.map_or(body_span.clone(), |start| start..start + path.len());
    let rel = format!("assets/{path}");
    let read = crate::course::files::check_relative(path).and_then(|()| cx.files.read(&rel));
    match read {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let text = super::clean(&mut cx.sink, &text, span.clone(), "diagram");
            let lines: Vec<String> = text
                .trim_end_matches('\n')
                .lines()
                .map(|l| l.trim_end().to_string())
                .collect();
            let widest = lines
                .iter()
                .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
                .max()
                .unwrap_or(0);
            if widest > DIAGRAM_MAX_WIDTH {
                cx.sink.warning(
                    span,
                    format!("diagram `{path}` is {widest} columns wide; at most {DIAGRAM_MAX_WIDTH} fit an 80-column terminal"),
                    "narrow the diagram; wider lines are cut off on small terminals, never wrapped",
                );
            }
            lines
        }
        Err(err) => {
            let hint = match err {
                ReadError::OutsideCourse(_) => {
                    "diagram paths are relative to the course's assets/ folder and must stay inside the course"
                }
                ReadError::NotFound => {
                    "put the file in the course's assets/ folder, or fix the name"
                }
                _ => "diagrams are small UTF-8 text files in the course's assets/ folder",
            };
            cx.sink
                .error(span, format!("diagram `{path}` {}", err.describe()), hint);
            Vec::new()
        }
    }
}
