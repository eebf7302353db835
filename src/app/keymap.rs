//! Which key asks for what, screen by screen, as data: each screen has one table of
//! `Binding`s (keys, action, help text, footer label, whether it applies now), and the key
//! handling, the help overlay and the footer are all read from it, so they cannot
//! disagree. The quiz's and the spaced review's tables, per question kind and state, are
//! in `quiz_keys` and `spaced_keys`.

use super::action::{Action, Key};
use super::{App, Screen};

/// One line of help: the keys and what they do.
pub type HelpRow = (&'static str, &'static str);

/// Keys a binding takes beyond its listed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catch {
    /// Every printable key types itself (`Action::Type`): a short answer, a name.
    Typing,
    /// Every key (a confirmation: any other key goes back).
    AnyKey,
}

/// One key binding of a screen.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// The keys it takes beyond `keys`, if any.
    pub catch: Option<Catch>,
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
        catch: None,
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

    /// Take more keys than the listed ones (see `Catch`).
    pub(super) fn catch(mut self, catch: Catch) -> Binding {
        self.catch = Some(catch);
        self
    }

    /// What `key` asks for through this binding, if it applies now and takes the key.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        if !self.applies {
            return None;
        }
        if self.keys.contains(&key) {
            return Some(self.action.clone());
        }
        match (self.catch, key) {
            (Some(Catch::Typing), Key::Char(c)) => Some(Action::Type(c)),
            (Some(Catch::AnyKey), _) => Some(self.action.clone()),
            _ => None,
        }
    }
}

pub use super::bindings::bindings;

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
            // A help taller than the window scrolls (its last line says so).
            Key::Down | Key::Char('j') => Some(Action::Down),
            Key::Up | Key::Char('k') => Some(Action::Up),
            Key::PageDown | Key::Char(' ') => Some(Action::PageDown),
            Key::PageUp => Some(Action::PageUp),
            Key::Home | Key::Char('g') => Some(Action::Top),
            _ => None,
        };
    }
    // The first binding that takes the key: typed letters (a short answer, a name) and a
    // confirmation's "any key" come before the shared `?`, `x` and `!`.
    bindings(app).iter().find_map(|b| b.action_for(key))
}

/// The keys of the current screen, for the help overlay: every binding that applies now.
pub fn help(app: &App) -> Vec<HelpRow> {
    bindings(app)
        .iter()
        .filter(|b| b.applies && !b.label.is_empty())
        .map(|b| (b.label, b.help))
        .collect()
}

/// The keys that matter on the current screen, for the footer.
pub fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    if app.prompt.is_some() {
        return Vec::new();
    }
    // The quiz and the review place `?` in their own footers; where letters are typed, the
    // shared keys type too. There the footer is the screen's table alone.
    let table = super::bindings::table(app);
    let typing = table
        .iter()
        .any(|b| b.applies && b.catch == Some(Catch::Typing));
    let own = typing || matches!(app.screen, Screen::Quiz(_) | Screen::Spaced(_));
    let rows = if own { table } else { bindings(app) };
    rows.iter()
        .filter(|b| b.applies)
        .filter_map(|b| b.footer)
        .collect()
}
