//! Answering without slips, driven by keys on the mini course: choosing and submitting are
//! two steps in every kind, t/f answer true/false questions only, deferred attempts can be
//! moved through and changed until "Submit all and finish", immediate ones can step back
//! to re-read feedback, and drafts are kept (saved within a second) and restored.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use jiff::SignedDuration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::keymap::action_for;
use syllabus::app::{Action, App, Draft, Effect, Key, Screen};
use syllabus::cli::ThemeName;
use syllabus::course::QuestionKind as K;
use syllabus::progress::Progress;
use syllabus::ui::{self, Theme};

fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys {
        if let Some(a) = action_for(app, *k) {
            out.extend(drive(app, &[a]));
        }
    }
    out
}

fn chars(s: &str) -> Vec<Key> {
    s.chars().map(Key::Char).collect()
}

fn answered(app: &App) -> usize {
    app.open_attempt(0)
        .or_else(|| app.attempts(0).last())
        .map_or(0, |a| a.responses.len())
}

fn quiz(app: &App) -> syllabus::app::QuizState {
    match &app.screen {
        Screen::Quiz(q) => q.clone(),
        other => panic!("not a quiz: {other:?}"),
    }
}

/// Draw the app, as the runtime does after every key (views report scroll limits).
fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, &Theme::named(ThemeName::Default), f))
        .unwrap();
    format!("{}", t.backend())
}

#[test]
fn each_kind_a_number_key_alone_does_not_submit_and_then_enter_does() {
    for (id, keys) in [
        ("pick-vision", chars("2")),
        ("title-needed", chars("1")),
        ("all-plans", chars("1")),
        ("sort", chars("121")),
        ("steps", chars("1 ")),
        ("word", chars("4")),
    ] {
        let mut app = quiz_app(id, 80, 24);
        let effects = press(&mut app, &keys);
        assert!(!effects.contains(&Effect::Save), "{id}: {effects:?}");
        assert_eq!(answered(&app), 0, "{id}: keys alone answered");
        assert!(quiz(&app).reveal.is_none(), "{id}");
        assert_ne!(
            quiz(&app).draft,
            Draft::new(
                &app.course.modules[0].question(id).unwrap().kind,
                &app.open_attempt(0).unwrap().questions[0]
            ),
            "{id}: the keys changed the draft"
        );
        let effects = press(&mut app, &[Key::Enter]);
        assert_eq!(effects, vec![Effect::Save], "{id}");
        assert_eq!(answered(&app), 1, "{id}: Enter submits");
        assert!(quiz(&app).reveal.is_some(), "{id}: immediate feedback");
    }
}

#[test]
fn nothing_is_chosen_before_the_learner_chooses_so_a_stray_enter_submits_nothing() {
    for id in ["pick-vision", "title-needed"] {
        let mut app = quiz_app(id, 80, 24);
        press(&mut app, &[Key::Enter]);
        assert_eq!(answered(&app), 0, "{id}");
        assert!(app.status.as_deref().unwrap().starts_with("Choose"), "{id}");
        let screen = render(&app, 80, 24);
        assert!(!screen.contains("(•)"), "{id}: nothing marked\n{screen}");
        press(&mut app, &[Key::Down]);
        let screen = render(&app, 80, 24);
        assert!(
            screen.contains("> (•) 2."),
            "{id}: ↓ moves the choice\n{screen}"
        );
        // Without colour the cursor (>) and the choice ((•)) still differ.
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| ui::render(&app, &Theme::mono(), f)).unwrap();
        let mono = format!("{}", t.backend());
        assert!(
            mono.contains("> (•) 2.") && mono.contains("  ( ) 1."),
            "{mono}"
        );
    }
}

/// Regression: `t` and `f` answered every kind (`f` on a single question recorded option 2
/// as a final answer). They now choose on true/false questions only, and submit nothing.
#[test]
fn t_and_f_choose_on_true_false_questions_only() {
    for id in ["pick-vision", "all-plans", "sort", "steps"] {
        let mut app = quiz_app(id, 80, 24);
        let before = quiz(&app).draft;
        press(&mut app, &chars("tf"));
        assert_eq!(quiz(&app).draft, before, "{id}: t/f changed the answer");
        assert_eq!(answered(&app), 0, "{id}: t/f answered");
    }
    let mut app = quiz_app("title-needed", 80, 24);
    press(&mut app, &chars("f"));
    assert_eq!(
        quiz(&app).draft,
        Draft::TrueFalse {
            cursor: 1,
            chosen: Some(1)
        }
    );
    assert_eq!(answered(&app), 0);
    press(&mut app, &[Key::Enter]);
    let r = &app.open_attempt(0).unwrap().responses[0];
    assert!(r.correct, "False is right: you need no title to lead");
}

/// The key that answers question `id` of the exam right or wrong (both are single-key).
fn exam_keys(app: &App, right: bool) -> Vec<Key> {
    let q = quiz(app);
    let asked = app.open_attempt(1).unwrap().questions[q.question].clone();
    match &app.course.modules[1].question(&asked.id).unwrap().kind {
        K::Single { options } => {
            let a = options.iter().position(|o| o.correct == right).unwrap();
            let d = asked.order.iter().position(|&o| o == a).unwrap();
            chars(&(d + 1).to_string())
        }
        K::TrueFalse { answer, .. } => chars(if *answer == right { "t" } else { "f" }),
        K::Short { .. } => {
            let mut k = vec![Key::Ctrl('a')];
            k.extend(vec![Key::Delete; 20]);
            k.extend(chars(if right { "why" } else { "no" }));
            k
        }
        other => panic!("{other:?}"),
    }
}

fn exam_app() -> App {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "02-exam.toml",
        "questions_per_attempt = 2",
        "questions_per_attempt = 3",
    );
    let course = load(tmp.path()).course.unwrap();
    let mut app = App::new(course.clone(), Progress::new(&course.id), 5);
    app.update(Action::Resize(80, 24), t0());
    press(
        &mut app,
        &[Key::Down, Key::Enter, Key::Enter, Key::Char('y')],
    );
    assert_eq!(quiz(&app).module, 1);
    app
}

#[test]
fn a_deferred_attempt_is_moved_through_changed_summarised_confirmed_and_graded_on_the_final_answers()
 {
    let mut app = exam_app();
    // All three wrong, entered one after another.
    for _ in 0..3 {
        let k = exam_keys(&app, false);
        press(&mut app, &k);
        press(&mut app, &[Key::Enter]);
    }
    let q = quiz(&app);
    assert_eq!((q.question, q.pick), (3, 3), "the summary, on Submit all");
    assert_eq!(app.open_attempt(1).unwrap().answered(), 3);
    // Back to question 2 (← from the summary, then Shift-Tab, which works in every kind:
    // p would be typed into a short answer), change it to right.
    press(&mut app, &[Key::Left, Key::BackTab]);
    assert_eq!(quiz(&app).question, 1);
    let k = exam_keys(&app, true);
    press(&mut app, &k);
    press(&mut app, &[Key::Enter]);
    assert_eq!(quiz(&app).question, 2, "Enter records and goes on");
    // Forward past the last to the summary, then up to question 1 and change it too.
    press(&mut app, &[Key::Tab]);
    assert_eq!(quiz(&app).question, 3);
    press(&mut app, &[Key::Home, Key::Enter]);
    assert_eq!(quiz(&app).question, 0);
    let k = exam_keys(&app, true);
    press(&mut app, &k);
    press(&mut app, &[Key::Enter]);
    assert_eq!(quiz(&app).question, 1);
    // Question 3 changed but not entered: it keeps its first answer.
    press(&mut app, &[Key::Tab]);
    let k = exam_keys(&app, true);
    press(&mut app, &k);
    press(&mut app, &[Key::Tab]);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("changed, not entered"), "{screen}");
    // Submit all: asks first; another key goes back, y submits.
    press(&mut app, &[Key::End, Key::Enter]);
    assert!(quiz(&app).confirm);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Submit all 3 answers and finish? y submits"),
        "{screen}"
    );
    press(&mut app, &[Key::Char('n')]);
    assert!(!quiz(&app).confirm);
    assert!(app.open_attempt(1).is_some(), "not submitted");
    press(&mut app, &[Key::Enter, Key::Char('y')]);
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
    let attempt = app.attempts(1).last().unwrap();
    assert!(attempt.is_finished());
    let right: Vec<bool> = attempt.responses.iter().map(|r| r.correct).collect();
    assert_eq!(right.iter().filter(|r| **r).count(), 2, "{right:?}");
    assert!(
        (attempt.score() - 200.0 / 3.0).abs() < 1e-9,
        "{}",
        attempt.score()
    );
    assert!(attempt.drafts.is_empty() && attempt.current.is_none());
}

#[test]
fn submitting_with_unanswered_questions_names_how_many_and_they_score_zero() {
    let mut app = exam_app();
    let k = exam_keys(&app, true);
    press(&mut app, &k);
    press(&mut app, &[Key::Enter, Key::Tab, Key::Tab]);
    press(&mut app, &[Key::End, Key::Enter]);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("2 questions are unanswered and will score 0"),
        "{screen}"
    );
    press(&mut app, &[Key::Char('Y')]);
    let a = app.attempts(1).last().unwrap();
    assert!((a.score() - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn an_immediate_attempt_steps_back_to_reread_feedback_but_never_forward_past_the_next() {
    let mut app = quiz_app("pick-vision", 80, 24);
    press(&mut app, &[Key::Char('1'), Key::Enter, Key::Enter]);
    press(&mut app, &[Key::Char('1'), Key::Enter, Key::Enter]);
    // On question 3, start an answer, then go back twice to re-read.
    press(&mut app, &[Key::Char('2')]);
    press(&mut app, &[Key::Left]);
    let q = quiz(&app);
    assert_eq!(
        (q.question, q.reveal.as_ref().map(|r| r.question.as_str())),
        (1, Some("all-plans"))
    );
    press(&mut app, &[Key::Left]);
    assert_eq!(quiz(&app).question, 0);
    press(&mut app, &[Key::Left]);
    assert_eq!(quiz(&app).question, 0, "nothing before the first");
    press(&mut app, &[Key::Right, Key::Enter]);
    let q = quiz(&app);
    assert_eq!(q.question, 2);
    assert!(q.reveal.is_none());
    assert_eq!(
        q.draft,
        Draft::TrueFalse {
            cursor: 1,
            chosen: Some(1)
        },
        "the draft came back"
    );
    // No going forward from an unanswered question.
    press(&mut app, &[Key::Right, Key::Char('n')]);
    assert_eq!(quiz(&app).question, 2);
    assert_eq!(answered(&app), 2, "re-reading changed no answer");
}

#[test]
fn a_draft_is_saved_within_a_second_by_a_tick_and_comes_back_after_a_restart() {
    let mut app = quiz_app("sort", 80, 24);
    let at = |ms: i64| t0() + SignedDuration::from_millis(ms);
    let mut effects = Vec::new();
    for (ms, key) in [(0, '1'), (100, '2')] {
        effects.extend(app.update(action_for(&app, Key::Char(key)).unwrap(), at(ms)));
    }
    effects.extend(app.update(Action::Tick, at(500)));
    assert!(effects.is_empty(), "not yet: {effects:?}");
    let effects = app.update(Action::Tick, at(800));
    assert_eq!(
        effects,
        vec![Effect::Save],
        "within a second of the first change"
    );
    assert_eq!(app.update(Action::Tick, at(2000)), vec![], "once");
    // What was saved brings the half-sorted question back, cursor and all.
    let text = app.progress.to_toml().unwrap();
    assert!(
        text.contains("[modules.basics.attempts.drafts.sort"),
        "{text}"
    );
    let again = App::new(app.course.clone(), Progress::from_toml(&text).unwrap(), 1);
    assert_eq!(quiz(&again).draft, quiz(&app).draft);
    assert_eq!(
        quiz(&again).draft,
        Draft::Match {
            cursor: 2,
            chosen: vec![Some(0), Some(1), None]
        }
    );
}

#[test]
fn a_typed_answer_and_its_cursor_come_back_after_a_restart() {
    let mut app = quiz_app("word", 80, 24);
    press(&mut app, &chars("hwo"));
    press(&mut app, &[Key::Left, Key::Left]);
    let effects = press(&mut app, &[Key::Esc]);
    assert!(effects.contains(&Effect::Save));
    let p = Progress::from_toml(&app.progress.to_toml().unwrap()).unwrap();
    let mut again = App::new(app.course.clone(), p, 1);
    drive(&mut again, &[Action::Continue]);
    assert_eq!(
        quiz(&again).draft,
        Draft::Short {
            text: "hwo".into(),
            cursor: 1
        }
    );
}

#[test]
fn a_draft_that_no_longer_fits_its_question_is_dropped_with_a_note() {
    let mut app = quiz_app("sort", 80, 24);
    press(&mut app, &chars("12"));
    let mut p = app.progress.clone();
    let a = p.module_mut("basics").attempts.last_mut().unwrap();
    // As if the question had lost items since: the draft places five.
    a.drafts.insert(
        "sort".into(),
        Draft::Match {
            cursor: 4,
            chosen: vec![Some(0); 5],
        },
    );
    a.drafts.insert(
        "word".into(),
        Draft::Choice {
            cursor: 0,
            chosen: Some(9),
        },
    );
    let again = App::new(app.course.clone(), p, 1);
    let q = quiz(&again);
    assert_eq!(
        q.draft,
        Draft::Match {
            cursor: 0,
            chosen: vec![None; 3]
        }
    );
    assert!(
        again.status.as_deref().unwrap().contains("dropped"),
        "{:?}",
        again.status
    );
    assert!(!again.open_attempt(0).unwrap().drafts.contains_key("sort"));
    assert_eq!(
        again.open_attempt(0).unwrap().questions.len(),
        6,
        "the rest resumes"
    );
}

/// Regression: feedback and review scrolling ran past the end, so ↑ did nothing for several
/// presses. Both now clamp to what the view drew.
#[test]
fn scrolling_feedback_or_a_review_past_the_end_leaves_no_dead_presses() {
    let mut app = quiz_app_on(course_with_long_sort(), 0, "long-sort", 40, 12);
    press(&mut app, &chars("12111212"));
    press(&mut app, &[Key::Enter]);
    let mut app2 = app.clone();
    press(&mut app2, &[Key::Enter]);
    for _ in 0..10 {
        if !matches!(app2.screen, Screen::Quiz(_)) {
            break;
        }
        answer(&mut app2, true);
    }
    drive(&mut app2, &[Action::Review]);
    assert!(
        matches!(app2.screen, Screen::Review(_)),
        "{:?}",
        app2.screen
    );
    for (label, app) in [("feedback", &mut app), ("review", &mut app2)] {
        let first = render(app, 40, 12);
        for _ in 0..60 {
            press(app, &[Key::Down]);
            render(app, 40, 12);
        }
        let bottom = render(app, 40, 12);
        assert_ne!(first, bottom, "{label}: scrolled");
        press(app, &[Key::Up]);
        assert_ne!(render(app, 40, 12), bottom, "{label}: one ↑ moves at once");
    }
}

#[test]
fn an_accepted_misspelling_says_so_and_shows_the_authors_spelling() {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "01-basics.toml",
        r#"accept = ["how"]"#,
        r#"accept = ["controlling", "controling"]"#,
    );
    let course = load(tmp.path()).course.unwrap();
    let mut app = quiz_app_on(course, 0, "word", 80, 24);
    press(&mut app, &chars("Controling"));
    press(&mut app, &[Key::Enter]);
    assert!(quiz(&app).reveal.as_ref().unwrap().correct);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Accepted, though not spelt as expected"),
        "{screen}"
    );
    assert!(screen.contains("\"controlling\""), "{screen}");
}

#[test]
fn with_first_attempt_grading_a_later_pass_is_not_shown_as_a_pass() {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "01-basics.toml",
        r#"grading = "highest""#,
        r#"grading = "first""#,
    );
    let course = load(tmp.path()).course.unwrap();
    let mut app = quiz_app_on(course, 0, "pick-vision", 80, 24);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("only your first attempt counts"),
        "{screen}"
    );
    // A first attempt with everything wrong, then a perfect retake.
    for _ in 0..10 {
        if !matches!(app.screen, Screen::Quiz(_)) {
            break;
        }
        answer(&mut app, false);
    }
    assert!(!render(&app, 80, 24).contains("✓ Passed"));
    drive(&mut app, &[Action::Retake]);
    for _ in 0..10 {
        if !matches!(app.screen, Screen::Quiz(_)) {
            break;
        }
        answer(&mut app, true);
    }
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Score 100%"), "{screen}");
    assert!(!screen.contains("✓ Passed"), "{screen}");
    assert!(screen.contains("this attempt does not count"), "{screen}");
}

/// Answer the question on screen of module 0 right or wrong (immediate feedback), whatever
/// its kind, and go on.
fn answer(app: &mut App, right: bool) {
    let q = quiz(app);
    let asked = app.open_attempt(0).unwrap().questions[q.question].clone();
    let question = app.course.modules[0].question(&asked.id).unwrap().clone();
    let display = |a: usize| asked.order.iter().position(|&o| o == a).unwrap();
    let mut acts = Vec::new();
    match &question.kind {
        K::Single { options } => acts.push(Action::Choose(
            display(options.iter().position(|o| o.correct == right).unwrap()) + 1,
        )),
        K::TrueFalse { answer, .. } => {
            acts.push(Action::Choose(if *answer == right { 1 } else { 2 }))
        }
        K::Multiple { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                if o.correct == right {
                    acts.push(Action::Choose(display(i) + 1));
                }
            }
        }
        K::Match {
            items, categories, ..
        } => {
            for &a in &asked.order {
                let c = items[a].category + usize::from(!right);
                acts.push(Action::Choose(c % categories.len() + 1));
            }
        }
        K::Order { .. } if !right => {}
        K::Order { items, .. } => {
            // Place item `target` at `target`, carrying it up from where it is.
            for target in 0..items.len() {
                let Draft::Order {
                    arrangement,
                    cursor,
                    ..
                } = quiz(app).draft
                else {
                    panic!()
                };
                let from = arrangement.iter().position(|&i| i == target).unwrap();
                let mut walk = vec![
                    if cursor > from {
                        Action::Up
                    } else {
                        Action::Down
                    };
                    cursor.abs_diff(from)
                ];
                walk.push(Action::Toggle);
                walk.extend(vec![Action::Up; from - target]);
                walk.push(Action::Toggle);
                drive(app, &walk);
            }
        }
        K::Short { accept } => {
            let text = if right { accept[0].as_str() } else { "zzz" };
            acts.extend(text.chars().map(Action::Type))
        }
    }
    acts.extend([Action::Submit, Action::Submit]);
    drive(app, &acts);
}

#[test]
fn starting_the_assessment_with_lessons_unread_asks_first_naming_how_many() {
    let mut app = app(80, 24);
    press(&mut app, &[Key::Down, Key::Enter, Key::Enter]);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("1 of the 1 lessons have sections you have not read"),
        "{screen}"
    );
    press(&mut app, &[Key::Char('n')]);
    assert!(app.prompt.is_none());
    assert!(app.open_attempt(1).is_none(), "not started");
    // Once the lessons are read, it starts without asking.
    press(
        &mut app,
        &[
            Key::Char('q'),
            Key::Home,
            Key::Enter,
            Key::Char('n'),
            Key::Char('n'),
        ],
    );
    press(
        &mut app,
        &[Key::Char('q'), Key::End, Key::Enter, Key::Enter],
    );
    assert!(app.prompt.is_none());
    assert_eq!(quiz(&app).module, 1);
}

#[test]
fn a_module_that_requires_another_is_locked_until_it_is_complete() {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "02-exam.toml",
        "kind = \"assessment\"",
        "kind = \"assessment\"\nrequires = [\"basics\"]",
    );
    let course = load(tmp.path()).course.unwrap();
    let mut app = App::new(course.clone(), Progress::new(&course.id), 3);
    app.update(Action::Resize(80, 24), t0());
    press(&mut app, &[Key::Down]);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("locked"), "{screen}");
    assert!(
        screen.contains("Locked: complete 1 Basics first."),
        "{screen}"
    );
    press(&mut app, &[Key::Enter]);
    assert!(
        matches!(app.screen, Screen::Map(_)),
        "a locked module does not open"
    );
    assert_eq!(
        app.status.as_deref(),
        Some("Locked: complete 1 Basics first.")
    );
}

#[test]
fn requires_naming_an_unknown_module_or_a_circle_is_an_error() {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "02-exam.toml",
        "kind = \"assessment\"",
        "kind = \"assessment\"\nrequires = [\"basic\"]",
    );
    let report = load(tmp.path());
    assert!(report.course.is_none());
    let all = lines(&report).join("\n");
    assert!(
        all.contains("error course/02-exam.toml:7:13: `requires` names `basic`, which is not a module of this course [did you mean `basics`?]"),
        "{all}"
    );
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "02-exam.toml",
        "kind = \"assessment\"",
        "kind = \"assessment\"\nrequires = [\"basics\"]",
    );
    edit(
        tmp.path(),
        "01-basics.toml",
        "minutes = 5",
        "minutes = 5\nrequires = [\"exam\"]",
    );
    let report = load(tmp.path());
    let all = lines(&report).join("\n");
    assert!(
        all.contains("modules require each other in a circle: basics → exam → basics"),
        "{all}"
    );
    assert_eq!(report.errors().count(), 1, "{all}");
}

#[test]
fn check_warns_when_a_required_module_counts_only_the_first_attempt() {
    let tmp = copy_fixture("mini");
    edit(
        tmp.path(),
        "01-basics.toml",
        r#"grading = "highest""#,
        r#"grading = "first""#,
    );
    let report = load(tmp.path());
    assert!(report.course.is_some());
    let all = lines(&report).join("\n");
    assert!(
        all.contains("warning course/01-basics.toml:34:11: grading = \"first\" on `basics`: a learner whose first attempt is below the pass mark can never complete this module"),
        "{all}"
    );
}
