//! The assessment blueprint (`pool` on questions, `[quiz] draw`): what the loader rejects,
//! each at its place, and how attempts draw from it.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use syllabus::course::{self, Course, DirFiles, LoadReport};
use syllabus::quiz::{Attempt, Mode};

const MANIFEST: &str = "format = 1\nid = \"c\"\ntitle = \"C\"\ndescription = \"D.\"\nversion = \"1\"\nauthors = [\"A\"]\nmodules = [\"final.toml\"]\n";

const HEAD: &str = "id = \"final\"\ntitle = \"Final\"\nsummary = \"S.\"\nobjectives = [\"O.\"]\nminutes = 5\nkind = \"assessment\"\n\n[quiz]\n";

/// A true/false question in `pool` (or in none).
fn question(id: &str, pool: Option<&str>) -> String {
    let pool = pool.map_or(String::new(), |p| format!("pool = \"{p}\"\n"));
    format!(
        "\n[[quiz.questions]]\nid = \"{id}\"\nkind = \"true_false\"\n{pool}prompt = \"Statement {id}.\"\nanswer = true\ntrue_feedback = \"T.\"\nfalse_feedback = \"F.\"\nexplanation = \"E.\"\n"
    )
}

/// Load a one-module course whose `[quiz]` table starts with `quiz` and holds `questions`.
fn load(quiz: &str, questions: &[String]) -> (LoadReport, String) {
    let dir = tempfile::tempdir().unwrap();
    let module = format!("{HEAD}{quiz}\n{}", questions.concat());
    write(dir.path(), "course.toml", MANIFEST);
    write(dir.path(), "final.toml", &module);
    let report = course::load(&DirFiles::new(dir.path()));
    (report, module)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// Each diagnostic as `severity line:col: message [hint]`.
fn lines(report: &LoadReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let sev = if d.is_error() { "error" } else { "warning" };
            let at = format!("{}:{}", d.line.unwrap_or(0), d.column.unwrap_or(0));
            format!(
                "{sev} {at}: {} [{}]",
                d.message,
                d.hint.clone().unwrap_or_default()
            )
        })
        .collect()
}

/// Three pools: `a` (3 questions), `b` (2), `c` (1).
fn pooled() -> Vec<String> {
    vec![
        question("a1", Some("a")),
        question("a2", Some("a")),
        question("b1", Some("b")),
        question("a3", Some("a")),
        question("b2", Some("b")),
        question("c1", Some("c")),
    ]
}

const DRAW: &str = "draw = [{ pool = \"a\", count = 2 }, { pool = \"b\", count = 1 }, { pool = \"c\", count = 1 }]";

fn course_of(quiz: &str) -> Course {
    let (report, _) = load(quiz, &pooled());
    assert_eq!(lines(&report), Vec::<String>::new());
    report.course.unwrap_or_else(|| panic!("did not load"))
}

#[test]
fn a_blueprint_loads_and_sets_the_attempt_size() {
    let c = course_of(DRAW);
    let quiz = &c.modules[0].quiz;
    assert_eq!(quiz.per_attempt, 4);
    assert_eq!(quiz.draw.len(), 3);
    assert_eq!(quiz.questions[2].pool.as_deref(), Some("b"));
}

#[test]
fn questions_per_attempt_equal_to_the_sum_is_accepted() {
    let c = course_of(&format!("questions_per_attempt = 4\n{DRAW}"));
    assert_eq!(c.modules[0].quiz.per_attempt, 4);
}

#[test]
fn questions_per_attempt_other_than_the_sum_is_rejected() {
    let (report, _) = load(&format!("questions_per_attempt = 3\n{DRAW}"), &pooled());
    assert_eq!(
        lines(&report),
        [
            "error 9:25: questions_per_attempt is 3 but the counts in `draw` add up to 4 [make them equal, or remove questions_per_attempt: with `draw` an attempt asks the sum of the counts]"
        ]
    );
}

#[test]
fn a_pool_smaller_than_its_count_is_rejected_at_the_count() {
    let (report, _) = load(
        "draw = [{ pool = \"a\", count = 2 }, { pool = \"b\", count = 3 }, { pool = \"c\", count = 1 }]",
        &pooled(),
    );
    assert_eq!(
        lines(&report),
        [
            "error 9:58: `draw` asks for 3 questions from pool `b`, which has only 2 questions [add questions with `pool = \"b\"`, or lower the count to 2]"
        ]
    );
}

#[test]
fn an_unknown_pool_suggests_a_pool_in_use() {
    let qs = vec![
        question("x1", Some("two-roles")),
        question("x2", Some("vision")),
    ];
    let (report, _) = load(
        "draw = [{ pool = \"two-role\", count = 1 }, { pool = \"vision\", count = 1 }]",
        &qs,
    );
    assert_eq!(
        lines(&report),
        ["error 9:18: no question is in pool `two-role` [did you mean `two-roles`?]"]
    );
}

#[test]
fn an_unknown_pool_with_nothing_like_it_lists_the_pools() {
    let qs = vec![question("x1", Some("vision"))];
    let (report, _) = load(
        "draw = [{ pool = \"vision\", count = 1 }, { pool = \"zzz\", count = 1 }]",
        &qs,
    );
    assert_eq!(
        lines(&report),
        [
            "error 9:50: no question is in pool `zzz` [add `pool = \"zzz\"` to some questions; the pools in use are `vision`]"
        ]
    );
}

#[test]
fn a_pool_listed_twice_is_rejected() {
    let (report, _) = load(
        "draw = [{ pool = \"a\", count = 1 }, { pool = \"b\", count = 1 },\n  { pool = \"a\", count = 1 }, { pool = \"c\", count = 1 }]",
        &pooled(),
    );
    assert_eq!(
        lines(&report),
        [
            "error 10:12: pool `a` is listed twice in `draw` [it is first listed on line 9; keep one entry and add the counts together]"
        ]
    );
}

#[test]
fn a_count_below_one_is_rejected() {
    let (report, _) = load(
        "draw = [{ pool = \"a\", count = 0 }, { pool = \"b\", count = 1 }, { pool = \"c\", count = 1 }]",
        &pooled(),
    );
    assert_eq!(
        lines(&report),
        [
            "error 9:31: `count` must be between 1 and 1000, found 0 [use a whole number from 1 to 1000]"
        ]
    );
}

#[test]
fn with_draw_a_question_without_a_pool_is_rejected() {
    let mut qs = pooled();
    qs.push(question("loose", None));
    let (report, module) = load(DRAW, &qs);
    let line = module
        .lines()
        .position(|l| l == "id = \"loose\"")
        .map_or(0, |i| i + 1);
    assert_eq!(
        lines(&report),
        [format!(
            "error {line}:6: question `loose` has no `pool`, so `draw` never asks it [add `pool = \"...\"` naming one of `a`, `b`, `c`, or remove the question]"
        )]
    );
}

#[test]
fn with_draw_a_question_in_a_pool_no_entry_names_is_rejected() {
    let mut qs = pooled();
    qs.push(question("extra", Some("ethics")));
    qs.push(question("typo", Some("bb")));
    let (report, module) = load(DRAW, &qs);
    let line_of = |needle: &str| {
        module
            .lines()
            .position(|l| l == needle)
            .map_or(0, |i| i + 1)
    };
    assert_eq!(
        lines(&report),
        [
            format!(
                "error {}:8: question `extra` is in pool `ethics`, which `draw` never draws from [add `{{ pool = \"ethics\", count = 1 }}` to `draw`, or move the question to one of `a`, `b`, `c`]",
                line_of("pool = \"ethics\"")
            ),
            format!(
                "error {}:8: question `typo` is in pool `bb`, which `draw` never draws from [did you mean `b`?]",
                line_of("pool = \"bb\"")
            ),
        ]
    );
}

#[test]
fn pool_without_draw_is_a_warning() {
    let (report, _) = load("", &pooled());
    assert!(report.course.is_some());
    assert_eq!(
        lines(&report),
        [
            "warning 14:8: `pool` has no effect without [quiz] draw (6 questions set it) [add `draw = [{ pool = \"...\", count = 1 }, ...]` to [quiz] to draw from each pool, or remove `pool`]"
        ]
    );
}

fn t0() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// How many questions of each pool an attempt asked, in pool order a, b, c.
fn per_pool(c: &Course, attempt: &Attempt) -> [usize; 3] {
    let mut n = [0; 3];
    for asked in &attempt.questions {
        let q = c.modules[0]
            .question(&asked.id)
            .unwrap_or_else(|| panic!("{} is not in the module", asked.id));
        match q.pool.as_deref() {
            Some("a") => n[0] += 1,
            Some("b") => n[1] += 1,
            Some("c") => n[2] += 1,
            other => panic!("asked a question in pool {other:?}"),
        }
    }
    n
}

proptest! {
    #[test]
    fn every_attempt_covers_every_pool_with_exactly_its_count(seed in any::<u64>(), shuffle in any::<bool>()) {
        let c = course_of(&format!("shuffle = {shuffle}\n{DRAW}"));
        let a = Attempt::draw(&c.modules[0], Mode::Full, 1, seed, t0(), None);
        prop_assert_eq!(per_pool(&c, &a), [2, 1, 1]);
        let mut ids: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
        let drawn = ids.clone();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), 4, "a question was drawn twice: {:?}", drawn);
        if !shuffle {
            let authored: Vec<usize> = drawn
                .iter()
                .map(|id| c.modules[0].quiz.questions.iter().position(|q| q.id == *id).unwrap_or(99))
                .collect();
            prop_assert!(authored.windows(2).all(|w| w[0] < w[1]), "{:?}", authored);
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_attempt(seed in any::<u64>()) {
        let c = course_of(DRAW);
        let a = Attempt::draw(&c.modules[0], Mode::Full, 1, seed, t0(), None);
        let b = Attempt::draw(&c.modules[0], Mode::Full, 1, seed, t0(), None);
        prop_assert_eq!(a, b);
    }
}

#[test]
fn different_seeds_draw_different_questions_from_a_pool() {
    let c = course_of(DRAW);
    let drawn: std::collections::HashSet<Vec<String>> = (0..40)
        .map(|seed| {
            let a = Attempt::draw(&c.modules[0], Mode::Full, 1, seed, t0(), None);
            let mut ids: Vec<String> = a.questions.into_iter().map(|q| q.id).collect();
            ids.sort();
            ids
        })
        .collect();
    // Pool a offers 3 pairs and pool b 2 questions: 6 different sets in all.
    assert_eq!(drawn.len(), 6);
}

#[test]
fn a_missed_only_retake_asks_the_missed_questions_whatever_their_pool() {
    let c = course_of(DRAW);
    let missed = vec!["a1".to_string(), "a2".to_string(), "a3".to_string()];
    let a = Attempt::draw(&c.modules[0], Mode::Missed, 2, 9, t0(), Some(&missed));
    let mut ids: Vec<String> = a.questions.into_iter().map(|q| q.id).collect();
    ids.sort();
    assert_eq!(ids, missed);
}
