//! Every screen drawn into a `TestBackend` and compared with a committed snapshot, at
//! 80x24 and 120x40; a no-panic sweep over every size from 1x1 to 100x40; and style checks
//! where colour or markers carry meaning.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use syllabus::app::{Action, App, Prompt};
use syllabus::cli::ThemeName;
use syllabus::ui::{self, Theme};

fn draw(app: &App, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut app = app.clone();
    app.update(Action::Resize(w, h), t0());
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(&app, theme, f)).unwrap();
    terminal
}

fn snap(name: &str, shows: &str, app: &App) {
    assert_shows(app, shows, name);
    let theme = Theme::named(ThemeName::Default);
    for (w, h) in [(80, 24), (120, 40)] {
        let t = draw(app, &theme, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

/// Every state worth drawing: its snapshot's name, what it shows (`common::shows`), the app.
fn states() -> Vec<(&'static str, &'static str, App)> {
    let mut v = Vec::new();
    v.push(("map_fresh", "map", app(80, 24)));
    let mut lesson = app(80, 24);
    drive(&mut lesson, &[Action::Open]);
    v.push(("lesson_section", "lesson section 1", lesson.clone()));
    let mut last = lesson.clone();
    drive(&mut last, &[Action::NextPage, Action::NextPage]);
    v.push(("lesson_last_page", "lesson last page", last));
    for (name, id, shows) in [
        ("quiz_single", "pick-vision", "quiz single"),
        ("quiz_multiple", "all-plans", "quiz multiple"),
        ("quiz_true_false", "title-needed", "quiz true_false"),
        ("quiz_match", "sort", "quiz match"),
        ("quiz_order", "steps", "quiz order"),
        ("quiz_short", "word", "quiz short"),
    ] {
        v.push((name, shows, quiz_app(id, 80, 24)));
    }
    let mut ticked = quiz_app("all-plans", 80, 24);
    drive(&mut ticked, &[Action::Toggle, Action::Down]);
    v.push(("quiz_multiple_ticked", "quiz multiple ticked", ticked));
    let mut sorted = quiz_app("sort", 80, 24);
    drive(&mut sorted, &[Action::Choose(1), Action::Choose(2)]);
    v.push(("quiz_match_partly_sorted", "quiz match sorted", sorted));
    let mut held = quiz_app("steps", 80, 24);
    drive(&mut held, &[Action::Toggle, Action::Down]);
    v.push(("quiz_order_moving", "quiz order moving", held));
    let mut typed = quiz_app("word", 80, 24);
    drive(&mut typed, &[Action::Type('h'), Action::Type('o')]);
    v.push(("quiz_short_typed", "quiz short typed", typed));
    let mut chosen = quiz_app("pick-vision", 80, 24);
    drive(&mut chosen, &[Action::Choose(2)]);
    v.push(("quiz_single_chosen", "quiz single chosen", chosen));
    let mut wrong = quiz_app("pick-vision", 80, 24);
    drive(&mut wrong, &[Action::Choose(2), Action::Submit]);
    v.push((
        "quiz_single_revealed_wrong",
        "quiz single revealed wrong",
        wrong,
    ));
    let mut long = quiz_app_on(course_with_long_sort(), 0, "long-sort", 80, 24);
    drive(
        &mut long,
        &[1, 2, 1, 1, 1, 2, 1, 2]
            .map(Action::Choose)
            .into_iter()
            .chain([Action::Submit])
            .collect::<Vec<_>>(),
    );
    v.push((
        "quiz_long_sort_revealed",
        "quiz match revealed wrong",
        long.clone(),
    ));
    drive(&mut long, &[Action::PageDown]);
    v.push((
        "quiz_long_sort_revealed_scrolled",
        "quiz match revealed wrong",
        long,
    ));
    let mut summary = app(80, 24);
    drive(
        &mut summary,
        &[
            Action::Down,
            Action::Open,
            Action::Open,
            Action::PromptKey('y'),
        ],
    );
    // The first (short) answered, the second (single) chosen but not entered.
    drive(
        &mut summary,
        &[
            Action::Type('w'),
            Action::Type('h'),
            Action::Type('y'),
            Action::Submit,
            Action::Choose(1),
            Action::NextPage,
        ],
    );
    v.push(("quiz_summary", "quiz summary", summary.clone()));
    drive(&mut summary, &[Action::Bottom, Action::Open]);
    v.push(("quiz_summary_confirm", "quiz summary confirm", summary));
    let mut matched = quiz_app("sort", 80, 24);
    drive(
        &mut matched,
        &[
            Action::Choose(1),
            Action::Choose(1),
            Action::Choose(1),
            Action::Submit,
        ],
    );
    v.push((
        "quiz_match_revealed_partly",
        "quiz match revealed partly right",
        matched,
    ));
    let mut results = quiz_app("pick-vision", 80, 24);
    drive(
        &mut results,
        &[Action::Choose(1), Action::Submit, Action::Submit],
    );
    drive(
        &mut results,
        &[Action::Toggle, Action::Submit, Action::Submit],
    );
    drive(
        &mut results,
        &[Action::Choose(1), Action::Submit, Action::Submit],
    );
    drive(
        &mut results,
        &[
            Action::Choose(1),
            Action::Choose(2),
            Action::Choose(1),
            Action::Submit,
            Action::Submit,
        ],
    );
    drive(&mut results, &[Action::Submit, Action::Submit]);
    drive(
        &mut results,
        &[
            Action::Type('h'),
            Action::Type('o'),
            Action::Type('w'),
            Action::Submit,
            Action::Submit,
        ],
    );
    v.push(("results", "results", results.clone()));
    let mut review = results.clone();
    drive(&mut review, &[Action::Review, Action::NextPage]);
    v.push(("review", "review", review));
    let mut done = results.clone();
    drive(
        &mut done,
        &[
            Action::Back,
            Action::Down,
            Action::Open,
            Action::Open,
            Action::PromptKey('y'),
        ],
    );
    drive(
        &mut done,
        &[
            Action::Type('w'),
            Action::Type('h'),
            Action::Type('y'),
            Action::Submit,
        ],
    );
    drive(&mut done, &[Action::Choose(1), Action::Submit]);
    submit_all(&mut done);
    drive(
        &mut done,
        &[
            Action::Back,
            Action::Top,
            Action::Open,
            Action::NextPage,
            Action::Back,
        ],
    );
    let mut map = done.clone();
    drive(&mut map, &[Action::Dismiss]);
    v.push(("map_progress", "map", map));
    let mut completion = done.clone();
    drive(&mut completion, &[Action::Continue]);
    v.push(("completion", "completion", completion));
    let mut help = app(80, 24);
    drive(&mut help, &[Action::ToggleHelp]);
    v.push(("help_map", "map + help", help));
    let mut qhelp = quiz_app("sort", 80, 24);
    drive(&mut qhelp, &[Action::ToggleHelp]);
    v.push(("help_quiz_match", "quiz match + help", qhelp));
    let mut damaged = app(80, 24);
    damaged.prompt = Some(Prompt::Damaged {
        message: "Your progress file /home/a/.local/share/syllabus/mini.toml could not be read (expected `=` at line 3). It was moved to /home/a/.local/share/syllabus/mini.toml.corrupt-20261123T080000Z, not deleted. There was no backup. Start fresh, or quit and look at the files first?".into(),
    });
    v.push(("prompt_damaged", "map + prompt damaged", damaged));
    let mut ro = app(80, 24);
    ro.read_only = Some("open in another window".into());
    ro.banner(syllabus::app::BannerKind::Warning, "progress for this course is open in another window (pid 4242); this window is read-only and will not save");
    v.push(("map_read_only", "map read-only", ro));
    let mut unread = app(80, 24);
    drive(&mut unread, &[Action::Down, Action::Open, Action::Open]);
    v.push((
        "prompt_unread_lessons",
        "lesson last page + prompt unread lessons",
        unread,
    ));
    v
}

#[test]
fn every_screen_matches_its_snapshot() {
    for (name, shows, app) in states() {
        snap(name, shows, &app);
    }
}

#[test]
fn too_small_terminal_says_what_it_needs() {
    let t = draw(&app(80, 24), &Theme::named(ThemeName::Default), 30, 8);
    let text = format!("{}", t.backend());
    assert!(text.contains("need 40x12, have 30x8"), "{text}");
    insta::assert_snapshot!("too_small_30x8", t.backend());
}

#[test]
fn no_screen_panics_at_any_size_from_1x1_to_100x40() {
    let theme = Theme::named(ThemeName::Default);
    for (name, _, app) in states() {
        for w in 1..=100u16 {
            for h in 1..=40u16 {
                let mut a = app.clone();
                a.update(Action::Resize(w, h), t0());
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|f| ui::render(&a, &theme, f)).unwrap();
                assert_too_small_exactly_below_the_minimum(
                    &terminal,
                    &format!("{name} at {w}x{h}"),
                );
            }
        }
    }
}

#[test]
fn selection_is_marked_with_a_chevron_not_only_reverse_video() {
    for theme in [
        Theme::named(ThemeName::Default),
        Theme::named(ThemeName::Mono),
        Theme::named(ThemeName::HighContrast),
    ] {
        let t = draw(&app(80, 24), &theme, 80, 24);
        let row: String = (0..80)
            .map(|x| t.backend().buffer()[(x, 4)].symbol().to_string())
            .collect();
        assert!(row.starts_with("> ·  1. Basics"), "{row}");
    }
}

#[test]
fn mono_theme_uses_no_colour_and_no_reverse_video() {
    for (_, _, app) in states() {
        let t = draw(&app, &Theme::mono(), 80, 24);
        for cell in t.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
            assert!(!cell.modifier.contains(Modifier::REVERSED));
        }
    }
}

#[test]
fn right_and_wrong_are_coloured_and_also_said_in_words() {
    let mut wrong = quiz_app("pick-vision", 80, 24);
    drive(&mut wrong, &[Action::Choose(2), Action::Submit]);
    let t = draw(&wrong, &Theme::named(ThemeName::Default), 80, 24);
    let buf = t.backend().buffer();
    let text = format!("{}", t.backend());
    assert!(text.contains("✗ Not right"));
    let (x, y) = find(buf, "✗ Not right").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(buf[(x, y)].fg, Color::Red);
    let (x, y) = find(buf, "Right answer:").unwrap_or_else(|| panic!("{text}"));
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

fn find(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let row: Vec<String> = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let joined: String = row.concat();
        if let Some(byte) = joined.find(needle) {
            // Convert the byte offset to a column (one symbol per cell here).
            let mut acc = 0;
            for (x, s) in row.iter().enumerate() {
                if acc == byte {
                    return Some((x as u16, y));
                }
                acc += s.len();
            }
        }
    }
    None
}

/// A help taller than the window says so on its last line and scrolls to its last row with
/// the keys it names (at 80x24 and 40x12 the map's help used to lose its last rows).
#[test]
fn a_help_taller_than_the_window_scrolls_to_its_last_row() {
    let theme = Theme::named(ThemeName::Default);
    let mut app = app(40, 12);
    app.update(Action::Resize(40, 12), t0());
    drive(&mut app, &[Action::ToggleHelp]);
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).unwrap();
    terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
    let before = format!("{}", terminal.backend());
    assert!(before.contains("↓↑ more"), "{before}");
    assert!(!before.contains("quit from anywhere (progress"), "{before}");
    let key = |app: &App, k| syllabus::app::keymap::action_for(app, k).unwrap();
    for _ in 0..40 {
        let down = key(&app, syllabus::app::Key::Char('j'));
        app.update(down, t0());
        // The view reports how far the help can scroll each time it draws.
        terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
    }
    let after = format!("{}", terminal.backend());
    assert!(after.contains("quit from anywhere (progress"), "{after}");
    // One press up moves at once: scrolling past the end left no dead presses.
    let up = key(&app, syllabus::app::Key::Char('k'));
    app.update(up, t0());
    terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
    assert_ne!(format!("{}", terminal.backend()), after);
    assert!(app.help, "scrolling does not close the help");
}
