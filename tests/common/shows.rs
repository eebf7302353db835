//! What an app state shows, in a few words, so that a snapshot test first checks that its
//! state reached the screen it is named after: a state that silently stayed on the map (a
//! key that stopped working, a prompt in the way) fails with the description, instead of
//! recording the wrong screen as the expected one.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::{App, MIN_HEIGHT, MIN_WIDTH, Prompt, Screen};
use syllabus::quiz::{Draft, Response};

/// The screen, its page or question kind, and what is over it: e.g. `map`, `lesson last
/// page`, `quiz single chosen`, `quiz match revealed partly right`, `quiz summary confirm`,
/// `map + help`, `map + prompt damaged`.
pub fn shows(app: &App) -> String {
    let mut s = match &app.screen {
        Screen::Map(_) => "map".to_string(),
        Screen::Lesson(l) => {
            let pages = app.course.modules.get(l.module).map(|m| m.sections.len());
            if Some(l.page) == pages {
                "lesson last page".to_string()
            } else {
                format!("lesson section {}", l.page + 1)
            }
        }
        Screen::Quiz(q) => {
            let asked = app
                .attempts(q.module)
                .last()
                .map_or(0, |a| a.questions.len());
            if q.question >= asked {
                if q.confirm {
                    "quiz summary confirm".to_string()
                } else {
                    "quiz summary".to_string()
                }
            } else {
                format!("quiz {}", draft(&q.draft, q.reveal.as_deref()))
            }
        }
        Screen::Results(_) => "results".to_string(),
        Screen::Review(_) => "review".to_string(),
        Screen::History(_) => "history".to_string(),
        Screen::Stats(st) => format!("stats {}", st.panel.title().to_lowercase()),
        Screen::Spaced(sp) => format!("spaced {}", draft(&sp.draft, sp.reveal.as_deref())),
        Screen::Completion => "completion".to_string(),
    };
    if app.read_only.is_some() {
        s.push_str(" read-only");
    }
    if app.help {
        s.push_str(" + help");
    }
    if app.banners_open {
        s.push_str(" + banners");
    }
    match &app.prompt {
        None => {}
        Some(Prompt::Damaged { .. }) => s.push_str(" + prompt damaged"),
        Some(Prompt::SaveFailedOnQuit { .. }) => s.push_str(" + prompt save failed"),
        Some(Prompt::UnreadLessons { .. }) => s.push_str(" + prompt unread lessons"),
    }
    s
}

/// The question kind from the draft, and what has been entered or revealed.
fn draft(d: &Draft, reveal: Option<&Response>) -> String {
    let (kind, entered) = match d {
        Draft::Choice { chosen, .. } => ("single", chosen.is_some().then_some("chosen")),
        Draft::TrueFalse { chosen, .. } => ("true_false", chosen.is_some().then_some("chosen")),
        Draft::Multiple { ticked, .. } => ("multiple", ticked.contains(&true).then_some("ticked")),
        Draft::Match { chosen, .. } => (
            "match",
            chosen.iter().any(Option::is_some).then_some("sorted"),
        ),
        Draft::Order { held, .. } => ("order", held.then_some("moving")),
        Draft::Short { text, .. } => ("short", (!text.is_empty()).then_some("typed")),
    };
    match (reveal, entered) {
        (Some(r), _) if r.correct => format!("{kind} revealed right"),
        (Some(r), _) if r.points > 0.0 => format!("{kind} revealed partly right"),
        (Some(_), _) => format!("{kind} revealed wrong"),
        (None, Some(what)) => format!("{kind} {what}"),
        (None, None) => kind.to_string(),
    }
}

/// Fails, naming the snapshot, unless `app` shows `expected` (see [`shows`]).
pub fn assert_shows(app: &App, expected: &str, snapshot: &str) {
    assert_eq!(
        shows(app),
        expected,
        "snapshot {snapshot:?} is named after a screen its state did not reach"
    );
}

/// Below the minimum size a frame says "Terminal too small" (its first row starts the
/// message, wrapped at the width); from the minimum up it draws the screen instead.
pub fn assert_too_small_exactly_below_the_minimum(t: &Terminal<TestBackend>, what: &str) {
    let buf = t.backend().buffer();
    let (w, h) = (buf.area.width, buf.area.height);
    let first: String = (0..w).map(|x| buf[(x, 0)].symbol()).collect();
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        // Wrapped at the width: the first row is the start of the message.
        let row = first.trim_end();
        assert!(
            !row.is_empty() && "Terminal too small:".starts_with(row),
            "{what}: {first:?}"
        );
    } else {
        let text = format!("{}", t.backend());
        assert!(!text.contains("Terminal too small"), "{what}:\n{text}");
    }
}
