//! Wrapped text kept between frames, for the map's detail pane.
//!
//! A `j` on the map draws the newly selected module's detail pane, and wrapping its title,
//! summary and objectives was a fifth of the instructions the key cost (docs/performance.md,
//! "Start-up, third pass"). The pane is drawn from the same few modules again and again, so
//! the wrapped lines of the last few are kept here, each under a hash of everything they
//! are made from (the texts, the width, the theme): a changed text or width is a new entry,
//! never a stale one. Only the view reads and fills it, as the screen's own cache; what is
//! drawn is the same with it or without it (a test compares).

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::text::Line;

/// How many panes are kept: a few modules up and down the list.
const KEEP: usize = 8;

thread_local! {
    static KEPT: RefCell<Vec<(u64, Vec<Line<'static>>)>> = const { RefCell::new(Vec::new()) };
}

/// The hash a key is kept under.
pub fn key_of(key: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// The lines `build` makes from what `key` hashes, built once and then kept.
pub fn lines(key: impl Hash, build: impl FnOnce() -> Vec<Line<'static>>) -> Vec<Line<'static>> {
    let k = key_of(key);
    let hit = KEPT.with(|kept| {
        kept.borrow()
            .iter()
            .find(|(at, _)| *at == k)
            .map(|(_, lines)| lines.clone())
    });
    if let Some(lines) = hit {
        return lines;
    }
    let lines = build();
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.len() >= KEEP {
            kept.remove(0);
        }
        kept.push((k, lines.clone()));
    });
    lines
}

/// Forgets every kept pane (the tests draw with and without them).
#[cfg(test)]
pub fn forget() {
    KEPT.with(|kept| kept.borrow_mut().clear());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::App;
    use crate::course::{EmbeddedFiles, load};
    use crate::progress::Progress;
    use ratatui::{Terminal, backend::TestBackend, buffer::Buffer};

    fn draw(app: &App) -> Buffer {
        let Ok(mut t) = Terminal::new(TestBackend::new(100, 30));
        let theme = crate::ui::theme::choose(crate::cli::ThemeName::Default, false);
        if let Err(e) = t.draw(|f| crate::ui::render(app, &theme, f)) {
            panic!("draw: {e}");
        }
        t.backend().buffer().clone()
    }

    #[test]
    fn the_map_draws_the_same_from_kept_lines_and_a_changed_text_anew() {
        let Some(mut course) = load(&EmbeddedFiles::builtin()).course else {
            panic!("the built-in course loads");
        };
        let app = App::new(course.clone(), Progress::new(&course.id), 3);
        forget();
        let fresh = draw(&app);
        let kept = draw(&app);
        assert_eq!(fresh, kept);
        // The same length, one letter changed: a new text, so new lines.
        course.modules[0].summary = course.modules[0].summary.replacen('o', "0", 1).into();
        let changed = App::new(course.clone(), Progress::new(&course.id), 3);
        let after = draw(&changed);
        forget();
        assert_eq!(after, draw(&changed));
        assert_ne!(after, fresh);
    }

    #[test]
    fn the_same_key_gives_the_kept_lines_and_another_builds_anew() {
        let mut built = 0;
        let mut get = |key: (&str, u16)| {
            lines(key, || {
                built += 1;
                vec![Line::from(format!("{} at {}", key.0, key.1))]
            })
        };
        assert_eq!(get(("a", 10)), vec![Line::from("a at 10")]);
        assert_eq!(get(("a", 10)), vec![Line::from("a at 10")]);
        assert_eq!(get(("a", 11)), vec![Line::from("a at 11")]);
        assert_eq!(get(("b", 10)), vec![Line::from("b at 10")]);
        assert_eq!(built, 3);
    }
}
