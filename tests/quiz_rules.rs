//! The quiz engine's rules, on the mini fixture course: drawing, shuffling, scoring, grades
//! by method, mastery, stale and retired answers, and what "retake missed" asks.

mod common;

use jiff::Timestamp;
use proptest::prelude::*;
use syllabus::course::{Course, Grading, Module, QuestionKind};
use syllabus::quiz::mastery::{
    mastered, missed_questions, module_grade, question_states, quiz_passed, status,
};
use syllabus::quiz::{Answer, Attempt, Mode, QuestionState, ResponseStatus};

fn course() -> Course {
    common::load(&common::fixture_dir("mini"))
        .course
        .unwrap_or_else(|| panic!("mini fixture must load"))
}

fn basics() -> Module {
    course().modules[0].clone()
}

fn now() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The right answer to a question, in authored indices.
fn right_answer(kind: &QuestionKind) -> Answer {
    match kind {
        QuestionKind::Single { options } => {
            Answer::Single(options.iter().position(|o| o.correct).unwrap_or(0))
        }
        QuestionKind::Multiple { options, .. } => Answer::Multiple(
            options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| i)
                .collect(),
        ),
        QuestionKind::TrueFalse { answer, .. } => Answer::TrueFalse(*answer),
        QuestionKind::Match { items, .. } => {
            Answer::Match(items.iter().map(|i| Some(i.category)).collect())
        }
        QuestionKind::Order { items, .. } => Answer::Order((0..items.len()).collect()),
        QuestionKind::Short { accept } => Answer::Short(accept[0].to_string()),
    }
}

fn wrong_answer(kind: &QuestionKind) -> Answer {
    match kind {
        QuestionKind::Single { options } => {
            Answer::Single(options.iter().position(|o| !o.correct).unwrap_or(0))
        }
        QuestionKind::Multiple { .. } => Answer::Multiple(vec![]),
        QuestionKind::TrueFalse { answer, .. } => Answer::TrueFalse(!*answer),
        QuestionKind::Match { items, .. } => Answer::Match(vec![None; items.len()]),
        QuestionKind::Order { items, .. } => Answer::Order((0..items.len()).rev().collect()),
        QuestionKind::Short { .. } => Answer::Short("nonsense".into()),
    }
}

/// Run a whole attempt, answering right the questions whose ids are in `right`.
fn take(module: &Module, mode: Mode, number: u32, seed: u64, right: &[&str]) -> Attempt {
    let mut a = Attempt::draw(module, mode, number, seed, now(), None);
    answer_all(module, &mut a, right);
    a
}

fn answer_all(module: &Module, a: &mut Attempt, right: &[&str]) {
    while let Some(i) = a.next_index() {
        let q = module
            .question(&a.questions[i].id)
            .cloned()
            .unwrap_or_else(|| panic!("asked question exists"));
        let ans = if right.contains(&q.id.as_str()) {
            right_answer(&q.kind)
        } else {
            wrong_answer(&q.kind)
        };
        a.answer(&q, ans, now());
    }
    a.finished = Some(now());
}

const ALL: [&str; 6] = [
    "pick-vision",
    "all-plans",
    "title-needed",
    "sort",
    "steps",
    "word",
];

#[test]
fn attempt_draws_questions_per_attempt_from_the_pool() {
    let exam = course().modules[1].clone();
    let a = Attempt::draw(&exam, Mode::Full, 1, 7, now(), None);
    assert_eq!(a.questions.len(), 2, "the exam asks 2 of its 3");
    assert_ne!(a.questions[0].id, a.questions[1].id);
}

#[test]
fn retakes_draw_a_different_mix_for_different_seeds() {
    let exam = course().modules[1].clone();
    let mixes: std::collections::HashSet<Vec<String>> = (0..40)
        .map(|seed| {
            let mut ids: Vec<String> = Attempt::draw(&exam, Mode::Full, 1, seed, now(), None)
                .questions
                .into_iter()
                .map(|q| q.id)
                .collect();
            ids.sort();
            ids
        })
        .collect();
    assert_eq!(
        mixes.len(),
        3,
        "all three 2-of-3 mixes appear over 40 seeds"
    );
}

#[test]
fn same_seed_gives_the_same_attempt_so_resume_shows_the_same_order() {
    let m = basics();
    assert_eq!(
        Attempt::draw(&m, Mode::Full, 1, 42, now(), None),
        Attempt::draw(&m, Mode::Full, 1, 42, now(), None)
    );
}

#[test]
fn order_questions_are_never_shown_already_solved() {
    let m = basics();
    for seed in 0..200 {
        let a = Attempt::draw(&m, Mode::Full, 1, seed, now(), None);
        let asked = a
            .questions
            .iter()
            .find(|q| q.id == "steps")
            .unwrap_or_else(|| panic!("steps drawn"));
        assert_ne!(asked.order, vec![0, 1, 2], "seed {seed}");
    }
}

#[test]
fn shuffle_off_keeps_authored_question_and_option_order() {
    let mut m = basics();
    m.quiz.shuffle = false;
    let a = Attempt::draw(&m, Mode::Full, 1, 9, now(), None);
    let ids: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ALL);
    assert_eq!(a.questions[0].order, vec![0, 1, 2]);
}

#[test]
fn all_right_scores_100_and_passes() {
    let m = basics();
    let a = take(&m, Mode::Full, 1, 1, &ALL);
    assert_eq!(a.score(), 100.0);
    assert!(a.passed(m.quiz.pass_mark));
}

#[test]
fn score_is_points_over_questions_asked_and_passes_at_the_mark() {
    let m = basics();
    assert_eq!(m.quiz.pass_mark, 60, "the course default applies");
    let a = take(
        &m,
        Mode::Full,
        1,
        1,
        &["pick-vision", "all-plans", "title-needed", "sort"],
    );
    // 4 right; the wrong `steps` reversed keeps its middle item in place (1/3 partial credit).
    let expected = 100.0 * (4.0 + 1.0 / 3.0) / 6.0;
    assert!((a.score() - expected).abs() < 1e-9, "{}", a.score());
    assert!(a.passed(60));
    let b = take(
        &m,
        Mode::Full,
        2,
        1,
        &["pick-vision", "all-plans", "title-needed"],
    );
    assert!(!b.passed(60), "{}", b.score());
}

#[test]
fn unanswered_questions_count_as_zero() {
    let m = basics();
    let mut a = Attempt::draw(&m, Mode::Full, 1, 3, now(), None);
    let q = m
        .question(&a.questions[0].id)
        .cloned()
        .unwrap_or_else(|| panic!());
    a.answer(&q, right_answer(&q.kind), now());
    assert!((a.score() - 100.0 / 6.0).abs() < 1e-9);
}

#[test]
fn grading_methods_pick_highest_latest_average_or_first() {
    let m = basics();
    let a1 = take(&m, Mode::Full, 1, 1, &ALL[..3]); // 3 right + partial
    let a2 = take(&m, Mode::Full, 2, 2, &ALL); // 100
    let a3 = take(&m, Mode::Full, 3, 3, &[]); // low
    let attempts = vec![a1.clone(), a2.clone(), a3.clone()];
    assert_eq!(module_grade(Grading::Highest, &attempts), Some(100.0));
    assert_eq!(module_grade(Grading::Latest, &attempts), Some(a3.score()));
    assert_eq!(module_grade(Grading::First, &attempts), Some(a1.score()));
    let mean = (a1.score() + a2.score() + a3.score()) / 3.0;
    assert!((module_grade(Grading::Average, &attempts).unwrap_or(0.0) - mean).abs() < 1e-9);
    assert_eq!(module_grade(Grading::Highest, &[]), None);
}

#[test]
fn practice_retakes_and_unfinished_attempts_do_not_change_the_grade() {
    let m = basics();
    let graded = take(&m, Mode::Full, 1, 1, &[]);
    let practice = take(&m, Mode::Missed, 2, 2, &ALL);
    let mut open = Attempt::draw(&m, Mode::Full, 3, 3, now(), None);
    answer_all(&m, &mut open, &ALL);
    open.finished = None;
    let attempts = vec![graded.clone(), practice, open];
    assert_eq!(
        module_grade(Grading::Highest, &attempts),
        Some(graded.score())
    );
    assert!(!quiz_passed(&m, &attempts));
}

#[test]
fn practice_retakes_update_mastery() {
    let m = basics();
    let graded = take(&m, Mode::Full, 1, 1, &[]);
    assert_eq!(mastered(&m, std::slice::from_ref(&graded), &[]), (0, 6));
    let practice = take(&m, Mode::Missed, 2, 2, &ALL);
    assert_eq!(mastered(&m, &[graded, practice], &[]), (6, 6));
}

#[test]
fn mastery_follows_the_latest_response() {
    let m = basics();
    let first = take(&m, Mode::Full, 1, 1, &ALL);
    let second = take(&m, Mode::Full, 2, 2, &["word"]);
    assert_eq!(mastered(&m, &[first.clone(), second.clone()], &[]), (1, 6));
    assert_eq!(mastered(&m, &[second, first], &[]), (6, 6));
}

#[test]
fn retake_missed_asks_what_the_latest_attempt_got_wrong() {
    let m = basics();
    let a = take(
        &m,
        Mode::Full,
        1,
        1,
        &["pick-vision", "all-plans", "title-needed", "sort"],
    );
    assert_eq!(
        missed_questions(&m, std::slice::from_ref(&a)),
        ["steps", "word"]
    );
    let ids = missed_questions(&m, std::slice::from_ref(&a));
    let retake = Attempt::draw(&m, Mode::Missed, 2, 5, now(), Some(&ids));
    let mut asked: Vec<String> = retake.questions.iter().map(|q| q.id.to_string()).collect();
    asked.sort();
    assert_eq!(asked, ["steps", "word"]);
}

#[test]
fn retake_missed_falls_back_to_questions_never_answered_right() {
    let m = basics();
    // A perfect latest attempt that (with 6 of 6 asked) leaves nothing wrong...
    let early = take(&m, Mode::Full, 1, 1, &[]);
    let mut latest = Attempt::draw(&m, Mode::Full, 2, 2, now(), None);
    latest.questions.retain(|q| q.id == "word");
    answer_all(&m, &mut latest, &["word"]);
    // ...falls back to every question never yet answered right.
    assert_eq!(
        missed_questions(&m, &[early, latest]),
        ["pick-vision", "all-plans", "title-needed", "sort", "steps"]
    );
}

#[test]
fn retake_missed_is_empty_when_everything_is_mastered() {
    let m = basics();
    let a = take(&m, Mode::Full, 1, 1, &ALL);
    assert!(missed_questions(&m, &[a]).is_empty());
}

#[test]
fn edited_question_makes_old_responses_stale_and_leaves_them_out_of_mastery() {
    let m = basics();
    let a = take(&m, Mode::Full, 1, 1, &ALL);
    let dir = common::copy_fixture("mini");
    common::edit(
        dir.path(),
        "01-basics.toml",
        "prompt = \"Which is a vision?\"",
        "prompt = \"Which one is a vision?\"",
    );
    let edited = common::load(dir.path())
        .course
        .unwrap_or_else(|| panic!())
        .modules[0]
        .clone();
    let r = a
        .responses
        .iter()
        .find(|r| r.question == "pick-vision")
        .unwrap_or_else(|| panic!());
    assert_eq!(status(&edited, r), ResponseStatus::Stale);
    assert_eq!(mastered(&edited, std::slice::from_ref(&a), &[]), (5, 6));
    let states = question_states(&edited, std::slice::from_ref(&a), &[]);
    assert!(states.contains(&("pick-vision".to_string(), QuestionState::Unseen)));
    // The history itself is untouched.
    assert_eq!(a.responses.len(), 6);
}

#[test]
fn feedback_edits_do_not_make_responses_stale() {
    let m = basics();
    let a = take(&m, Mode::Full, 1, 1, &ALL);
    let dir = common::copy_fixture("mini");
    common::edit(
        dir.path(),
        "01-basics.toml",
        "feedback = \"Yes: a destination.\"",
        "feedback = \"Yes: that is a destination.\"",
    );
    common::edit(
        dir.path(),
        "01-basics.toml",
        "explanation = \"A vision names a destination.\"",
        "explanation = \"A vision names where to go.\"",
    );
    let edited = common::load(dir.path())
        .course
        .unwrap_or_else(|| panic!())
        .modules[0]
        .clone();
    assert_eq!(mastered(&edited, &[a], &[]), (6, 6));
}

#[test]
fn removed_question_makes_its_responses_retired_not_lost() {
    let m = basics();
    let a = take(&m, Mode::Full, 1, 1, &ALL);
    let mut trimmed = m.clone();
    trimmed.quiz.questions.retain(|q| q.id != "word");
    let r = a
        .responses
        .iter()
        .find(|r| r.question == "word")
        .unwrap_or_else(|| panic!());
    assert_eq!(status(&trimmed, r), ResponseStatus::Retired);
    assert_eq!(mastered(&trimmed, std::slice::from_ref(&a), &[]), (5, 5));
    assert_eq!(a.responses.len(), 6);
}

proptest! {
    #[test]
    fn option_shuffles_are_permutations(seed in any::<u64>()) {
        let m = basics();
        let a = Attempt::draw(&m, Mode::Full, 1, seed, now(), None);
        for asked in &a.questions {
            let q = m.question(&asked.id).cloned().unwrap_or_else(|| panic!());
            let mut order = asked.order.clone();
            order.sort_unstable();
            let expected: Vec<usize> = match q.kind {
                QuestionKind::TrueFalse { .. } | QuestionKind::Short { .. } => vec![],
                ref k => (0..k.option_count()).collect(),
            };
            prop_assert_eq!(order, expected);
        }
    }

    #[test]
    fn draws_are_deterministic_per_seed(seed in any::<u64>()) {
        let m = course().modules[1].clone();
        prop_assert_eq!(Attempt::draw(&m, Mode::Full, 1, seed, now(), None), Attempt::draw(&m, Mode::Full, 1, seed, now(), None));
    }

    #[test]
    fn a_draw_never_repeats_a_question(seed in any::<u64>(), per in 1usize..=6) {
        let mut m = basics();
        m.quiz.per_attempt = per;
        let a = Attempt::draw(&m, Mode::Full, 1, seed, now(), None);
        let mut ids: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
        prop_assert_eq!(ids.len(), per);
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), per);
    }
}
