//! `syllabus progress export --format json|csv`: every answer (crate::report::rows) and
//! every spaced review (progress_reviews), for a person or a program. xAPI exports are
//! `cmd::xapi`'s.

use std::io::Write;

use crate::app::App;
use crate::cli::ExportFormat;
use crate::course::diagnostic::{escape_controls, json_safe};

pub fn export(app: &App, format: ExportFormat, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::report::rows::{CSV_COLUMNS, rows};
    // Spaced reviews follow the answers, one record each (mode "review").
    let reviews = super::progress_reviews::records(app);
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
            let all: Vec<Record> = rows(&app.course, &app.progress, true)
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
                cols.extend(super::progress_reviews::REVIEW_COLUMNS);
            }
            writeln!(out, "{}", cols.join(","))?;
            let answers = rows(&app.course, &app.progress, false)
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
