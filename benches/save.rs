//! Saving progress through the real `FileStore::save` (serialize, temp file, fsync, backup
//! link, rename, fsync of the folder) in a temporary folder, holding 10, 1,000 and 10,000
//! responses. See docs/performance.md.

// Benchmark setup: a failure means a broken benchmark, shown with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use support::states::answered_attempt;
use support::synth;
use syllabus::course::{self, Course};
use syllabus::progress::{FileStore, Progress, ProgressStore};

/// Progress on `course` holding exactly `responses` responses, in full attempts of 6.
fn progress_with(course: &Course, responses: usize) -> Progress {
    let mut p = Progress::new(&course.id);
    let mut left = responses;
    let mut n = 0u64;
    while left > 0 {
        for module in &course.modules {
            if left == 0 {
                break;
            }
            n += 1;
            let number = p.attempts(&module.id).len() as u32 + 1;
            let mut a = answered_attempt(module, number, n, |i| i % 4 != 0);
            a.responses.truncate(left);
            left -= a.responses.len();
            let mp = p.module_mut(&module.id);
            mp.opened = module.sections.iter().map(|s| s.id.to_string()).collect();
            mp.section = module.sections.first().map(|s| s.id.to_string());
            mp.active_seconds += 300;
            mp.attempts.push(a);
        }
    }
    assert_eq!(p.response_count(), responses);
    p
}

fn save(c: &mut Criterion) {
    // 100 modules, so 10,000 responses are ~17 attempts per module, not 1,700.
    let course = course::load(&synth::in_memory(100))
        .course
        .unwrap_or_else(|| panic!("synthetic course must load"));
    let dir = tempfile::tempdir().expect("tempdir");
    let mut g = c.benchmark_group("save");
    g.sample_size(20).warm_up_time(Duration::from_millis(500));
    for n in [10usize, 1_000, 10_000] {
        let progress = progress_with(&course, n);
        let path = dir.path().join(format!("progress-{n}.toml"));
        let mut store = FileStore::open(&path, &course.id).store;
        store.save(&progress).unwrap();
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        g.throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::from_parameter(n), &progress, |b, p| {
            b.iter(|| store.save(p).unwrap())
        });
        // And serializing alone, to tell the CPU cost from the disk's.
        g.bench_with_input(BenchmarkId::new("to_toml", n), &progress, |b, p| {
            b.iter(|| p.to_toml().unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, save);
criterion_main!(benches);
