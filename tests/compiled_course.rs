//! The built-in course compiled at build time, and the cache of folder courses
//! (src/course/compiled.rs, src/cache.rs, build.rs).

mod common;

use std::path::Path;

use proptest::prelude::*;
use syllabus::cache;
use syllabus::course::{self, EmbeddedFiles};

/// `expect` without the lint: the tests' way to say what was needed.
trait OrDie<T> {
    fn or_die(self, what: &str) -> T;
}

impl<T, E: std::fmt::Debug> OrDie<T> for Result<T, E> {
    fn or_die(self, what: &str) -> T {
        self.unwrap_or_else(|e| panic!("{what}: {e:?}"))
    }
}

impl<T> OrDie<T> for Option<T> {
    fn or_die(self, what: &str) -> T {
        self.unwrap_or_else(|| panic!("{what}"))
    }
}

#[test]
fn the_compiled_builtin_course_is_what_the_loader_builds_from_lessons() {
    let compiled = syllabus::embedded::builtin().or_die("the embedded course decodes");
    let report = course::load(&EmbeddedFiles::builtin());
    assert_eq!(compiled.warnings as usize, report.warnings().count());
    assert_eq!(Some(&compiled.course), report.course.as_ref());
}

#[test]
fn a_compiled_course_from_another_build_is_refused() {
    let other = course::compiled::tag_of("0.0.0 someone-else");
    assert_eq!(
        course::compiled::decode_apart::<course::compiled::Compiled>(
            syllabus::embedded::COURSE,
            &syllabus::embedded::TEXTS,
            &other
        ),
        Err(course::compiled::Refused::OtherBuild)
    );
}

fn entry_file(cache_dir: &Path, course: &Path) -> std::path::PathBuf {
    let root = std::fs::canonicalize(course).or_die("canonical");
    cache::entry_path(cache_dir, &root)
}

/// Rewrites the cached entry with another course title, so a test can tell whether the
/// next load came from the cache (that title) or from the files.
fn mark_entry(cache_dir: &Path, course: &Path, title: &str) {
    let path = entry_file(cache_dir, course);
    let bytes = std::fs::read(&path).or_die("an entry was written");
    let mut entry = cache::decode_entry(&bytes).or_die("the entry decodes");
    entry.compiled.course.title = title.into();
    std::fs::write(&path, cache::encode_entry(&entry).or_die("encodes")).or_die("write");
}

fn title(dir: &Path, cache_dir: &Path) -> String {
    match cache::load(dir, Some(cache_dir)) {
        Ok(c) => c.course.title,
        Err(report) => panic!("did not load: {:?}", common::lines(&report)),
    }
}

#[test]
fn a_second_open_comes_from_the_cache_and_any_change_to_a_file_rebuilds_it() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    let fresh = cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    assert_eq!(
        fresh.course,
        common::load(course.path()).course.or_die("loads")
    );
    for (file, from, to) in [
        ("course.toml", "Mini Course", "Mini Course 2"),
        (
            "01-basics.toml",
            "title = \"Basics\"",
            "title = \"Basics 2\"",
        ),
        ("assets/roles.txt", "", "x"),
    ] {
        mark_entry(cache_dir.path(), course.path(), "FROM THE CACHE");
        assert_eq!(title(course.path(), cache_dir.path()), "FROM THE CACHE");
        if from.is_empty() {
            let p = course.path().join(file);
            let mut text = std::fs::read_to_string(&p).or_die("read");
            text.push_str(to);
            std::fs::write(&p, text).or_die("write");
        } else {
            common::edit(course.path(), file, from, to);
        }
        let now = title(course.path(), cache_dir.path());
        assert_ne!(now, "FROM THE CACHE", "a change to {file} must rebuild");
    }
    // A new top-level .toml file changes the "not listed" warning: rebuilt too.
    mark_entry(cache_dir.path(), course.path(), "FROM THE CACHE");
    std::fs::write(course.path().join("03-extra.toml"), "").or_die("write");
    assert_ne!(title(course.path(), cache_dir.path()), "FROM THE CACHE");
}

#[test]
fn without_a_cache_dir_the_files_are_always_read() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    mark_entry(cache_dir.path(), course.path(), "FROM THE CACHE");
    let c = cache::load(course.path(), None).or_die("loads");
    assert_eq!(c.course.title, "Mini Course");
}

#[test]
fn a_damaged_or_foreign_cache_file_is_ignored_and_replaced() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    let expected = cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    let path = entry_file(cache_dir.path(), course.path());
    let good = std::fs::read(&path).or_die("entry");
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    for bad in [
        Vec::new(),
        b"not a cache file".to_vec(),
        good[..good.len() - 1].to_vec(),
        flipped,
    ] {
        std::fs::write(&path, &bad).or_die("write");
        let got = cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
        assert_eq!(got, expected);
        // Replaced by a sound entry: the same but for when its reads began.
        let mut now = cache::decode_entry(&std::fs::read(&path).or_die("entry")).or_die("sound");
        let was = cache::decode_entry(&good).or_die("sound");
        assert!(now.stamp >= was.stamp);
        now.stamp = was.stamp;
        assert_eq!(now, was, "replaced");
    }
}

#[test]
fn a_course_with_errors_is_never_cached() {
    let course = common::copy_fixture("mini");
    common::edit(
        course.path(),
        "course.toml",
        "pass_mark = 60",
        "pass_mark = 600",
    );
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    assert!(cache::load(course.path(), Some(cache_dir.path())).is_err());
    assert!(!entry_file(cache_dir.path(), course.path()).exists());
}

fn sample_entry() -> Vec<u8> {
    static ENTRY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    ENTRY.get_or_init(make_entry).clone()
}

/// The mini fixture with 18 more modules (copies of its first under new ids): 20 modules,
/// so its cache entry has several parts (`cache::parts`: at least 8 modules to a part).
fn many_modules() -> tempfile::TempDir {
    let course = common::copy_fixture("mini");
    let basics = std::fs::read_to_string(course.path().join("01-basics.toml")).or_die("read");
    let mut listed = String::from("\"01-basics.toml\", \"02-exam.toml\"");
    for i in 3..=20 {
        let name = format!("{i:02}-copy.toml");
        let text = basics.replacen("id = \"basics\"", &format!("id = \"copy-{i}\""), 1);
        std::fs::write(course.path().join(&name), text).or_die("write");
        listed.push_str(&format!(", \"{name}\""));
    }
    common::edit(
        course.path(),
        "course.toml",
        "\"01-basics.toml\", \"02-exam.toml\"",
        &listed,
    );
    course
}

fn make_entry() -> Vec<u8> {
    let course = many_modules();
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    std::fs::read(entry_file(cache_dir.path(), course.path())).or_die("entry")
}

/// An entry in parts decodes, part by part on every core, to the course the loader builds:
/// the modules in their order, each part's texts from its own table.
#[test]
fn a_cache_entry_in_parts_is_the_course_the_loader_builds() {
    let course = many_modules();
    let loaded = common::load(course.path()).course.or_die("loads");
    assert_eq!(loaded.modules.len(), 20);
    let cache_dir = tempfile::tempdir().or_die("tempdir");
    let first = cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    let bytes = std::fs::read(entry_file(cache_dir.path(), course.path())).or_die("entry");
    let parts = u64::from_le_bytes(bytes[40..48].try_into().or_die("8 bytes"));
    assert_eq!(parts, 1 + 3, "the head, and 20 modules in runs of 8");
    let second = cache::load(course.path(), Some(cache_dir.path())).or_die("loads");
    assert_eq!(first.course, loaded);
    assert_eq!(second, first);
    let entry = cache::decode_entry(&bytes).or_die("decodes");
    assert_eq!(entry.compiled, first);
    assert_eq!(cache::encode_entry(&entry).or_die("encodes"), bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any one byte changed, anywhere, and the entry is refused (never a different course).
    #[test]
    fn a_cache_entry_with_any_byte_changed_is_refused(at in any::<prop::sample::Index>(), x in 1u8..) {
        let mut bytes = sample_entry();
        let i = at.index(bytes.len());
        bytes[i] ^= x;
        prop_assert!(cache::decode_entry(&bytes).is_none());
    }

    /// Cut short anywhere, and the entry is refused.
    #[test]
    fn a_truncated_cache_entry_is_refused(at in any::<prop::sample::Index>()) {
        let bytes = sample_entry();
        let n = at.index(bytes.len());
        prop_assert!(cache::decode_entry(&bytes[..n]).is_none());
    }

    /// Arbitrary bytes are refused, and so is any payload behind a header that passes every
    /// check: postcard's bounds-checked decoding refuses it or, if it happens to decode, it
    /// is a whole entry (never a panic, never a read past the end).
    #[test]
    fn arbitrary_payloads_never_panic_the_decoder(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(cache::decode_entry(&tail).is_none());
        let _ = cache::decode_entry(&cache::wrap_payload(&tail));
    }

    /// The real entry with a byte changed anywhere past its fixed header, and every
    /// checksum written again to match: refused or a whole, sound entry; never a panic.
    #[test]
    fn a_changed_entry_with_its_checksums_made_good_decodes_soundly_or_not_at_all(
        at in any::<prop::sample::Index>(), x in 1u8..
    ) {
        let mut bytes = sample_entry();
        let i = 56 + at.index(bytes.len() - 56);
        bytes[i] ^= x;
        if let Some(entry) = cache::decode_entry(&cache::reseal(&bytes)) {
            prop_assert!(cache::encode_entry(&entry).is_ok());
        }
    }
}
