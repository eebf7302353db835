//! `syllabus progress export --format xapi` and `syllabus sync`: the learner's statements,
//! printed or sent to the LRS (see `crate::xapi`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use crate::config::Config;
use crate::course::Course;
use crate::course::diagnostic::escape_controls;
use crate::progress::Progress;
use crate::progress::store::peek;
use crate::xapi::{self, statements, sync};

/// Everything both commands read: the course, the progress (never locked or changed), who.
pub struct Inputs<'a> {
    pub course: &'a Course,
    pub progress_path: &'a Path,
    pub config: &'a Config,
    pub config_path: &'a Path,
}

fn prepare(
    inputs: &Inputs,
    err: &mut dyn Write,
) -> std::io::Result<Option<(Vec<serde_json::Value>, sync::SyncRecord)>> {
    let progress = match peek(inputs.progress_path) {
        Ok(Some(p)) => p,
        Ok(None) => Progress::new(&inputs.course.id),
        Err(msg) => {
            writeln!(err, "syllabus: {}", escape_controls(&msg))?;
            return Ok(None);
        }
    };
    let actor = match xapi::actor(inputs.config, inputs.config_path) {
        Ok(a) => a,
        Err(msg) => {
            writeln!(err, "syllabus: {}", escape_controls(&msg))?;
            return Ok(None);
        }
    };
    let (mut record, note) = sync::SyncRecord::load(&sync::SyncRecord::path(inputs.progress_path));
    if let Some(n) = note {
        writeln!(err, "syllabus: {}", escape_controls(&n))?;
    }
    let registration = record
        .registration
        .as_deref()
        .and_then(|r| uuid::Uuid::parse_str(r).ok())
        .unwrap_or_else(|| statements::derived_registration(&inputs.course.id, &actor));
    record.registration = Some(registration.to_string());
    let base = inputs.course.base_iri().map_or_else(
        || statements::default_base_iri(&inputs.course.id),
        str::to_string,
    );
    let cx = xapi::Context {
        course: inputs.course,
        base_iri: &base,
        actor: &actor,
        registration,
    };
    Ok(Some((statements::all(&cx, &progress), record)))
}

/// Print every statement as one JSON array.
pub fn export(
    inputs: &Inputs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let Some((all, _)) = prepare(inputs, err)? else {
        return Ok(ExitCode::FAILURE);
    };
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// Send what the LRS has not acknowledged; say what happened.
pub fn run_sync(
    inputs: &Inputs,
    lrs: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let Some(endpoint) = lrs
        .map(str::to_string)
        .or_else(|| inputs.config.lrs.endpoint.clone())
    else {
        writeln!(
            err,
            "syllabus: no LRS to send to: pass --lrs URL (the LRS's xAPI endpoint) or set `endpoint` under [lrs] in {}",
            inputs.config_path.display()
        )?;
        return Ok(ExitCode::from(2));
    };
    if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
        writeln!(
            err,
            "syllabus: {} is not an LRS address: it must start with https:// or http://",
            escape_controls(&endpoint)
        )?;
        return Ok(ExitCode::from(2));
    }
    let Some((all, mut record)) = prepare(inputs, err)? else {
        return Ok(ExitCode::FAILURE);
    };
    let (user, password) = inputs.config.credentials();
    let target = sync::Target {
        endpoint: endpoint.trim_end_matches('/').to_string(),
        user,
        password,
        timeout: Duration::from_secs(inputs.config.lrs.timeout_seconds.unwrap_or(20).max(1)),
    };
    let record_path = sync::SyncRecord::path(inputs.progress_path);
    let outcome = sync::sync(&all, &target, &mut record, &record_path);
    writeln!(
        out,
        "{} statements: {} sent now, {} sent before, {} waiting",
        all.len(),
        outcome.sent,
        outcome.already,
        outcome.waiting
    )?;
    for (what, why) in &outcome.refused {
        writeln!(err, "syllabus: the LRS refused {what}: {why}")?;
    }
    if let Some(why) = &outcome.stopped {
        writeln!(err, "syllabus: {why}")?;
    }
    Ok(if outcome.stopped.is_none() && outcome.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
