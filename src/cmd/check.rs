//! `syllabus check [DIR]`: validate a course, review how its questions are written, and
//! print every diagnostic, rustc style or as JSON, then a one-line summary (and with
//! `--items`, each module's item statistics). Exit 1 on any error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::Format;
use crate::course::diagnostic::escape_controls;
use crate::course::review::stats::ItemStats;
use crate::course::{self, Course, CourseFiles, Diagnostic, LoadReport};

/// The folder `check` looks at: the one named; else the current folder when it holds a
/// course.toml; else none (the built-in course), which is said on stderr. A file gets an
/// error that says to name its folder instead.
pub fn folder(named: Option<&PathBuf>) -> Result<Option<PathBuf>, String> {
    match named {
        Some(p) if p.is_file() => {
            let parent = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let shown = escape_controls(&p.display().to_string());
            let folder = escape_controls(&parent.display().to_string());
            Err(if parent.join("course.toml").is_file() {
                format!(
                    "{shown} is a file; point `check` at the course folder, the one that holds course.toml: syllabus check {folder}"
                )
            } else {
                format!(
                    "{shown} is a file; point `check` at the course folder, the one that holds course.toml"
                )
            })
        }
        Some(p) => Ok(Some(p.clone())),
        None if Path::new("course.toml").is_file() => Ok(Some(PathBuf::from("."))),
        None => {
            eprintln!(
                "note: there is no course.toml in the current folder, so this checks the built-in course; run `syllabus check DIR` for yours"
            );
            Ok(None)
        }
    }
}

/// Counts for the summary line.
pub struct Summary {
    pub modules: usize,
    pub sections: usize,
    pub by_kind: Vec<(&'static str, usize)>,
    pub questions: usize,
    pub minutes: u32,
}

impl Summary {
    pub fn of(course: &Course) -> Summary {
        let by_kind = course::KIND_NAMES
            .iter()
            .map(|k| {
                let n = course
                    .modules
                    .iter()
                    .flat_map(|m| &m.quiz.questions)
                    .filter(|q| q.kind.name() == *k)
                    .count();
                (*k, n)
            })
            .collect();
        Summary {
            modules: course.modules.len(),
            sections: course.modules.iter().map(|m| m.sections.len()).sum(),
            by_kind,
            questions: course.question_count(),
            minutes: course.total_minutes(),
        }
    }

    pub fn line(&self) -> String {
        let kinds: Vec<String> = self
            .by_kind
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        format!(
            "{}, {}, {} ({}), about {}",
            plural(self.modules, "module"),
            plural(self.sections, "section"),
            plural(self.questions, "question"),
            kinds.join(", "),
            plural(self.minutes as usize, "minute")
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Colour only for a person at a terminal who has not asked for none.
pub struct Paint(pub bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\u{1b}[{code}m{s}\u{1b}[0m")
        } else {
            s.to_string()
        }
    }

    fn diagnostic(&self, d: &Diagnostic) -> String {
        let text = d.render();
        if !self.0 {
            return text;
        }
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if let Some(first) = lines.first_mut()
            && let Some(colon) = first.find(':')
        {
            let (label, rest) = first.split_at(colon + 1);
            let colour = if label.starts_with("error") {
                "1;31"
            } else {
                "1;33"
            };
            *first = format!("{}{}", self.wrap(colour, label), self.wrap("1", rest));
        }
        lines.join("\n") + "\n"
    }
}

pub fn run(
    files: &dyn CourseFiles,
    dir: Option<&Path>,
    format: Format,
    items: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let mut report = course::load(files);
    // The item review only makes sense of a course that loaded.
    if let Some(c) = &report.course {
        report.diagnostics.extend(course::review::review(c, files));
    }
    let stats: Vec<ItemStats> = match (&report.course, items) {
        (Some(c), true) => c.modules.iter().map(ItemStats::of).collect(),
        _ => Vec::new(),
    };
    match format {
        Format::Human => {
            human(files, &report, &paint, out)?;
            if !stats.is_empty() {
                writeln!(out, "\nItem statistics:")?;
            }
            for s in &stats {
                for line in s.lines() {
                    writeln!(out, "{}", course::diagnostic::escape_controls(&line))?;
                }
            }
        }
        Format::Json => {
            let doc = super::check_json::document(
                files,
                dir,
                &report,
                items.then(|| serde_json::json!(stats)),
            );
            writeln!(out, "{doc}")?;
        }
    }
    Ok(if report.course.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn human(
    files: &dyn CourseFiles,
    report: &LoadReport,
    paint: &Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for d in &report.diagnostics {
        writeln!(out, "{}", paint.diagnostic(d))?;
    }
    let (errors, warnings) = course::diagnostic::tally(&report.diagnostics);
    match &report.course {
        Some(c) => writeln!(
            out,
            "{} {} ({}): {}; {}",
            paint.wrap("1;32", "ok:"),
            c.title,
            course::diagnostic::escape_controls(&files.describe()),
            Summary::of(c).line(),
            plural(warnings, "warning")
        ),
        None => writeln!(
            out,
            "{} {} has {} and {}",
            paint.wrap("1;31", "failed:"),
            course::diagnostic::escape_controls(&files.describe()),
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    }
}
