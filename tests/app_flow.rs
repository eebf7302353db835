//! Flow tests: the app driven by actions (and keys) on the mini fixture course, asserting
//! the screens it goes through and what it records for saving.

mod common;

use common::*;
use syllabus::app::keymap::action_for;
use syllabus::app::{Action, Draft, Effect, Key, Prompt, Screen};
use syllabus::progress::PlaceScreen;
use syllabus::quiz::{Answer, Mode};

fn screen_name(s: &Screen) -> &'static str {
    match s {
        Screen::Map(_) => "map",
        Screen::Lesson(_) => "lesson",
        Screen::Quiz(_) => "quiz",
        Screen::Results(_) => "results",
        Screen::Review(_) => "review",
        Screen::History(_) => "history",
        Screen::Stats(_) => "stats",
        Screen::Spaced(_) => "spaced review",
        Screen::Completion => "completion",
    }
}

fn press(app: &mut syllabus::app::App, keys: &[Key]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys {
        if let Some(a) = action_for(app, *k) {
            effects.extend(drive(app, &[a]));
        }
    }
    effects
}

/// Answer the current question right, whatever its kind, and go on.
fn answer_right(app: &mut syllabus::app::App) {
    let Screen::Quiz(q) = &app.screen else {
        panic!("not in a quiz: {:?}", app.screen)
    };
    let m = q.module;
    let attempt = app
        .open_attempt(m)
        .cloned()
        .unwrap_or_else(|| panic!("no open attempt"));
    let asked = attempt.questions[q.question].clone();
    let question = app.course.modules[m]
        .question(&asked.id)
        .cloned()
        .unwrap_or_else(|| panic!());
    use syllabus::course::QuestionKind as K;
    let display = |authored: usize| asked.order.iter().position(|&o| o == authored).unwrap_or(0);
    match &question.kind {
        K::Single { options } => {
            let right = options.iter().position(|o| o.correct).unwrap_or(0);
            drive(app, &[Action::Choose(display(right) + 1), Action::Submit]);
        }
        K::TrueFalse { answer, .. } => {
            drive(
                app,
                &[Action::Choose(if *answer { 1 } else { 2 }), Action::Submit],
            );
        }
        K::Multiple { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                if o.correct {
                    drive(app, &[Action::Choose(display(i) + 1)]);
                }
            }
            drive(app, &[Action::Submit]);
        }
        K::Match { items, .. } => {
            for &authored in &asked.order {
                drive(app, &[Action::Choose(items[authored].category + 1)]);
            }
            drive(app, &[Action::Submit]);
        }
        K::Order { items, .. } => {
            // Selection sort with pick-up and move.
            for target in 0..items.len() {
                let Screen::Quiz(q) = &app.screen else {
                    panic!()
                };
                let Draft::Order {
                    arrangement,
                    cursor,
                    ..
                } = &q.draft
                else {
                    panic!()
                };
                let from = arrangement.iter().position(|&i| i == target).unwrap_or(0);
                let cursor = *cursor;
                let mut acts = Vec::new();
                acts.extend(std::iter::repeat_n(
                    if cursor > from {
                        Action::Up
                    } else {
                        Action::Down
                    },
                    cursor.abs_diff(from),
                ));
                acts.push(Action::Toggle);
                acts.extend(std::iter::repeat_n(Action::Up, from - target));
                acts.push(Action::Toggle);
                drive(app, &acts);
            }
            drive(app, &[Action::Submit]);
        }
        K::Short { accept } => {
            for c in accept[0].chars() {
                drive(app, &[Action::Type(c)]);
            }
            drive(app, &[Action::Submit]);
        }
    }
    if matches!(&app.screen, Screen::Quiz(q) if q.reveal.is_some()) {
        drive(app, &[Action::Submit]);
    }
}

#[test]
fn map_to_lesson_to_quiz_to_results_and_back() {
    let mut app = app(80, 24);
    assert_eq!(screen_name(&app.screen), "map");
    press(&mut app, &[Key::Enter]);
    assert_eq!(screen_name(&app.screen), "lesson");
    press(&mut app, &[Key::Right, Key::Right]);
    let Screen::Lesson(l) = &app.screen else {
        panic!()
    };
    assert_eq!(l.page, 2, "the last page, after 2 sections");
    press(&mut app, &[Key::Enter]);
    assert_eq!(screen_name(&app.screen), "quiz");
    for _ in 0..6 {
        answer_right(&mut app);
    }
    assert_eq!(screen_name(&app.screen), "results");
    let attempt = &app.attempts(0)[0];
    assert!(attempt.is_finished());
    assert_eq!(attempt.score(), 100.0);
    press(&mut app, &[Key::Char('q')]);
    assert_eq!(screen_name(&app.screen), "map");
    assert_eq!(
        syllabus::app::status::module_state(&app, 0),
        syllabus::app::ModuleState::Complete(100.0)
    );
}

#[test]
fn every_answer_asks_for_a_save() {
    let mut app = quiz_app("pick-vision", 80, 24);
    // Choosing changes only the draft; submitting records the answer and saves.
    assert_eq!(drive(&mut app, &[Action::Choose(1)]), vec![]);
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(0));
    let effects = drive(&mut app, &[Action::Submit]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(1));
}

#[test]
fn section_changes_mark_sections_opened_and_ask_for_a_save() {
    let mut app = app(80, 24);
    let effects = press(&mut app, &[Key::Enter, Key::Char('n')]);
    assert_eq!(effects, vec![Effect::Save, Effect::Save]);
    assert_eq!(
        app.progress.module("basics").map(|m| m.opened.clone()),
        Some(vec!["intro".to_string(), "more".to_string()])
    );
}

#[test]
fn immediate_feedback_reveals_then_moves_on() {
    let mut app = quiz_app("pick-vision", 80, 24);
    drive(&mut app, &[Action::Down, Action::Submit]);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    let r = q.reveal.clone().unwrap_or_else(|| panic!("revealed"));
    assert!(!r.correct, "the second option is wrong");
    drive(&mut app, &[Action::Submit]);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert!(q.reveal.is_none());
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(1));
}

#[test]
fn deferred_feedback_reveals_nothing_until_the_end() {
    let mut app = app(80, 24);
    drive(&mut app, &[Action::Down, Action::Open]);
    // The exam is an assessment with no sections: its first page is the quiz's. The
    // lessons are unread, so starting it asks first.
    drive(&mut app, &[Action::Open]);
    assert!(
        matches!(
            app.prompt,
            Some(Prompt::UnreadLessons {
                unread: 1,
                lessons: 1,
                ..
            })
        ),
        "{:?}",
        app.prompt
    );
    drive(&mut app, &[Action::PromptKey('y')]);
    let Screen::Quiz(q) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!(q.module, 1);
    answer_right(&mut app);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert!(
        q.reveal.is_none(),
        "deferred: straight to the next question"
    );
    answer_right(&mut app);
    // After the last question, the summary page; submitting all asks first.
    let Screen::Quiz(q) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert_eq!((q.question, q.pick), (2, 2), "summary, on Submit all");
    drive(&mut app, &[Action::Open]);
    assert_eq!(screen_name(&app.screen), "quiz");
    drive(&mut app, &[Action::Confirm]);
    assert_eq!(screen_name(&app.screen), "results");
}

#[test]
fn multiple_needs_a_tick_before_submitting() {
    let mut app = quiz_app("all-plans", 80, 24);
    drive(&mut app, &[Action::Submit]);
    assert_eq!(
        app.status.as_deref(),
        Some("Tick at least one option with Space, then press Enter.")
    );
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(0));
}

#[test]
fn match_needs_every_item_placed() {
    let mut app = quiz_app("sort", 80, 24);
    drive(&mut app, &[Action::CategoryNext, Action::Submit]);
    assert_eq!(
        app.status.as_deref(),
        Some("Give every item a category first (2 items left): ← → change it.")
    );
}

#[test]
fn match_categories_cycle_with_left_and_right() {
    let mut app = quiz_app("sort", 80, 24);
    drive(
        &mut app,
        &[
            Action::CategoryNext,
            Action::CategoryNext,
            Action::CategoryNext,
        ],
    );
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(
        q.draft,
        Draft::Match {
            cursor: 0,
            chosen: vec![Some(0), None, None]
        }
    );
    drive(&mut app, &[Action::CategoryPrev]);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(
        q.draft,
        Draft::Match {
            cursor: 0,
            chosen: vec![Some(1), None, None]
        }
    );
}

#[test]
fn order_items_move_while_picked_up() {
    let mut app = quiz_app("steps", 80, 24);
    // Shown reversed: [2, 1, 0]. Pick up the first and move it to the bottom.
    drive(
        &mut app,
        &[Action::Toggle, Action::Down, Action::Down, Action::Toggle],
    );
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(
        q.draft,
        Draft::Order {
            cursor: 2,
            arrangement: vec![1, 0, 2],
            held: false
        }
    );
    drive(&mut app, &[Action::Submit]);
    let r = app
        .open_attempt(0)
        .and_then(|a| a.responses.last().cloned())
        .unwrap_or_else(|| panic!());
    assert_eq!(r.answer, Answer::Order(vec![1, 0, 2]));
    assert!(
        (r.points - 1.0 / 3.0).abs() < 1e-9,
        "partial credit for the one in place"
    );
}

#[test]
fn short_answer_field_edits_like_a_text_box() {
    let mut app = quiz_app("word", 80, 24);
    press(
        &mut app,
        &[
            Key::Char('h'),
            Key::Char('w'),
            Key::Left,
            Key::Char('o'),
            Key::End,
            Key::Char('!'),
            Key::Backspace,
            Key::Home,
            Key::Delete,
            Key::Char('H'),
        ],
    );
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(
        q.draft,
        Draft::Short {
            text: "How".into(),
            cursor: 1
        }
    );
    press(&mut app, &[Key::Enter]);
    let r = app
        .open_attempt(0)
        .and_then(|a| a.responses.last().cloned())
        .unwrap_or_else(|| panic!());
    assert!(r.correct, "How matches how, ignoring case");
}

#[test]
fn letters_are_typed_not_treated_as_commands_in_a_short_answer() {
    let mut app = quiz_app("word", 80, 24);
    press(&mut app, &[Key::Char('q'), Key::Char('?'), Key::Char('x')]);
    assert_eq!(screen_name(&app.screen), "quiz");
    assert!(!app.help);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(
        q.draft,
        Draft::Short {
            text: "q?x".into(),
            cursor: 3
        }
    );
}

#[test]
fn leaving_a_quiz_keeps_the_attempt_open_and_continue_resumes_it() {
    let mut app = quiz_app("pick-vision", 80, 24);
    drive(&mut app, &[Action::Choose(1), Action::Submit, Action::Back]);
    assert_eq!(screen_name(&app.screen), "map");
    assert_eq!(app.continue_label(), "resume");
    drive(&mut app, &[Action::Continue]);
    let Screen::Quiz(q) = &app.screen else {
        panic!()
    };
    assert_eq!(q.module, 0);
    assert_eq!(
        app.open_attempt(0).map(|a| a.responses.len()),
        Some(1),
        "the earlier answer is kept"
    );
}

#[test]
fn relaunch_opens_the_same_question_with_earlier_answers_kept() {
    let mut app = quiz_app("pick-vision", 80, 24);
    drive(&mut app, &[Action::Choose(1), Action::Submit]);
    let saved = app.progress.clone();
    assert_eq!(saved.place.screen, PlaceScreen::Quiz);
    let again = syllabus::app::App::new(app.course.clone(), saved, 99);
    let Screen::Quiz(q) = &again.screen else {
        panic!("{:?}", again.screen)
    };
    assert_eq!(q.module, 0);
    assert_eq!(again.open_attempt(0).map(|a| a.responses.len()), Some(1));
    assert_eq!(
        again.open_attempt(0).map(|a| a.questions[1].id.clone()),
        app.open_attempt(0).map(|a| a.questions[1].id.clone())
    );
}

#[test]
fn relaunch_opens_the_same_section_and_scroll() {
    let mut app = app(80, 12);
    drive(&mut app, &[Action::Open, Action::Down, Action::Down]);
    let Screen::Lesson(l) = app.screen.clone() else {
        panic!()
    };
    assert!(
        l.scroll > 0,
        "the intro section is longer than 8 rows at 80x12"
    );
    let mut again = syllabus::app::App::new(app.course.clone(), app.progress.clone(), 1);
    again.update(Action::Resize(80, 12), t0());
    assert_eq!(again.screen, Screen::Lesson(l));
}

#[test]
fn retake_missed_asks_only_the_wrong_ones_as_practice() {
    let mut app = quiz_app("pick-vision", 80, 24);
    // Answer the first wrong (choose, submit, read the feedback), the rest right.
    drive(
        &mut app,
        &[Action::Choose(2), Action::Submit, Action::Submit],
    );
    for _ in 0..5 {
        answer_right(&mut app);
    }
    assert_eq!(screen_name(&app.screen), "results");
    drive(&mut app, &[Action::RetakeMissed]);
    let a = app.open_attempt(0).cloned().unwrap_or_else(|| panic!());
    assert_eq!(a.mode, Mode::Missed);
    assert_eq!(
        a.questions
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>(),
        ["pick-vision"]
    );
    answer_right(&mut app);
    assert_eq!(screen_name(&app.screen), "results");
    let grade =
        syllabus::quiz::mastery::module_grade(app.course.modules[0].quiz.grading, app.attempts(0));
    assert!(
        (grade.unwrap_or(0.0) - 500.0 / 6.0).abs() < 1e-9,
        "the practice retake leaves the grade alone"
    );
    assert_eq!(
        syllabus::quiz::mastery::mastered(&app.course.modules[0], app.attempts(0), &[]),
        (6, 6)
    );
}

#[test]
fn retake_missed_with_nothing_missed_says_so() {
    let mut app = quiz_app("pick-vision", 80, 24);
    for _ in 0..6 {
        answer_right(&mut app);
    }
    drive(&mut app, &[Action::RetakeMissed]);
    assert_eq!(screen_name(&app.screen), "results");
    assert_eq!(
        app.status.as_deref(),
        Some("Nothing left to practise: you have answered every question right.")
    );
}

#[test]
fn full_retake_starts_a_new_graded_attempt() {
    let mut app = quiz_app("pick-vision", 80, 24);
    for _ in 0..6 {
        answer_right(&mut app);
    }
    drive(&mut app, &[Action::Retake]);
    let a = app.open_attempt(0).cloned().unwrap_or_else(|| panic!());
    assert_eq!((a.number, a.mode), (2, Mode::Full));
}

#[test]
fn review_steps_through_the_attempt() {
    let mut app = quiz_app("pick-vision", 80, 24);
    for _ in 0..6 {
        answer_right(&mut app);
    }
    drive(
        &mut app,
        &[Action::Review, Action::NextPage, Action::NextPage],
    );
    let Screen::Review(r) = &app.screen else {
        panic!()
    };
    assert_eq!(r.question, 2);
    drive(&mut app, &[Action::Back]);
    assert_eq!(screen_name(&app.screen), "results");
}

#[test]
fn quitting_saves_first_and_stops_only_when_the_save_worked() {
    let mut app = app(80, 24);
    assert_eq!(drive(&mut app, &[Action::Quit]), vec![Effect::SaveAndQuit]);
    assert!(
        app.is_running(),
        "still running until the save is confirmed"
    );
    assert_eq!(
        drive(&mut app, &[Action::Saved(Ok(()))]),
        vec![Effect::Quit]
    );
    assert!(!app.is_running());
}

#[test]
fn a_failed_save_shows_a_banner_and_keeps_progress_in_memory() {
    let mut app = quiz_app("pick-vision", 80, 24);
    drive(&mut app, &[Action::Choose(1), Action::Submit]);
    drive(
        &mut app,
        &[Action::Saved(Err(
            "could not save progress to /x/p.toml (rename): No space left on device (os error 28)"
                .into(),
        ))],
    );
    assert!(
        app.banners
            .iter()
            .any(|b| b.text.contains("No space left on device") && b.text.contains("/x/p.toml"))
    );
    assert!(app.dirty);
    assert_eq!(app.open_attempt(0).map(|a| a.responses.len()), Some(1));
    drive(&mut app, &[Action::Saved(Ok(()))]);
    assert!(
        app.banners
            .iter()
            .all(|b| !b.text.starts_with("Progress not saved")),
        "the banner goes once a save works"
    );
}

#[test]
fn quitting_after_a_failed_save_offers_retry_copy_or_discard() {
    let mut app = app(80, 24);
    drive(
        &mut app,
        &[Action::Quit, Action::Saved(Err("disk full".into()))],
    );
    assert!(app.is_running());
    let Some(Prompt::SaveFailedOnQuit { copy_path, .. }) = app.prompt.clone() else {
        panic!("{:?}", app.prompt)
    };
    assert_eq!(
        press(&mut app, &[Key::Char('w')]),
        vec![Effect::WriteCopy(copy_path.clone())]
    );
    drive(&mut app, &[Action::CopyWritten(Ok(copy_path.clone()))]);
    assert!(!app.is_running());
    assert!(
        app.exit_message
            .as_deref()
            .is_some_and(|m| m.contains(&copy_path.display().to_string()))
    );
}

#[test]
fn read_only_window_never_asks_to_save() {
    let mut app = quiz_app("pick-vision", 80, 24);
    app.read_only = Some("open in another window".into());
    assert!(drive(&mut app, &[Action::Choose(1), Action::Submit, Action::Back]).is_empty());
    assert_eq!(drive(&mut app, &[Action::Quit]), vec![Effect::Quit]);
}

#[test]
fn help_toggles_with_question_mark_and_swallows_other_keys() {
    let mut app = app(80, 24);
    press(&mut app, &[Key::Char('?'), Key::Down, Key::Char('c')]);
    assert!(app.help);
    assert_eq!(
        app.screen,
        Screen::Map(syllabus::app::MapState::default()),
        "keys behind the help do nothing"
    );
    press(&mut app, &[Key::Esc]);
    assert!(!app.help);
}

#[test]
fn q_goes_back_one_level_and_quits_from_the_map() {
    let mut app = app(80, 24);
    press(&mut app, &[Key::Enter]);
    assert_eq!(press(&mut app, &[Key::Char('q')]), vec![Effect::Save]);
    assert_eq!(screen_name(&app.screen), "map");
    assert_eq!(
        press(&mut app, &[Key::Char('q')]),
        vec![Effect::SaveAndQuit]
    );
}

#[test]
fn ctrl_c_quits_from_anywhere_even_while_typing() {
    let mut app = quiz_app("word", 80, 24);
    press(&mut app, &[Key::Char('a')]);
    assert_eq!(
        press(&mut app, &[Key::Ctrl('c')]),
        vec![Effect::SaveAndQuit]
    );
}

#[test]
fn active_time_skips_idle_stretches() {
    let mut app = app(80, 24);
    let t = t0();
    app.update(Action::Open, t);
    app.update(Action::Down, t + jiff::SignedDuration::from_secs(30));
    app.update(Action::Down, t + jiff::SignedDuration::from_secs(30 + 3600));
    app.update(
        Action::Down,
        t + jiff::SignedDuration::from_secs(30 + 3600 + 20),
    );
    assert_eq!(
        app.progress.module("basics").map(|m| m.active_seconds),
        Some(50)
    );
}

#[test]
fn continue_suggests_the_first_unread_section_then_the_quiz_then_completion() {
    let mut app = app(80, 24);
    drive(&mut app, &[Action::Continue]);
    assert_eq!(
        app.screen,
        Screen::Lesson(syllabus::app::LessonState {
            module: 0,
            page: 0,
            scroll: 0
        })
    );
    drive(
        &mut app,
        &[Action::NextPage, Action::Back, Action::Continue],
    );
    assert_eq!(
        screen_name(&app.screen),
        "quiz",
        "both sections read: the quiz is next"
    );
}

#[test]
fn damaged_progress_prompt_starts_fresh_only_when_asked() {
    let mut app = app(80, 24);
    app.prompt = Some(Prompt::Damaged {
        message: "damaged".into(),
    });
    assert!(
        press(&mut app, &[Key::Down, Key::Enter]).is_empty(),
        "other keys do nothing"
    );
    assert_eq!(
        press(&mut app, &[Key::Char('s')]),
        vec![Effect::StartFresh, Effect::Save]
    );
    assert!(app.prompt.is_none());
}

#[test]
fn resize_below_the_minimum_is_reported_and_recovers() {
    let mut app = app(80, 24);
    drive(&mut app, &[Action::Resize(30, 8)]);
    assert!(app.too_small());
    drive(&mut app, &[Action::Resize(80, 24)]);
    assert!(!app.too_small());
}
