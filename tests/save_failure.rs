//! Flow tests of a failing disk: `App::update` and the runtime's `perform` driven together
//! against `MemoryStore`, whose saves and copy writes fail on demand. They cover what a
//! learner sees and what is kept when saving fails mid-session, on quit (retry, write a copy,
//! discard, go back) and on a signal, when nobody may be at the screen to ask.

mod common;

use common::*;
use jiff::{SignedDuration, Timestamp};
use syllabus::app::{Action, App, Prompt, Screen};
use syllabus::progress::{MemoryStore, ProgressStore};
use syllabus::runtime::{Event, Loop, Session, perform, signal_status};

/// One step at second `i` after t0: update, then perform the effects against `store`.
fn step(app: &mut App, store: &mut MemoryStore, action: Action, i: i64) -> bool {
    let now = at(i);
    let effects = app.update(action, now);
    perform(app, store, effects, now)
}

fn at(i: i64) -> Timestamp {
    t0() + SignedDuration::from_secs(i)
}

/// In a quiz, one question answered and submitted: a response that exists only in memory
/// while saves fail.
fn answered(store: &mut MemoryStore) -> App {
    let mut app = quiz_app("pick-vision", 80, 24);
    step(&mut app, store, Action::Choose(1), 1);
    step(&mut app, store, Action::Submit, 2);
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(1));
    app
}

fn failing() -> MemoryStore {
    let mut store = MemoryStore::new("/learner/progress.toml");
    store.fail_saves(true);
    store
}

fn save_failed_prompt(app: &App) -> (String, std::path::PathBuf) {
    match &app.prompt {
        Some(Prompt::SaveFailedOnQuit { error, copy_path }) => (error.clone(), copy_path.clone()),
        other => panic!("expected the failed-save prompt, got {other:?}"),
    }
}

#[test]
fn quitting_while_saves_fail_asks_what_to_do_and_keeps_running() {
    let mut store = failing();
    let mut app = answered(&mut store);
    assert!(step(&mut app, &mut store, Action::Quit, 3), "still running");
    let (error, _) = save_failed_prompt(&app);
    assert!(error.contains("No space left on device"), "{error}");
    assert!(error.contains("/learner/progress.toml"), "{error}");
    assert!(store.saves.is_empty());
    assert!(
        store.save_attempts >= 2,
        "the submit and the quit both tried"
    );
    assert!(app.dirty);
}

#[test]
fn retry_after_the_disk_recovers_saves_everything_and_quits() {
    let mut store = failing();
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    save_failed_prompt(&app);
    // Still failing: the prompt comes back, nothing is lost.
    assert!(step(&mut app, &mut store, Action::PromptKey('r'), 4));
    save_failed_prompt(&app);
    store.fail_saves(false);
    assert!(!step(&mut app, &mut store, Action::PromptKey('r'), 5));
    assert_eq!(store.last_saved(), Some(&app.progress));
    let saved = store.last_saved().expect("a save");
    let module = &app.course.modules[0].id;
    let attempt = saved.attempts(module).last().expect("the attempt");
    assert_eq!(
        attempt.responses.len(),
        1,
        "the answer given while saves failed"
    );
    assert!(!app.dirty);
    assert_eq!(app.exit_message, None);
}

#[test]
fn writing_a_copy_quits_with_the_copys_path_in_the_exit_message() {
    let mut store = failing();
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    let (_, copy_path) = save_failed_prompt(&app);
    assert!(!step(&mut app, &mut store, Action::PromptKey('w'), 4));
    assert_eq!(
        store.copies,
        vec![(copy_path.clone(), app.progress.clone())]
    );
    let message = app.exit_message.clone().unwrap_or_default();
    assert!(
        message.contains(&copy_path.display().to_string()),
        "{message}"
    );
    assert!(store.saves.is_empty());
}

#[test]
fn a_copy_that_fails_too_says_so_and_stays_on_the_prompt() {
    let mut store = failing();
    store.fail_copies(true);
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    assert!(step(&mut app, &mut store, Action::PromptKey('w'), 4));
    let (error, _) = save_failed_prompt(&app);
    assert!(error.contains("writing the copy failed too"), "{error}");
    assert!(store.copies.is_empty());
    // The disk comes back: retrying still saves everything.
    store.fail_saves(false);
    assert!(!step(&mut app, &mut store, Action::PromptKey('r'), 5));
    assert_eq!(store.last_saved(), Some(&app.progress));
}

#[test]
fn discarding_quits_without_saving_and_says_so() {
    let mut store = failing();
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    let attempts = store.save_attempts;
    assert!(!step(&mut app, &mut store, Action::PromptKey('d'), 4));
    assert_eq!(store.save_attempts, attempts, "no further save was tried");
    assert!(store.saves.is_empty() && store.copies.is_empty());
    let message = app.exit_message.clone().unwrap_or_default();
    assert!(message.contains("Not saved"), "{message}");
}

#[test]
fn going_back_from_the_prompt_keeps_the_session_and_a_later_quit_saves() {
    let mut store = failing();
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    assert!(step(&mut app, &mut store, Action::PromptKey('\u{1b}'), 4));
    assert_eq!(app.prompt, None);
    assert!(matches!(app.screen, Screen::Quiz(_)));
    store.fail_saves(false);
    assert!(!step(&mut app, &mut store, Action::Quit, 5));
    assert_eq!(store.last_saved(), Some(&app.progress));
}

#[test]
fn a_save_failing_mid_session_shows_the_banner_and_the_next_step_saves_again() {
    let mut store = failing();
    let mut app = answered(&mut store);
    let banner = |app: &App| {
        app.banners
            .iter()
            .any(|b| b.text.starts_with("Progress not saved"))
    };
    assert!(banner(&app), "{:?}", app.banners);
    assert!(app.dirty);
    store.fail_saves(false);
    step(&mut app, &mut store, Action::NextPage, 3);
    assert!(!banner(&app), "the banner goes once a save works");
    assert!(!app.dirty);
    assert_eq!(store.last_saved(), Some(&app.progress));
    let module = &app.course.modules[0].id;
    let attempt = store.saves[0].attempts(module).last().expect("the attempt");
    assert_eq!(
        attempt.responses.len(),
        1,
        "the answer given while saves failed"
    );
}

#[test]
fn a_signal_while_saves_fail_writes_the_copy_without_asking_and_says_where() {
    let mut store = failing();
    let mut app = answered(&mut store);
    assert!(
        !step(&mut app, &mut store, Action::Stop, 3),
        "a signal ends the session"
    );
    assert_eq!(app.prompt, None, "nobody is asked");
    let copy_path = app.copy_path.clone();
    assert_eq!(
        store.copies,
        vec![(copy_path.clone(), app.progress.clone())]
    );
    let message = app.exit_message.clone().unwrap_or_default();
    assert!(
        message.contains(&copy_path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("No space left on device"), "{message}");
}

#[test]
fn a_signal_while_saves_and_copies_fail_still_ends_and_says_what_is_lost() {
    let mut store = failing();
    store.fail_copies(true);
    let mut app = answered(&mut store);
    assert!(!step(&mut app, &mut store, Action::Stop, 3));
    let message = app.exit_message.clone().unwrap_or_default();
    assert!(message.contains("failed too"), "{message}");
    assert!(message.contains("lost"), "{message}");
}

#[test]
fn a_signal_at_the_failed_save_prompt_writes_the_copy() {
    let mut store = failing();
    let mut app = answered(&mut store);
    step(&mut app, &mut store, Action::Quit, 3);
    save_failed_prompt(&app);
    assert!(!step(&mut app, &mut store, Action::Stop, 4));
    assert_eq!(store.copies.len(), 1);
    assert_eq!(store.copies[0].1, app.progress);
}

#[test]
fn a_signal_in_a_read_only_window_ends_without_saving() {
    let mut store = MemoryStore::new("/learner/progress.toml");
    store.set_read_only("open in another window");
    let mut app = quiz_app("pick-vision", 80, 24);
    app.read_only = store.read_only().map(str::to_string);
    assert!(!step(&mut app, &mut store, Action::Stop, 1));
    assert_eq!(store.save_attempts, 0);
    assert!(store.copies.is_empty());
}

#[test]
fn the_loop_turns_a_signal_during_failing_saves_into_a_copy_and_128_plus_the_signal() {
    let app = answered(&mut failing());
    let mut lp = Loop::new(Session {
        app,
        store: Box::new(failing()),
    });
    let sigterm = 15;
    assert_eq!(
        lp.handle(Event::Signal(sigterm), at(3)),
        Some(signal_status(sigterm))
    );
    assert_eq!(signal_status(sigterm), 143);
    let message = lp.session.app.exit_message.clone().unwrap_or_default();
    assert!(message.contains("written to"), "{message}");
}
