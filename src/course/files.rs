//! Where a course's files come from: a folder on disk (`--course DIR`) or the default course
//! compiled into the binary. Both refuse paths that leave the course folder and files over
//! the size cap, so the loader above them never has to think about it.

use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Course files larger than this are refused (a course file is text; 4 MiB is generous).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Everything one load reads, together, is refused past this. A diagram is read each time a
/// section shows it, so without a limit a 47 KB module showing one 1 MB diagram 3,000 times
/// made the loader hold gigabytes and abort (found by fuzzing).
pub const MAX_COURSE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    TooLarge(u64),
    /// The path is absolute, contains `..`, or resolves outside the course folder.
    OutsideCourse(&'static str),
    NotAFile,
    /// Reading it would take the course past `MAX_COURSE_BYTES`.
    CourseTooLarge,
    Io(String),
}

impl ReadError {
    pub fn describe(&self) -> String {
        match self {
            ReadError::NotFound => "not found".into(),
            ReadError::TooLarge(n) => {
                format!("is {} ; the limit is 4 MiB", human_bytes(*n)).replace(" ;", ";")
            }
            ReadError::OutsideCourse(why) => format!("leaves the course folder ({why})"),
            ReadError::NotAFile => "is not a regular file".into(),
            ReadError::CourseTooLarge => {
                "would take the course past its 64 MiB limit for everything read".into()
            }
            ReadError::Io(e) => format!("could not be read: {e}"),
        }
    }
}

pub fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

/// A source of course files, addressed by `/`-separated paths relative to the course folder.
/// `Sync`: a course's modules are built on every core at once (`course::par`), each reading
/// through the same files.
pub trait CourseFiles: Sync {
    /// How a file is named in messages, e.g. `lessons/03-vision.toml`.
    fn display(&self, rel: &str) -> String;
    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError>;
    /// The `.toml` files at the top of the course folder, for the "not listed" warning.
    fn toml_files(&self) -> Vec<String>;
    /// Says which course this is, for summaries: "course folder lessons/" or "built-in course".
    fn describe(&self) -> String;
}

/// Counts the bytes read through it and refuses to read past `MAX_COURSE_BYTES` in all.
pub struct Budget<'a> {
    inner: &'a dyn CourseFiles,
    used: std::sync::atomic::AtomicU64,
}

impl<'a> Budget<'a> {
    pub fn new(inner: &'a dyn CourseFiles) -> Self {
        Budget {
            inner,
            used: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

impl CourseFiles for Budget<'_> {
    fn display(&self, rel: &str) -> String {
        self.inner.display(rel)
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        let bytes = self.inner.read(rel)?;
        let len = bytes.len() as u64;
        let took = self.used.fetch_update(
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
            |used| used.checked_add(len).filter(|&u| u <= MAX_COURSE_BYTES),
        );
        match took {
            Ok(_) => Ok(bytes),
            Err(_) => Err(ReadError::CourseTooLarge),
        }
    }

    fn toml_files(&self) -> Vec<String> {
        self.inner.toml_files()
    }

    fn describe(&self) -> String {
        self.inner.describe()
    }
}

/// Refuse absolute paths and `..` before touching the filesystem.
pub fn check_relative(rel: &str) -> Result<(), ReadError> {
    let path = Path::new(rel);
    if rel.is_empty() {
        return Err(ReadError::NotFound);
    }
    if path.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') || rel.contains(':') {
        return Err(ReadError::OutsideCourse("an absolute path"));
    }
    for c in path.components() {
        match c {
            Component::Normal(_) => {}
            Component::ParentDir => return Err(ReadError::OutsideCourse("`..` in the path")),
            _ => return Err(ReadError::OutsideCourse("not a plain relative path")),
        }
    }
    Ok(())
}

/// A course folder on disk.
pub struct DirFiles {
    root: PathBuf,
}

impl DirFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DirFiles { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl CourseFiles for DirFiles {
    fn display(&self, rel: &str) -> String {
        let root = self.root.to_string_lossy();
        let root = root.trim_end_matches('/');
        if root.is_empty() || root == "." {
            rel.to_string()
        } else {
            format!("{root}/{rel}")
        }
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        check_relative(rel)?;
        let full = self.root.join(rel);
        let meta = match std::fs::symlink_metadata(&full) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::NotFound),
            Err(e) => return Err(ReadError::Io(e.to_string())),
        };
        if meta.file_type().is_symlink() || full.parent().is_some_and(|p| p != self.root) {
            // A link (of the file or of a folder on the way) may point anywhere: resolve both
            // ends and compare.
            let root = self
                .root
                .canonicalize()
                .map_err(|e| ReadError::Io(e.to_string()))?;
            let real = match full.canonicalize() {
                Ok(p) => p,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(ReadError::NotFound);
                }
                Err(e) => return Err(ReadError::Io(e.to_string())),
            };
            if !real.starts_with(&root) {
                return Err(ReadError::OutsideCourse(
                    "a symbolic link points outside it",
                ));
            }
        }
        let meta = std::fs::metadata(&full).map_err(|e| ReadError::Io(e.to_string()))?;
        if !meta.is_file() {
            return Err(ReadError::NotAFile);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(meta.len()));
        }
        let file = File::open(&full).map_err(|e| ReadError::Io(e.to_string()))?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::Io(e.to_string()))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes)
    }

    fn toml_files(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        names.sort();
        names
    }

    fn describe(&self) -> String {
        match self.display("").as_str() {
            "" => "course folder ./".to_string(),
            shown => format!("course folder {shown}"),
        }
    }
}

/// The default course, compiled into the binary from `lessons/` by build.rs, so the binary
/// runs anywhere with no files beside it.
pub struct EmbeddedFiles {
    files: &'static [(&'static str, &'static [u8])],
}

impl EmbeddedFiles {
    pub fn builtin() -> Self {
        EmbeddedFiles {
            files: crate::embedded::FILES,
        }
    }

    /// Every embedded file and its bytes, for the test that the binary carries `lessons/`.
    pub fn all(&self) -> &'static [(&'static str, &'static [u8])] {
        self.files
    }
}

impl CourseFiles for EmbeddedFiles {
    fn display(&self, rel: &str) -> String {
        format!("lessons/{rel}")
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        check_relative(rel)?;
        self.files
            .iter()
            .find(|(name, _)| *name == rel)
            .map(|(_, bytes)| bytes.to_vec())
            .ok_or(ReadError::NotFound)
    }

    fn toml_files(&self) -> Vec<String> {
        self.files
            .iter()
            .map(|(n, _)| n.to_string())
            .filter(|n| n.ends_with(".toml") && !n.contains('/'))
            .collect()
    }

    fn describe(&self) -> String {
        "built-in course".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_must_stay_inside() {
        assert_eq!(check_relative("a/b.txt"), Ok(()));
        assert_eq!(
            check_relative("../etc/passwd"),
            Err(ReadError::OutsideCourse("`..` in the path"))
        );
        assert_eq!(
            check_relative("/etc/passwd"),
            Err(ReadError::OutsideCourse("an absolute path"))
        );
        assert_eq!(
            check_relative("C:\\x"),
            Err(ReadError::OutsideCourse("an absolute path"))
        );
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_bytes(5 * 1024 * 1024 + 200_000), "5.2 MiB");
        assert_eq!(
            ReadError::TooLarge(5 * 1024 * 1024).describe(),
            "is 5.0 MiB; the limit is 4 MiB"
        );
    }
}
