//! Each screen's key table (the quiz's and the spaced review's, per state, in `quiz_keys`
//! and `spaced_keys`; the completion page's in `completion`): what `keymap` derives the key
//! handling, the help and the footer from.

use super::action::{Action, Key};
use super::keymap::{Binding, b};
use super::{App, Screen};

use Key::*;

/// The keys of the current screen (not a prompt, not the help overlay), with the keys every
/// screen shares last.
pub fn bindings(app: &App) -> Vec<Binding> {
    let mut v = table(app);
    v.extend(common(app));
    v
}

/// The current screen's own table, without the keys every screen shares.
pub fn table(app: &App) -> Vec<Binding> {
    match &app.screen {
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
                {
                    let review = b(
                        &[Char('v')],
                        Action::StartReview,
                        "v",
                        "spaced review: the questions due again, across modules",
                    );
                    // In the footer only when something is due; the key always answers.
                    if app.queue().counts(app.clock).now > 0 {
                        review.foot("v", "review")
                    } else {
                        review
                    }
                },
                b(
                    &[Char('i')],
                    Action::Stats,
                    "i",
                    "stats: time, scores, weakest questions, review forecast",
                ),
                b(
                    &[Char(' ')],
                    Action::DetailScroll(5),
                    "Space b",
                    "scroll the module's details",
                )
                .foot("Space", "details")
                .when(scrolls(&s.detail)),
                b(&[Char('b')], Action::DetailScroll(-5), "", "").when(scrolls(&s.detail)),
                b(
                    &[Char('q'), Esc],
                    Action::Back,
                    "q  Esc",
                    "quit (progress is saved)",
                )
                .foot("q", "quit"),
            ]
        }
        Screen::Lesson(_) => lesson(app),
        Screen::Quiz(q) => super::quiz_keys::table(app, q),
        Screen::Spaced(s) => super::spaced_keys::table(s),
        Screen::Results(r) => results(r),
        Screen::Review(r) => review(r),
        Screen::Stats(st) => stats(st),
        Screen::History(_) => history(),
        Screen::Completion => super::completion::table(app),
    }
}

// The other screens' tables, out of line: only the map's is on the start path, whose code
// a start maps in 64 KiB windows (docs/performance.md, "Fifth pass").
#[inline(never)]
fn lesson(app: &App) -> Vec<Binding> {
    vec![
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
        if app.lesson_from_review() {
            b(
                &[Char('q'), Esc],
                Action::Back,
                "q  Esc",
                "back to the review",
            )
            .foot("q", "review")
        } else {
            b(&[Char('q'), Esc], Action::Back, "q  Esc", "back to the map").foot("q", "map")
        },
    ]
}

#[inline(never)]
fn results(r: &super::ResultsState) -> Vec<Binding> {
    vec![
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
    ]
}

#[inline(never)]
fn review(r: &super::ReviewState) -> Vec<Binding> {
    vec![
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
    ]
}

#[inline(never)]
fn stats(st: &super::StatsState) -> Vec<Binding> {
    {
        let weakest = st.panel == super::StatsPanel::Weakest;
        vec![
            b(
                &[Tab, Right, Char('l'), Char('n')],
                Action::NextPage,
                "Tab → l n  Shift-Tab ← h p",
                "next / previous panel",
            )
            .foot("Tab", "panel"),
            b(
                &[BackTab, Left, Char('h'), Char('p')],
                Action::PrevPage,
                "",
                "",
            ),
            b(
                &[Char('1')],
                Action::Choose(1),
                "1-5",
                "Activity, Modules, Scores, Weakest, Review forecast",
            ),
            b(&[Char('2')], Action::Choose(2), "", ""),
            b(&[Char('3')], Action::Choose(3), "", ""),
            b(&[Char('4')], Action::Choose(4), "", ""),
            b(&[Char('5')], Action::Choose(5), "", ""),
            b(
                &[Up, Char('k')],
                Action::Up,
                "↑ ↓  j k  PgUp PgDn  g G",
                "scroll the panel; choose a module or a weak item",
            )
            .foot("↓↑", if weakest { "choose" } else { "scroll" }),
            b(&[Down, Char('j')], Action::Down, "", ""),
            b(&[PageUp], Action::PageUp, "", ""),
            b(&[PageDown], Action::PageDown, "", ""),
            b(&[Home, Char('g')], Action::Top, "", ""),
            b(&[End, Char('G')], Action::Bottom, "", ""),
            b(
                &[Enter],
                Action::Open,
                "Enter",
                "on Weakest: read the section that teaches it",
            )
            .foot("Enter", "read")
            .when(weakest),
            b(&[Char('q'), Esc], Action::Back, "q  Esc", "back to the map").foot("q", "map"),
        ]
    }
}

#[inline(never)]
fn history() -> Vec<Binding> {
    vec![
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
    ]
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
        .when(super::banners::banners_cut(app)),
        b(
            &[Ctrl('c')],
            Action::Quit,
            "Ctrl-C",
            "quit from anywhere (progress is saved)",
        ),
    ]
}

/// Whether a text drawn with this scroll is taller than its area (as last drawn).
pub(super) fn scrolls(s: &super::Scroll) -> bool {
    s.offset() > 0 || s.more_below()
}
