//! The stats screen (key `i` on the map) and its figures, for three learners on the mini
//! course: fresh, half-way (tests/fixtures/stats/half-way.toml) and finished
//! (tests/fixtures/progress-v1/completed-with-retakes.toml). Snapshots at 80x24 (one panel
//! at a time) and 120x40 (every panel); the mono theme draws the same symbols; Enter on a
//! weak question opens the section that teaches it; figures are worked out once per change.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use common::*;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::keymap;
use syllabus::app::{Action, App, Key, Screen, StatsPanel};
use syllabus::cli::ThemeName;
use syllabus::progress::Progress;
use syllabus::stats::{self, Forecast, ReviewForecast};
use syllabus::ui::{self, Theme};

/// Five days after the finished fixture's answers, a week after the half-way one's first.
fn now() -> Timestamp {
    "2027-01-20T12:00:00Z".parse().unwrap()
}

fn progress(name: &str) -> Progress {
    let path = match name {
        "finished" => fixture_dir("progress-v1/completed-with-retakes.toml"),
        other => fixture_dir(&format!("stats/{other}.toml")),
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let mut p = Progress::from_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Open on the map, wherever the learner left off.
    p.place = Default::default();
    p
}

fn learner(name: &str, w: u16, h: u16) -> App {
    let mut app = App::new(mini_course(), progress(name), 7);
    app.update(Action::Resize(w, h), now());
    app.update(Action::Stats, now());
    assert!(matches!(app.screen, Screen::Stats(_)), "i opens the stats");
    app
}

fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    t.draw(|f| ui::render(app, theme, f)).unwrap();
    t
}

fn default_theme() -> Theme {
    Theme::named(ThemeName::Default)
}

fn symbols(t: &Terminal<TestBackend>) -> String {
    let b = t.backend().buffer();
    let mut s = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            s.push_str(b[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn stats_snapshots_80x24_one_panel_at_a_time() {
    for name in ["fresh", "half-way", "finished"] {
        let mut app = learner(name, 80, 24);
        for (k, panel) in StatsPanel::ALL.iter().enumerate() {
            app.update(Action::Choose(k + 1), now());
            let slug = panel.title().to_lowercase().replace(' ', "_");
            let snapshot = format!("stats_{name}_{slug}_80x24");
            let shown = format!("stats {}", panel.title().to_lowercase());
            assert_shows(&app, &shown, &snapshot);
            let t = draw(&app, &default_theme());
            insta::assert_snapshot!(snapshot, t.backend());
        }
    }
}

#[test]
fn stats_snapshots_120x40_every_panel() {
    for name in ["fresh", "half-way", "finished"] {
        let mut app = learner(name, 120, 40);
        // Focus the weakest panel, so the chosen row shows.
        app.update(Action::Choose(4), now());
        let snapshot = format!("stats_{name}_120x40");
        assert_shows(&app, "stats weakest", &snapshot);
        let t = draw(&app, &default_theme());
        insta::assert_snapshot!(snapshot, t.backend());
    }
}

/// Nothing rests on colour: the mono theme draws exactly the same symbols, the focused
/// panel is marked `▸`, and the charts' patterns are there.
#[test]
fn mono_theme_draws_the_same_symbols_as_colour() {
    for (w, h) in [(80, 24), (120, 40), (100, 30)] {
        for k in 1..=5 {
            let mut app = learner("half-way", w, h);
            app.update(Action::Choose(k), now());
            let colour = symbols(&draw(&app, &default_theme()));
            let mono = symbols(&draw(&app, &Theme::mono()));
            assert_eq!(colour, mono, "{w}x{h} panel {k}");
            assert!(mono.contains('▸'), "the focused panel is marked at {w}x{h}");
        }
    }
    let mut app = learner("half-way", 80, 24);
    app.update(Action::Choose(2), now());
    let modules = symbols(&draw(&app, &Theme::mono()));
    assert!(
        modules.contains("█░"),
        "mastery gauges: filled and empty\n{modules}"
    );
    app.update(Action::Choose(3), now());
    let scores = symbols(&draw(&app, &Theme::mono()));
    assert!(
        scores.contains('█') && scores.contains('•') && scores.contains('⠤'),
        "graded, practice and pass mark each have a pattern\n{scores}"
    );
}

#[test]
fn i_on_the_map_opens_the_stats_and_help_lists_it() {
    let app = app(80, 24);
    assert_eq!(
        keymap::action_for(&app, Key::Char('i')),
        Some(Action::Stats)
    );
    assert!(
        keymap::help(&app)
            .iter()
            .any(|(k, what)| *k == "i" && what.starts_with("stats")),
        "the map's help lists i"
    );
    let mut stats = learner("finished", 80, 24);
    stats.update(Action::Back, now());
    assert!(
        matches!(stats.screen, Screen::Map(_)),
        "q goes back to the map"
    );
}

#[test]
fn enter_on_a_weak_question_opens_the_section_that_teaches_it() {
    let mut app = learner("half-way", 80, 24);
    app.update(Action::Choose(4), now());
    let Screen::Stats(s) = &app.screen else {
        panic!("stats")
    };
    let first = &s.stats.weak_questions[0];
    assert_eq!(
        (first.question.as_str(), first.mastered),
        ("all-plans", false),
        "still missed and most often wrong comes first"
    );
    app.update(Action::Open, now());
    match &app.screen {
        Screen::Lesson(l) => assert_eq!((l.module, l.page), (0, 0), "basics, first section"),
        other => panic!("expected the lesson, got {other:?}"),
    }
}

#[test]
fn figures_are_worked_out_once_per_change_of_progress() {
    let mut app = App::new(mini_course(), progress("half-way"), 7);
    let a = app.stats_now(now());
    let b = app.stats_now(now() + jiff::SignedDuration::from_secs(60));
    assert!(
        Arc::ptr_eq(&a, &b),
        "same progress, same day: the kept figures"
    );
    app.progress.module_mut("exam").opened.push("x".into());
    app.refresh_summary();
    let c = app.stats_now(now());
    assert!(
        !Arc::ptr_eq(&a, &c),
        "the progress changed: worked out again"
    );
    let d = app.stats_now(now() + jiff::SignedDuration::from_hours(24));
    assert!(!Arc::ptr_eq(&c, &d), "a new day: worked out again");
    app.progress.module_mut("basics").active_seconds += 600;
    let e = app.stats_now(now() + jiff::SignedDuration::from_hours(24));
    assert!(!Arc::ptr_eq(&d, &e), "time spent reading: worked out again");
    assert_eq!(e.modules[0].minutes, 31);
}

#[test]
fn half_way_figures() {
    let zoned = now().to_zoned(TimeZone::UTC);
    let st = stats::compute(&mini_course(), &progress("half-way"), &zoned);
    let t = &st.totals;
    assert_eq!((t.days_active, t.streak, t.longest_streak), (3, 0, 2));
    assert_eq!((t.answered, t.correct, t.accuracy), (14, 8, Some(57)));
    assert_eq!((t.mastered, t.questions, t.modules_complete), (5, 9, 1));
    assert_eq!(t.minutes, 21);
    let day = |d: &str| st.days.iter().find(|x| x.date == d).cloned();
    let tenth = day("2027-01-10").unwrap_or_else(|| panic!("the 10th is in the window"));
    assert_eq!((tenth.answered, tenth.correct, tenth.minutes), (6, 3, 5));
    assert_eq!(st.days.len(), stats::WINDOW_DAYS);
    assert_eq!(st.days.last().map(|d| d.date.as_str()), Some("2027-01-20"));
    let basics = &st.modules[0];
    let scores: Vec<(u32, bool, u32)> = basics
        .scores
        .iter()
        .map(|p| (p.attempt, p.practice, p.score))
        .collect();
    assert_eq!(scores, [(1, false, 50), (2, false, 67), (3, true, 50)]);
    assert_eq!(
        (basics.grade, basics.passed, basics.pass_mark),
        (Some(67), true, 60)
    );
    assert!(st.modules[1].scores.is_empty());
    assert_eq!(
        st.weak_objectives.len(),
        2,
        "basics' two objectives, 5/6 mastered"
    );
    // Spaced review schedules the answered questions: 3 cards are due by now.
    assert!(
        matches!(
            &st.forecast,
            Forecast::Ready {
                overdue: 3,
                retention: None,
                ..
            }
        ),
        "{:?}",
        st.forecast
    );
}

#[test]
fn fresh_learner_has_nothing_but_zeros() {
    let zoned = now().to_zoned(TimeZone::UTC);
    let st = stats::compute(&mini_course(), &progress("fresh"), &zoned);
    assert_eq!(st.totals.answered, 0);
    assert_eq!(st.totals.accuracy, None);
    assert!(st.weak_questions.is_empty() && st.weak_objectives.is_empty());
    assert!(st.days.iter().all(|d| d.answered == 0 && d.minutes == 0));
}

/// The forecast panel draws whatever a provider behind the trait returns: when spaced
/// review lands it only has to implement `ReviewForecast`.
#[test]
fn the_forecast_panel_draws_a_plugged_in_forecast() {
    struct Fixed;
    impl ReviewForecast for Fixed {
        fn forecast(
            &self,
            _: &syllabus::course::Course,
            _: &Progress,
            _: &jiff::Zoned,
        ) -> Forecast {
            Forecast::Ready {
                due: (0..30).map(|d| d % 7).collect(),
                retention: Some(88),
                overdue: 2,
            }
        }
    }
    let zoned = now().to_zoned(TimeZone::UTC);
    let st = stats::compute_with(&mini_course(), &progress("half-way"), &zoned, &Fixed);
    let mut app = learner("half-way", 80, 24);
    app.update(Action::Choose(5), now());
    if let Screen::Stats(s) = &mut app.screen {
        s.stats = Arc::new(st);
    }
    let text = symbols(&draw(&app, &default_theme()));
    assert!(text.contains("Retention 88% recalled"), "{text}");
    assert!(text.contains("2 overdue"), "{text}");
    assert!(!text.contains("not set up"), "{text}");
}

/// Every size from the minimum up draws without panicking, on every panel.
#[test]
fn stats_draw_at_every_size() {
    for name in ["fresh", "finished"] {
        for w in (1..=130).step_by(7) {
            for h in (1..=45).step_by(4) {
                let mut app = learner(name, 80, 24);
                app.update(Action::Resize(w, h), now());
                for k in 1..=5 {
                    app.update(Action::Choose(k), now());
                    app.update(Action::Down, now());
                    let t = draw(&app, &default_theme());
                    assert_too_small_exactly_below_the_minimum(&t, &format!("{name} at {w}x{h}"));
                }
            }
        }
    }
}
