//! The runtime's share of a key press, without a terminal: the hop from the input thread to
//! the loop through the channel (`runtime/hop`: one event sent by another thread and
//! received by a thread blocked in `recv_timeout`, as the loop is between keys), and the
//! loop's handling of one key (`runtime/key`: `Loop::handle`: key to action, `App::update`,
//! effects performed against a `MemoryStore`) on the map of the built-in course. Drawing is
//! `render`'s bench. See docs/performance.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up should stop loudly

use std::hint::black_box;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use syllabus::app::App;
use syllabus::progress::{MemoryStore, Progress};
use syllabus::runtime::{Event, Loop, Session};

fn key(c: char) -> Event {
    Event::Input(TermEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

fn bench_hop(c: &mut Criterion) {
    let mut g = c.benchmark_group("runtime");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    // A round trip: the loop's thread asks for a key, the "input" thread sends it. Half of
    // it is one hop; the bench reports the whole round trip.
    let (ask_tx, ask_rx) = mpsc::channel::<()>();
    let (tx, rx) = mpsc::channel::<Event>();
    let echo = thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            while ask_rx.recv().is_ok() {
                if tx.send(key('j')).is_err() {
                    return;
                }
            }
        })
        .expect("no thread");
    g.bench_function("hop_round_trip", |b| {
        b.iter(|| {
            ask_tx.send(()).unwrap();
            black_box(rx.recv_timeout(Duration::from_secs(1)).unwrap())
        })
    });
    drop(ask_tx);
    let _ = echo.join();

    let course = syllabus::embedded::builtin()
        .unwrap_or_else(|| panic!("the built-in course"))
        .course;
    let progress = Progress::new(&course.id);
    let mut app = App::new(course, progress, 7);
    app.update(syllabus::app::Action::Resize(100, 30), Timestamp::now());
    let mut lp = Loop::new(Session {
        app,
        store: Box::new(MemoryStore::new("bench.toml")),
    });
    let now = Timestamp::now();
    let mut down = true;
    g.bench_function("key", |b| {
        b.iter(|| {
            down = !down;
            black_box(lp.handle(key(if down { 'j' } else { 'k' }), now))
        })
    });
    g.finish();
}

criterion_group!(benches, bench_hop);
criterion_main!(benches);
