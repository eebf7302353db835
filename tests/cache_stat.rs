//! The cache's cheap check (src/cache/stat.rs): a file unchanged since well before the entry
//! was made is trusted by its stat, a recent one is read and hashed again, and any change,
//! even one that keeps the size and sets the modification time back, still rebuilds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use syllabus::cache::{self, stat};
use syllabus::course::DirFiles;

/// Far enough after the files were written that they count as settled (past the margin).
const LATER: Duration = Duration::from_secs(10);

fn entry_file(cache_dir: &Path, course: &Path) -> PathBuf {
    cache::entry_path(cache_dir, &std::fs::canonicalize(course).unwrap())
}

/// How the entry for `course` checks out at `now`; panics if it is not used.
fn checked(course: &Path, cache_dir: &Path, now: SystemTime) -> cache::Checked {
    let root = std::fs::canonicalize(course).unwrap();
    let (_, checked) = cache::read_entry(
        &entry_file(cache_dir, course),
        &root.to_string_lossy(),
        &DirFiles::new(course),
        stat::nanos(now),
    )
    .expect("the entry is used");
    checked
}

/// Rewrites the entry with another course title, so a test can tell whether the next load
/// came from the cache (that title) or from the files.
fn mark_entry(cache_dir: &Path, course: &Path) {
    let path = entry_file(cache_dir, course);
    let mut entry = cache::decode_entry(&std::fs::read(&path).unwrap()).unwrap();
    entry.compiled.course.title = "FROM THE CACHE".into();
    std::fs::write(&path, cache::encode_entry(&entry).unwrap()).unwrap();
}

fn title_at(course: &Path, cache_dir: &Path, now: SystemTime) -> String {
    cache::load_at(course, Some(cache_dir), now)
        .expect("loads")
        .course
        .title
}

#[test]
fn files_changed_just_before_the_load_are_read_again_not_trusted() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().unwrap();
    let now = SystemTime::now();
    cache::load_at(course.path(), Some(cache_dir.path()), now).unwrap();
    let c = checked(course.path(), cache_dir.path(), now);
    assert_eq!(c.trusted, 0);
    assert!(
        c.hashed >= 4,
        "course.toml, two modules and an asset: {c:?}"
    );
}

#[test]
fn files_settled_before_the_load_are_trusted_by_their_stat_and_subfolders_are_hashed() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().unwrap();
    let later = SystemTime::now() + LATER;
    cache::load_at(course.path(), Some(cache_dir.path()), later).unwrap();
    let c = checked(course.path(), cache_dir.path(), later);
    // course.toml, 01-basics.toml, 02-exam.toml by their stat; assets/roles.txt (in a
    // subfolder: its read resolves paths) hashed.
    assert_eq!((c.trusted, c.hashed), (3, 1), "{c:?}");
    mark_entry(cache_dir.path(), course.path());
    assert_eq!(
        title_at(course.path(), cache_dir.path(), later),
        "FROM THE CACHE"
    );
}

#[test]
fn a_same_size_edit_with_the_old_mtime_put_back_still_rebuilds() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().unwrap();
    let later = SystemTime::now() + LATER;
    cache::load_at(course.path(), Some(cache_dir.path()), later).unwrap();
    mark_entry(cache_dir.path(), course.path());
    let file = course.path().join("01-basics.toml");
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    let before = std::fs::metadata(&file).unwrap().len();
    common::edit(course.path(), "01-basics.toml", "Basics", "Basicz");
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), before);
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), mtime);
    // Only the change time (which no program sets back) tells: the file is read again.
    assert_ne!(
        title_at(course.path(), cache_dir.path(), later),
        "FROM THE CACHE"
    );
}

#[test]
fn an_entry_checked_by_hashing_is_written_again_so_the_next_start_trusts_the_stats() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().unwrap();
    cache::load_at(course.path(), Some(cache_dir.path()), SystemTime::now()).unwrap();
    let later = SystemTime::now() + LATER;
    assert_eq!(checked(course.path(), cache_dir.path(), later).trusted, 0);
    mark_entry(cache_dir.path(), course.path());
    // Hashed, found unchanged (still the marked entry), and written again.
    assert_eq!(
        title_at(course.path(), cache_dir.path(), later),
        "FROM THE CACHE"
    );
    let c = checked(course.path(), cache_dir.path(), later);
    assert_eq!((c.trusted, c.hashed), (3, 1), "{c:?}");
}

#[test]
fn a_file_replaced_by_a_copy_of_the_same_text_is_hashed_and_the_entry_still_used() {
    let course = common::copy_fixture("mini");
    let cache_dir = tempfile::tempdir().unwrap();
    let later = SystemTime::now() + LATER;
    cache::load_at(course.path(), Some(cache_dir.path()), later).unwrap();
    mark_entry(cache_dir.path(), course.path());
    let file = course.path().join("02-exam.toml");
    let copy = course.path().join("assets/exam.txt");
    std::fs::copy(&file, &copy).unwrap();
    std::fs::rename(&copy, &file).unwrap();
    let c = checked(course.path(), cache_dir.path(), later);
    assert_eq!((c.trusted, c.hashed), (2, 2), "{c:?}");
    assert_eq!(
        title_at(course.path(), cache_dir.path(), later),
        "FROM THE CACHE"
    );
}
