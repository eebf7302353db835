//! The attempt history, the one way of counting, practice runs named for what they ask,
//! and the certificate's name typed on the completion page.

mod common;

use common::*;
use syllabus::app::{Action, App, Screen};
use syllabus::quiz::{Answer, Attempt, Mode};
use syllabus::report::practice::{PracticeKind, practice_set};
use syllabus::report::{Label, counts, entries};

/// The mini course with attempts of module 0 of these modes, every answer right or not.
fn with_attempts(modes: &[(Mode, bool)]) -> App {
    let course = mini_course();
    let module = course.modules[0].clone();
    let mut progress = syllabus::progress::Progress::new(&course.id);
    for (k, (mode, right)) in modes.iter().enumerate() {
        let mut a = Attempt::draw(&module, *mode, k as u32 + 1, k as u64, t0(), None);
        for asked in a.questions.clone() {
            let Some(q) = module.question(&asked.id) else {
                continue;
            };
            if let syllabus::course::QuestionKind::TrueFalse { answer, .. } = &q.kind {
                a.answer(q, Answer::TrueFalse(*answer == *right), t0());
            }
        }
        a.finished = Some(t0());
        progress.module_mut(&module.id).attempts.push(a);
    }
    let mut app = App::new(course, progress, 1);
    app.update(Action::Resize(80, 24), t0());
    app.screen = Screen::Map(Default::default());
    app
}

#[test]
fn attempts_are_numbered_and_practice_runs_apart() {
    let app = with_attempts(&[
        (Mode::Full, true),
        (Mode::Missed, true),
        (Mode::Full, false),
    ]);
    let module = &app.course.modules[0];
    let labels: Vec<Label> = entries(module, app.progress.attempts(&module.id))
        .iter()
        .map(|e| e.label)
        .collect();
    assert_eq!(
        labels,
        [Label::Attempt(1), Label::Practice(1), Label::Attempt(2)]
    );
    let c = counts(module, &app.progress);
    assert_eq!((c.full, c.practice), (2, 1));
    assert_eq!(c.words(), "2 attempts, 1 practice run");
}

#[test]
fn h_opens_the_history_from_the_map_and_enter_reviews_and_q_comes_back() {
    let mut app = with_attempts(&[(Mode::Full, true), (Mode::Full, false)]);
    drive(&mut app, &[Action::History]);
    let Screen::History(h) = &app.screen else {
        panic!("{:?}", app.screen);
    };
    assert_eq!(h.selected, 1, "the latest attempt is highlighted");
    drive(&mut app, &[Action::Up, Action::Open]);
    let Screen::Review(r) = &app.screen else {
        panic!("{:?}", app.screen);
    };
    assert_eq!(r.attempt, 0, "the older attempt is reviewed");
    drive(&mut app, &[Action::Back]);
    assert!(matches!(app.screen, Screen::History(_)), "{:?}", app.screen);
    drive(&mut app, &[Action::Back]);
    assert!(matches!(app.screen, Screen::Map(_)), "{:?}", app.screen);
}

#[test]
fn history_from_the_results_goes_back_to_the_results() {
    let mut app = with_attempts(&[(Mode::Full, true)]);
    app.screen = Screen::Results(syllabus::app::ResultsState::new(0, 0));
    drive(&mut app, &[Action::History]);
    assert!(matches!(app.screen, Screen::History(_)), "{:?}", app.screen);
    drive(&mut app, &[Action::Back]);
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
}

#[test]
fn practice_with_nothing_missed_asks_unseen_questions_under_that_name() {
    let app = with_attempts(&[(Mode::Full, true)]);
    let module = &app.course.modules[0];
    let Some((kind, ids)) = practice_set(module, app.progress.attempts(&module.id)) else {
        panic!("questions are left to see");
    };
    assert_eq!(kind, PracticeKind::Unseen);
    assert!(!ids.is_empty());
    let missed = with_attempts(&[(Mode::Full, false)]);
    let m = &missed.course.modules[0];
    let (kind, _) = practice_set(m, missed.progress.attempts(&m.id)).unwrap_or_else(|| panic!());
    assert_eq!(kind, PracticeKind::Missed);
    let mut started = missed.clone();
    started.screen = Screen::Results(syllabus::app::ResultsState::new(0, 0));
    drive(&mut started, &[Action::RetakeMissed]);
    let last = started
        .progress
        .attempts(&m.id)
        .last()
        .cloned()
        .unwrap_or_else(|| panic!());
    assert_eq!(last.mode, Mode::Missed);
    assert_eq!(PracticeKind::of(&last), PracticeKind::Missed);
}

#[test]
fn the_completion_page_remembers_the_name_to_print() {
    let mut app = with_attempts(&[]);
    app.screen = Screen::Completion;
    drive(&mut app, &[Action::Type('n')]);
    for c in "Ada Lovelace".chars() {
        drive(&mut app, &[Action::Type(c)]);
    }
    let effects = drive(&mut app, &[Action::Submit]);
    assert!(!effects.is_empty(), "the name is saved");
    assert_eq!(app.certificate_name(), Some("Ada Lovelace"));
    let text = app.progress.to_toml().unwrap_or_default();
    assert!(
        text.contains("certificate_name = \"Ada Lovelace\""),
        "{text}"
    );
    assert!(
        text.starts_with(&format!("version = {}", syllabus::progress::FORMAT_VERSION)),
        "no new format version: {text}"
    );
}
