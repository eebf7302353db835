//! Telling that a course file is unchanged without reading it: what `lstat` says of it
//! (device, inode, length, modification and change times) against what it said when the
//! cache entry was made, as git's index and make do.
//!
//! The change time (ctime) is set by the kernel on every write, rename or `touch`, and no
//! program can set it back, so a file whose identity and times are all the same has not
//! been written since, with one exception: two writes within one tick of the file system's
//! clock leave the same times (git calls such a file "racily clean"). So a file is trusted
//! by its stat only if its ctime is at least [`MARGIN_NS`] older than the moment the
//! entry's reads began (the entry's `stamp`); any later write would carry a later ctime.
//! A file changed more recently than that, and every file that is not a plain file at the
//! top of the course folder (in a subfolder, or a symbolic link, whose reads resolve
//! paths), is read and hashed again instead.

use std::path::Path;

/// How much older than the stamp a file's last change must be for its stat to be trusted:
/// more than the coarsest timestamp of a common file system (FAT: 2 s) and the kernel's
/// coarse clock tick.
pub const MARGIN_NS: i64 = 3_000_000_000;

/// What `lstat` said of a plain file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stat {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime_ns: i64,
    /// Change time (of the inode), nanoseconds since 1970.
    pub ctime_ns: i64,
}

impl Stat {
    /// The stat of `path` if it is a plain file (a symbolic link is not); `None` otherwise,
    /// or where there is no such stat (not Unix).
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<Stat> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(path).ok()?;
        if !m.file_type().is_file() {
            return None;
        }
        let ns = |s: i64, n: i64| s.checked_mul(1_000_000_000)?.checked_add(n);
        Some(Stat {
            dev: m.dev(),
            ino: m.ino(),
            len: m.size(),
            mtime_ns: ns(m.mtime(), m.mtime_nsec())?,
            ctime_ns: ns(m.ctime(), m.ctime_nsec())?,
        })
    }

    #[cfg(not(unix))]
    pub fn of(_: &Path) -> Option<Stat> {
        None
    }

    /// Whether a file with this stat, found the same later, cannot have been written after
    /// the reads that began at `stamp_ns` (see the module's note).
    pub fn settled_before(&self, stamp_ns: i64) -> bool {
        self.ctime_ns < stamp_ns.saturating_sub(MARGIN_NS)
    }
}

/// `time` as nanoseconds since 1970 (0 before it, saturating far after it).
pub fn nanos(time: std::time::SystemTime) -> i64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
