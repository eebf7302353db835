//! Reading a progress file without trusting it: size limit, UTF-8, TOML, format version.
//! A newer format is told apart from damage, so an older syllabus never moves it aside.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::MAX_PROGRESS_BYTES;
use crate::progress::model::{FORMAT_VERSION, Progress};

pub(super) enum Found {
    Missing,
    Good(Box<Progress>, Vec<u8>),
    /// Exists but is not a valid progress file: why.
    Bad(String),
    Unreadable(io::Error),
    NotAFile,
    /// Written by a newer syllabus in a shape this one cannot read (its `version`).
    Newer(i64),
}

pub(super) fn read_progress(path: &Path) -> Found {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Found::Missing,
        Err(e) => return Found::Unreadable(e),
    };
    if !meta.is_file() {
        return Found::NotAFile;
    }
    read_file(path, meta.len())
}

/// The file's bytes, read and parsed: what a start with progress runs, and a first start
/// never does (kept out of line: docs/performance.md, "Fifth pass").
#[inline(never)]
fn read_file(path: &Path, len: u64) -> Found {
    if len > MAX_PROGRESS_BYTES {
        return Found::Bad(format!(
            "it is {} bytes, over the {} MiB limit",
            len,
            MAX_PROGRESS_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    let read =
        File::open(path).and_then(|f| f.take(MAX_PROGRESS_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return Found::Unreadable(e);
    }
    if bytes.is_empty() {
        return Found::Bad("it is empty".into());
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return Found::Bad(format!("it is not valid UTF-8 at byte {}", e.valid_up_to())),
    };
    match Progress::from_toml(text) {
        Ok(p) => Found::Good(Box::new(p), bytes),
        // A newer format may reshape known fields; that is not damage, and moving it aside
        // would make this older syllabus silently downgrade the learner's record.
        Err(e) => match newer_version(text) {
            Some(version) => Found::Newer(version),
            None => {
                let at = e.span().map(|s| {
                    let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
                    format!(" at line {line}")
                });
                let msg = crate::course::diagnostic::escape_controls(e.message().trim());
                Found::Bad(format!("{msg}{}", at.unwrap_or_default()))
            }
        },
    }
}

/// The `version` of a TOML document, if it is above the one this build writes.
fn newer_version(text: &str) -> Option<i64> {
    let table: toml::Table = text.parse().ok()?;
    let version = table.get("version")?.as_integer()?;
    (version > i64::from(FORMAT_VERSION)).then_some(version)
}

pub(super) fn newer_message(path: &Path, version: i64, shown: bool) -> String {
    let shown = if shown {
        "it is open read-only"
    } else {
        "this one cannot show it, and leaves it untouched"
    };
    format!(
        "{} was written by a newer syllabus (format {version}; this one writes {FORMAT_VERSION}); {shown}: upgrade to save",
        path.display()
    )
}

/// Read a progress file without locking or changing anything, for `syllabus progress`
/// commands: `Ok(None)` when there is no file yet, `Err` with a message saying what is wrong
/// and what to do.
pub fn peek(path: &Path) -> Result<Option<Progress>, String> {
    match read_progress(path) {
        Found::Missing => Ok(None),
        Found::Good(p, _) => Ok(Some(*p)),
        Found::Bad(why) => Err(format!(
            "{} is damaged ({why}); start `syllabus` to recover it from the backup (nothing is deleted)",
            path.display()
        )),
        Found::Unreadable(e) => Err(format!("cannot read {}: {e}", path.display())),
        Found::NotAFile => Err(format!("{} is not a regular file", path.display())),
        Found::Newer(v) => Err(format!(
            "{} was written by a newer syllabus (format {v}); upgrade syllabus to read it",
            path.display()
        )),
    }
}
