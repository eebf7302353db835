//! `syllabus progress ...`: look at, export, reset and certify progress from the shell.
//! Reading never locks or changes the file; `reset` takes the lock like the app does and
//! saves atomically, so the previous file stays as `FILE.bak`.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ProgressCommand;
use crate::course::Course;
use crate::course::diagnostic::escape_controls;
use crate::progress::store::peek;
use crate::progress::{FileStore, Progress, ProgressStore};
use crate::standing::{self, Standing, pct};
use jiff::Timestamp;

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
    // Reports read the file as it is: no session is opened on it, so nothing in it changes.
    let r = Report {
        standing: Standing::new(&course, &progress),
        course: &course,
        progress: &progress,
    };
    match command {
        ProgressCommand::Show => show(&r, path, out)?,
        ProgressCommand::Export { format } => {
            super::progress_export::export(&course, &progress, *format, out)?
        }
        ProgressCommand::Certificate { name } => {
            return certificate(&r, name.as_deref(), out, err);
        }
        ProgressCommand::Stats { format, as_of } => {
            let now = as_of.unwrap_or_else(jiff::Timestamp::now);
            let zoned = now.to_zoned(jiff::tz::TimeZone::system());
            super::stats::run(&course, &progress, &zoned, *format, &shown(path), out)?
        }
        ProgressCommand::Path | ProgressCommand::Reset { .. } | ProgressCommand::Optimize => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// What `show` and `certificate` print from.
struct Report<'a> {
    course: &'a Course,
    progress: &'a Progress,
    standing: Standing,
}

fn minutes(secs: u64) -> String {
    format!("{} min", secs.div_ceil(60))
}

fn show(r: &Report, path: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", r.course.title, shown(path))?;
    let rows: Vec<[String; 8]> = r
        .standing
        .modules()
        .iter()
        .enumerate()
        .map(|(m, ms)| {
            let grade = ms.grade.map_or("-".to_string(), |g| format!("{}%", pct(g)));
            [
                format!("{}", m + 1),
                ms.id.clone(),
                ms.state.words(),
                grade,
                ms.counts.full.to_string(),
                ms.counts.practice.to_string(),
                format!("{}/{}", ms.mastered, ms.questions),
                minutes(standing::module_seconds(r.progress, &ms.id)),
            ]
        })
        .collect();
    let head = [
        "#", "module", "state", "grade", "attempts", "practice", "mastered", "time",
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
    let t = r.standing.totals();
    writeln!(
        out,
        "{} of {} modules complete; {} of {} questions mastered; {} active",
        t.complete,
        t.modules,
        t.mastered,
        t.questions,
        minutes(standing::active_seconds(r.progress))
    )?;
    writeln!(
        out,
        "attempts: full attempts, numbered 1, 2, ...; practice: practice runs (retakes of missed or unseen questions), numbered apart"
    )?;
    if let Some(line) = super::progress_reviews::due_line(r.course, r.progress, Timestamp::now()) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// One record per answer (`report::rows::Row`), in course order and in words; JSON adds
/// the raw answer as the progress file keeps it.
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
    r: &Report,
    name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let Some(date) = r.standing.completion_date() else {
        let missing: Vec<String> = r
            .course
            .modules
            .iter()
            .zip(r.standing.modules())
            .enumerate()
            .filter(|(_, (_, ms))| !ms.is_complete())
            .map(|(m, (module, ms))| {
                format!("  {}. {} ({})", m + 1, module.title, ms.state.words())
            })
            .collect();
        writeln!(
            err,
            "syllabus: the course is not complete yet; still to do:\n{}",
            missing.join("\n")
        )?;
        return Ok(ExitCode::FAILURE);
    };
    // --name, else the name typed on the completion page, else the settings file's
    // `[learner] name`, else the login name; with none, a line to write the name on.
    let settings_name = || {
        crate::config::path()
            .and_then(|p| crate::config::load(&p))
            .ok()
            .and_then(|c| c.learner.name)
            .filter(|n| !n.trim().is_empty())
    };
    let name = name
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .or_else(|| standing::certificate_name(r.progress).map(str::to_string))
        .or_else(settings_name)
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .or_else(|| std::env::var("LOGNAME").ok().filter(|u| !u.is_empty()));
    let Some(name) = name else {
        writeln!(
            err,
            "syllabus: no name to print: add --name \"Your Name\", type it on the completion page (n), or set [learner] name in the settings file (`syllabus config path`)"
        )?;
        return Ok(ExitCode::FAILURE);
    };
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
    writeln!(out, "    {} (version {})", r.course.title, r.course.version)?;
    writeln!(out, "on {date}.")?;
    writeln!(out)?;
    writeln!(out, "Scores:")?;
    for (module, ms) in r.course.modules.iter().zip(r.standing.modules()) {
        let grade = ms.grade.map_or("-".into(), |g| format!("{}%", pct(g)));
        // Padded by display width, so wide characters (CJK, emoji) keep the column; a
        // title longer than the column wraps, the grade on its last line.
        let title = crate::course::sanitize::sanitize(&module.title)
            .text
            .replace('\n', " ");
        let wrapped = crate::layout::plain(&title, 48);
        let last = wrapped.len().saturating_sub(1);
        for (i, l) in wrapped.iter().enumerate() {
            if i == last {
                let pad = 48usize.saturating_sub(unicode_width::UnicodeWidthStr::width(l.as_str()));
                writeln!(out, "    {l}{} {grade:>4}", " ".repeat(pad))?;
            } else {
                writeln!(out, "    {l}")?;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Active study time: {}",
        minutes(standing::active_seconds(r.progress))
    )?;
    writeln!(out, "{rule}")?;
    Ok(ExitCode::SUCCESS)
}
