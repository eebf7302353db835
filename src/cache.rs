//! The cache of folder courses (`--course DIR`): the loaded, checked model is kept in the
//! platform cache directory (`~/.cache/syllabus/courses/` on Linux, honouring
//! `XDG_CACHE_HOME`), one file per course folder, so the next start decodes it instead of
//! parsing every module again.
//!
//! An entry records every file the load read (its path, and the xxh3 hash and length of its
//! bytes, or the error reading it) and the list of `.toml` files at the top of the folder.
//! It is used only if every one of those reads gives the same answer now, and only if it
//! was written by this very build (`embedded::build_tag`: version and model fingerprint).
//! Anything else, a damaged, foreign or stale file, is ignored and replaced. A course with
//! errors is never cached. The cache is an optimisation only: failing to read or write it
//! changes nothing but the time a start takes. The checksum in every entry catches damage;
//! it is no defence against someone who can write the user's cache folder (who could as
//! well change the course itself).

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::course::compiled::{self, Compiled};
use crate::course::files::ReadError;
use crate::course::{self, CourseFiles, DirFiles, LoadReport};

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

/// One cached course: what it was built from, and the result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// The course folder, as given to `DirFiles`, canonicalized.
    pub root: String,
    pub reads: Vec<(String, Seen)>,
    pub toml_files: Vec<String>,
    pub compiled: Compiled,
}

/// The tag cache entries are written under: this build, and "cache" (an entry is not a
/// built-in course).
fn tag() -> [u8; 32] {
    let build = crate::embedded::build_tag();
    let mut text = String::from("cache ");
    for b in build {
        text.push_str(&format!("{b:02x}"));
    }
    compiled::tag_of(&text)
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

/// A `CourseFiles` that remembers every read, for the entry.
struct Recorder<'a> {
    inner: &'a dyn CourseFiles,
    reads: RefCell<Vec<(String, Seen)>>,
    seen: RefCell<HashSet<String>>,
    toml_files: RefCell<Option<Vec<String>>>,
}

impl CourseFiles for Recorder<'_> {
    fn display(&self, rel: &str) -> String {
        self.inner.display(rel)
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        let result = self.inner.read(rel);
        if self.seen.borrow_mut().insert(rel.to_string()) {
            self.reads
                .borrow_mut()
                .push((rel.to_string(), Seen::of(&result)));
        }
        result
    }

    fn toml_files(&self) -> Vec<String> {
        let list = self.inner.toml_files();
        *self.toml_files.borrow_mut() = Some(list.clone());
        list
    }

    fn describe(&self) -> String {
        self.inner.describe()
    }
}

/// Loads the course in `dir` with the cache in `cache_dir` (`None`: no cache). `Ok` is the
/// course, from the cache or freshly loaded (and then cached); `Err` is the load's report,
/// whose errors say why there is no course.
pub fn load(dir: &Path, cache_dir: Option<&Path>) -> Result<Compiled, Box<LoadReport>> {
    let files = DirFiles::new(dir);
    let Some(cache_dir) = cache_dir else {
        return fresh(&files);
    };
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let path = entry_path(cache_dir, &root);
    let root = root.to_string_lossy().into_owned();
    if let Some(compiled) = read_entry(&path, &root, &files) {
        return Ok(compiled);
    }
    let recorder = Recorder {
        inner: &files,
        reads: RefCell::default(),
        seen: RefCell::default(),
        toml_files: RefCell::default(),
    };
    let compiled = fresh(&recorder)?;
    let entry = Entry {
        root,
        reads: recorder.reads.into_inner(),
        toml_files: recorder.toml_files.into_inner().unwrap_or_default(),
        compiled,
    };
    write_entry(&path, &entry);
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

/// The cached course for `root`, if the entry at `path` is sound and still true of the files.
pub fn read_entry(path: &Path, root: &str, files: &dyn CourseFiles) -> Option<Compiled> {
    let bytes = std::fs::read(path).ok()?;
    let entry: Entry = compiled::decode(&bytes, &tag()).ok()?;
    if entry.root != root || entry.toml_files != files.toml_files() {
        return None;
    }
    let total = entry.reads.iter().try_fold(0u64, |sum, (rel, seen)| {
        let now = files.read(rel);
        (Seen::of(&now) == *seen).then(|| sum + now.map_or(0, |b| b.len() as u64))
    })?;
    (total <= course::files::MAX_COURSE_BYTES).then_some(entry.compiled)
}

/// Writes the entry (a temporary file renamed over the old one); failures are ignored.
pub fn write_entry(path: &Path, entry: &Entry) {
    let Some(parent) = path.parent() else {
        return;
    };
    let Ok(bytes) = compiled::encode(entry, &tag()) else {
        return;
    };
    if std::fs::create_dir_all(parent).is_err() {
        return;
    }
    let Ok(mut tmp) = tempfile::NamedTempFile::new_in(parent) else {
        return;
    };
    if std::io::Write::write_all(&mut tmp, &bytes).is_ok() {
        let _ = tmp.persist(path);
    }
}

/// The bytes an entry is written as, for tests and the fuzz target.
pub fn encode_entry(entry: &Entry) -> Result<Vec<u8>, String> {
    compiled::encode(entry, &tag())
}

/// `payload` as the postcard part of an entry, behind a header that passes every check.
pub fn wrap_payload(payload: &[u8]) -> Vec<u8> {
    compiled::wrap(payload, &tag())
}

/// Decodes entry bytes as `load` does (bounds-checked; anything unsound is `None`).
pub fn decode_entry(bytes: &[u8]) -> Option<Entry> {
    compiled::decode(bytes, &tag()).ok()
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
