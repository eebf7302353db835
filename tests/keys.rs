//! The help, the footer and the key handling come from one table per screen: on every
//! screen and question kind, every key that does something is named in the help, and every
//! key the help names does something. Keys that do not apply now (x with no message, h
//! with no attempts) are neither handled nor shown.

mod common;

use common::key_states::{finished_app, spaced_states, states};
use common::*;
use syllabus::app::keymap::{action_for, footer, help};
use syllabus::app::{Action, App, BannerKind, Key, Screen};

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
