//! Drawing every screen of the default course into a `TestBackend`, at 100x30 and 200x60:
//! the cost of one frame (`Terminal::draw`: the view builds the buffer, then ratatui diffs
//! it against the last frame). Plus the map of a 1,000-module course, to show how the map
//! grows with the course. See docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up should stop loudly

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::states::{self, drive};
use support::synth;
use syllabus::app::{Action, App, Screen};
use syllabus::cli::ThemeName;
use syllabus::course::{self, EmbeddedFiles};
use syllabus::ui::{self, Theme};

fn screen_kind(app: &App) -> &'static str {
    match &app.screen {
        Screen::Map(_) => "map",
        Screen::Lesson(_) => "lesson",
        Screen::Quiz(_) => "quiz",
        Screen::Results(_) => "results",
        Screen::Review(_) => "review",
        Screen::History(_) => "history",
        Screen::Stats(_) => "stats",
        Screen::Spaced(_) => "spaced review",
        Screen::Completion => "completion",
    }
}

fn time_draw(c: &mut Criterion, group: &str, screens: Vec<(&'static str, App)>, w: u16, h: u16) {
    let theme = Theme::named(ThemeName::Default);
    let mut g = c.benchmark_group(group);
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, app) in screens {
        // A name that promises a screen must be that screen.
        let want = name.split('_').next().unwrap_or("");
        let want = if want == "help" {
            screen_kind(&app)
        } else {
            want
        };
        assert_eq!(screen_kind(&app), want, "state {name}");
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|f| ui::render(black_box(&app), &theme, f))
                    .unwrap();
            })
        });
    }
    g.finish();
}

fn default_course(c: &mut Criterion) {
    let course = course::load(&EmbeddedFiles::builtin())
        .course
        .unwrap_or_else(|| panic!("the default course must load"));
    for (w, h) in [(100u16, 30u16), (200, 60)] {
        time_draw(
            c,
            &format!("render/{w}x{h}"),
            states::screens(&course, w, h),
            w,
            h,
        );
    }
}

/// The map, a key press on it (update + draw, as the event loop does) and the completion
/// page, on courses of growing size.
fn growing(c: &mut Criterion) {
    let theme = Theme::named(ThemeName::Default);
    let mut g = c.benchmark_group("render/map-by-modules");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for n in [10usize, 100, 1_000, 2_000] {
        let course = course::load(&synth::in_memory(n))
            .course
            .unwrap_or_else(|| panic!("synthetic course must load"));
        let (w, h) = (100, 30);
        let fresh = states::fresh(&course, w, h);
        let mut done = App::new(course.clone(), states::complete_progress(&course), 7);
        done.update(Action::Resize(w, h), states::t0());
        let mut completion = done.clone();
        drive(&mut completion, &[Action::Continue]);
        assert_eq!(screen_kind(&completion), "completion");
        for (name, app) in [
            ("map_fresh", &fresh),
            ("map_complete", &done),
            ("completion", &completion),
        ] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            g.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| ui::render(black_box(app), &theme, f))
                        .unwrap();
                })
            });
        }
        // One key on the map: j then k (two updates, two frames), as the runtime does it.
        let mut app = done.clone();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        g.bench_function(BenchmarkId::new("map_key_jk", n), |b| {
            b.iter(|| {
                for a in [Action::Down, Action::Up] {
                    black_box(app.update(a, states::t0()));
                    terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
                }
            })
        });
    }
    g.finish();
}

/// One key on the map of the default course at 100x30, as the event loop does it, split
/// into its parts: `update` alone; update and draw into a `TestBackend` (the view and
/// ratatui's diff); and update and draw through crossterm into a sink (the escape codes
/// made too, as for the terminal). `bench/startup.sh` times the same keys in a pty.
fn key_on_map(c: &mut Criterion) {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};
    let course = course::load(&EmbeddedFiles::builtin())
        .course
        .unwrap_or_else(|| panic!("the default course must load"));
    let theme = Theme::named(ThemeName::Default);
    let (w, h) = (100u16, 30u16);
    let mut g = c.benchmark_group("key/map-100x30");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let mut app = states::fresh(&course, w, h);
    g.bench_function("update_jk", |b| {
        b.iter(|| {
            for a in [Action::Down, Action::Up] {
                black_box(app.update(a, states::t0()));
            }
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    g.bench_function("update_draw_jk", |b| {
        b.iter(|| {
            for a in [Action::Down, Action::Up] {
                black_box(app.update(a, states::t0()));
                terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
            }
        })
    });
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(std::io::sink()), options).unwrap();
    g.bench_function("update_draw_write_jk", |b| {
        b.iter(|| {
            for a in [Action::Down, Action::Up] {
                black_box(app.update(a, states::t0()));
                terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
            }
        })
    });
    g.finish();
}

criterion_group!(benches, default_course, growing, key_on_map);
criterion_main!(benches);
