//! Work spread over the machine's cores, results in order: loading a course folder builds
//! its modules this way, and the cache writes and reads its parts this way (see
//! docs/performance.md, "Large courses on every core"). Nothing here knows what the work
//! is.
//!
//! `map` hands the items out one at a time from a shared counter (a big module and a small
//! one take turns fairly), on the calling thread and up to `MAX_THREADS - 1` more. A thread
//! that cannot be started is no error: the ones that did start, and the calling thread, do
//! its share. The results come back in the items' order, so what the caller builds from
//! them (diagnostics, the module list) is the same as one thread would build.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The most threads `map` uses, the calling one included.
pub const MAX_THREADS: usize = 8;

/// `f` of every item, in the items' order, computed on up to [`MAX_THREADS`] threads.
/// Below `min_items` items everything runs on the calling thread, where a thread's start
/// would cost more than it saves.
pub fn map<T: Sync, R: Send>(items: &[T], min_items: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = if items.len() < min_items.max(2) {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(items.len())
            .min(MAX_THREADS)
    };
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut all = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("syllabus-work".into())
                    .spawn_scoped(s, work)
                    .ok()
            })
            .collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_thread_computed_them() {
        let items: Vec<u64> = (0..200).collect();
        let me = std::thread::current().id();
        let helped = std::sync::atomic::AtomicBool::new(false);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let got = map(&items, 2, |&i| {
            if std::thread::current().id() != me {
                helped.store(true, Ordering::SeqCst);
            } else if cores > 1 {
                // The calling thread waits (at most 5 s) for a helper to take an item, so
                // the items are surely shared out, and finished out of order.
                let start = std::time::Instant::now();
                while !helped.load(Ordering::SeqCst) && start.elapsed().as_secs() < 5 {
                    std::thread::yield_now();
                }
            }
            (i, std::thread::current().id())
        });
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), items);
        if cores > 1 {
            assert!(
                got.iter().any(|g| g.1 != me),
                "{cores} cores, and one thread did all"
            );
        }
    }

    #[test]
    fn below_the_minimum_everything_runs_on_the_calling_thread() {
        let me = std::thread::current().id();
        let got = map(&[1, 2, 3], 4, |&i| (i * 2, std::thread::current().id()));
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), [2, 4, 6]);
        assert!(got.iter().all(|g| g.1 == me));
        assert!(map(&[] as &[u8], 0, |&b| b).is_empty());
    }
}
