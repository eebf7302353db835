//! `syllabus progress export --format json|csv`: every answer (`report::rows`) and every
//! spaced review (`report::reviews`), for a person or a program. A file with no reviews
//! exports as it did before reviews existed: the CSV gains the review columns only when
//! there are reviews to fill them. xAPI exports are
//! `cmd::xapi`'s.

use std::io::Write;

use crate::cli::ExportFormat;
use crate::course::Course;
use crate::course::diagnostic::{escape_controls, json_safe};
use crate::progress::Progress;
use crate::report::reviews::{REVIEW_COLUMNS, reviews};

pub fn export(
    course: &Course,
    progress: &Progress,
    format: ExportFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use crate::report::rows::{CSV_COLUMNS, rows};
    // Spaced reviews follow the answers, one record each (mode "review"), as JSON values:
    // their keys in name order, as the export has always written them.
    let reviews: Vec<serde_json::Value> = reviews(course, progress)
        .iter()
        .map(|r| serde_json::to_value(r).unwrap_or_default())
        .collect();
    match format {
        // main.rs sends xAPI exports to cmd::xapi, which needs the settings file.
        ExportFormat::Xapi => Ok(()),
        ExportFormat::Json => {
            /// Answers keep their field order; reviews follow as their own records.
            #[derive(serde::Serialize)]
            #[serde(untagged)]
            enum Record {
                Answer(Box<crate::report::rows::Row>),
                Review(serde_json::Value),
            }
            let all: Vec<Record> = rows(course, progress, true)
                .into_iter()
                .map(|r| Record::Answer(Box::new(r)))
                .chain(reviews.into_iter().map(Record::Review))
                .collect();
            writeln!(
                out,
                "{}",
                json_safe(&serde_json::to_string_pretty(&all).unwrap_or_default())
            )
        }
        ExportFormat::Csv => {
            let mut cols: Vec<&str> = CSV_COLUMNS.to_vec();
            if !reviews.is_empty() {
                cols.extend(REVIEW_COLUMNS);
            }
            writeln!(out, "{}", cols.join(","))?;
            let answers = rows(course, progress, false)
                .iter()
                .map(|r| serde_json::to_value(r).unwrap_or_default())
                .collect::<Vec<_>>();
            for value in answers.iter().chain(&reviews) {
                let cells: Vec<String> = cols
                    .iter()
                    .map(|c| match &value[*c] {
                        serde_json::Value::String(s) => csv_cell(s),
                        serde_json::Value::Null => String::new(),
                        other => csv_cell(&other.to_string()),
                    })
                    .collect();
                writeln!(out, "{}", cells.join(","))?;
            }
            Ok(())
        }
    }
}

/// RFC 4180 quoting, after escaping control characters (CSV has no escapes of its own, and
/// a hand-edited progress file may hold anything).
fn csv_cell(s: &str) -> String {
    let s = escape_controls(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
