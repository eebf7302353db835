//! Loading and validating courses: the default course (embedded), and synthetic courses of
//! 10 to 2,000 modules served from memory and, for 1,000 and 2,000, from a folder on disk.
//! Dropping the loaded course is left out of the time (`iter_with_large_drop`): the app
//! loads a course once and keeps it. See docs/performance.md.

// Benchmark setup: a failure means a broken benchmark, shown with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use support::synth;
use syllabus::course::{self, DirFiles, EmbeddedFiles};

fn must_load(files: &dyn course::CourseFiles) -> course::Course {
    let report = course::load(files);
    match report.course {
        Some(c) => c,
        None => panic!(
            "course must load: {:?}",
            report.errors().map(|d| d.render()).collect::<Vec<_>>()
        ),
    }
}

fn default_course(c: &mut Criterion) {
    let files = EmbeddedFiles::builtin();
    assert!(must_load(&files).modules.len() >= 10);
    c.bench_function("load/default", |b| {
        b.iter_with_large_drop(|| course::load(black_box(&files)))
    });
}

fn synthetic_memory(c: &mut Criterion) {
    let mut g = c.benchmark_group("load/memory");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [10usize, 100, 1_000, 2_000] {
        let files = synth::in_memory(n);
        assert_eq!(must_load(&files).modules.len(), n);
        g.throughput(Throughput::Bytes(files.bytes() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, f| {
            b.iter_with_large_drop(|| course::load(black_box(f)))
        });
    }
    g.finish();
}

fn synthetic_disk(c: &mut Criterion) {
    let mut g = c.benchmark_group("load/disk");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [1_000usize, 2_000] {
        let dir = tempfile::tempdir().expect("tempdir");
        synth::write_course(dir.path(), n).expect("write course");
        let files = DirFiles::new(dir.path());
        assert_eq!(must_load(&files).modules.len(), n);
        g.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, f| {
            b.iter_with_large_drop(|| course::load(black_box(f)))
        });
    }
    g.finish();
}

/// What start-up does now: the built-in course decoded from the binary (build.rs encoded it).
fn builtin_decode(c: &mut Criterion) {
    assert!(syllabus::embedded::builtin().is_some_and(|b| b.course.modules.len() >= 10));
    c.bench_function("load/builtin_decode", |b| {
        b.iter_with_large_drop(syllabus::embedded::builtin)
    });
}

/// A folder course through the cache (src/cache/): the first open (load, then write the
/// entry to an empty cache) and a second open (check every file by its stat, decode the
/// entry). The courses are written, then left alone past the cache's margin
/// (`cache::stat::MARGIN_NS`), as a course is that was not edited in the last 3 seconds;
/// a file changed more recently is read and hashed instead.
fn cached(c: &mut Criterion) {
    let mut g = c.benchmark_group("load/cache");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    let courses: Vec<(usize, tempfile::TempDir)> = [100usize, 1_000, 2_000]
        .into_iter()
        .map(|n| {
            let dir = tempfile::tempdir().expect("tempdir");
            synth::write_course(dir.path(), n).expect("write course");
            (n, dir)
        })
        .collect();
    let margin = syllabus::cache::stat::MARGIN_NS.unsigned_abs();
    std::thread::sleep(Duration::from_nanos(margin) + Duration::from_millis(100));
    for (n, dir) in courses {
        g.bench_with_input(BenchmarkId::new("first", n), dir.path(), |b, d| {
            b.iter_batched(
                || tempfile::tempdir().expect("tempdir"),
                |cache| {
                    let got = syllabus::cache::load(black_box(d), Some(cache.path()));
                    (got, cache)
                },
                criterion::BatchSize::PerIteration,
            )
        });
        let cache = tempfile::tempdir().expect("tempdir");
        let first = syllabus::cache::load(dir.path(), Some(cache.path()));
        assert!(first.is_ok_and(|c| c.course.modules.len() == n));
        let root = std::fs::canonicalize(dir.path()).expect("root");
        let checked = syllabus::cache::read_entry(
            &syllabus::cache::entry_path(cache.path(), &root),
            &root.to_string_lossy(),
            &DirFiles::new(dir.path()),
            syllabus::cache::stat::nanos(std::time::SystemTime::now()),
        );
        assert!(
            checked.is_some_and(|(_, c)| c.hashed == 0),
            "every module file is trusted by its stat"
        );
        g.bench_with_input(BenchmarkId::new("second", n), dir.path(), |b, d| {
            b.iter_with_large_drop(|| syllabus::cache::load(black_box(d), Some(cache.path())))
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    default_course,
    builtin_decode,
    cached,
    synthetic_memory,
    synthetic_disk
);
criterion_main!(benches);
