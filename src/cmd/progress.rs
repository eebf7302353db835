//! `syllabus progress ...`: look at, export, reset and certify progress from the shell.
//! Reading never locks or changes the file; `reset` takes the lock like the app does and
//! saves atomically, so the previous file stays as `FILE.bak`.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;
use serde_json::json;

use crate::app::App;
use crate::app::status::{self, pct};
use crate::cli::{ExportFormat, ProgressCommand};
use crate::course::Course;
use crate::course::diagnostic::{escape_controls, json_safe};
use crate::progress::store::peek;
use crate::progress::{FileStore, Progress, ProgressStore};
use crate::quiz::mastery::{self, ResponseStatus};

pub fn run(
    command: &ProgressCommand,
    course: Course,
    path: &Path,
    input: &mut dyn BufRead,
    interactive: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    if let ProgressCommand::Path = command {
        writeln!(out, "{}", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    if let ProgressCommand::Optimize = command {
        return super::optimize::run(&course, path, out, err);
    }
    if let ProgressCommand::Reset { module, yes } = command {
        return reset(
            course,
            path,
            module.as_deref(),
            *yes,
            input,
            interactive,
            out,
            err,
        );
    }
    let progress = match peek(path) {
        Ok(Some(p)) => p,
        Ok(None) => Progress::new(&course.id),
        Err(msg) => {
            writeln!(err, "syllabus: {}", escape_controls(&msg))?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let app = App::new(course, progress, 0);
    match command {
        ProgressCommand::Show => show(&app, path, out)?,
        ProgressCommand::Export { format } => export(&app, *format, out)?,
        ProgressCommand::Certificate { name } => {
            return certificate(&app, name.as_deref(), out, err);
        }
        ProgressCommand::Path | ProgressCommand::Reset { .. } | ProgressCommand::Optimize => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn minutes(secs: u64) -> String {
    format!("{} min", secs.div_ceil(60))
}

fn show(app: &App, path: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", app.course.title, shown(path))?;
    let rows: Vec<[String; 7]> = app
        .course
        .modules
        .iter()
        .enumerate()
        .map(|(m, module)| {
            let attempts = app.progress.attempts(&module.id);
            let (done, of) = mastery::mastered(module, attempts, app.progress.reviews(&module.id));
            let grade = mastery::module_grade(module.quiz.grading, attempts)
                .map_or("-".to_string(), |g| format!("{}%", pct(g)));
            let secs = app
                .progress
                .module(&module.id)
                .map_or(0, |p| p.active_seconds);
            [
                format!("{}", m + 1),
                module.id.clone(),
                status::module_state(app, m).words(),
                grade,
                attempts.len().to_string(),
                format!("{done}/{of}"),
                minutes(secs),
            ]
        })
        .collect();
    let head = [
        "#", "module", "state", "grade", "attempts", "mastered", "time",
    ];
    let mut widths: Vec<usize> = head.iter().map(|h| h.len()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(unicode_width::UnicodeWidthStr::width(c.as_str()));
        }
    }
    let line = |cells: Vec<&str>| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(head.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    let (done, total, mastered, questions) = status::course_totals(app);
    let secs: u64 = app
        .progress
        .modules
        .values()
        .map(|m| m.active_seconds)
        .sum();
    writeln!(
        out,
        "{done} of {total} modules complete; {mastered} of {questions} questions mastered; {} active",
        minutes(secs)
    )?;
    if let Some(line) = super::progress_reviews::due_line(app, Timestamp::now()) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// One record per response, with enough to map onto xAPI/SCORM-style reports.
fn export(app: &App, format: ExportFormat, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rows = Vec::new();
    for (id, mp) in &app.progress.modules {
        let module = app.course.module(id);
        for a in &mp.attempts {
            for r in &a.responses {
                let status = match module.map(|m| mastery::status(m, r)) {
                    Some(ResponseStatus::Current) => "current",
                    Some(ResponseStatus::Stale) => "stale",
                    Some(ResponseStatus::Retired) | None => "retired",
                };
                rows.push(json!({
                    "course": app.course.id,
                    "module": id,
                    "attempt": a.number,
                    "mode": match a.mode { crate::quiz::Mode::Full => "full", crate::quiz::Mode::Missed => "missed" },
                    "started": a.started.to_string(),
                    "finished": a.finished.map(|f| f.to_string()),
                    "question": r.question,
                    "hash": r.hash,
                    "status": status,
                    "answer": serde_json::to_value(&r.answer).unwrap_or_default(),
                    "correct": r.correct,
                    "points": r.points,
                    "answered_at": r.at.to_string(),
                }));
            }
        }
    }
    let reviews = super::progress_reviews::records(app);
    let with_reviews = !reviews.is_empty();
    rows.extend(reviews);
    match format {
        // main.rs sends xAPI exports to cmd::xapi, which needs the settings file.
        ExportFormat::Xapi => Ok(()),
        ExportFormat::Json => writeln!(
            out,
            "{}",
            json_safe(&serde_json::to_string_pretty(&rows).unwrap_or_default())
        ),
        ExportFormat::Csv => {
            let mut cols = vec![
                "course",
                "module",
                "attempt",
                "mode",
                "started",
                "finished",
                "question",
                "hash",
                "status",
                "answer",
                "correct",
                "points",
                "answered_at",
            ];
            if with_reviews {
                cols.extend(super::progress_reviews::REVIEW_COLUMNS);
            }
            writeln!(out, "{}", cols.join(","))?;
            for row in &rows {
                let cells: Vec<String> = cols
                    .iter()
                    .map(|c| match &row[*c] {
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

/// A path as printed for people: control characters escaped.
fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string())
}

#[allow(clippy::too_many_arguments)]
fn reset(
    course: Course,
    path: &Path,
    module: Option<&str>,
    yes: bool,
    input: &mut dyn BufRead,
    interactive: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    if let Some(id) = module.filter(|id| course.module(id).is_none()) {
        let ids: Vec<&str> = course.modules.iter().map(|m| m.id.as_str()).collect();
        writeln!(
            err,
            "syllabus: no module `{}` in this course; its modules are {}",
            escape_controls(id),
            ids.join(", ")
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let open = FileStore::open(path, &course.id);
    let mut store = open.store;
    if let Some(why) = store.read_only() {
        writeln!(err, "syllabus: not resetting: {}", escape_controls(why))?;
        return Ok(ExitCode::FAILURE);
    }
    if store.is_held() {
        writeln!(
            err,
            "syllabus: {} was damaged and has been moved aside; nothing to reset",
            shown(path)
        )?;
        store.start_fresh();
    }
    let mut progress = open.progress;
    let what = match module {
        Some(id) => format!("progress in module `{id}`"),
        None => format!("all progress in \"{}\"", course.title),
    };
    if !yes {
        if !interactive {
            writeln!(
                err,
                "syllabus: not resetting {what} without confirmation; add --yes to do it anyway"
            )?;
            return Ok(ExitCode::FAILURE);
        }
        write!(
            out,
            "Reset {what}? The current file is kept as {}.bak. [y/N] ",
            shown(path)
        )?;
        out.flush()?;
        let mut answer = String::new();
        input.read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
            writeln!(out, "Nothing changed.")?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    match module {
        Some(id) => {
            progress.modules.remove(id);
            if progress.place.module.as_deref() == Some(id) {
                progress.place = Default::default();
            }
        }
        None => progress = Progress::new(&course.id),
    }
    match store.save(&progress) {
        Ok(()) => {
            writeln!(
                out,
                "Reset {what}. The previous file is kept as {}.bak.",
                shown(path)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            writeln!(err, "syllabus: {}", escape_controls(&e.to_string()))?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn certificate(
    app: &App,
    name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let Some(date) = status::completion_date(app) else {
        let missing: Vec<String> = app
            .course
            .modules
            .iter()
            .enumerate()
            .filter(|(m, _)| !status::module_state(app, *m).is_complete())
            .map(|(m, module)| {
                format!(
                    "  {}. {} ({})",
                    m + 1,
                    module.title,
                    status::module_state(app, m).words()
                )
            })
            .collect();
        writeln!(
            err,
            "syllabus: the course is not complete yet; still to do:\n{}",
            missing.join("\n")
        )?;
        return Ok(ExitCode::FAILURE);
    };
    let name = name
        .map(str::to_string)
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .or_else(|| std::env::var("LOGNAME").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "the learner".to_string());
    let name = crate::course::sanitize::sanitize(&name)
        .text
        .replace('\n', " ");
    let rule = "=".repeat(64);
    writeln!(out, "{rule}")?;
    writeln!(out, "{:^64}", "CERTIFICATE OF COMPLETION")?;
    writeln!(out, "{rule}")?;
    writeln!(out)?;
    writeln!(out, "This certifies that")?;
    writeln!(out, "    {name}")?;
    writeln!(out, "completed the course")?;
    writeln!(
        out,
        "    {} (version {})",
        app.course.title, app.course.version
    )?;
    writeln!(out, "on {date}.")?;
    writeln!(out)?;
    writeln!(out, "Scores:")?;
    for module in &app.course.modules {
        let grade = mastery::module_grade(module.quiz.grading, app.progress.attempts(&module.id));
        writeln!(
            out,
            "    {:<48} {:>4}",
            module.title,
            grade.map_or("-".into(), |g| format!("{}%", pct(g)))
        )?;
    }
    let secs: u64 = app
        .progress
        .modules
        .values()
        .map(|m| m.active_seconds)
        .sum();
    writeln!(out)?;
    writeln!(out, "Active study time: {}", minutes(secs))?;
    writeln!(out, "{rule}")?;
    Ok(ExitCode::SUCCESS)
}
