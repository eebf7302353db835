//! Spaced review: schedules on a fixed clock (a wrong answer is due within a day, right
//! answers space out, an edited question starts again, a removed one leaves the queue), and
//! review sessions driven through `App::update`: answering, "open the lesson" and back,
//! leaving and resuming in the middle, and what is saved.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use jiff::{SignedDuration, Timestamp};
use syllabus::app::{Action, App, Screen};
use syllabus::course::Course;
use syllabus::progress::Progress;
use syllabus::quiz::{Answer, Attempt, Mode};
use syllabus::spaced::{Queue, Rating, Scheduler};

fn days(n: f64) -> SignedDuration {
    SignedDuration::from_secs((n * 86_400.0) as i64)
}

/// The mini course's basics quiz answered at `at`: `pick-vision` right, `title-needed`
/// (its answer is False) wrong.
fn answered(course: &Course, at: Timestamp) -> Progress {
    let module = &course.modules[0];
    let mut p = Progress::new(&course.id);
    let mut a = Attempt::draw(module, Mode::Full, 1, 1, at, None);
    a.answer(
        module.question("pick-vision").unwrap(),
        Answer::Single(0),
        at,
    );
    a.answer(
        module.question("title-needed").unwrap(),
        Answer::TrueFalse(true),
        at,
    );
    a.finished = Some(at);
    p.module_mut("basics").attempts.push(a);
    p
}

fn q_index(course: &Course, id: &str) -> usize {
    course.modules[0]
        .quiz
        .questions
        .iter()
        .position(|q| q.id == id)
        .unwrap()
}

#[test]
fn a_wrong_answer_is_due_within_a_day_and_a_right_one_later() {
    let course = mini_course();
    let p = answered(&course, t0());
    let q = Queue::new(Scheduler::default(), &course, &p);
    assert_eq!(q.cards().len(), 2, "two answered questions, two cards");
    let wrong = q.card(0, q_index(&course, "title-needed")).unwrap();
    let right = q.card(0, q_index(&course, "pick-vision")).unwrap();
    assert!(wrong.due <= t0() + days(1.0), "{:?}", wrong.due);
    assert!(wrong.due > t0());
    assert!(right.due >= t0() + days(1.0), "{:?}", right.due);
    assert_eq!(q.cards()[0], *wrong, "oldest due first");
    let c = q.counts(t0() + days(0.5));
    assert_eq!((c.now, c.cards), (1, 2));
}

#[test]
fn repeated_right_answers_space_out() {
    let s = Scheduler::default();
    let mut state = None;
    let mut at = 0.0;
    let mut intervals = Vec::new();
    let mut elapsed = 0.0;
    for _ in 0..6 {
        let (next, interval) = s.step(state, elapsed, Rating::Good);
        state = Some(next);
        intervals.push(interval);
        elapsed = interval;
        at += interval;
    }
    assert!(
        intervals.windows(2).all(|w| w[1] > w[0]),
        "intervals grow: {intervals:?}"
    );
    assert!(at > 60.0, "six good reviews reach months: {intervals:?}");
    let (_, easy) = s.step(None, 0.0, Rating::Easy);
    let (_, good) = s.step(None, 0.0, Rating::Good);
    let (_, again) = s.step(None, 0.0, Rating::Again);
    assert!(easy > good && good > again, "{easy} {good} {again}");
}

#[test]
fn a_higher_retention_reviews_sooner() {
    let lo = Scheduler::new(&[], 0.8);
    let hi = Scheduler::new(&[], 0.97);
    let (st, _) = lo.step(None, 0.0, Rating::Good);
    let (_, a) = lo.step(Some(st), 3.0, Rating::Good);
    let (_, b) = hi.step(Some(st), 3.0, Rating::Good);
    assert!(b < a, "0.97 -> {b} days, 0.8 -> {a} days");
}

#[test]
fn an_edited_question_resets_its_card_and_a_removed_one_leaves_the_queue() {
    let course = mini_course();
    let p = answered(&course, t0());
    let mut edited = course.clone();
    let i = q_index(&course, "pick-vision");
    edited.modules[0].quiz.questions[i].hash = "changed".into();
    let q = Queue::new(Scheduler::default(), &edited, &p);
    assert!(q.card(0, i).is_none(), "stale answers make no card");
    assert_eq!(q.cards().len(), 1);
    // Answered again after the edit: a new card from that answer alone.
    let mut p2 = p.clone();
    let later = t0() + days(30.0);
    let module = &edited.modules[0];
    let mut a = Attempt::draw(module, Mode::Full, 2, 2, later, None);
    a.answer(&module.quiz.questions[i], Answer::Single(1), later);
    p2.module_mut("basics").attempts.push(a);
    let q = Queue::new(Scheduler::default(), &edited, &p2);
    let c = q.card(0, i).unwrap();
    assert_eq!((c.reps, c.last), (1, later));
    assert!(c.due <= later + days(1.0), "answered wrong: due soon");

    let mut removed = course.clone();
    removed.modules[0]
        .quiz
        .questions
        .remove(q_index(&course, "title-needed"));
    let q = Queue::new(Scheduler::default(), &removed, &p);
    assert_eq!(q.cards().len(), 1, "retired questions leave the queue");
}

#[test]
fn ratings_follow_the_answer() {
    assert_eq!(Rating::of(0.0, false, Some(1.0), 5.0), Rating::Again);
    assert_eq!(Rating::of(0.5, false, Some(1.0), 5.0), Rating::Hard);
    assert_eq!(Rating::of(1.0, true, Some(9.0), 5.0), Rating::Good);
    assert_eq!(Rating::of(1.0, true, Some(4.0), 5.0), Rating::Easy);
    assert_eq!(
        Rating::of(1.0, true, None, 5.0),
        Rating::Good,
        "quiz answers are not timed"
    );
}

/// The mini course with `teaches = "more"` on `title-needed`.
fn teaching_course() -> Course {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "01-basics.toml",
        "kind = \"true_false\"\nprompt = \"You need a title to lead.\"",
        "kind = \"true_false\"\nteaches = \"more\"\nprompt = \"You need a title to lead.\"",
    );
    load(tmp.path()).course.unwrap()
}

/// An app on the mini course whose basics quiz was answered a week before `t0`.
fn review_app() -> App {
    let course = teaching_course();
    let p = answered(&course, t0() - days(7.0));
    let mut app = App::new(course, p, 7);
    app.update(Action::Resize(80, 24), t0());
    app
}

fn at(secs: i64) -> Timestamp {
    t0() + SignedDuration::from_secs(secs)
}

/// The question on the review screen.
fn current(app: &App) -> String {
    let s = app.progress.review_session.as_ref().unwrap();
    s.current().unwrap().card.clone()
}

/// Answer the current card right (`true`) or wrong.
fn answer(app: &mut App, right: bool, t: Timestamp) {
    let id = current(app);
    let s = app.progress.review_session.as_ref().unwrap();
    let order = s.current().unwrap().order.clone();
    let key = match (id.as_str(), right) {
        // True/false: 1 is True, 2 is False; the right answer is False.
        ("title-needed", true) => Action::Choose(2),
        ("title-needed", false) => Action::Choose(1),
        // Single: the right option is authored index 0; find where it is shown.
        ("pick-vision", r) => {
            let shown = order.iter().position(|&o| (o == 0) == r).unwrap();
            Action::Choose(shown + 1)
        }
        other => panic!("{other:?}"),
    };
    app.update(key, t);
    app.update(Action::Submit, t);
}

#[test]
fn a_review_session_asks_the_due_cards_oldest_first_and_records_each_review() {
    let mut app = review_app();
    app.update(Action::StartReview, at(1));
    assert!(matches!(app.screen, Screen::Spaced(_)), "{:?}", app.screen);
    assert_eq!(app.review_progress(), (0, 2));
    assert_eq!(current(&app), "title-needed", "the wrong one was due first");
    let grade_before = syllabus::quiz::mastery::module_grade(
        app.course.modules[0].quiz.grading,
        app.progress.attempts("basics"),
    );
    answer(&mut app, true, at(3));
    let Screen::Spaced(s) = &app.screen else {
        panic!()
    };
    assert!(s.reveal.as_ref().is_some_and(|r| r.correct));
    assert_eq!(s.rating, Some(Rating::Easy), "right within the quick time");
    app.update(Action::Submit, at(4));
    answer(&mut app, true, at(60));
    app.update(Action::Submit, at(61));
    assert!(
        matches!(app.screen, Screen::Map(_)),
        "session over: {:?}",
        app.screen
    );
    assert!(app.progress.review_session.is_none());
    let log = app.progress.reviews("basics");
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].card.as_str(), log[0].rating, log[1].rating),
        ("title-needed", Rating::Easy, Rating::Good)
    );
    assert!((log[1].elapsed - 7.0).abs() < 0.01, "{}", log[1].elapsed);
    assert!(log[1].scheduled >= 1.0);
    // Reviews change mastery, never grades.
    let (m, _) = syllabus::quiz::mastery::mastered(
        &app.course.modules[0],
        app.progress.attempts("basics"),
        app.progress.reviews("basics"),
    );
    assert_eq!(m, 2, "title-needed is now mastered");
    let grade_after = syllabus::quiz::mastery::module_grade(
        app.course.modules[0].quiz.grading,
        app.progress.attempts("basics"),
    );
    assert_eq!(grade_before, grade_after);
    assert_eq!(
        app.queue().counts(at(62)).now,
        0,
        "nothing due after the session"
    );
}

#[test]
fn a_wrong_review_opens_the_teaching_section_and_comes_back() {
    let mut app = review_app();
    app.update(Action::StartReview, at(1));
    answer(&mut app, false, at(5));
    let before = app.screen.clone();
    app.update(Action::OpenLesson, at(6));
    let Screen::Lesson(l) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(
        app.course.modules[l.module].sections[l.page].id, "more",
        "teaches = \"more\""
    );
    app.update(Action::Down, at(7));
    app.update(Action::Back, at(8));
    assert_eq!(app.screen, before, "back on the same feedback");
    app.update(Action::Submit, at(9));
    assert_eq!(current(&app), "pick-vision");
    // Without `teaches`: the module's first section.
    answer(&mut app, false, at(10));
    app.update(Action::OpenLesson, at(11));
    let Screen::Lesson(l) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(l.page, 0);
    let wrong = app.progress.reviews("basics");
    assert_eq!(wrong[0].rating, Rating::Again);
}

#[test]
fn leaving_in_the_middle_of_a_review_resumes_on_the_same_card_with_its_draft() {
    let mut app = review_app();
    app.update(Action::StartReview, at(1));
    answer(&mut app, true, at(3));
    app.update(Action::Submit, at(4));
    let second = current(&app);
    let order = app.progress.review_session.as_ref().unwrap().cards[1]
        .order
        .clone();
    app.update(Action::Choose(2), at(5));
    // Reopened from the saved file (a crash, or quitting with Ctrl-C).
    let text = app.progress.to_toml().unwrap();
    assert!(text.starts_with("version = 3"), "{text}");
    let p = Progress::from_toml(&text).unwrap();
    let mut again = App::new(teaching_course(), p, 8);
    again.update(Action::Resize(80, 24), at(100));
    let Screen::Spaced(s) = &again.screen else {
        panic!("resumes the review: {:?}", again.screen)
    };
    assert_eq!(current(&again), second);
    assert_eq!(
        again.progress.review_session.as_ref().unwrap().cards[1].order,
        order,
        "same option order"
    );
    assert!(
        format!("{:?}", s.draft).contains("Some(1)"),
        "{:?}",
        s.draft
    );
    // q pauses; v resumes the same session.
    again.update(Action::Back, at(101));
    assert!(matches!(again.screen, Screen::Map(_)));
    again.update(Action::StartReview, at(102));
    assert_eq!(current(&again), second);
    assert_eq!(again.review_progress(), (1, 2));
}

#[test]
fn nothing_due_says_when_the_next_review_is() {
    let course = mini_course();
    let p = answered(&course, t0());
    let mut app = App::new(course, p, 7);
    app.update(Action::Resize(80, 24), t0());
    // The wrong answer comes back in ten minutes; the right one in days.
    app.update(Action::StartReview, at(60));
    assert!(matches!(app.screen, Screen::Map(_)));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("in 9 minutes")),
        "{:?}",
        app.status
    );
}

#[test]
fn teaches_must_name_a_section_of_the_module() {
    let report = load_edited(
        "01-basics.toml",
        "kind = \"true_false\"\nprompt",
        "kind = \"true_false\"\nteaches = \"mroe\"\nprompt",
    );
    let text = lines(&report).join("\n");
    assert!(report.course.is_none(), "{text}");
    assert!(
        text.contains("teaches = \"mroe\", which is not a section of this module")
            && text.contains("did you mean `more`?"),
        "{text}"
    );
}

#[test]
fn a_card_resumed_at_start_up_is_not_timed_so_never_easy() {
    let mut app = review_app();
    app.update(Action::StartReview, at(1));
    let p = Progress::from_toml(&app.progress.to_toml().unwrap()).unwrap();
    let mut again = App::new(teaching_course(), p, 8);
    answer(&mut again, true, at(2));
    let log = again.progress.reviews("basics");
    assert_eq!((log[0].rating, log[0].seconds), (Rating::Good, 0.0));
}
