//! Live reload (`--watch`): the session carried over to a course edited on disk keeps the
//! author's place by ids, and the folder watch reports a save once it settles.

mod common;

use std::time::Duration;

use common::*;
use syllabus::app::reload::course_changed;
use syllabus::app::{Action, Draft, Screen};
use syllabus::course::Course;

fn edited(file: &str, from: &str, to: &str) -> Course {
    load_edited(file, from, to)
        .course
        .unwrap_or_else(|| panic!("the edited course must load"))
}

const MORE: &str = "[[sections]]\nid = \"more\"";
const INSERTED: &str = "[[sections]]\nid = \"new\"\ntitle = \"New\"\nbody = \"A new page.\"\n\n[[sections]]\nid = \"more\"";

#[test]
fn a_lesson_page_is_kept_by_section_id_when_a_page_is_inserted_before_it() {
    let mut app = app(80, 24);
    drive(&mut app, &[Action::Open, Action::NextPage]);
    assert!(
        matches!(&app.screen, Screen::Lesson(s) if s.page == 1),
        "{:?}",
        app.screen
    );
    course_changed(&mut app, edited("01-basics.toml", MORE, INSERTED), t0());
    match &app.screen {
        Screen::Lesson(s) => {
            assert_eq!(s.page, 2);
            assert_eq!(app.course.modules[s.module].sections[s.page].id, "more");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_map_keeps_the_selected_module_by_id_when_modules_are_reordered() {
    let mut app = app(80, 24);
    drive(&mut app, &[Action::Down]);
    assert!(matches!(&app.screen, Screen::Map(s) if s.selected == 1));
    let swapped = edited(
        "course.toml",
        "modules = [\"01-basics.toml\", \"02-exam.toml\"]",
        "modules = [\"02-exam.toml\", \"01-basics.toml\"]",
    );
    course_changed(&mut app, swapped, t0());
    match &app.screen {
        Screen::Map(s) => assert_eq!(app.course.modules[s.selected].id, "exam"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_question_on_screen_and_its_ticks_survive_an_edit_of_its_prompt() {
    let mut app = quiz_app("all-plans", 80, 24);
    drive(&mut app, &[Action::Choose(2)]);
    let before = match &app.screen {
        Screen::Quiz(q) => q.draft.clone(),
        other => panic!("{other:?}"),
    };
    assert!(matches!(&before, Draft::Multiple { ticked, .. } if ticked.iter().any(|t| *t)));
    let course = edited(
        "01-basics.toml",
        "Which are parts of a plan?",
        "Which of these are parts of a plan?",
    );
    course_changed(&mut app, course, t0());
    match &app.screen {
        Screen::Quiz(q) => assert_eq!(q.draft, before),
        other => panic!("{other:?}"),
    }
    let attempt = app
        .open_attempt(0)
        .unwrap_or_else(|| panic!("attempt kept"));
    assert_eq!(attempt.questions[attempt.responses.len()].id, "all-plans");
}

#[test]
fn feedback_on_screen_stays_after_an_unrelated_edit() {
    let mut app = quiz_app("title-needed", 80, 24);
    drive(&mut app, &[Action::Choose(2), Action::Submit]);
    assert!(matches!(&app.screen, Screen::Quiz(q) if q.reveal.is_some()));
    course_changed(
        &mut app,
        edited(
            "01-basics.toml",
            "title = \"Basics\"",
            "title = \"Basics!\"",
        ),
        t0(),
    );
    assert!(
        matches!(&app.screen, Screen::Quiz(q) if q.reveal.is_some()),
        "{:?}",
        app.screen
    );
    assert_eq!(app.course.modules[0].title, "Basics!");
}

#[test]
fn a_save_in_a_watched_folder_is_reported_once_it_settles() {
    let dir = copy_fixture("mini");
    let mut watch = syllabus::watch::Watch::new(dir.path()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let path = dir.path().join("01-basics.toml");
    std::thread::Builder::new()
        .spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            let _ = std::fs::write(&path, "id = \"basics\"\n");
        })
        .expect("a thread");
    std::thread::Builder::new()
        .spawn(move || {
            watch.wait();
            let _ = tx.send(());
        })
        .expect("a thread");
    assert!(
        rx.recv_timeout(Duration::from_secs(10)).is_ok(),
        "no change reported within 10 s"
    );
}
