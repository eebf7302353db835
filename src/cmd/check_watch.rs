//! `syllabus check DIR --watch`: check, then check again each time a file of the course is
//! saved, until Ctrl-C.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::Format;
use crate::course::DirFiles;
use crate::course::diagnostic::escape_controls;
use crate::watch::Watch;

pub fn run(dir: &Path, format: Format, colour: bool, out: &mut dyn Write) -> ExitCode {
    let mut watch = match Watch::new(dir) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("syllabus: {e}");
            return ExitCode::from(2);
        }
    };
    let shown = escape_controls(&dir.display().to_string());
    loop {
        let files = DirFiles::new(dir);
        let checked = super::check::run(
            &files,
            Some(dir),
            format,
            false,
            super::check::Paint(colour),
            out,
        )
        .and_then(|_| {
            writeln!(out, "watching {shown} for changes (Ctrl-C stops)")?;
            out.flush()
        });
        if let Err(e) = checked {
            eprintln!("syllabus: {e}");
            return ExitCode::FAILURE;
        }
        watch.wait();
        let at = jiff::Zoned::now().strftime("%H:%M:%S").to_string();
        if writeln!(out, "\n── {at}: a file changed; checking again ──\n").is_err() {
            return ExitCode::FAILURE;
        }
    }
}
