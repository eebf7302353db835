//! Where progress lives: one file per course id in the platform data directory
//! (`~/.local/share/syllabus/` on Linux, honouring `XDG_DATA_HOME`), unless `--progress`
//! names a file.

use std::path::{Path, PathBuf};

/// The default progress file for a course, or a message saying why there is none.
pub fn default_path(course_id: &str) -> Result<PathBuf, String> {
    let dirs = directories::ProjectDirs::from("", "", "syllabus").ok_or_else(|| {
        "cannot determine a data directory for progress (HOME is not set and the user has no home directory); \
         pass --progress FILE to choose where progress is kept"
            .to_string()
    })?;
    Ok(dirs.data_dir().join(format!("{course_id}.toml")))
}

/// `--progress FILE` if given, else the default.
pub fn resolve(explicit: Option<&Path>, course_id: &str) -> Result<PathBuf, String> {
    match explicit {
        Some(p) => Ok(p.to_path_buf()),
        None => default_path(course_id),
    }
}

/// `FILE.suffix` next to FILE, e.g. `x.toml.bak`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}
