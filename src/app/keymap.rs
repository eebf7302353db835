//! Which key asks for what, screen by screen, as data: each screen has one table of
//! `Binding`s (keys, action, help text, footer label, whether it applies now), and the key
//! handling, the help overlay and the footer are all read from it, so they cannot
//! disagree. The quiz screen's tables, per question kind and state, are in `quiz_keys`.

use super::action::{Action, Key};
use super::quiz_keys;
use super::{App, Screen};
use crate::quiz::Draft;

/// One line of help: the keys and what they do.
pub type HelpRow = (&'static str, &'static str);

/// One key binding of a screen.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    /// The keys as the help shows them ("↑ ↓  j k").
    pub label: &'static str,
    /// What the key does, for the help.
    pub help: &'static str,
    /// The footer's short label, with the key as the footer shows it, if it is there.
    pub footer: Option<(&'static str, &'static str)>,
    /// Whether it applies now (a key that does not is neither handled nor shown).
    pub applies: bool,
}

pub(super) fn b(keys: &[Key], action: Action, label: &'static str, help: &'static str) -> Binding {
    Binding {
        keys: keys.to_vec(),
        action,
        label,
        help,
        footer: None,
        applies: true,
    }
}

impl Binding {
    pub(super) fn foot(mut self, key: &'static str, what: &'static str) -> Binding {
        self.footer = Some((key, what));
        self
    }

    pub(super) fn when(mut self, applies: bool) -> Binding {
        self.applies = applies;
        self
    }
}

pub use super::bindings::bindings;
use super::bindings::common;

/// Map a key to an action on the current screen.
pub fn action_for(app: &App, key: Key) -> Option<Action> {
    if key == Key::Ctrl('c') {
        return Some(Action::Quit);
    }
    if app.prompt.is_some() {
        return match key {
            Key::Char(c) => Some(Action::PromptKey(c.to_ascii_lowercase())),
            Key::Esc => Some(Action::PromptKey('\u{1b}')),
            Key::Enter => Some(Action::PromptKey('\n')),
            _ => None,
        };
    }
    if app.banners_open {
        return Some(Action::ToggleBanners);
    }
    if app.help {
        return match key {
            Key::Char('?') | Key::Char('q') | Key::Esc | Key::Enter => Some(Action::ToggleHelp),
            _ => None,
        };
    }
    if let Screen::Quiz(q) = &app.screen {
        // Typing a short answer takes every printable key.
        let typing = matches!(q.draft, Draft::Short { .. })
            && q.reveal.is_none()
            && app
                .open_attempt(q.module)
                .is_some_and(|a| q.question < a.questions.len());
        return match key {
            Key::Char('?') if !typing && !q.confirm => Some(Action::ToggleHelp),
            Key::Char('x') if !typing && !q.confirm && !app.banners.is_empty() => {
                Some(Action::Dismiss)
            }
            Key::Char('!') if !typing && !q.confirm && super::banners::banners_cut(app) => {
                Some(Action::ToggleBanners)
            }
            _ => quiz_keys::action_for(app, q, key),
        };
    }
    if let Screen::Spaced(s) = &app.screen {
        return super::spaced_keys::action_for(s, key);
    }
    if matches!(app.screen, Screen::Completion) && app.completion.editing.is_some() {
        return match key {
            Key::Char(c) => Some(Action::Type(c)),
            Key::Backspace => Some(Action::Backspace),
            Key::Enter => Some(Action::Submit),
            Key::Esc => Some(Action::Back),
            _ => None,
        };
    }
    bindings(app)
        .into_iter()
        .find(|b| b.applies && b.keys.contains(&key))
        .map(|b| b.action)
}

/// The keys of the current screen, for the help overlay: every binding that applies now.
pub fn help(app: &App) -> Vec<HelpRow> {
    if let Screen::Spaced(s) = &app.screen {
        return super::spaced_keys::help(s);
    }
    if let Screen::Quiz(q) = &app.screen {
        let mut rows = quiz_keys::help(app, q);
        rows.extend(common_help(app));
        return rows;
    }
    bindings(app)
        .iter()
        .filter(|b| b.applies && !b.label.is_empty())
        .map(|b| (b.label, b.help))
        .collect()
}

fn common_help(app: &App) -> Vec<HelpRow> {
    common(app)
        .iter()
        .filter(|b| b.applies)
        .map(|b| (b.label, b.help))
        .collect()
}

/// The keys that matter on the current screen, for the footer.
pub fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    if app.prompt.is_some() {
        return Vec::new();
    }
    if let Screen::Quiz(q) = &app.screen {
        return quiz_keys::footer(app, q);
    }
    if let Screen::Spaced(s) = &app.screen {
        return super::spaced_keys::footer(s);
    }
    if matches!(app.screen, Screen::Completion) && app.completion.editing.is_some() {
        return vec![("Enter", "save the name"), ("Esc", "cancel")];
    }
    bindings(app)
        .iter()
        .filter(|b| b.applies)
        .filter_map(|b| b.footer)
        .collect()
}
