//! The completion page: the course's grades, and the name the certificate prints, which
//! the learner types here (`n`) and the progress file remembers (in its spare top-level
//! fields, which format 2 keeps: `certificate_name`).

use super::action::{Effect, Key};
use super::keymap::{Binding, Catch, b};
use super::{Action, App, Scroll};

use Key::*;

pub use crate::standing::NAME_KEY;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompletionState {
    pub scroll: Scroll,
    /// The name being typed, while it is.
    pub editing: Option<String>,
}

/// The completion page's keys: reading it, or typing the name (which takes every printable
/// key, so the footer is this table's alone then).
#[inline(never)] // off the start path (docs/performance.md, "Fifth pass")
pub fn table(app: &App) -> Vec<Binding> {
    if app.completion.editing.is_some() {
        return vec![
            b(&[], Action::Type(' '), "letters", "type the name").catch(Catch::Typing),
            b(&[Backspace], Action::Backspace, "Backspace", "erase"),
            b(&[Enter], Action::Submit, "Enter", "save the name").foot("Enter", "save the name"),
            b(&[Esc], Action::Back, "Esc", "cancel").foot("Esc", "cancel"),
        ];
    }
    let sc = &app.completion.scroll;
    let scrolls = super::bindings::scrolls(sc);
    vec![
        b(
            &[Char('n')],
            Action::Type('n'),
            "n",
            "type the name to print on your certificate",
        )
        .foot("n", "name"),
        b(
            &[Down, Char('j')],
            Action::Down,
            "↓ ↑  j k  PgDn PgUp",
            "scroll",
        )
        .foot("↓↑", "scroll")
        .when(scrolls),
        b(&[Up, Char('k')], Action::Up, "", "").when(scrolls),
        b(&[PageDown, Char(' ')], Action::PageDown, "", "").when(scrolls),
        b(&[PageUp], Action::PageUp, "", "").when(scrolls),
        b(
            &[Enter, Char('q'), Esc],
            Action::Back,
            "Enter  q  Esc",
            "back to the map",
        )
        .foot("Enter", "map"),
    ]
}

impl App {
    /// The name remembered for the certificate, if any.
    pub fn certificate_name(&self) -> Option<&str> {
        crate::standing::certificate_name(&self.progress)
    }

    pub(super) fn on_completion(&mut self, action: Action) -> Vec<Effect> {
        let remembered = self.certificate_name().unwrap_or_default().to_string();
        let height = self.height;
        let c = &mut self.completion;
        if let Some(name) = &mut c.editing {
            match action {
                Action::Type(ch) if !ch.is_control() && name.chars().count() < 80 => name.push(ch),
                Action::Backspace => {
                    name.pop();
                }
                Action::Submit => {
                    let name = name.trim().to_string();
                    c.editing = None;
                    if name.is_empty() {
                        self.progress.extra.remove(NAME_KEY);
                    } else {
                        self.progress.extra.insert(NAME_KEY.into(), name.into());
                    }
                    self.dirty = true;
                    self.status = Some("Saved: the certificate prints this name.".into());
                    return self.save();
                }
                Action::Back => c.editing = None,
                _ => {}
            }
            return Vec::new();
        }
        match action {
            Action::Type('n') => {
                c.editing = Some(remembered);
            }
            Action::Down => c.scroll.by(1),
            Action::Up => c.scroll.by(-1),
            Action::PageDown => c.scroll.page(1, height.saturating_sub(7).max(1)),
            Action::PageUp => c.scroll.page(-1, height.saturating_sub(7).max(1)),
            Action::Scroll(d) => c.scroll.by(i32::from(d)),
            Action::Top => c.scroll.top(),
            Action::Back | Action::Open => {
                self.completion = CompletionState::default();
                return self.go_map(None);
            }
            _ => {}
        }
        Vec::new()
    }
}
