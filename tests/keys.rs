//! The help, the footer and the key handling come from one table per screen: on every
//! screen and question kind, every key that does something is named in the help, and every
//! key the help names does something. Keys that do not apply now (x with no message, h
//! with no attempts) are neither handled nor shown.

mod common;

use common::*;
use syllabus::app::keymap::{action_for, footer, help};
use syllabus::app::{Action, App, BannerKind, Key, ResultsState, Screen};
use syllabus::course::Feedback;

/// How the help writes a key.
fn name(k: Key) -> String {
    match k {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Enter => "Enter".into(),
        Key::Esc => "Esc".into(),
        Key::Up => "↑".into(),
        Key::Down => "↓".into(),
        Key::Left => "←".into(),
        Key::Right => "→".into(),
        Key::PageUp => "PgUp".into(),
        Key::PageDown => "PgDn".into(),
        Key::Home => "Home".into(),
        Key::End => "End".into(),
        Key::Tab => "Tab".into(),
        Key::BackTab => "Shift-Tab".into(),
        Key::Backspace => "Backspace".into(),
        Key::Delete => "Delete".into(),
    }
}

const KEYS: [Key; 16] = [
    Key::Enter,
    Key::Esc,
    Key::Up,
    Key::Down,
    Key::Left,
    Key::Right,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Tab,
    Key::BackTab,
    Key::Backspace,
    Key::Delete,
    Key::Ctrl('c'),
    Key::Char(' '),
];

fn all_keys() -> Vec<Key> {
    let mut v = KEYS.to_vec();
    v.extend(('!'..='~').map(Key::Char));
    v
}

/// The key names of the help's rows, as tokens ("1-9" stands for each digit).
fn help_tokens(app: &App) -> Vec<String> {
    let mut v = Vec::new();
    for (keys, _) in help(app) {
        for t in keys.split_whitespace() {
            if t == "1-9" {
                v.extend(('1'..='9').map(|c| c.to_string()));
            } else {
                v.push(t.to_string());
            }
        }
    }
    v
}

fn check(what: &str, app: &App) {
    let tokens = help_tokens(app);
    // Typing takes every letter: the help says "letters" for them.
    let types = tokens.iter().any(|t| t == "letters");
    for key in all_keys() {
        let bound = action_for(app, key);
        let Some(action) = bound else { continue };
        if types && matches!(action, Action::Type(_)) {
            continue;
        }
        // On a confirmation every key answers (the help says "other keys").
        if tokens.iter().any(|t| t == "other") {
            break;
        }
        assert!(
            tokens.contains(&name(key)),
            "{what}: {} does {action:?} but the help does not name it: {:?}",
            name(key),
            help(app)
        );
    }
    for t in &tokens {
        if ["letters", "other", "keys", "mouse", "wheel", "/"].contains(&t.as_str()) {
            continue;
        }
        let key = all_keys().into_iter().find(|k| &name(*k) == t);
        let Some(key) = key else {
            panic!("{what}: the help names {t}, which is no key");
        };
        assert!(
            action_for(app, key).is_some(),
            "{what}: the help names {t} but it does nothing: {:?}",
            help(app)
        );
    }
    // Every footer key is handled too.
    for (k, _) in footer(app) {
        for t in k.split_whitespace() {
            let first = t.chars().next().map(|c| c.to_string()).unwrap_or_default();
            let key = all_keys()
                .into_iter()
                .find(|key| name(*key) == t || name(*key) == first);
            if let Some(key) = key {
                assert!(
                    action_for(app, key).is_some(),
                    "{what}: the footer shows {t} but it does nothing"
                );
            }
        }
    }
}

/// The mini course with one finished attempt of its first module.
fn finished_app() -> App {
    let course = mini_course();
    let module = course.modules[0].clone();
    let mut progress = syllabus::progress::Progress::new(&course.id);
    let mut a =
        syllabus::quiz::Attempt::draw(&module, syllabus::quiz::Mode::Full, 1, 1, t0(), None);
    for asked in a.questions.clone() {
        if let Some(q) = module.question(&asked.id) {
            let answer = match &q.kind {
                syllabus::course::QuestionKind::Short { .. } => {
                    syllabus::quiz::Answer::Short("x".into())
                }
                syllabus::course::QuestionKind::TrueFalse { .. } => {
                    syllabus::quiz::Answer::TrueFalse(true)
                }
                _ => continue,
            };
            a.answer(q, answer, t0());
        }
    }
    a.finished = Some(t0());
    progress.module_mut(&module.id).attempts.push(a);
    let mut app = App::new(course, progress, 1);
    app.update(Action::Resize(80, 24), t0());
    app
}

fn states() -> Vec<(String, App)> {
    let mut v: Vec<(String, App)> = Vec::new();
    let fresh = app(80, 24);
    v.push(("map".into(), fresh.clone()));
    let mut lesson = fresh.clone();
    drive(&mut lesson, &[Action::Open]);
    v.push(("lesson".into(), lesson));
    for id in [
        "pick-vision",
        "all-plans",
        "title-needed",
        "sort",
        "steps",
        "word",
    ] {
        let q = quiz_app(id, 80, 24);
        v.push((format!("quiz {id}"), q.clone()));
        let mut chosen = q.clone();
        drive(&mut chosen, &[Action::Choose(1), Action::Submit]);
        v.push((format!("quiz {id} after Enter"), chosen));
    }
    v.extend(quiz_states());
    let mut results = finished_app();
    results.screen = Screen::Results(ResultsState::new(0, 0));
    v.push(("results".into(), results.clone()));
    let mut review = results.clone();
    drive(&mut review, &[Action::Review]);
    v.push(("review".into(), review));
    let mut history = results.clone();
    drive(&mut history, &[Action::History]);
    v.push(("history".into(), history.clone()));
    drive(&mut history, &[Action::Open]);
    v.push(("review from history".into(), history));
    let mut map = results.clone();
    drive(&mut map, &[Action::Back]);
    v.push(("map with attempts".into(), map));
    let mut done = results.clone();
    done.screen = Screen::Completion;
    v.push(("completion".into(), done.clone()));
    drive(&mut done, &[Action::Type('n')]);
    assert!(done.completion.editing.is_some(), "n starts the name");
    v.push(("completion editing the name".into(), done.clone()));
    drive(&mut done, &[Action::Type('A'), Action::Type('q')]);
    v.push(("completion with a name typed".into(), done));
    v.extend(spaced_states());
    // Every state reached the screen it is named after.
    for (what, app) in &v {
        let shown = shows(app);
        let screen = what.split(' ').next().unwrap_or_default();
        assert!(
            shown.starts_with(screen) || (what.contains("from history") && shown == "review"),
            "{what}: shows {shown}"
        );
    }
    let mut withbanner = Vec::new();
    for (n, a) in &v {
        let mut a = a.clone();
        a.banner(BannerKind::Info, "A message.");
        withbanner.push((format!("{n} with a message"), a));
    }
    v.extend(withbanner);
    v
}

/// The first module's every question answered a week before t0, so that all are due.
fn due_app() -> App {
    use syllabus::course::QuestionKind as K;
    use syllabus::quiz::Answer;
    let course = mini_course();
    let module = course.modules[0].clone();
    let week = t0() - jiff::SignedDuration::from_hours(24 * 7);
    let mut progress = syllabus::progress::Progress::new(&course.id);
    let mut a =
        syllabus::quiz::Attempt::draw(&module, syllabus::quiz::Mode::Full, 1, 1, week, None);
    for asked in a.questions.clone() {
        let Some(q) = module.question(&asked.id) else {
            continue;
        };
        let n = q.kind.option_count();
        let answer = match &q.kind {
            K::Single { .. } => Answer::Single(0),
            K::Multiple { .. } => Answer::Multiple(vec![0]),
            K::TrueFalse { .. } => Answer::TrueFalse(true),
            K::Match { .. } => Answer::Match(vec![Some(0); n]),
            K::Order { .. } => Answer::Order((0..n).rev().collect()),
            K::Short { .. } => Answer::Short("x".into()),
        };
        a.answer(q, answer, week);
    }
    a.finished = Some(week);
    progress.module_mut(&module.id).attempts.push(a);
    let mut app = App::new(course, progress, 7);
    app.update(Action::Resize(80, 24), t0());
    app
}

/// The spaced review in every state its key tables have, reached as the learner does:
/// answering a card of each kind, and the feedback after a right and after a wrong answer.
fn spaced_states() -> Vec<(String, App)> {
    let mut v = Vec::new();
    let mut app = due_app();
    drive(&mut app, &[Action::StartReview]);
    let mut seen = Vec::new();
    let (mut right, mut wrong) = (false, false);
    while shows(&app).starts_with("spaced") {
        let kind = shows(&app)["spaced ".len()..].to_string();
        if !seen.contains(&kind) {
            v.push((format!("spaced {kind}"), app.clone()));
            seen.push(kind);
        }
        let entry = entry(&app);
        drive(&mut app, &entry);
        drive(&mut app, &[Action::Submit]);
        let shown = shows(&app);
        assert!(shown.contains("revealed"), "{shown}");
        if shown.ends_with("revealed right") && !right {
            v.push((format!("spaced feedback, right: {shown}"), app.clone()));
            right = true;
        }
        if shown.ends_with("revealed wrong") && !wrong {
            v.push((format!("spaced feedback, wrong: {shown}"), app.clone()));
            wrong = true;
        }
        drive(&mut app, &[Action::Submit]);
    }
    for (_, kind) in KINDS {
        assert!(seen.iter().any(|k| k == kind), "no {kind} card: {seen:?}");
    }
    assert!(right && wrong, "feedback right {right}, wrong {wrong}");
    v
}

/// The question kinds of the mini course's first module, by a question of each.
const KINDS: [(&str, &str); 6] = [
    ("pick-vision", "single"),
    ("all-plans", "multiple"),
    ("title-needed", "true_false"),
    ("sort", "match"),
    ("steps", "order"),
    ("word", "short"),
];

/// Something to enter on the question shown, whatever its kind.
fn entry(app: &App) -> Vec<Action> {
    let shown = shows(app);
    let shown = shown.split_once(' ').map_or("", |(_, kind)| kind);
    if shown.starts_with("short") {
        vec![Action::Type('h'), Action::Type('o'), Action::Type('w')]
    } else if shown.starts_with("multiple") || shown.starts_with("order") {
        vec![Action::Toggle]
    } else if shown.starts_with("match") {
        vec![Action::Choose(1); 3]
    } else {
        vec![Action::Choose(1)]
    }
}

/// The quiz in every state its key tables have: each kind answering on the first question
/// and on a later one, with immediate and with deferred feedback; feedback shown on the
/// first question and back on an earlier one; the summary page and its confirmation.
fn quiz_states() -> Vec<(String, App)> {
    let mut v = Vec::new();
    for feedback in [Feedback::Immediate, Feedback::Deferred] {
        let mut course = mini_course();
        course.modules[0].quiz.feedback = feedback;
        let quiz = |first: &str| quiz_app_on(course.clone(), 0, first, 80, 24);
        for (id, kind) in KINDS {
            let name = format!("quiz {kind} ({feedback:?})");
            let first = quiz(id);
            assert_eq!(shows(&first), format!("quiz {kind}"), "{name}");
            v.push((format!("{name}, first question"), first.clone()));
            // The same kind later in the attempt, reached as the learner does.
            let mut later = quiz(if id == "word" { "pick-vision" } else { "word" });
            for _ in 0..KINDS.len() {
                if shows(&later) == format!("quiz {kind}") {
                    break;
                }
                let entry = entry(&later);
                drive(&mut later, &entry);
                match feedback {
                    Feedback::Immediate => drive(&mut later, &[Action::Submit, Action::Submit]),
                    Feedback::Deferred => drive(&mut later, &[Action::NextPage]),
                };
            }
            assert_eq!(shows(&later), format!("quiz {kind}"), "{name}, later");
            v.push((format!("{name}, later question"), later.clone()));
            if feedback == Feedback::Immediate {
                let mut revealed = first.clone();
                let entry = entry(&revealed);
                drive(&mut revealed, &entry);
                drive(&mut revealed, &[Action::Submit]);
                assert!(shows(&revealed).contains("revealed"), "{name}");
                v.push((format!("{name}, feedback on the first question"), revealed));
                let mut back = later.clone();
                drive(&mut back, &[Action::PrevPage]);
                assert!(shows(&back).contains("revealed"), "{name}, back");
                v.push((format!("{name}, back on earlier feedback"), back));
            }
        }
        if feedback == Feedback::Deferred {
            let mut summary = quiz("pick-vision");
            for _ in 0..KINDS.len() {
                drive(&mut summary, &[Action::NextPage]);
            }
            assert_shows(&summary, "quiz summary", "summary");
            v.push(("quiz summary".into(), summary.clone()));
            drive(&mut summary, &[Action::Bottom, Action::Open]);
            assert_shows(&summary, "quiz summary confirm", "confirm");
            v.push(("quiz summary confirm".into(), summary));
        }
    }
    v
}

#[test]
fn every_bound_key_is_in_the_help_and_every_help_key_is_bound() {
    let states = states();
    assert!(
        states.iter().any(|(n, _)| n == "history"),
        "the results were reached"
    );
    for (what, app) in &states {
        check(what, app);
    }
}

#[test]
fn x_is_offered_only_with_a_message_and_h_only_with_attempts() {
    let fresh = app(80, 24);
    assert!(!help(&fresh).iter().any(|(k, _)| *k == "x"));
    assert_eq!(action_for(&fresh, Key::Char('x')), None);
    assert_eq!(action_for(&fresh, Key::Char('h')), None);
    let mut with = fresh.clone();
    with.banner(BannerKind::Info, "Hello.");
    assert!(help(&with).iter().any(|(k, _)| *k == "x"));
    assert_eq!(action_for(&with, Key::Char('x')), Some(Action::Dismiss));
}

#[test]
fn every_quiz_kind_leaves_with_the_same_key_and_label() {
    for id in ["pick-vision", "all-plans", "title-needed", "sort", "steps"] {
        let q = quiz_app(id, 80, 24);
        assert!(
            footer(&q).contains(&("q", "leave")),
            "{id}: {:?}",
            footer(&q)
        );
        assert_eq!(action_for(&q, Key::Char('q')), Some(Action::Back), "{id}");
        assert_eq!(action_for(&q, Key::Esc), Some(Action::Back), "{id}");
    }
    // Typing takes q, so a short answer leaves with Esc, and says so.
    let short = quiz_app("word", 80, 24);
    assert!(
        footer(&short).contains(&("Esc", "leave")),
        "{:?}",
        footer(&short)
    );
}

#[test]
fn the_review_pauses_with_q_or_esc_and_a_typed_answer_with_esc_only() {
    for (what, app) in spaced_states() {
        let foot = footer(&app);
        assert_eq!(action_for(&app, Key::Esc), Some(Action::Back), "{what}");
        if what == "spaced short" {
            assert_eq!(action_for(&app, Key::Char('q')), Some(Action::Type('q')));
            assert_eq!(action_for(&app, Key::Char('?')), Some(Action::Type('?')));
            assert!(foot.contains(&("Esc", "pause")), "{what}: {foot:?}");
        } else {
            assert_eq!(
                action_for(&app, Key::Char('q')),
                Some(Action::Back),
                "{what}"
            );
            assert!(foot.contains(&("q", "pause")), "{what}: {foot:?}");
        }
        // l opens the lesson after a wrong answer only.
        let lesson = action_for(&app, Key::Char('l'));
        if what.contains("revealed wrong") {
            assert_eq!(lesson, Some(Action::OpenLesson), "{what}");
            assert!(foot.contains(&("l", "lesson")), "{what}: {foot:?}");
        } else if what.contains("revealed right") {
            assert_eq!(lesson, None, "{what}");
        }
    }
}

#[test]
fn the_completion_page_types_every_letter_while_the_name_is_edited() {
    let mut done = finished_app();
    done.screen = Screen::Completion;
    drive(&mut done, &[Action::Type('n')]);
    for c in ['q', 'x', '?', '!', 'n'] {
        assert_eq!(action_for(&done, Key::Char(c)), Some(Action::Type(c)));
    }
    assert_eq!(action_for(&done, Key::Enter), Some(Action::Submit));
    assert_eq!(action_for(&done, Key::Esc), Some(Action::Back));
    assert_eq!(action_for(&done, Key::Tab), None);
    assert_eq!(
        footer(&done),
        vec![("Enter", "save the name"), ("Esc", "cancel")]
    );
}
