//! The progress store, specified: what a `Progress` looks like as TOML, what `FileStore::open`
//! does with whatever it finds at the progress path, how saves stay atomic, how two windows
//! share one file, and what survives `kill -9`, a read-only folder and a full disk.
//!
//! Every path lives in a `tempfile::tempdir()`; nothing here reads or writes the real HOME.
//! Two `#[ignore]`d functions at the end are not tests: they are the child processes that
//! the lock and kill tests spawn (this test binary, run again), and do nothing unless their
//! environment variable is set.
#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns fail loudly

use std::fmt::Display;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::{FileTypeExt, symlink};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard, mpsc};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use syllabus::progress::paths::sidecar;
use syllabus::progress::store::OpenResult;
use syllabus::progress::{
    FORMAT_VERSION, FileStore, ModuleProgress, Opened, Place, PlaceScreen, Progress, ProgressStore,
    SaveError,
};
use syllabus::quiz::attempt::{SEED_BITS, seed_for};
use syllabus::quiz::{Answer, Asked, Attempt, Mode, Response};

const COURSE: &str = "rust-basics";
const FILE: &str = "progress.toml";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// `unwrap` with the failed step in the panic message (the crate denies `unwrap`/`expect`).
trait OrPanic<T> {
    fn or_panic(self, what: &str) -> T;
}

impl<T, E: Display> OrPanic<T> for Result<T, E> {
    fn or_panic(self, what: &str) -> T {
        self.unwrap_or_else(|e| panic!("{what}: {e}"))
    }
}

impl<T> OrPanic<T> for Option<T> {
    fn or_panic(self, what: &str) -> T {
        self.unwrap_or_else(|| panic!("{what}: got None"))
    }
}

/// Spawning a process copies every open file descriptor into the child until it calls
/// `exec`, and a `flock` lock stays held while any copy is open. So a test that drops a
/// store and reopens it could, rarely, find its own lock still held by a `mount` or child
/// process another test thread was starting. Tests that spawn processes therefore run alone
/// (`exclusive`), and tests that open stores hold `shared` while they run.
static PROCESSES: RwLock<()> = RwLock::new(());

fn shared() -> RwLockReadGuard<'static, ()> {
    PROCESSES.read().unwrap_or_else(PoisonError::into_inner)
}

fn exclusive() -> RwLockWriteGuard<'static, ()> {
    PROCESSES.write().unwrap_or_else(PoisonError::into_inner)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().or_panic("create a temporary folder")
}

fn open(path: &Path) -> OpenResult {
    FileStore::open(path, COURSE)
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).or_panic(&format!("read {}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).or_panic(&format!("write {}", path.display()));
}

fn save(store: &mut FileStore, progress: &Progress) {
    store.save(progress).or_panic("save");
}

fn bak(path: &Path) -> PathBuf {
    sidecar(path, ".bak")
}

/// File names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .or_panic(&format!("list {}", dir.display()))
        .map(|e| e.or_panic("read a folder entry").file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Temp files a save of `FILE` could leave behind.
fn temp_files(dir: &Path) -> Vec<String> {
    let bak_tmp = format!("{FILE}.bak.tmp");
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(&format!(".{FILE}.tmp")) || *n == bak_tmp)
        .collect()
}

/// Paths in `dir` named `<name>.corrupt-<UTC time>[-n]`, checking the time's shape.
fn corrupt_copies(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!("{name}.corrupt-");
    names(dir)
        .into_iter()
        .filter_map(|n| n.strip_prefix(&prefix).map(str::to_string))
        .map(|ts| {
            let stamp = ts.split('-').next().unwrap_or_default();
            let shape_ok = stamp.len() == 16
                && stamp.char_indices().all(|(i, c)| match i {
                    8 => c == 'T',
                    15 => c == 'Z',
                    _ => c.is_ascii_digit(),
                });
            assert!(
                shape_ok,
                "corrupt copy {prefix}{ts} is not named by UTC time"
            );
            dir.join(format!("{prefix}{ts}"))
        })
        .collect()
}

/// The one corrupt copy of `name` in `dir`.
fn only_copy(dir: &Path, name: &str) -> PathBuf {
    match corrupt_copies(dir, name).as_slice() {
        [one] => one.clone(),
        _ => panic!("expected one corrupt copy of {name} in {:?}", names(dir)),
    }
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).or_panic("timestamp")
}

/// A realistic record: one module with a finished attempt answering every kind of question.
fn sample(counter: u64) -> Progress {
    let mut p = Progress::new(COURSE);
    p.saved = Some(at(1_800_000_000 + i64::try_from(counter).unwrap_or(0)));
    p.place = Place {
        screen: PlaceScreen::Results,
        module: Some("m1".into()),
        attempt: Some(1),
        extra: toml::Table::new(),
    };
    let answers = [
        Answer::Single(2),
        Answer::Multiple(vec![0, 3]),
        Answer::TrueFalse(false),
        Answer::Match(vec![Some(1), None, Some(0)]),
        Answer::Order(vec![2, 0, 1]),
        Answer::Short("borrow checker".into()),
    ];
    let m = p.module_mut("m1");
    m.opened = vec!["intro".into(), "ownership".into()];
    m.section = Some("ownership".into());
    m.scroll = 7;
    m.active_seconds = counter;
    m.attempts.push(Attempt {
        number: 1,
        mode: Mode::Full,
        seed: seed_for("m1", 1, counter),
        started: at(1_799_999_000),
        finished: Some(at(1_799_999_500)),
        questions: (0..answers.len())
            .map(|i| Asked {
                id: format!("q{i}"),
                hash: format!("h{i}"),
                order: vec![2, 0, 1],
                extra: toml::Table::new(),
            })
            .collect(),
        responses: answers
            .into_iter()
            .enumerate()
            .map(|(i, answer)| Response {
                question: format!("q{i}"),
                hash: format!("h{i}"),
                answer,
                points: 0.5,
                correct: i % 2 == 0,
                at: at(1_799_999_100 + i64::try_from(i).unwrap_or(0)),
                extra: toml::Table::new(),
            })
            .collect(),
        current: None,
        drafts: Default::default(),
        extra: toml::Table::new(),
    });
    p
}

fn text_of(p: &Progress) -> Vec<u8> {
    p.to_toml().or_panic("serialize").into_bytes()
}

/// A progress file holding two saves: `.bak` is `sample(1)`, the file is `sample(2)`.
fn two_saves(path: &Path) {
    let OpenResult { mut store, .. } = open(path);
    save(&mut store, &sample(1));
    save(&mut store, &sample(2));
    assert_eq!(read(&bak(path)), text_of(&sample(1)));
}

/// Run `f` on another thread and fail (instead of hanging) if it takes over 10 s.
fn within_10s<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("cannot start a thread");
    rx.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|e| panic!("{what} did not finish within 10 s ({e}): it blocks"))
}

// ---------------------------------------------------------------------------------------
// 1. Round trips
// ---------------------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, control characters and quotes included: the writer must escape them.
    prop_oneof![any::<String>(), "[a-z0-9_ .\"'\\\\-]{0,12}"]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
        0i32..1_000_000_000,
    )
        .prop_map(|(s, ns)| Timestamp::new(s, ns).unwrap_or(Timestamp::UNIX_EPOCH))
}

/// Every kind of finite float; NaN is left out because it never equals itself.
fn finite_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        Just(0.0),
        Just(-0.0),
        Just(1.0),
        Just(0.1),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
    ]
}

/// Option and item indices: small in practice, never above what a TOML integer holds.
fn index() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..8, 0usize..=(i64::MAX as usize)]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        index().prop_map(Answer::Single),
        prop::collection::vec(index(), 0..5).prop_map(Answer::Multiple),
        any::<bool>().prop_map(Answer::TrueFalse),
        prop::collection::vec(prop::option::of(index()), 0..6).prop_map(Answer::Match),
        prop::collection::vec(index(), 0..6).prop_map(Answer::Order),
        text().prop_map(Answer::Short),
    ]
}

fn toml_datetime() -> impl Strategy<Value = toml::value::Datetime> {
    let date = (1u16..=9999, 1u8..=12, 1u8..=28);
    let time = (
        0u8..24,
        0u8..60,
        0u8..60,
        prop::option::of(0u32..1_000_000_000),
    );
    let offset = prop_oneof![
        Just(None),
        Just(Some("Z".to_string())),
        (-(23 * 60 + 59)..=(23 * 60 + 59)).prop_map(|m: i32| {
            let sign = if m < 0 { '-' } else { '+' };
            Some(format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60))
        }),
    ];
    (date, time, offset, 0..3).prop_filter_map(
        "a valid TOML datetime",
        |((y, mo, d), (h, mi, s, ns), off, form)| {
            let date = format!("{y:04}-{mo:02}-{d:02}");
            let frac = ns.map_or(String::new(), |ns| format!(".{ns:09}"));
            let time = format!("{h:02}:{mi:02}:{s:02}{frac}");
            let text = match form {
                0 => date,
                1 => time,
                _ => format!("{date}T{time}{}", off.unwrap_or_default()),
            };
            text.parse().ok()
        },
    )
}

fn toml_value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        text().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        finite_f64().prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
        toml_datetime().prop_map(toml::Value::Datetime),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::vec(("[a-z][a-z0-9_ -]{0,6}", inner), 0..4)
                .prop_map(|kv| toml::Value::Table(kv.into_iter().collect())),
        ]
    })
}

/// Fields a newer syllabus might add next to the ones this version knows (`known`).
fn unknown_fields(known: &'static [&'static str]) -> impl Strategy<Value = toml::Table> {
    let key = prop_oneof![
        "[a-z][a-z0-9_]{0,8}",
        "[a-z][a-z0-9 .\"-]{0,8}",
        any::<String>()
    ];
    prop::collection::vec((key, toml_value()), 0..3).prop_map(move |kv| {
        kv.into_iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .collect()
    })
}

const PROGRESS_FIELDS: &[&str] = &[
    "version",
    "course",
    "saved",
    "place",
    "modules",
    "review_session",
    "fsrs_parameters",
];
const PLACE_FIELDS: &[&str] = &["screen", "module", "attempt"];
const MODULE_FIELDS: &[&str] = &[
    "opened",
    "section",
    "scroll",
    "active_seconds",
    "attempts",
    "reviews",
];
const ATTEMPT_FIELDS: &[&str] = &[
    "number",
    "mode",
    "seed",
    "started",
    "finished",
    "questions",
    "responses",
    "current",
    "drafts",
    "v1_duplicate_responses",
];

fn response() -> impl Strategy<Value = Response> {
    (
        text(),
        text(),
        answer(),
        finite_f64(),
        any::<bool>(),
        timestamp(),
    )
        .prop_map(|(question, hash, answer, points, correct, at)| Response {
            question,
            hash,
            answer,
            points,
            correct,
            at,
            extra: toml::Table::new(),
        })
}

fn attempt() -> impl Strategy<Value = Attempt> {
    let asked =
        (text(), text(), prop::collection::vec(index(), 0..5)).prop_map(|(id, hash, order)| {
            Asked {
                id,
                hash,
                order,
                extra: toml::Table::new(),
            }
        });
    (
        (
            any::<u32>(),
            prop_oneof![Just(Mode::Full), Just(Mode::Missed)],
            // The whole u64 range: the type allows it, so the file must hold it.
            any::<u64>(),
            timestamp(),
            prop::option::of(timestamp()),
        ),
        prop::collection::vec(asked, 0..4),
        prop::collection::vec(response(), 0..5),
        unknown_fields(ATTEMPT_FIELDS),
    )
        .prop_map(
            |((number, mode, seed, started, finished), questions, mut responses, extra)| {
                // Format 2 keys responses by question: one per id, in the questions' order.
                let mut seen = std::collections::HashSet::new();
                responses.retain(|r| seen.insert(r.question.clone()));
                let mut a = Attempt {
                    number,
                    mode,
                    seed,
                    started,
                    finished,
                    questions,
                    responses,
                    current: None,
                    drafts: Default::default(),
                    extra,
                };
                a.sort_responses();
                a
            },
        )
}

fn module_progress() -> impl Strategy<Value = ModuleProgress> {
    (
        prop::collection::vec(text(), 0..4),
        prop::option::of(text()),
        any::<u32>(),
        0..=i64::MAX.unsigned_abs(),
        prop::collection::vec(attempt(), 0..3),
        unknown_fields(MODULE_FIELDS),
    )
        .prop_map(
            |(opened, section, scroll, active_seconds, attempts, extra)| ModuleProgress {
                opened,
                section,
                scroll,
                active_seconds,
                attempts,
                reviews: Vec::new(),
                extra,
            },
        )
}

fn place() -> impl Strategy<Value = Place> {
    (
        prop_oneof![
            Just(PlaceScreen::Map),
            Just(PlaceScreen::Lesson),
            Just(PlaceScreen::Quiz),
            Just(PlaceScreen::Results),
        ],
        prop::option::of(text()),
        prop::option::of(any::<u32>()),
        unknown_fields(PLACE_FIELDS),
    )
        .prop_map(|(screen, module, attempt, extra)| Place {
            screen,
            module,
            attempt,
            extra,
        })
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        // Version 1 files are upgraded on reading, so they do not read back as written.
        any::<u32>().prop_map(|v| if v == 1 || v == 2 { 3 } else { v }),
        text(),
        prop::option::of(timestamp()),
        place(),
        prop::collection::btree_map(text(), module_progress(), 0..4),
        unknown_fields(PROGRESS_FIELDS),
    )
        .prop_map(|(version, course, saved, place, modules, extra)| Progress {
            version,
            course,
            saved,
            place,
            modules,
            review_session: None,
            fsrs_parameters: Vec::new(),
            extra,
            migrated_from: None,
        })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures are reported with their minimal input; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// `to_toml` then `from_toml` gives back the same value, and writing that value again
    /// gives the same text.
    #[test]
    fn any_progress_survives_to_toml_and_back_and_rewrites_identically(p in progress()) {
        let text = p.to_toml().map_err(|e| TestCaseError::fail(format!("serialize: {e}")))?;
        // Standard TOML, not only what our own typed reader accepts: other tools, merges
        // and migrations read it as plain TOML.
        text.parse::<toml::Table>()
            .map_err(|e| TestCaseError::fail(format!("not standard TOML: {e}\n{text}")))?;
        let back = Progress::from_toml(&text)
            .map_err(|e| TestCaseError::fail(format!("parse: {e}\n{text}")))?;
        prop_assert_eq!(&back, &p, "text was:\n{}", text);
        let again = back.to_toml().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(again, text);
    }

    /// New attempt seeds are exact as TOML integers and as JSON numbers.
    #[test]
    fn new_attempt_seeds_fit_in_53_bits(module in any::<String>(), n in any::<u32>(), e in any::<u64>()) {
        prop_assert!(seed_for(&module, n, e) < 1 << SEED_BITS);
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// Through the real store: a saved record reopens equal, and saving it twice (or saving
    /// what was reopened) writes the same bytes.
    #[test]
    fn saved_progress_reopens_equal_and_saving_again_writes_the_same_bytes(p in progress()) {
        let _processes = shared();
        let mut p = p;
        p.version = FORMAT_VERSION;
        p.course = COURSE.into();
        let dir = tempdir();
        let path = dir.path().join(FILE);
        let OpenResult { mut store, .. } = open(&path);
        store.save(&p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let first = read(&path);
        store.save(&p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read(&path), &first);
        prop_assert_eq!(read(&bak(&path)), first.clone());
        drop(store);

        let reopened = open(&path);
        prop_assert_eq!(&reopened.opened, &Opened::Loaded);
        prop_assert_eq!(&reopened.progress, &p);
        let mut store = reopened.store;
        store.save(&reopened.progress).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read(&path), first);
    }
}

#[test]
fn seeds_above_i64_max_save_as_standard_toml_and_reopen_exactly() {
    let _processes = shared();
    // TOML integers are signed 64-bit. Before the fix the toml crate wrote such a seed as a
    // bare 20-digit number: its typed reader took it back, but the file was not TOML (its
    // own `toml::Table` parser rejects it: "u64 value was too large").
    let seeds = [
        0,
        1,
        i64::MAX.unsigned_abs(),
        1 << 63,
        u64::MAX - 1,
        u64::MAX,
    ];
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let mut p = sample(1);
    let template = p.attempts("m1")[0].clone();
    p.module_mut("m1").attempts = seeds
        .iter()
        .zip(1..)
        .map(|(&seed, number)| Attempt {
            seed,
            number,
            ..template.clone()
        })
        .collect();
    let OpenResult { mut store, .. } = open(&path);
    save(&mut store, &p);
    drop(store);
    let text = String::from_utf8(read(&path)).or_panic("UTF-8");
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| panic!("saved file is not standard TOML: {e}\n{text}"));
    let reopened = open(&path);
    assert_eq!(reopened.opened, Opened::Loaded);
    let got: Vec<u64> = reopened
        .progress
        .attempts("m1")
        .iter()
        .map(|a| a.seed)
        .collect();
    assert_eq!(got, seeds);
}

#[test]
fn seeds_from_seed_for_are_written_as_plain_decimal() {
    let seed = seed_for("m1", 1, u64::MAX);
    let mut p = sample(1);
    p.module_mut("m1").attempts[0].seed = seed;
    let text = p.to_toml().or_panic("serialize");
    assert!(
        text.contains(&format!("seed = {seed}\n")),
        "seed {seed} not written as is:\n{text}"
    );
}

#[test]
fn unplaced_match_items_are_written_as_minus_one_and_read_back_as_none() {
    let mut p = Progress::new(COURSE);
    let mut attempt = sample(1).attempts("m1")[0].clone();
    attempt.responses.truncate(1);
    attempt.responses[0].answer = Answer::Match(vec![None, Some(2), None]);
    p.module_mut("m1").attempts.push(attempt);
    let text = p.to_toml().or_panic("serialize");
    let raw: toml::Table = text.parse().or_panic("parse as plain TOML");
    let path = [
        "modules",
        "m1",
        "attempts",
        "0",
        "responses",
        "q0",
        "answer",
        "match",
    ];
    let minus_one = toml::Value::Integer(-1);
    let expected = toml::Value::Array(vec![minus_one.clone(), toml::Value::Integer(2), minus_one]);
    assert_eq!(lookup(&raw, &path), Some(&expected), "{text}");
    let back = Progress::from_toml(&text).or_panic("parse");
    assert_eq!(
        back.attempts("m1")[0].responses[0].answer,
        Answer::Match(vec![None, Some(2), None])
    );
}

// ---------------------------------------------------------------------------------------
// 2. Unknown fields
// ---------------------------------------------------------------------------------------

/// A file from a newer syllabus: unknown fields at every level this version keeps them.
const FROM_A_NEWER_SYLLABUS: &str = r#"
version = 2
course = "rust-basics"
theme = "dark"
streak = { days = 4, since = 2026-11-20T08:00:00Z }

[place]
screen = "lesson"
module = "m1"
zoom = 1.5

[modules.m1]
opened = ["intro"]
active_seconds = 30
bookmarks = ["intro", "types"]

[modules.m1.notes]
intro = "remember: one owner"

[[modules.m1.attempts]]
number = 1
mode = "full"
seed = 42
started = "2026-11-20T08:00:00Z"
device = "laptop"
questions = [{ id = "q1", hash = "abc", hint_shown = true }]

[modules.m1.attempts.timing]
q1 = 12.5
when = 2026-11-20

[modules.m1.attempts.responses.q1]
hash = "abc"
answer = { single = 1 }
points = 1.0
correct = true
at = "2026-11-20T08:00:10Z"
confidence = 3
"#;

/// `(path to the field, where it must land)`; numbers index arrays.
const UNKNOWN_FIELDS: &[&[&str]] = &[
    &["theme"],
    &["streak"],
    &["place", "zoom"],
    &["modules", "m1", "bookmarks"],
    &["modules", "m1", "notes"],
    &["modules", "m1", "attempts", "0", "device"],
    &["modules", "m1", "attempts", "0", "timing"],
    &[
        "modules",
        "m1",
        "attempts",
        "0",
        "questions",
        "0",
        "hint_shown",
    ],
    &[
        "modules",
        "m1",
        "attempts",
        "0",
        "responses",
        "q1",
        "confidence",
    ],
];

fn lookup<'a>(table: &'a toml::Table, path: &[&str]) -> Option<&'a toml::Value> {
    let (first, rest) = path.split_first()?;
    let mut value = table.get(*first)?;
    for step in rest {
        value = match value {
            toml::Value::Table(t) => t.get(*step)?,
            toml::Value::Array(a) => a.get(step.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

#[test]
fn unknown_fields_at_every_level_survive_open_and_save() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, FROM_A_NEWER_SYLLABUS.as_bytes());
    let OpenResult {
        mut store,
        mut progress,
        opened,
        ..
    } = open(&path);
    assert_eq!(opened, Opened::Loaded);
    assert!(progress.extra.contains_key("theme"));
    assert!(progress.place.extra.contains_key("zoom"));
    assert!(progress.module_mut("m1").extra.contains_key("bookmarks"));
    assert!(progress.attempts("m1")[0].extra.contains_key("device"));

    // A real change, so this is the save the app would do.
    progress.module_mut("m1").active_seconds += 60;
    save(&mut store, &progress);

    let original: toml::Table = FROM_A_NEWER_SYLLABUS.parse().or_panic("parse original");
    let saved_text = String::from_utf8(read(&path)).or_panic("saved file is UTF-8");
    let saved: toml::Table = saved_text.parse().or_panic("parse saved");
    for field in UNKNOWN_FIELDS {
        let before = lookup(&original, field).or_panic(&format!("{field:?} in the original"));
        assert_eq!(
            lookup(&saved, field),
            Some(before),
            "{field:?} was not kept; saved file:\n{saved_text}"
        );
    }
    assert_eq!(
        lookup(&saved, &["modules", "m1", "active_seconds"]),
        Some(&toml::Value::Integer(90))
    );
}

// ---------------------------------------------------------------------------------------
// 3. Opening whatever is there
// ---------------------------------------------------------------------------------------

#[test]
fn open_without_a_file_starts_fresh_and_writes_no_progress() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let result = open(&path);
    assert_eq!(result.opened, Opened::Fresh);
    assert_eq!(result.progress, Progress::new(COURSE));
    assert_eq!(result.store.read_only(), None);
    assert!(result.notices.is_empty(), "{:?}", result.notices);
    assert!(!path.exists(), "opening must not write the progress file");
}

#[test]
fn open_a_good_file_loads_it_unchanged() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, &text_of(&sample(5)));
    let result = open(&path);
    assert_eq!(result.opened, Opened::Loaded);
    assert_eq!(result.progress, sample(5));
    assert_eq!(result.store.read_only(), None);
    assert_eq!(read(&path), text_of(&sample(5)));
}

/// Damaged contents of the progress file, each of which must be moved aside, not lost.
fn damaged_files() -> Vec<(&'static str, Vec<u8>)> {
    let good = text_of(&sample(2));
    let cut = String::from_utf8_lossy(&good)
        .find("active_seconds")
        .or_panic("sample has active_seconds")
        + "active_sec".len();
    let mut not_utf8 = good.clone();
    not_utf8.splice(10..10, [0xff, 0xfe, 0x00]);
    vec![
        ("truncated", good[..cut].to_vec()),
        ("garbage", b"PK\x03\x04 }}}{{{ [[not toml".to_vec()),
        ("empty", Vec::new()),
        ("invalid UTF-8", not_utf8),
    ]
}

#[test]
fn damaged_file_is_moved_aside_and_a_good_backup_restored() {
    let _processes = shared();
    for (what, bad) in damaged_files() {
        let dir = tempdir();
        let path = dir.path().join(FILE);
        two_saves(&path);
        write(&path, &bad);

        let OpenResult {
            mut store,
            progress,
            opened,
            ..
        } = open(&path);
        let corrupt = only_copy(dir.path(), FILE);
        match &opened {
            Opened::Restored {
                reason,
                corrupt: Some(c),
                backup,
            } => {
                assert_eq!(c, &corrupt, "{what}");
                assert_eq!(backup, &bak(&path), "{what}");
                assert!(!reason.is_empty(), "{what}: no reason given");
            }
            other => panic!("{what}: expected Restored, got {other:?}"),
        }
        assert_eq!(
            read(&corrupt),
            bad,
            "{what}: damaged bytes not kept as they were"
        );
        assert_eq!(progress, sample(1), "{what}: progress is not the backup's");
        assert_eq!(
            read(&path),
            text_of(&sample(1)),
            "{what}: file not rewritten"
        );
        assert_eq!(
            read(&bak(&path)),
            text_of(&sample(1)),
            "{what}: backup changed"
        );
        assert_eq!(store.read_only(), None, "{what}");
        save(&mut store, &sample(3));
        assert_eq!(
            read(&corrupt),
            bad,
            "{what}: corrupt copy touched by a save"
        );
    }
}

#[test]
fn damage_reasons_say_what_is_wrong() {
    let _processes = shared();
    let expect = [
        ("truncated", "line"),
        ("empty", "empty"),
        ("invalid UTF-8", "UTF-8 at byte 10"),
    ];
    let damaged = damaged_files();
    for (what, needle) in expect {
        let bad = &damaged.iter().find(|(w, _)| *w == what).or_panic(what).1;
        let dir = tempdir();
        let path = dir.path().join(FILE);
        two_saves(&path);
        write(&path, bad);
        match open(&path).opened {
            Opened::Restored { reason, .. } => {
                assert!(
                    reason.contains(needle),
                    "{what}: {reason:?} lacks {needle:?}"
                );
            }
            other => panic!("{what}: expected Restored, got {other:?}"),
        }
    }
}

#[test]
fn missing_file_with_a_good_backup_restores_the_backup() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    two_saves(&path);
    fs::remove_file(&path).or_panic("remove progress");
    let result = open(&path);
    assert_eq!(
        result.opened,
        Opened::Restored {
            reason: "the progress file was missing".into(),
            corrupt: None,
            backup: bak(&path),
        }
    );
    assert_eq!(result.progress, sample(1));
    assert_eq!(read(&path), text_of(&sample(1)));
}

#[test]
fn damaged_file_and_damaged_backup_are_both_kept_and_saving_waits_for_start_fresh() {
    let _processes = shared();
    for (what, bad) in damaged_files() {
        let dir = tempdir();
        let path = dir.path().join(FILE);
        two_saves(&path);
        write(&path, &bad);
        let bad_backup = b"version = 1\ncourse = \"rust-basics\"\n[modules.m1\n".to_vec();
        write(&bak(&path), &bad_backup);

        let OpenResult {
            mut store,
            progress,
            opened,
            ..
        } = open(&path);
        let corrupt = only_copy(dir.path(), FILE);
        let bak_name = format!("{FILE}.bak");
        let backup_corrupt = only_copy(dir.path(), &bak_name);
        match &opened {
            Opened::Damaged {
                corrupt: c,
                backup_corrupt: Some(b),
                ..
            } => {
                assert_eq!(c, &corrupt, "{what}");
                assert_eq!(b, &backup_corrupt, "{what}");
            }
            other => panic!("{what}: expected Damaged with both kept, got {other:?}"),
        }
        assert_eq!(read(&corrupt), bad, "{what}");
        assert_eq!(read(&backup_corrupt), bad_backup, "{what}");
        assert_eq!(progress, Progress::new(COURSE), "{what}");
        assert!(store.is_held(), "{what}");

        let refused = store.save(&sample(9)).err().or_panic("save while held");
        assert_eq!(refused.step, "waiting", "{what}");
        assert!(refused.to_string().contains(&path.display().to_string()));
        assert!(!path.exists(), "{what}: a refused save wrote the file");

        store.start_fresh();
        assert!(!store.is_held());
        save(&mut store, &sample(9));
        assert_eq!(read(&path), text_of(&sample(9)), "{what}");
        assert_eq!(
            read(&corrupt),
            bad,
            "{what}: corrupt copy lost after start_fresh"
        );
        assert_eq!(read(&backup_corrupt), bad_backup, "{what}");
    }
}

#[test]
fn damaged_file_without_a_backup_is_kept_and_saving_waits_for_start_fresh() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, b"version = ");
    let OpenResult {
        mut store, opened, ..
    } = open(&path);
    let corrupt = only_copy(dir.path(), FILE);
    assert!(
        matches!(&opened, Opened::Damaged { corrupt: c, backup_corrupt: None, .. } if *c == corrupt),
        "{opened:?}"
    );
    assert_eq!(read(&corrupt), b"version = ");
    assert!(store.save(&sample(1)).is_err());
    assert!(!path.exists());
    store.start_fresh();
    save(&mut store, &sample(1));
    assert_eq!(read(&path), text_of(&sample(1)));
}

#[test]
fn corrupt_copies_never_overwrite_each_other() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let damage: [&[u8]; 3] = [b"first", b"second", b"third"];
    for bad in damage {
        write(&path, bad);
        drop(open(&path));
    }
    let mut kept: Vec<Vec<u8>> = corrupt_copies(dir.path(), FILE)
        .iter()
        .map(|p| read(p))
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        [b"first".to_vec(), b"second".to_vec(), b"third".to_vec()]
    );
}

fn assert_read_only_and_untouched(path: &Path, bytes: &[u8], needles: &[&str]) -> OpenResult {
    let dir = parent_of(path);
    let before = names(&dir);
    let mut result = open(path);
    let why = result
        .store
        .read_only()
        .or_panic("store is read-only")
        .to_string();
    for needle in needles {
        assert!(why.contains(needle), "{why:?} lacks {needle:?}");
    }
    assert_eq!(
        result.notices.first(),
        Some(&why),
        "the reason is the first notice"
    );
    let refused = result.store.save(&sample(7)).err().or_panic("save refused");
    assert_eq!(refused.step, "read-only");
    assert_eq!(read(path), bytes, "file changed");
    let mut after = names(&dir);
    after.retain(|n| !n.ends_with(".lock"));
    let mut before = before;
    before.retain(|n| !n.ends_with(".lock"));
    assert_eq!(after, before, "files were added or moved");
    result
}

fn parent_of(path: &Path) -> PathBuf {
    path.parent().or_panic("path has a parent").to_path_buf()
}

#[test]
fn newer_format_file_opens_read_only_naming_the_path() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let mut newer = sample(3);
    newer.version = FORMAT_VERSION + 1;
    let bytes = text_of(&newer);
    write(&path, &bytes);
    let path_text = path.display().to_string();
    let result = assert_read_only_and_untouched(&path, &bytes, &[&path_text, "newer"]);
    assert_eq!(result.progress, newer, "its progress is still shown");
}

#[test]
fn newer_format_file_this_version_cannot_parse_is_still_only_read() {
    let _processes = shared();
    // A future format may reshape known fields; it is newer, not damaged.
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let bytes = format!(
        "version = {}\ncourse = \"{COURSE}\"\nplace = \"m1/intro\"\nmodules = [\"m1\"]\n",
        FORMAT_VERSION + 1
    )
    .into_bytes();
    write(&path, &bytes);
    // A good older backup must not tempt the store into "restoring" over the newer file.
    write(&bak(&path), &text_of(&sample(1)));
    let path_text = path.display().to_string();
    let result = assert_read_only_and_untouched(&path, &bytes, &[&path_text, "newer"]);
    assert_eq!(result.opened, Opened::Fresh);
    assert!(corrupt_copies(dir.path(), FILE).is_empty());
}

#[test]
fn file_for_another_course_opens_read_only_and_is_untouched() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let mut other = sample(3);
    other.course = "go-basics".into();
    let bytes = text_of(&other);
    write(&path, &bytes);
    let result = assert_read_only_and_untouched(&path, &bytes, &["go-basics", COURSE]);
    assert_eq!(result.progress, Progress::new(COURSE));
}

#[test]
fn directory_at_the_progress_path_opens_read_only() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    fs::create_dir(&path).or_panic("mkdir");
    let mut result = open(&path);
    let why = result.store.read_only().or_panic("read-only").to_string();
    assert!(why.contains("not a regular file"), "{why}");
    assert!(why.contains(&path.display().to_string()), "{why}");
    assert!(result.store.save(&sample(1)).is_err());
    assert!(path.is_dir());
    assert!(
        names(&path).is_empty(),
        "something was written into the directory"
    );
}

#[test]
fn fifo_at_the_progress_path_opens_read_only_without_blocking() {
    let _processes = exclusive();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let made = Command::new("mkfifo")
        .arg(&path)
        .status()
        .or_panic("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let fifo = path.clone();
    let (why, saved) = within_10s("opening a FIFO", move || {
        let mut result = open(&fifo);
        let why = result.store.read_only().map(str::to_string);
        (why, result.store.save(&sample(1)).is_ok())
    });
    let why = why.or_panic("read-only");
    assert!(why.contains("not a regular file"), "{why}");
    assert!(!saved, "saved over a FIFO");
    let kind = fs::symlink_metadata(&path).or_panic("stat").file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced");
}

// ---------------------------------------------------------------------------------------
// 4. Atomic saves
// ---------------------------------------------------------------------------------------

#[test]
fn after_each_save_the_backup_holds_the_previous_save() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let OpenResult { mut store, .. } = open(&path);
    save(&mut store, &sample(1));
    assert!(!bak(&path).exists(), "a first save has nothing to back up");
    for n in 2..=8 {
        save(&mut store, &sample(n));
        assert_eq!(read(&path), text_of(&sample(n)));
        assert_eq!(read(&bak(&path)), text_of(&sample(n - 1)), "after save {n}");
        assert!(temp_files(dir.path()).is_empty());
    }
}

#[test]
fn backup_of_a_loaded_file_is_that_file() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, &text_of(&sample(4)));
    let OpenResult { mut store, .. } = open(&path);
    save(&mut store, &sample(5));
    assert_eq!(read(&bak(&path)), text_of(&sample(4)));
}

#[test]
fn stale_temp_files_are_removed_at_open_and_nothing_else() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, &text_of(&sample(1)));
    let stale = [
        format!(".{FILE}.tmpAb12Cd"),
        format!(".{FILE}.tmp"),
        format!("{FILE}.bak.tmp"),
    ];
    let others = [
        "notes.txt".to_string(),
        ".other.toml.tmpXyZ".to_string(),
        format!("{FILE}.corrupt-20261123T052501Z"),
        format!("x{FILE}.bak.tmp"),
    ];
    for name in stale.iter().chain(&others) {
        write(&dir.path().join(name), b"half a save");
    }
    let result = open(&path);
    assert_eq!(result.opened, Opened::Loaded);
    for name in &stale {
        assert!(!dir.path().join(name).exists(), "{name} was not removed");
    }
    for name in &others {
        assert_eq!(
            read(&dir.path().join(name)),
            b"half a save",
            "{name} was touched"
        );
    }
}

#[test]
fn a_second_window_leaves_temp_files_alone() {
    let _processes = shared();
    // They may be the first window's save in flight.
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let first = open(&path);
    let temp = dir.path().join(format!(".{FILE}.tmpInFlight"));
    write(&temp, b"being written");
    let second = open(&path);
    assert!(second.store.read_only().is_some());
    assert!(
        temp.exists(),
        "the second window removed the first one's temp file"
    );
    drop(first);
}

#[test]
fn symlinked_progress_file_stays_a_symlink_and_its_target_is_saved() {
    let _processes = shared();
    for relative in [false, true] {
        let dir = tempdir();
        let dotfiles = dir.path().join("dotfiles");
        let state = dir.path().join("state");
        fs::create_dir_all(&dotfiles).or_panic("mkdir");
        fs::create_dir_all(&state).or_panic("mkdir");
        let target = dotfiles.join(FILE);
        write(&target, &text_of(&sample(1)));
        let link = state.join(FILE);
        let pointing_at = if relative {
            Path::new("..").join("dotfiles").join(FILE)
        } else {
            target.clone()
        };
        symlink(&pointing_at, &link).or_panic("symlink");

        let OpenResult {
            mut store,
            progress,
            opened,
            ..
        } = open(&link);
        assert_eq!(opened, Opened::Loaded);
        assert_eq!(progress, sample(1));
        save(&mut store, &sample(2));
        save(&mut store, &sample(3));

        let meta = fs::symlink_metadata(&link).or_panic("stat link");
        assert!(
            meta.file_type().is_symlink(),
            "relative={relative}: link replaced"
        );
        assert_eq!(fs::read_link(&link).or_panic("read link"), pointing_at);
        assert_eq!(read(&target), text_of(&sample(3)), "relative={relative}");
        assert_eq!(
            read(&bak(&target)),
            text_of(&sample(2)),
            "relative={relative}"
        );
        assert!(temp_files(&state).is_empty() && temp_files(&dotfiles).is_empty());
    }
}

#[test]
fn symlink_to_a_file_not_yet_created_gets_its_target_created() {
    let _processes = shared();
    // A dotfiles link made before the first run.
    let dir = tempdir();
    let target = dir.path().join("dotfiles").join(FILE);
    let link = dir.path().join(FILE);
    symlink(&target, &link).or_panic("symlink");
    let OpenResult {
        mut store, opened, ..
    } = open(&link);
    assert_eq!(opened, Opened::Fresh);
    save(&mut store, &sample(1));
    let meta = fs::symlink_metadata(&link).or_panic("stat link");
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(read(&target), text_of(&sample(1)));
}

#[test]
fn symlink_loop_opens_read_only_without_hanging() {
    let _processes = shared();
    let dir = tempdir();
    let a = dir.path().join(FILE);
    let b = dir.path().join("other.toml");
    symlink(&b, &a).or_panic("symlink");
    symlink(&a, &b).or_panic("symlink");
    let mut result = within_10s("opening a symlink loop", move || open(&a));
    assert!(result.store.read_only().is_some());
    assert!(result.store.save(&sample(1)).is_err());
    let path = dir.path().join(FILE);
    assert!(
        fs::symlink_metadata(path)
            .or_panic("stat")
            .file_type()
            .is_symlink()
    );
}

// ---------------------------------------------------------------------------------------
// 5. Two windows
// ---------------------------------------------------------------------------------------

#[test]
fn second_store_on_the_same_path_is_read_only_and_names_the_pid() {
    let _processes = shared();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let OpenResult {
        store: mut first, ..
    } = open(&path);
    save(&mut first, &sample(1));

    let mut second = open(&path);
    let why = second
        .store
        .read_only()
        .or_panic("second is read-only")
        .to_string();
    assert!(why.contains("another window"), "{why}");
    assert!(
        why.contains(&format!("pid {}", std::process::id())),
        "{why}"
    );
    assert_eq!(second.notices.first(), Some(&why));
    assert_eq!(
        second.progress,
        sample(1),
        "the second window still shows progress"
    );
    assert!(second.store.save(&sample(99)).is_err());
    assert_eq!(read(&path), text_of(&sample(1)));

    save(&mut first, &sample(2));
    assert_eq!(
        read(&path),
        text_of(&sample(2)),
        "the first window still saves"
    );

    drop(second);
    drop(first);
    let mut third = open(&path);
    assert_eq!(third.store.read_only(), None, "lock not released on drop");
    save(&mut third.store, &sample(3));
    assert_eq!(read(&path), text_of(&sample(3)));
}

#[test]
fn second_window_in_another_process_is_read_only_until_that_process_exits() {
    let _processes = exclusive();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    write(&path, &text_of(&sample(1)));
    let (mut child, mut lines) = spawn_child(LOCK_CHILD, LOCK_ENV, dir.path());
    let line = wait_for_line(&mut lines, "CHILD LOCKED", &mut child);
    let pid = child.id();
    assert_eq!(line, format!("CHILD LOCKED {pid}"));

    let mut second = open(&path);
    let why = second.store.read_only().or_panic("read-only").to_string();
    assert!(why.contains("another window"), "{why}");
    assert!(why.contains(&format!("pid {pid}")), "{why}");
    assert!(second.store.save(&sample(2)).is_err());
    drop(second);

    write(&dir.path().join(RELEASE), b"");
    let status = child.wait().or_panic("wait for child");
    assert!(status.success(), "lock child failed: {status}");
    let mut third = open(&path);
    assert_eq!(third.store.read_only(), None);
    save(&mut third.store, &sample(2));
    assert_eq!(read(&path), text_of(&sample(2)));
}

// ---------------------------------------------------------------------------------------
// 6. kill -9 during saves
// ---------------------------------------------------------------------------------------

const KILLS: usize = 200;
const SECTIONS: usize = 40;

/// A record whose every part depends on `counter`, so a file mixing two saves shows.
fn counter_progress(counter: u64) -> Progress {
    let mut p = Progress::new(COURSE);
    let m = p.module_mut("counter");
    m.active_seconds = counter;
    m.section = Some(format!("s{counter}"));
    m.opened = (0..SECTIONS)
        .map(|i| format!("{counter}-{i}-{}", "x".repeat(200)))
        .collect();
    p
}

/// The counter in a record written by `counter_progress`, checking it is all one save.
fn counter_of(p: &Progress) -> u64 {
    let counter = p.module("counter").map_or(0, |m| m.active_seconds);
    if counter > 0 {
        assert_eq!(p, &counter_progress(counter), "a record mixing two saves");
    }
    counter
}

#[test]
fn kill_dash_nine_during_saves_never_leaves_a_partial_or_older_file() {
    let _processes = exclusive();
    let started = Instant::now();
    let dir = tempdir();
    let path = dir.path().join(FILE);
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let mut last = 0;
    let mut kills_leaving_temps = 0;
    for kill in 1..=KILLS {
        let (mut child, mut lines) = spawn_child(KILL_CHILD, KILL_ENV, &path);
        // The child prints this after a save returned Ok: that save must never be lost.
        let line = wait_for_line(&mut lines, "CHILD SAVED", &mut child);
        let saved: u64 = line
            .trim_start_matches("CHILD SAVED ")
            .parse()
            .or_panic(&format!("kill {kill}: counter in {line:?}"));
        std::thread::sleep(Duration::from_micros(rng.u64(0..10_000)));
        child.kill().or_panic("kill -9");
        let status = child.wait().or_panic("wait");
        assert_eq!(
            status.signal(),
            Some(9),
            "kill {kill}: child ended by itself: {status}"
        );
        drop(lines);

        let bytes = read(&path);
        let text = std::str::from_utf8(&bytes)
            .unwrap_or_else(|e| panic!("kill {kill}: file is not UTF-8 ({e})"));
        let on_disk = Progress::from_toml(text)
            .unwrap_or_else(|e| panic!("kill {kill}: partial file ({e}):\n{text}"));
        let counter = counter_of(&on_disk);
        assert!(
            counter >= saved,
            "kill {kill}: saved {saved}, file has {counter}"
        );
        assert!(counter > last, "kill {kill}: went from {last} to {counter}");
        if bak(&path).exists() {
            let backup = Progress::from_toml(&String::from_utf8_lossy(&read(&bak(&path))))
                .unwrap_or_else(|e| panic!("kill {kill}: partial backup ({e})"));
            // Equal when killed between rotating the backup and renaming the new file in.
            let previous = counter_of(&backup);
            assert!(
                previous <= counter,
                "kill {kill}: backup {previous} newer than file {counter}"
            );
        }
        if !temp_files(dir.path()).is_empty() {
            kills_leaving_temps += 1;
        }

        let reopened = open(&path);
        assert_eq!(reopened.opened, Opened::Loaded, "kill {kill}");
        assert_eq!(
            reopened.store.read_only(),
            None,
            "kill {kill}: lock outlived its process"
        );
        assert_eq!(reopened.progress, on_disk, "kill {kill}");
        assert!(
            temp_files(dir.path()).is_empty(),
            "kill {kill}: temps left after open"
        );
        last = counter;
    }
    eprintln!(
        "{KILLS} kills in {:.1?}: last counter {last}; {kills_leaving_temps} left temp files, all removed at open",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------
// 7. Faults: a read-only folder and a full disk
// ---------------------------------------------------------------------------------------

/// A mount made for one test, always unmounted when dropped (even when the test fails).
struct Mount {
    point: PathBuf,
    mounted: bool,
}

fn run(args: &[&str], point: &Path) -> Result<(), String> {
    let out = Command::new(args[0])
        .args(&args[1..])
        .arg(point)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", args[0]))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{} {}` failed ({}): {}",
            args.join(" "),
            point.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

impl Mount {
    fn tmpfs(point: &Path, size: &str) -> Result<Mount, String> {
        let opt = format!("size={size}");
        run(&["mount", "-t", "tmpfs", "-o", &opt, "tmpfs"], point)?;
        Ok(Mount {
            point: point.to_path_buf(),
            mounted: true,
        })
    }

    fn read_only_bind(point: &Path) -> Result<Mount, String> {
        let p = point.to_str().ok_or("mount point is not UTF-8")?;
        run(&["mount", "--bind", p], point)?;
        let mount = Mount {
            point: point.to_path_buf(),
            mounted: true,
        };
        run(&["mount", "-o", "remount,bind,ro"], point)?;
        Ok(mount)
    }

    fn unmount(&mut self) {
        if self.mounted {
            self.mounted = false;
            if let Err(e) = run(&["umount"], &self.point) {
                eprintln!("{e}; unmounting lazily");
                let _ = run(&["umount", "-l"], &self.point);
            }
        }
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Say why a fault test did not run. Written to the stderr handle itself, not through
/// `eprintln!`, which libtest captures and hides for tests that pass.
fn skipped(test: &str, reason: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: under CI=true this must run, not skip: cannot mount here ({reason})"
    );
    let _ = writeln!(
        io::stderr(),
        "SKIPPED: {test}: cannot mount here ({reason}); needs root or CAP_SYS_ADMIN"
    );
}

/// A save that failed on `path` with the OS error `os_error` left everything as it was.
fn assert_failed_cleanly(
    err: &SaveError,
    path: &Path,
    os_error: &str,
    before: &[u8],
    bak_before: &[u8],
) {
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(shown.contains(os_error), "{shown} lacks {os_error:?}");
    assert_eq!(read(path), before, "the previous file changed");
    assert_eq!(read(&bak(path)), bak_before, "the backup changed");
    let dir = parent_of(path);
    assert!(temp_files(&dir).is_empty(), "temp left: {:?}", names(&dir));
}

#[test]
fn save_into_a_read_only_folder_fails_cleanly_and_a_retry_succeeds() {
    let _processes = exclusive();
    let dir = tempdir();
    let folder = dir.path().join("state");
    fs::create_dir(&folder).or_panic("mkdir");
    let path = folder.join(FILE);
    let OpenResult { mut store, .. } = open(&path);
    save(&mut store, &sample(1));
    save(&mut store, &sample(2));
    let (before, bak_before) = (read(&path), read(&bak(&path)));

    let mut mount = match Mount::read_only_bind(&folder) {
        Ok(m) => m,
        Err(why) => return skipped("save_into_a_read_only_folder", &why),
    };
    let err = store
        .save(&sample(3))
        .err()
        .or_panic("save to a read-only folder");
    assert_failed_cleanly(&err, &path, "Read-only file system", &before, &bak_before);
    assert_eq!(err.error.kind(), io::ErrorKind::ReadOnlyFilesystem);

    mount.unmount();
    save(&mut store, &sample(3));
    assert_eq!(read(&path), text_of(&sample(3)));
    assert_eq!(read(&bak(&path)), before);
}

#[test]
fn save_onto_a_full_disk_fails_cleanly_and_a_retry_succeeds() {
    let _processes = exclusive();
    let dir = tempdir();
    let folder = dir.path().join("small");
    fs::create_dir(&folder).or_panic("mkdir");
    // Declared before the store, so the store (holding the lock file) is dropped first.
    let _mount = match Mount::tmpfs(&folder, "64k") {
        Ok(m) => m,
        Err(why) => return skipped("save_onto_a_full_disk", &why),
    };
    let path = folder.join(FILE);
    let OpenResult { mut store, .. } = open(&path);
    save(&mut store, &sample(1));
    save(&mut store, &sample(2));
    let (before, bak_before) = (read(&path), read(&bak(&path)));

    let filler = folder.join("filler");
    let mut fill = fs::File::create(&filler).or_panic("create filler");
    let full = loop {
        if let Err(e) = fill.write_all(&[b'f'; 4096]) {
            break e;
        }
    };
    drop(fill);
    assert_eq!(full.kind(), io::ErrorKind::StorageFull, "filling: {full}");

    let err = store.save(&sample(3)).err().or_panic("save to a full disk");
    assert_failed_cleanly(&err, &path, "No space left on device", &before, &bak_before);

    fs::remove_file(&filler).or_panic("make space");
    save(&mut store, &sample(3));
    assert_eq!(read(&path), text_of(&sample(3)));
    assert_eq!(read(&bak(&path)), before);
}

// ---------------------------------------------------------------------------------------
// Child processes (run by the tests above, never on their own)
// ---------------------------------------------------------------------------------------

const KILL_CHILD: &str = "child_process_saving_counters_until_killed";
const KILL_ENV: &str = "SYLLABUS_TEST_KILL_CHILD_PATH";
const LOCK_CHILD: &str = "child_process_holding_the_lock_until_released";
const LOCK_ENV: &str = "SYLLABUS_TEST_LOCK_CHILD_DIR";
const RELEASE: &str = "release";

/// Run this test binary again as a child that runs only `test` with `env` set to `value`.
fn spawn_child(test: &str, env: &str, value: &Path) -> (Child, BufReader<ChildStdout>) {
    let exe = std::env::current_exe().or_panic("find the test binary");
    let mut child = Command::new(exe)
        .args([
            "--exact",
            test,
            "--nocapture",
            "--ignored",
            "--test-threads=1",
        ])
        .env(env, value)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .or_panic("spawn child");
    let stdout = child.stdout.take().or_panic("child stdout");
    (child, BufReader::new(stdout))
}

/// The child's output from `prefix` to the end of that line; fails if the child ends first.
fn wait_for_line(lines: &mut BufReader<ChildStdout>, prefix: &str, child: &mut Child) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        let n = lines.read_line(&mut line).or_panic("read child output");
        if n == 0 {
            let status = child.wait().or_panic("wait");
            panic!("child ended ({status}) before printing {prefix:?}");
        }
        // libtest prints "test NAME ... " on the same line, before the child's own output.
        if let Some(at) = line.find(prefix) {
            return line[at..].trim_end().to_string();
        }
    }
}

/// Not a test: the process that `kill_dash_nine_during_saves_...` kills. It does nothing
/// unless `SYLLABUS_TEST_KILL_CHILD_PATH` names a progress file; then it saves increasing
/// counters there as fast as it can, for at most 20 s.
#[test]
#[ignore = "child process for the kill -9 test; does nothing unless its env var is set"]
fn child_process_saving_counters_until_killed() {
    let Some(path) = std::env::var_os(KILL_ENV) else {
        return;
    };
    let OpenResult {
        mut store,
        progress,
        opened,
        ..
    } = open(Path::new(&path));
    assert!(
        store.read_only().is_none(),
        "child is read-only: {:?}",
        store.read_only()
    );
    assert!(
        matches!(opened, Opened::Fresh | Opened::Loaded),
        "{opened:?}"
    );
    let mut counter = counter_of(&progress);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut told = false;
    while Instant::now() < deadline {
        counter += 1;
        save(&mut store, &counter_progress(counter));
        if !told {
            println!("CHILD SAVED {counter}");
            told = true;
        }
    }
}

/// Not a test: the other window for `second_window_in_another_process_...`. It does
/// nothing unless `SYLLABUS_TEST_LOCK_CHILD_DIR` names a folder; then it opens the progress
/// file there and holds the lock until a `release` file appears (at most 20 s).
#[test]
#[ignore = "child process for the two-window test; does nothing unless its env var is set"]
fn child_process_holding_the_lock_until_released() {
    let Some(dir) = std::env::var_os(LOCK_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let result = open(&dir.join(FILE));
    assert!(
        result.store.read_only().is_none(),
        "{:?}",
        result.store.read_only()
    );
    println!("CHILD LOCKED {}", std::process::id());
    let deadline = Instant::now() + Duration::from_secs(20);
    while !dir.join(RELEASE).exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(result);
}
