//! The cache of folder courses (`--course DIR`): the loaded, checked model is kept in the
//! platform cache directory (`~/.cache/syllabus/courses/` on Linux, honouring
//! `XDG_CACHE_HOME`), one file per course folder, so the next start decodes it instead of
//! parsing every module again.
//!
//! An entry records every file the load read (its path, and the xxh3 hash and length of its
//! bytes, or the error reading it; for a plain file at the top of the folder also what
//! `lstat` said of it, [`stat`]), the list of `.toml` files at the top of the folder, and
//! when the reads began. It is used only if every one of those reads would give the same
//! answer now, and only if it was written by this very build (`embedded::build_tag`:
//! version and model fingerprint). A file whose stat is the same as recorded, and whose
//! last change was at least [`stat::MARGIN_NS`] before the reads began, is known to be
//! unchanged without reading it; every other file is read and hashed again (and when that
//! finds them all unchanged, the entry is written again with their new stats, so the next
//! start need not). Anything else, a damaged, foreign or stale file, is ignored and
//! replaced. A course with errors is never cached. The cache is an optimisation only:
//! failing to read or write it changes nothing but the time a start takes. The checksum in
//! every entry catches damage; it is no defence against someone who can write the user's
//! cache folder (who could as well change the course itself), nor against a system clock
//! set back by more than the margin between two edits.

pub mod parts;
pub mod stat;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use crate::course::compiled::Compiled;
use crate::course::files::ReadError;
use crate::course::{self, CourseFiles, DirFiles, LoadReport};
use stat::Stat;

/// What reading one file gave: its length and hash, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Seen {
    Bytes { len: u64, hash: u64 },
    Failed(String),
}

impl Seen {
    fn of(result: &Result<Vec<u8>, ReadError>) -> Seen {
        match result {
            Ok(bytes) => Seen::Bytes {
                len: bytes.len() as u64,
                hash: xxhash_rust::xxh3::xxh3_64(bytes),
            },
            Err(e) => Seen::Failed(e.describe()),
        }
    }
}

/// One file the load read: its path in the course folder, what the read gave, and (a plain
/// file at the top of the folder) its stat, taken just before the read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Read {
    pub rel: String,
    pub seen: Seen,
    pub stat: Option<Stat>,
}

/// What an entry says about the files, checked before any module is read.
#[derive(Debug, Clone, PartialEq)]
struct Head {
    root: String,
    stamp: i64,
    reads: Vec<Read>,
    toml_files: Vec<String>,
}

/// One cached course: what it was built from, and the result. Written in parts
/// ([`parts`]): this with no modules, then the modules in runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The course folder, as given to `DirFiles`, canonicalized.
    pub root: String,
    /// When the reads began, in nanoseconds since 1970 (see [`stat`]).
    pub stamp: i64,
    pub reads: Vec<Read>,
    pub toml_files: Vec<String>,
    pub compiled: Compiled,
}

/// The tag cache entries are written under: this build, and "cache" (an entry is not a
/// built-in course).
fn tag() -> [u8; 32] {
    crate::embedded::cache_tag()
}

/// Where the entry for the course folder `root` lives, in `cache_dir`.
pub fn entry_path(cache_dir: &Path, root: &Path) -> PathBuf {
    let key = xxhash_rust::xxh3::xxh3_64(root.to_string_lossy().as_bytes());
    cache_dir.join("courses").join(format!("{key:016x}.bin"))
}

/// The platform cache directory for syllabus, if there is one.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "syllabus").map(|d| d.cache_dir().to_path_buf())
}

/// A `CourseFiles` that remembers every read, for the entry (the modules are built on
/// every core, so the record is behind locks, and sorted by path when it is taken).
#[derive(Default)]
struct Record {
    reads: Vec<Read>,
    seen: HashSet<String>,
    toml_files: Option<Vec<String>>,
}

struct Recorder<'a> {
    inner: &'a DirFiles,
    record: Mutex<Record>,
}

impl Recorder<'_> {
    fn record(&self) -> std::sync::MutexGuard<'_, Record> {
        self.record.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn take(self) -> Record {
        let mut record = self
            .record
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        record.reads.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
        record
    }
}

impl CourseFiles for Recorder<'_> {
    fn display(&self, rel: &str) -> String {
        self.inner.display(rel)
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        let first = self.record().seen.insert(rel.to_string());
        // Before the read: a write between the two leaves a later ctime than recorded.
        let stat = first
            .then(|| top_level_stat(self.inner.root(), rel))
            .flatten();
        let result = self.inner.read(rel);
        if first {
            let seen = Seen::of(&result);
            let stat = stat.filter(|s| matches!(seen, Seen::Bytes { len, .. } if len == s.len));
            self.record().reads.push(Read {
                rel: rel.to_string(),
                seen,
                stat,
            });
        }
        result
    }

    fn toml_files(&self) -> Vec<String> {
        let list = self.inner.toml_files();
        self.record().toml_files = Some(list.clone());
        list
    }

    fn describe(&self) -> String {
        self.inner.describe()
    }
}

/// The stat of `rel` if it names a plain file directly in `root`: the only reads whose
/// answer a stat decides (in a subfolder or through a link, the read resolves paths).
fn top_level_stat(root: &Path, rel: &str) -> Option<Stat> {
    if rel.is_empty() || rel.contains(['/', '\\']) || rel == "." || rel == ".." {
        return None;
    }
    Stat::of(&root.join(rel))
}

/// Loads the course in `dir` with the cache in `cache_dir` (`None`: no cache). `Ok` is the
/// course, from the cache or freshly loaded (and then cached); `Err` is the load's report,
/// whose errors say why there is no course.
#[inline(never)] // a folder course: off the built-in course's start path
pub fn load(dir: &Path, cache_dir: Option<&Path>) -> Result<Compiled, Box<LoadReport>> {
    load_at(dir, cache_dir, SystemTime::now())
}

/// [`load`], with `now` as the time the reads begin (tests move it to see files as old).
pub fn load_at(
    dir: &Path,
    cache_dir: Option<&Path>,
    now: SystemTime,
) -> Result<Compiled, Box<LoadReport>> {
    let files = DirFiles::new(dir);
    let Some(cache_dir) = cache_dir else {
        return fresh(&files);
    };
    let now = stat::nanos(now);
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let path = entry_path(cache_dir, &root);
    let root = root.to_string_lossy().into_owned();
    if let Some((compiled, checked)) = read_entry(&path, &root, &files, now) {
        if let Some(head) = checked.refreshed {
            let mut entry = Entry {
                root: head.root,
                stamp: head.stamp,
                reads: head.reads,
                toml_files: head.toml_files,
                compiled,
            };
            write_entry(&path, &mut entry);
            return Ok(entry.compiled);
        }
        return Ok(compiled);
    }
    let recorder = Recorder {
        inner: &files,
        record: Mutex::default(),
    };
    let compiled = fresh(&recorder)?;
    let record = recorder.take();
    let mut entry = Entry {
        root,
        stamp: now,
        reads: record.reads,
        toml_files: record.toml_files.unwrap_or_default(),
        compiled,
    };
    write_entry(&path, &mut entry);
    Ok(entry.compiled)
}

fn fresh(files: &dyn CourseFiles) -> Result<Compiled, Box<LoadReport>> {
    let mut report = course::load(files);
    let warnings = report.warnings().count() as u32;
    match report.course.take() {
        Some(course) => Ok(Compiled { course, warnings }),
        None => Err(Box::new(report)),
    }
}

/// How an entry was found true of the files.
#[derive(Debug, Default)]
pub struct Checked {
    /// Files known unchanged by their stat alone.
    pub trusted: usize,
    /// Files read and hashed again.
    pub hashed: usize,
    /// The entry's head with the new stats of files that had to be hashed and are now
    /// settled, stamped with this check's time: worth writing, so the next start trusts them.
    refreshed: Option<Head>,
}

/// The cached course for `root`, if the entry at `path` is sound and still true of the
/// files; `now` is when this check began (nanoseconds since 1970).
pub fn read_entry(
    path: &Path,
    root: &str,
    files: &DirFiles,
    now: i64,
) -> Option<(Compiled, Checked)> {
    let source = parts::FileSource::open(path)?;
    let opened = parts::open(&source, &tag()).ok()?;
    let Entry {
        root: found,
        stamp,
        reads,
        toml_files,
        mut compiled,
    } = opened.head()?;
    if found != root || toml_files != files.toml_files() {
        return None;
    }
    let mut head = Head {
        root: found,
        stamp,
        reads,
        toml_files,
    };
    let checked = check(&mut head, files, now)?;
    compiled.course.modules.extend(opened.modules()?);
    Some((compiled, checked))
}

/// Whether every read of `head` gives the same answer now (see the module's note), and
/// what that took.
fn check(head: &mut Head, files: &DirFiles, now: i64) -> Option<Checked> {
    let mut checked = Checked::default();
    let mut total = 0u64;
    let mut settled = false;
    for read in &mut head.reads {
        let len = match read.seen {
            Seen::Bytes { len, .. } => len,
            Seen::Failed(_) => 0,
        };
        let stat_now = top_level_stat(files.root(), &read.rel);
        if let Some(recorded) = read.stat
            && stat_now == Some(recorded)
            && recorded.len == len
            && recorded.settled_before(head.stamp)
        {
            checked.trusted += 1;
            total += len;
            continue;
        }
        let result = files.read(&read.rel);
        if Seen::of(&result) != read.seen {
            return None;
        }
        checked.hashed += 1;
        total += len;
        let stat_now = stat_now.filter(|s| result.is_ok() && s.len == len);
        settled |= stat_now.is_some_and(|s| s.settled_before(now));
        read.stat = stat_now;
    }
    if total > course::files::MAX_COURSE_BYTES {
        return None;
    }
    if settled {
        head.stamp = now;
        checked.refreshed = Some(head.clone());
    }
    Some(checked)
}

/// Writes the entry (a temporary file renamed over the old one); failures are ignored.
/// The entry is left as it was (see [`parts::encode`]).
pub fn write_entry(path: &Path, entry: &mut Entry) {
    let Some(parent) = path.parent() else {
        return;
    };
    let Ok(encoded) = parts::encode(entry, &tag()) else {
        return;
    };
    if std::fs::create_dir_all(parent).is_err() {
        return;
    }
    let Ok(mut tmp) = tempfile::NamedTempFile::new_in(parent) else {
        return;
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut tmp);
    let written = encoded.write_to(&mut out).is_ok() && std::io::Write::flush(&mut out).is_ok();
    drop(out);
    if written {
        let _ = tmp.persist(path);
    }
}

/// The bytes an entry is written as, for tests and the fuzz target.
pub fn encode_entry(entry: &Entry) -> Result<Vec<u8>, String> {
    parts::encode(&mut entry.clone(), &tag()).map(|e| e.to_bytes())
}

/// `payload` (postcard bytes, a text table and its length) as the one part of an entry,
/// behind a header and directory that pass every check ([`parts::wrap`]).
pub fn wrap_payload(payload: &[u8]) -> Vec<u8> {
    parts::wrap(payload, &tag())
}

/// Entry bytes with every checksum made to match ([`parts::reseal`]), for the tests.
pub fn reseal(bytes: &[u8]) -> Vec<u8> {
    parts::reseal(bytes, &tag())
}

/// Decodes entry bytes as `load` does (bounds-checked; anything unsound is `None`).
pub fn decode_entry(bytes: &[u8]) -> Option<Entry> {
    let opened = parts::open(bytes, &tag()).ok()?;
    let mut entry = opened.head()?;
    entry.compiled.course.modules.extend(opened.modules()?);
    Some(entry)
}

/// The course a session runs: the built-in one decoded from the binary, or the folder's,
/// through the cache unless `use_cache` is false (`--watch` reloads from the files anyway).
pub fn open(dir: Option<&Path>, use_cache: bool) -> Result<Compiled, Box<LoadReport>> {
    match dir {
        None => {
            crate::embedded::builtin().map_or_else(|| fresh(&course::EmbeddedFiles::builtin()), Ok)
        }
        Some(dir) => load(dir, default_dir().as_deref().filter(|_| use_cache)),
    }
}
