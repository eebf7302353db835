//! The spaced-review screens at 80x24 (and 40x12, the smallest size): the map with its
//! due counts, a review question, its feedback after a wrong answer, and the lesson opened
//! from it.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use jiff::SignedDuration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::{Action, App};
use syllabus::cli::ThemeName;
use syllabus::progress::Progress;
use syllabus::quiz::{Answer, Attempt, Mode};
use syllabus::ui::{self, Theme};

fn snap(name: &str, shows: &str, app: &App) {
    assert_shows(app, shows, name);
    let theme = Theme::named(ThemeName::Default);
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = app.clone();
        app.update(Action::Resize(w, h), t0());
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui::render(&app, &theme, f)).unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

/// The basics quiz answered a week before t0 (three right, one wrong), the exam two days
/// before: some cards due now, others later this week.
fn reviewed_app() -> App {
    let course = mini_course();
    let mut p = Progress::new(&course.id);
    let week = t0() - SignedDuration::from_hours(24 * 7);
    let m = &course.modules[0];
    let mut a = Attempt::draw(m, Mode::Full, 1, 1, week, None);
    a.answer(m.question("pick-vision").unwrap(), Answer::Single(0), week);
    a.answer(
        m.question("title-needed").unwrap(),
        Answer::TrueFalse(true),
        week,
    );
    a.answer(
        m.question("word").unwrap(),
        Answer::Short("plan".into()),
        week,
    );
    a.finished = Some(week);
    p.module_mut("basics").attempts.push(a);
    let recent = t0() - SignedDuration::from_hours(12);
    let e = &course.modules[1];
    let mut b = Attempt::draw(e, Mode::Full, 1, 1, recent, None);
    b.answer(
        e.question("lead-title").unwrap(),
        Answer::TrueFalse(false),
        recent,
    );
    b.answer(e.question("pick-plan").unwrap(), Answer::Single(0), recent);
    b.finished = Some(recent);
    p.module_mut("exam").attempts.push(b);
    let mut app = App::new(course, p, 7);
    app.update(Action::Resize(80, 24), t0());
    app
}

#[test]
fn the_map_shows_what_is_due() {
    let app = reviewed_app();
    let c = app.queue().counts(t0());
    assert!(c.now > 0 && c.week > 0, "{c:?}");
    snap("spaced_map_due", "map", &app);
}

#[test]
fn a_review_question_its_feedback_and_the_lesson_it_opens() {
    let mut app = reviewed_app();
    app.update(Action::StartReview, t0());
    snap("spaced_question", "spaced true_false", &app);
    let s = app.progress.review_session.clone().unwrap();
    let card = s.current().unwrap().card.clone();
    assert_eq!(card, "title-needed", "oldest due first: the wrong answer");
    app.update(Action::Choose(1), t0());
    app.update(Action::Submit, t0());
    snap(
        "spaced_feedback_wrong",
        "spaced true_false revealed wrong",
        &app,
    );
    app.update(Action::OpenLesson, t0());
    snap("spaced_lesson_from_review", "lesson section 1", &app);
}

#[test]
fn the_review_help_names_every_key() {
    let mut app = reviewed_app();
    app.update(Action::StartReview, t0());
    app.update(Action::ToggleHelp, t0());
    snap("spaced_help_question", "spaced true_false + help", &app);
    app.update(Action::ToggleHelp, t0());
    app.update(Action::Choose(1), t0());
    app.update(Action::Submit, t0());
    app.update(Action::ToggleHelp, t0());
    snap(
        "spaced_help_feedback_wrong",
        "spaced true_false revealed wrong + help",
        &app,
    );
}
