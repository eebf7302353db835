//! Shared helpers for the integration tests: fixture courses copied into temporary folders
//! and edited, so each test shows exactly which change breaks what.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use syllabus::course::{self, DirFiles, LoadReport};
use tempfile::TempDir;

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copy a fixture course into a fresh temporary folder.
pub fn copy_fixture(name: &str) -> TempDir {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    copy_dir(&fixture_dir(name), tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()))
    {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy: {e}"));
        }
    }
}

/// Replace `from` (which must occur) by `to` in `file` of the course at `dir`.
pub fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap_or_else(|e| panic!("write: {e}"));
}

/// Load the course at `dir`, naming files as `course/...` so messages are stable.
pub fn load(dir: &Path) -> LoadReport {
    course::load(&ShownAs {
        inner: DirFiles::new(dir),
    })
}

/// Load the mini fixture after one edit.
pub fn load_edited(file: &str, from: &str, to: &str) -> LoadReport {
    let tmp = copy_fixture("mini");
    edit(tmp.path(), file, from, to);
    load(tmp.path())
}

/// Every diagnostic as `severity location: message [hint]`, one per line.
pub fn lines(report: &LoadReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let sev = if d.is_error() { "error" } else { "warning" };
            match &d.hint {
                Some(h) => format!("{sev} {}: {} [{h}]", d.location(), d.message),
                None => format!("{sev} {}: {}", d.location(), d.message),
            }
        })
        .collect()
}

/// Shows files as `course/NAME` whatever the temporary folder is called.
struct ShownAs {
    inner: DirFiles,
}

impl course::CourseFiles for ShownAs {
    fn display(&self, rel: &str) -> String {
        format!("course/{rel}")
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>, course::files::ReadError> {
        self.inner.read(rel)
    }
    fn toml_files(&self) -> Vec<String> {
        self.inner.toml_files()
    }
    fn describe(&self) -> String {
        "course folder course/".into()
    }
}
