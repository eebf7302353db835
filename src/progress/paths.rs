//! Where progress lives: one file per course id in the platform data directory
//! (`~/.local/share/syllabus/` on Linux, honouring `XDG_DATA_HOME`), unless `--progress`
//! names a file.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

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

/// A free `FILE.corrupt-<time>` name to move a damaged file to.
pub(crate) fn corrupt_name(path: &Path) -> PathBuf {
    let ts = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut candidate = sidecar(path, &format!(".corrupt-{ts}"));
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = sidecar(path, &format!(".corrupt-{ts}-{n}"));
    }
    candidate
}

/// The folder a file is in (`.` for a bare name).
pub(crate) fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Links followed before giving up on a loop (the usual kernel limit).
const MAX_SYMLINK_HOPS: usize = 40;

/// A progress file that is a symlink (a dotfiles setup) stays one: saves replace the target.
/// The link is followed by hand rather than by `canonicalize`, which fails when the target
/// does not exist yet; the first save would then have replaced the link with a plain file.
pub(crate) fn resolve_symlink(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::read_link(&current) {
            // A relative target is relative to the link's folder; an absolute one replaces it.
            Ok(target) => current = parent(&current).join(target),
            Err(_) => {
                if current == path {
                    return current;
                }
                // Tidy `a/../b` for messages, when the folder exists.
                return match (fs::canonicalize(parent(&current)), current.file_name()) {
                    (Ok(dir), Some(name)) => dir.join(name),
                    _ => current,
                };
            }
        }
    }
    // A loop: keep the path as given, so opening reports it and nothing is written.
    path.to_path_buf()
}
