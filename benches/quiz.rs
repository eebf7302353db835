//! Grading: drawing an attempt from a module's pool, answering every question (each kind
//! graded by its rules) and scoring it. See docs/performance.md.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use support::states::{right_answer, t0, wrong_answer};
use syllabus::course::{self, EmbeddedFiles};
use syllabus::quiz::{Attempt, Mode};

fn grade_attempt(c: &mut Criterion) {
    let course = course::load(&EmbeddedFiles::builtin())
        .course
        .unwrap_or_else(|| panic!("the default course must load"));
    // The final assessment has the largest pool and every kind but one.
    let module = course
        .modules
        .iter()
        .max_by_key(|m| m.quiz.questions.len())
        .unwrap_or_else(|| panic!("no modules"));
    let answers: Vec<_> = module
        .quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = if i % 3 == 0 {
                wrong_answer(&q.kind)
            } else {
                right_answer(&q.kind)
            };
            (q.id.clone(), a)
        })
        .collect();
    let mut seed = 0u64;
    c.bench_function("quiz/draw_answer_score", |b| {
        b.iter(|| {
            seed += 1;
            let mut a = Attempt::draw(module, Mode::Full, 1, seed, t0(), None);
            let asked: Vec<String> = a.questions.iter().map(|q| q.id.clone()).collect();
            for id in &asked {
                let Some(q) = module.question(id) else {
                    continue;
                };
                let answer = answers
                    .iter()
                    .find(|(qid, _)| qid == id)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_else(|| right_answer(&q.kind));
                a.answer(q, answer, t0());
            }
            black_box(a.score())
        })
    });
}

criterion_group!(benches, grade_attempt);
criterion_main!(benches);
