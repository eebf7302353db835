//! A 180-day simulation over the built-in course. A simulated learner takes one module's
//! quiz a day (each question right with probability 0.75 the first time) and, every
//! morning, review sessions (20 cards each, the default) until nothing is due. Whether a
//! card is recalled follows a known forgetting curve: FSRS-6's power curve
//! R(t) = (1 + f·t/S)^-d over the learner's *true* stability S, which evolves by FSRS's
//! default parameters. The scheduler is the app's own (queue, sessions, `Scheduler`). Two
//! learners: one the default parameters describe exactly, and one who forgets twice as fast
//! as they assume. Printed: reviews per day and measured retention against the target.
//!
//! `cargo test --test spaced_simulation -- --nocapture` shows the figures.

#![allow(clippy::unwrap_used)]

use fsrs::{FSRS, FSRS6_DEFAULT_DECAY, MemoryState, current_retrievability};
use jiff::{SignedDuration, Timestamp};
use syllabus::course::{self, Course, EmbeddedFiles};
use syllabus::progress::Progress;
use syllabus::quiz::{Answer, Attempt, Mode};
use syllabus::spaced::card::days_between;
use syllabus::spaced::{Queue, Rating, Review, Scheduler, Session};

struct Figures {
    reviews_per_day: [f64; 3],
    retention: f64,
    reviews: usize,
    cards: usize,
}

/// `speed`: how much of the model's stability the learner really has (1 = as modelled).
fn simulate(course: &Course, target: f64, speed: f32, seed: u64) -> Figures {
    let mut rng = fastrand::Rng::with_seed(seed);
    let truth = FSRS::default();
    let scheduler = Scheduler::new(&[], target);
    let mut progress = Progress::new(&course.id);
    // The learner's true memory per (module, question), and when it was last used.
    let mut memory: std::collections::HashMap<(usize, usize), (MemoryState, Timestamp)> =
        Default::default();
    let start = Timestamp::from_second(1_800_000_000).unwrap();
    let day = |d: i64, h: i64| start + SignedDuration::from_hours(24 * d + h);
    let mut per_day = vec![0usize; 180];
    let (mut recalled, mut asked) = (0usize, 0usize);
    let mut queue = Queue::new(scheduler.clone(), course, &progress);
    for d in 0..180i64 {
        // Morning reviews: sessions of 20 until nothing is due.
        loop {
            let now = day(d, 9) + SignedDuration::from_secs(per_day[d as usize] as i64 * 30);
            let session = Session::start(course, &queue, now, 20, d as u64);
            if session.cards.is_empty() {
                break;
            }
            for c in &session.cards {
                let (m, q) = c.locate(course).unwrap();
                let card = queue.card(m, q).unwrap().clone();
                let (state, last) = memory[&(m, q)];
                let t = days_between(last, now) as f32;
                let mut seen = state;
                seen.stability *= speed;
                let r = current_retrievability(seen, t, FSRS6_DEFAULT_DECAY);
                let ok = rng.f32() < r;
                recalled += usize::from(ok);
                asked += 1;
                let rating = if ok { Rating::Good } else { Rating::Again };
                let next = truth
                    .next_states(Some(state), target as f32, t.floor() as u32)
                    .unwrap();
                let true_next = if ok {
                    next.good.memory
                } else {
                    next.again.memory
                };
                memory.insert((m, q), (true_next, now));
                let elapsed = days_between(card.last, now);
                let (_, scheduled) = scheduler.step(Some(card.state), elapsed, rating);
                let module = &course.modules[m];
                let question = &module.quiz.questions[q];
                progress.module_mut(&module.id).reviews.push(Review {
                    card: question.id.to_string(),
                    hash: question.hash.to_string(),
                    at: now,
                    rating,
                    elapsed,
                    scheduled,
                    seconds: 10.0,
                    answer: Answer::Short(String::new()),
                    points: f64::from(u8::from(ok)),
                    correct: ok,
                    extra: toml::Table::new(),
                });
                per_day[d as usize] += 1;
            }
            queue.refresh(course, &progress);
        }
        // Afternoon: the next module's quiz, every question.
        if let Some(module) = course.modules.get(d as usize) {
            let m = d as usize;
            let now = day(d, 15);
            let mut a = Attempt::draw(module, Mode::Full, 1, 1, now, None);
            for (q, question) in module.quiz.questions.iter().enumerate() {
                let ok = rng.f32() < 0.75;
                let r = a.answer(question, Answer::Short(String::new()), now);
                let _ = r;
                if let Some(resp) = a.responses.iter_mut().find(|x| x.question == question.id) {
                    resp.correct = ok;
                    resp.points = f64::from(u8::from(ok));
                }
                let first = truth.next_states(None, target as f32, 0).unwrap();
                let st = if ok {
                    first.good.memory
                } else {
                    first.again.memory
                };
                memory.insert((m, q), (st, now));
            }
            a.finished = Some(now);
            progress.module_mut(&module.id).attempts.push(a);
            queue.refresh(course, &progress);
        }
    }
    let mean = |r: std::ops::Range<usize>| {
        let n = r.len() as f64;
        per_day[r].iter().sum::<usize>() as f64 / n
    };
    Figures {
        reviews_per_day: [mean(0..30), mean(30..90), mean(90..180)],
        retention: recalled as f64 / asked.max(1) as f64,
        reviews: asked,
        cards: queue.cards().len(),
    }
}

#[test]
fn a_simulated_learner_keeps_close_to_the_target_retention_over_180_days() {
    let course = course::load(&EmbeddedFiles::builtin()).course.unwrap();
    println!(
        "built-in course: {} modules, {} questions; one module a day, reviews every morning",
        course.modules.len(),
        course
            .modules
            .iter()
            .map(|m| m.quiz.questions.len())
            .sum::<usize>()
    );
    println!("learner      target  reviews/day d1-30  d31-90  d91-180  total  retention");
    for (name, speed) in [("as modelled", 1.0f32), ("forgets 2x", 0.5)] {
        for target in [0.8, 0.9, 0.95] {
            let f = simulate(&course, target, speed, 42);
            println!(
                "{name:<12} {target:<6}  {:>17.1}  {:>6.1}  {:>7.1}  {:>5}  {:.3}",
                f.reviews_per_day[0],
                f.reviews_per_day[1],
                f.reviews_per_day[2],
                f.reviews,
                f.retention
            );
            assert!(f.cards > 0);
            if speed == 1.0 {
                assert!(
                    (f.retention - target).abs() < 0.05,
                    "{name} at {target}: measured {}",
                    f.retention
                );
            } else {
                assert!(f.retention < target, "a faster forgetter recalls less");
            }
        }
    }
}
