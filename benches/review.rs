//! Spaced review at scale (docs/performance.md): the queue for a synthetic course of 1,000
//! modules with all 10,000 questions answered (built from scratch, and brought up to date
//! after one review, which re-schedules one module), the due counts drawn on the map, a
//! session's start, and saving a progress file holding 5,000 to 50,000 review records.

// Benchmark setup: a failure means a broken benchmark, shown with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::SignedDuration;
use support::states::{right_answer, t0};
use support::synth;
use syllabus::course::{self, Course};
use syllabus::progress::{FileStore, Progress, ProgressStore};
use syllabus::quiz::{Attempt, Mode};
use syllabus::spaced::{Queue, Rating, Review, Scheduler, Session};

/// Every question of every module answered once, right.
fn answered(course: &Course) -> Progress {
    let mut p = Progress::new(&course.id);
    for (m, module) in course.modules.iter().enumerate() {
        let ids: Vec<String> = module
            .quiz
            .questions
            .iter()
            .map(|q| q.id.to_string())
            .collect();
        let at = t0() + SignedDuration::from_mins(m as i64);
        let mut a = Attempt::draw(module, Mode::Full, 1, m as u64, at, Some(&ids));
        for q in &module.quiz.questions {
            a.answer(q, right_answer(&q.kind), at);
        }
        a.finished = Some(at);
        p.module_mut(&module.id).attempts.push(a);
    }
    p
}

/// `n` review records spread over the course's questions, a day apart per card.
fn with_reviews(course: &Course, mut p: Progress, n: usize) -> Progress {
    let mut k = 0;
    'outer: for day in 1.. {
        for module in &course.modules {
            for q in &module.quiz.questions {
                if k == n {
                    break 'outer;
                }
                k += 1;
                let at = t0() + SignedDuration::from_hours(24 * day);
                p.module_mut(&module.id).reviews.push(Review {
                    card: q.id.to_string(),
                    hash: q.hash.to_string(),
                    at,
                    rating: Rating::Good,
                    elapsed: 1.0,
                    scheduled: 3.0,
                    seconds: 7.5,
                    answer: right_answer(&q.kind),
                    points: 1.0,
                    correct: true,
                    extra: toml::Table::new(),
                });
            }
        }
    }
    p
}

fn queue(c: &mut Criterion) {
    let course = course::load(&synth::in_memory(1_000))
        .course
        .unwrap_or_else(|| panic!("synthetic course must load"));
    let progress = answered(&course);
    let mut g = c.benchmark_group("review");
    g.sample_size(20).warm_up_time(Duration::from_millis(500));
    g.bench_function("queue_build_10000_cards", |b| {
        b.iter(|| Queue::new(Scheduler::default(), &course, &progress))
    });
    let queue = Queue::new(Scheduler::default(), &course, &progress);
    assert_eq!(queue.cards().len(), 10_000);
    // One more review in one module: only that module is worked out again.
    let mut after = progress.clone();
    let module = &course.modules[500];
    let q = &module.quiz.questions[3];
    after = with_reviews(&course, after, 0);
    after.module_mut(&module.id).reviews.push(Review {
        card: q.id.to_string(),
        hash: q.hash.to_string(),
        at: t0() + SignedDuration::from_hours(30),
        rating: Rating::Again,
        elapsed: 1.0,
        scheduled: 0.007,
        seconds: 12.0,
        answer: right_answer(&q.kind),
        points: 0.0,
        correct: false,
        extra: toml::Table::new(),
    });
    g.bench_function("queue_refresh_after_one_review", |b| {
        b.iter_batched(
            || queue.clone(),
            |mut q| {
                q.refresh(&course, &after);
                q
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("queue_clone_only", |b| {
        b.iter_batched(|| queue.clone(), |q| q, criterion::BatchSize::LargeInput)
    });
    let later = t0() + SignedDuration::from_hours(24 * 5);
    g.bench_function("due_counts", |b| b.iter(|| queue.counts(later)));
    g.bench_function("session_start_20", |b| {
        b.iter(|| Session::start(&course, &queue, later, 20, 7))
    });
    g.finish();
}

fn save(c: &mut Criterion) {
    let course = course::load(&synth::in_memory(100))
        .course
        .unwrap_or_else(|| panic!("synthetic course must load"));
    let base = answered(&course);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut g = c.benchmark_group("save_reviews");
    g.sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in [5_000usize, 20_000, 50_000] {
        let progress = with_reviews(&course, base.clone(), n);
        let path = dir.path().join(format!("progress-{n}.toml"));
        let mut store = FileStore::open(&path, &course.id).store;
        store.save(&progress).unwrap();
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &progress, |b, p| {
            b.iter(|| store.save(p).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("to_toml", n), &progress, |b, p| {
            b.iter(|| p.to_toml().unwrap())
        });
        eprintln!("save_reviews/{n}: {bytes} bytes on disk");
    }
    g.finish();
}

criterion_group!(benches, queue, save);
criterion_main!(benches);
