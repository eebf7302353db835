//! `check --format json`: the diagnostics for editors and scripts, as a versioned document
//! (docs/authoring.md, "Output for tools"). Fields are only ever added; a change that would
//! break a reader raises `format_version`.

use std::path::Path;

use serde_json::{Value, json};

use super::check::Summary;
use crate::course::diagnostic::{escape_controls, json_safe, tally};
use crate::course::{CourseFiles, Diagnostic, LoadReport};

/// The version of this document's shape.
pub const FORMAT_VERSION: u32 = 1;

/// The whole document, as text safe to print.
/// `items` (from `check --items`) is added as the `items` array.
pub fn document(
    files: &dyn CourseFiles,
    dir: Option<&Path>,
    report: &LoadReport,
    items: Option<Value>,
) -> String {
    let (errors, warnings) = tally(&report.diagnostics);
    let summary = report.course.as_ref().map(|c| {
        let s = Summary::of(c);
        json!({
            "id": c.id,
            "title": c.title,
            "version": c.version,
            "modules": s.modules,
            "sections": s.sections,
            "questions": s.questions,
            "questions_by_kind": s.by_kind.iter().map(|(k, n)| (k.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "minutes": s.minutes,
        })
    });
    let mut doc = json!({
        "format_version": FORMAT_VERSION,
        "course": {
            "path": dir.map(|d| escape_controls(&d.to_string_lossy())),
            "builtin": dir.is_none(),
            "name": escape_controls(&files.describe()),
        },
        "ok": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "diagnostics": report.diagnostics.iter().map(diagnostic).collect::<Vec<_>>(),
        "summary": summary,
    });
    if let Some(items) = items {
        doc["items"] = items;
    }
    json_safe(&serde_json::to_string_pretty(&doc).unwrap_or_default())
}

fn diagnostic(d: &Diagnostic) -> Value {
    json!({
        "severity": d.severity,
        "code": d.code,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "span": d.span.as_ref().map(|s| json!({ "start": s.start, "length": s.end.saturating_sub(s.start) })),
        "message": d.message,
        "hint": d.hint,
    })
}
