//! Reading a course file as text: the bytes from `CourseFiles`, checked to be UTF-8, and
//! every reason a file cannot be read turned into a diagnostic that says what to do.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Severity};
use super::doc::Doc;
use super::files::{CourseFiles, ReadError};

/// The manifest's name in a course folder.
pub const MANIFEST: &str = "course.toml";

/// Read `rel` as UTF-8 text into a `Doc`, reporting why not. `referrer` is where the file was
/// named (the manifest's `modules` entry), so a missing module points at the line that
/// lists it.
pub fn read(
    files: &dyn CourseFiles,
    rel: &str,
    diags: &mut Vec<Diagnostic>,
    referrer: Option<(&Doc, Range<usize>)>,
) -> Option<Doc> {
    let shown = files.display(rel);
    let err = match files.read(rel) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Some(Doc::new(shown, text)),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                diags.push(
                    Diagnostic::at(Severity::Error, &shown, &lossy, at..at + 1, format!("file is not valid UTF-8 at byte {at}"))
                        .with_hint("save the file as UTF-8 (most editors offer this under \"Save with encoding\")"),
                );
                return None;
            }
        },
        Err(err) => err,
    };
    let hint = match &err {
        ReadError::NotFound if rel == MANIFEST => format!(
            "a course folder needs a course.toml manifest; is {} the right folder? `syllabus new DIR` starts a course",
            files.describe()
        ),
        ReadError::NotFound => "check the file name in `modules`, or create the file".to_string(),
        ReadError::TooLarge(_) => "split the module into smaller modules".to_string(),
        ReadError::OutsideCourse(_) => {
            "module files must be inside the course folder; use a relative path without `..`"
                .to_string()
        }
        ReadError::NotAFile => "point at a regular file".to_string(),
        ReadError::CourseTooLarge => {
            "make the course smaller; diagrams count each time a section shows them".to_string()
        }
        ReadError::Io(e) if e.contains("os error 20") => {
            "point at the course folder, the one that holds course.toml, not at a file".to_string()
        }
        ReadError::Io(_) => "check the file's permissions".to_string(),
    };
    let message = format!("{shown} {}", err.describe());
    let d = match referrer {
        Some((doc, span)) => Diagnostic::in_doc(Severity::Error, doc, span, message),
        None => Diagnostic::file_level(Severity::Error, &shown, message),
    };
    diags.push(d.with_hint(hint));
    None
}
