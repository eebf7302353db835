//! Version-1 and version-2 progress files (committed fixtures written by the code of that
//! version, in tests/fixtures/progress-v1/ and progress-v2/) open in this version with
//! nothing dropped, print the same `progress show` and `progress export` as before, are
//! written as version 3 on the next save, and leave the old file beside it as
//! `FILE.v1.bak` or `FILE.v2.bak`.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::*;
use syllabus::app::{App, ModuleState, Screen, status};
use syllabus::progress::{FileStore, Progress, ProgressStore};

const FIXTURES: [&str; 3] = [
    "completed-with-retakes",
    "open-attempt",
    "stale-and-retired",
];

fn fixture(name: &str, ext: &str) -> PathBuf {
    fixture_dir("progress-v1").join(format!("{name}.{ext}"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every response of a version-1 file, as (module, attempt, question, hash, answer, at).
fn v1_responses(text: &str) -> Vec<String> {
    let t: toml::Table = text.parse().unwrap();
    let mut out = Vec::new();
    for (m, mp) in t["modules"].as_table().unwrap() {
        for a in mp
            .get("attempts")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
        {
            for r in a
                .get("responses")
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
            {
                out.push(format!(
                    "{m} {} {} {} {} {} {}",
                    a["number"], r["question"], r["hash"], r["answer"], r["points"], r["at"]
                ));
            }
        }
    }
    out.sort();
    out
}

fn responses(p: &Progress) -> Vec<String> {
    let mut out = Vec::new();
    for (m, mp) in &p.modules {
        for a in &mp.attempts {
            for r in &a.responses {
                let answer = toml::Value::try_from(&r.answer).unwrap();
                out.push(format!(
                    "{m} {} \"{}\" \"{}\" {} {:?} \"{}\"",
                    a.number, r.question, r.hash, answer, r.points, r.at
                ));
            }
        }
    }
    out.sort();
    out
}

/// `syllabus progress ARGS` on the mini course, with the file's path shown as FILE.
fn cli(progress: &Path, args: &[&str]) -> String {
    let out = run::run(run::progress_command(progress, args), b"");
    run::stdout_of(&out).replace(&progress.display().to_string(), "FILE")
}

fn assert_reports_as_before(name: &str, path: &Path) {
    // Version 3 adds one line, the review due counts, which depend on the clock.
    let show = cli(path, &["show"]);
    let (review, table): (Vec<&str>, Vec<&str>) =
        show.lines().partition(|l| l.starts_with("Review: "));
    assert_eq!(review.len(), 1, "{name}: {show}");
    assert!(review[0].contains(" cards, 0 reviews"), "{}", review[0]);
    assert_eq!(
        table.iter().map(|l| format!("{l}\n")).collect::<String>(),
        read(&fixture(name, "show.txt")),
        "{name}: show"
    );
    assert_eq!(
        cli(path, &["export", "--format", "json"]),
        read(&fixture(name, "export.json")),
        "{name}: export json"
    );
    assert_eq!(
        cli(path, &["export", "--format", "csv"]),
        read(&fixture(name, "export.csv")),
        "{name}: export csv"
    );
}

#[test]
fn every_v1_fixture_reads_as_version_3_with_every_response_kept() {
    for name in FIXTURES {
        let text = read(&fixture(name, "toml"));
        assert!(
            text.starts_with("version = 1"),
            "{name} must stay a version-1 file"
        );
        let p = Progress::from_toml(&text).unwrap();
        assert_eq!((p.version, p.migrated_from), (3, Some(1)), "{name}");
        let before = v1_responses(&text);
        assert!(!before.is_empty(), "{name} has responses");
        assert_eq!(responses(&p), before, "{name}: responses");
        // Written as version 3 and read back unchanged.
        let v2 = p.to_toml().unwrap();
        assert!(v2.starts_with("version = 3"), "{v2}");
        assert!(
            !v2.contains("[[modules.basics.attempts.responses]]"),
            "{v2}"
        );
        let back = Progress::from_toml(&v2).unwrap();
        assert_eq!(back.migrated_from, None);
        assert_eq!(responses(&back), before, "{name}: after a save");
        assert_eq!(back.place, p.place, "{name}: place");
        for (id, m) in &p.modules {
            let b = &back.modules[id];
            assert_eq!(
                (
                    &b.opened,
                    &b.section,
                    b.scroll,
                    b.active_seconds,
                    b.attempts.len()
                ),
                (
                    &m.opened,
                    &m.section,
                    m.scroll,
                    m.active_seconds,
                    m.attempts.len()
                ),
                "{name}: module {id}"
            );
            for (x, y) in b.attempts.iter().zip(&m.attempts) {
                assert_eq!(
                    (
                        x.number,
                        x.mode,
                        x.seed,
                        x.started,
                        x.finished,
                        &x.questions
                    ),
                    (
                        y.number,
                        y.mode,
                        y.seed,
                        y.started,
                        y.finished,
                        &y.questions
                    )
                );
            }
        }
    }
}

#[test]
fn v1_fixtures_show_and_export_as_they_did_then_upgrade_on_save_keeping_a_v1_backup() {
    for name in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::copy(fixture(name, "toml"), &path).unwrap();
        assert_reports_as_before(name, &path);

        let mut opened = FileStore::open(&path, "mini");
        assert_eq!(opened.progress.migrated_from, Some(1));
        assert!(opened.store.read_only().is_none(), "{name}");
        let backup = dir.path().join("p.toml.v1.bak");
        assert_eq!(
            read(&backup),
            read(&fixture(name, "toml")),
            "{name}: v1 backup"
        );
        opened.store.save(&opened.progress).unwrap();
        drop(opened);
        assert!(
            read(&path).starts_with("version = 3"),
            "{name}: saved as v3"
        );
        assert_reports_as_before(name, &path);

        // Opening the upgraded file again keeps the v1 backup as it was and adds none.
        let again = FileStore::open(&path, "mini");
        assert_eq!(again.progress.migrated_from, None);
        drop(again);
        let backups = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().contains(".v1"))
            })
            .count();
        assert_eq!(backups, 1, "{name}");
    }
}

#[test]
fn a_completed_v1_course_opens_complete_with_the_same_grades() {
    let p = Progress::from_toml(&read(&fixture("completed-with-retakes", "toml"))).unwrap();
    let app = App::new(mini_course(), p, 7);
    assert!(status::course_complete(&app));
    let states: Vec<ModuleState> = (0..2).map(|m| status::module_state(&app, m)).collect();
    assert!(
        matches!(states[..], [ModuleState::Complete(a), ModuleState::Complete(b)] if (a - 83.333).abs() < 0.01 && (b - 100.0).abs() < 1e-9),
        "{states:?}"
    );
    assert_eq!(app.progress.attempts("basics").len(), 3);
    assert_eq!(app.progress.attempts("exam").len(), 3);
    assert_eq!(app.progress.response_count(), 19);
}

#[test]
fn an_open_v1_attempt_resumes_on_its_next_question_with_its_answers() {
    let p = Progress::from_toml(&read(&fixture("open-attempt", "toml"))).unwrap();
    let app = App::new(mini_course(), p, 7);
    let Screen::Quiz(q) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(q.question, 2);
    assert_eq!(app.open_attempt(0).map(|a| a.answered()), Some(2));
}

#[test]
fn a_hand_edited_v1_file_answering_one_question_twice_keeps_both() {
    let text = read(&fixture("open-attempt", "toml"));
    let first = text.find("[[modules.basics.attempts.responses]]").unwrap();
    let entry = &text[first..];
    let end = entry[1..].find("[[").map_or(entry.len(), |e| e + 1);
    let doubled = format!("{text}\n{}", &entry[..end]);
    let p = Progress::from_toml(&doubled).unwrap();
    let a = &p.attempts("basics")[0];
    assert_eq!(a.responses.len(), 2);
    let kept = a.extra["v1_duplicate_responses"].as_array().unwrap();
    assert_eq!(kept.len(), 1);
    let v2 = p.to_toml().unwrap();
    let back = Progress::from_toml(&v2).unwrap();
    assert_eq!(
        back.attempts("basics")[0].extra,
        a.extra,
        "kept on save: {v2}"
    );
}

fn v2_fixture(name: &str) -> PathBuf {
    fixture_dir("progress-v2").join(format!("{name}.toml"))
}

#[test]
fn every_v2_fixture_reads_as_version_3_with_everything_kept() {
    for name in FIXTURES {
        let text = read(&v2_fixture(name));
        assert!(
            text.starts_with("version = 2"),
            "{name} must stay a version-2 file"
        );
        let p = Progress::from_toml(&text).unwrap();
        assert_eq!((p.version, p.migrated_from), (3, Some(2)), "{name}");
        let v1 = Progress::from_toml(&read(&fixture(name, "toml"))).unwrap();
        assert_eq!(responses(&p), responses(&v1), "{name}: responses");
        assert_eq!((&p.place, &p.modules), (&v1.place, &v1.modules), "{name}");
        assert!(p.modules.values().all(|m| m.reviews.is_empty()));
        let v3 = p.to_toml().unwrap();
        assert!(v3.starts_with("version = 3"), "{v3}");
        let back = Progress::from_toml(&v3).unwrap();
        assert_eq!((back.migrated_from, &back.modules), (None, &p.modules));
    }
}

#[test]
fn v2_fixtures_show_and_export_as_they_did_then_upgrade_on_save_keeping_a_v2_backup() {
    for name in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::copy(v2_fixture(name), &path).unwrap();
        // The v2 code printed exactly what the v1 fixtures record (checked when the v2
        // fixtures were written).
        assert_reports_as_before(name, &path);
        let mut opened = FileStore::open(&path, "mini");
        assert_eq!(opened.progress.migrated_from, Some(2));
        let backup = dir.path().join("p.toml.v2.bak");
        assert_eq!(read(&backup), read(&v2_fixture(name)), "{name}: v2 backup");
        opened.store.save(&opened.progress).unwrap();
        drop(opened);
        assert!(read(&path).starts_with("version = 3"), "{name}");
        assert_reports_as_before(name, &path);
    }
}
