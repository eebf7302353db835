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

fn b(keys: &[Key], action: Action, label: &'static str, help: &'static str) -> Binding {
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
    fn foot(mut self, key: &'static str, what: &'static str) -> Binding {
        self.footer = Some((key, what));
        self
    }

    fn when(mut self, applies: bool) -> Binding {
        self.applies = applies;
        self
    }
}

use Key::*;

/// The keys of the current screen (not the quiz, not a prompt, not the help overlay), with
/// the keys every screen shares last.
pub fn bindings(app: &App) -> Vec<Binding> {
    let mut v = match &app.screen {
        Screen::Map(s) => {
            let has_attempts = !app.attempts(s.selected).is_empty();
            vec![
                b(
                    &[Up, Char('k'), BackTab],
                    Action::Up,
                    "↑ ↓  j k  Tab Shift-Tab",
                    "choose a module",
                ),
                b(&[Down, Char('j'), Tab], Action::Down, "", ""),
                b(
                    &[PageUp],
                    Action::PageUp,
                    "PgUp PgDn",
                    "a page of modules up / down",
                ),
                b(&[PageDown], Action::PageDown, "", ""),
                b(
                    &[Home, Char('g')],
                    Action::Top,
                    "g G  Home End",
                    "first / last module",
                ),
                b(&[End, Char('G')], Action::Bottom, "", ""),
                b(
                    &[Enter, Right, Char('l')],
                    Action::Open,
                    "Enter → l",
                    "open the module (where you left it)",
                )
                .foot("Enter", "open"),
                b(
                    &[Char('c')],
                    Action::Continue,
                    "c",
                    "continue: the suggested next step",
                )
                .foot("c", app.continue_label()),
                b(
                    &[Char('h')],
                    Action::History,
                    "h",
                    "every attempt of this module, to review",
                )
                .foot("h", "history")
                .when(has_attempts),
                b(
                    &[Char(' ')],
                    Action::DetailScroll(5),
                    "Space b",
                    "scroll the module's details",
                )
                .when(detail_scrolls(s)),
                b(&[Char('b')], Action::DetailScroll(-5), "", "").when(detail_scrolls(s)),
                b(
                    &[Char('q'), Esc],
                    Action::Back,
                    "q  Esc",
                    "quit (progress is saved)",
                )
                .foot("q", "quit"),
            ]
        }
        Screen::Lesson(_) => vec![
            b(
                &[Down, Char('j')],
                Action::Down,
                "↓ ↑  j k",
                "scroll a line",
            )
            .foot("↓↑", "scroll"),
            b(&[Up, Char('k')], Action::Up, "", ""),
            b(
                &[PageDown, Char(' ')],
                Action::PageDown,
                "Space PgDn  b PgUp",
                "scroll a page",
            ),
            b(&[PageUp, Char('b')], Action::PageUp, "", ""),
            b(
                &[Home, Char('g')],
                Action::Top,
                "g G  Home End",
                "top / bottom",
            ),
            b(&[End, Char('G')], Action::Bottom, "", ""),
            b(
                &[Right, Char('n'), Char('l')],
                Action::NextPage,
                "→ n l  ← p h",
                "next / previous section",
            )
            .foot("→←", "section"),
            b(&[Left, Char('p'), Char('h')], Action::PrevPage, "", ""),
            b(
                &[Enter],
                Action::Open,
                "Enter",
                "next section; on the last page, start the quiz",
            ),
            b(&[Char('s')], Action::StartQuiz, "s", "start the quiz now").foot("s", "quiz"),
            b(&[Char('q'), Esc], Action::Back, "q  Esc", "back to the map").foot("q", "map"),
        ],
        Screen::Quiz(_) => Vec::new(),
        Screen::Results(r) => vec![
            b(
                &[Up, Char('k')],
                Action::Up,
                "↑ ↓  j k  Enter",
                "choose and run an action",
            ),
            b(&[Down, Char('j')], Action::Down, "", ""),
            b(&[Enter], Action::Open, "", ""),
            b(
                &[PageDown, Char(' ')],
                Action::PageDown,
                "Space PgDn  PgUp",
                "scroll the results",
            )
            .foot("PgDn", "scroll")
            .when(scrolls(&r.scroll)),
            b(&[PageUp], Action::PageUp, "", "").when(scrolls(&r.scroll)),
            b(
                &[Home, Char('g')],
                Action::Top,
                "g G  Home End",
                "top / bottom of the results",
            )
            .when(scrolls(&r.scroll)),
            b(&[End, Char('G')], Action::Bottom, "", "").when(scrolls(&r.scroll)),
            b(
                &[Char('r')],
                Action::Review,
                "r",
                "review this attempt question by question",
            )
            .foot("r", "review"),
            b(
                &[Char('h')],
                Action::History,
                "h",
                "every attempt of this module",
            )
            .foot("h", "history"),
            b(
                &[Char('t')],
                Action::Retake,
                "t",
                "retake the quiz (a new mix of questions)",
            )
            .foot("t", "retake"),
            b(
                &[Char('m')],
                Action::RetakeMissed,
                "m",
                "practise what is left: missed or unseen questions (not graded)",
            )
            .foot("m", "practise"),
            b(&[Char('q'), Esc], Action::Back, "q  Esc", "back to the map").foot("q", "map"),
        ],
        Screen::Review(r) => vec![
            b(
                &[Right, Char('n'), Char('l'), Enter],
                Action::NextPage,
                "→ n l  ← p h  Enter",
                "next / previous question (Enter after the last goes back)",
            )
            .foot("→←", "question"),
            b(&[Left, Char('p'), Char('h')], Action::PrevPage, "", ""),
            b(
                &[Down, Char('j'), Char(' ')],
                Action::Down,
                "↓ ↑  j k  Space",
                "scroll",
            )
            .foot("↓↑", "scroll"),
            b(&[Up, Char('k')], Action::Up, "", ""),
            b(
                &[PageDown],
                Action::PageDown,
                "PgDn PgUp  g Home",
                "scroll a page / to the top",
            ),
            b(&[PageUp], Action::PageUp, "", ""),
            b(&[Home, Char('g')], Action::Top, "", ""),
            if r.history.is_some() {
                b(
                    &[Char('q'), Esc],
                    Action::Back,
                    "q  Esc",
                    "back to the attempt history",
                )
                .foot("q", "history")
            } else {
                b(
                    &[Char('q'), Esc],
                    Action::Back,
                    "q  Esc",
                    "back to the results",
                )
                .foot("q", "results")
            },
        ],
        Screen::History(_) => vec![
            b(
                &[Up, Char('k')],
                Action::Up,
                "↑ ↓  j k",
                "choose an attempt",
            )
            .foot("↑↓", "choose"),
            b(&[Down, Char('j')], Action::Down, "", ""),
            b(
                &[PageUp],
                Action::PageUp,
                "PgUp PgDn  g G  Home End",
                "a page up / down, first / last",
            ),
            b(&[PageDown], Action::PageDown, "", ""),
            b(&[Home, Char('g')], Action::Top, "", ""),
            b(&[End, Char('G')], Action::Bottom, "", ""),
            b(
                &[Enter],
                Action::Open,
                "Enter",
                "review the attempt question by question",
            )
            .foot("Enter", "review"),
            b(&[Char('q'), Esc], Action::Back, "q  Esc", "back").foot("q", "back"),
        ],
        Screen::Completion => {
            let sc = &app.completion.scroll;
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
                .when(scrolls(sc)),
                b(&[Up, Char('k')], Action::Up, "", "").when(scrolls(sc)),
                b(&[PageDown, Char(' ')], Action::PageDown, "", "").when(scrolls(sc)),
                b(&[PageUp], Action::PageUp, "", "").when(scrolls(sc)),
                b(
                    &[Enter, Char('q'), Esc],
                    Action::Back,
                    "Enter  q  Esc",
                    "back to the map",
                )
                .foot("Enter", "map"),
            ]
        }
    };
    v.extend(common(app));
    v
}

/// The keys every screen shares.
fn common(app: &App) -> Vec<Binding> {
    vec![
        b(
            &[Char('?')],
            Action::ToggleHelp,
            "?",
            "show or hide this help",
        )
        .foot("?", "help"),
        b(
            &[Char('x')],
            Action::Dismiss,
            "x",
            "hide the message at the top",
        )
        .when(!app.banners.is_empty()),
        b(
            &[Char('!')],
            Action::ToggleBanners,
            "!",
            "show the messages at the top whole",
        )
        .when(super::banners_cut(app)),
        b(
            &[Ctrl('c')],
            Action::Quit,
            "Ctrl-C",
            "quit from anywhere (progress is saved)",
        ),
    ]
}

fn detail_scrolls(s: &super::MapState) -> bool {
    scrolls(&s.detail)
}

/// Whether a text drawn with this scroll is taller than its area (as last drawn).
fn scrolls(s: &super::Scroll) -> bool {
    s.offset() > 0 || s.more_below()
}

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
            Key::Char('!') if !typing && !q.confirm && super::banners_cut(app) => {
                Some(Action::ToggleBanners)
            }
            _ => quiz_keys::action_for(app, q, key),
        };
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
    if matches!(app.screen, Screen::Completion) && app.completion.editing.is_some() {
        return vec![("Enter", "save the name"), ("Esc", "cancel")];
    }
    bindings(app)
        .iter()
        .filter(|b| b.applies)
        .filter_map(|b| b.footer)
        .collect()
}
