//! The assessment blueprint: `pool = "..."` on questions and `[quiz] draw = [...]`, so that
//! every attempt draws a set number of questions from each pool (say, one per module of the
//! course). This file owns the two keys and the loader's checks of them; drawing is
//! `quiz::attempt`'s job.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::model::Draw;
use super::sink::Sink;
use super::spec::{self, Key, TableSpec, Ty, opt, req};
use super::suggest::suggest;

pub const POOL_KEY: Key = opt(
    "pool",
    Ty::Str,
    "The blueprint pool this question belongs to, by convention the id of the module that teaches it; used by [quiz] draw.",
);

/// The pool a draw entry draws from; the same name as a question's `pool`.
pub const DRAW_POOL: Key = req(
    POOL_KEY.name,
    Ty::Str,
    "The pool to draw from: the `pool` of some questions.",
);
pub const DRAW_COUNT: Key = req(
    "count",
    Ty::Int { min: 1, max: 1000 },
    "How many questions of that pool each attempt asks.",
);

pub static DRAW_ENTRY: TableSpec = TableSpec {
    what: "a draw entry",
    keys: &[DRAW_POOL, DRAW_COUNT],
    variants: None,
};

pub const DRAW_KEY: Key = opt(
    "draw",
    Ty::TableArray {
        spec: &DRAW_ENTRY,
        min: 1,
        max: 1000,
    },
    "The blueprint: each attempt draws `count` questions from each `pool`; the attempt size is the sum.",
);

/// Check `questions_per_attempt`, `draw` and every question's `pool` of one quiz, and return
/// the blueprint and the attempt size. `questions` are the question tables, in order.
pub fn attempt_size(
    sink: &mut Sink,
    quiz: &DeTable,
    questions: &[(&DeTable, Range<usize>)],
) -> (Vec<Draw>, usize) {
    let total = questions.len();
    let per_attempt = spec::quiz::QUESTIONS_PER_ATTEMPT.int(quiz);
    // The pools in use: tag -> number of questions.
    let mut sizes: HashMap<String, usize> = HashMap::new();
    let mut tags: Vec<String> = Vec::new();
    for (q, _) in questions {
        if let Some((tag, _)) = POOL_KEY.str(q) {
            let n = sizes.entry(tag.to_string()).or_insert(0);
            if *n == 0 {
                tags.push(tag.to_string());
            }
            *n += 1;
        }
    }
    let Some(DeValue::Array(entries)) = DRAW_KEY.value(quiz).map(|v| v.get_ref()) else {
        if let Some((_, span)) = questions.iter().find_map(|(q, _)| POOL_KEY.str(q)) {
            let n: usize = sizes.values().sum();
            let those = if n == 1 {
                "1 question sets it".to_string()
            } else {
                format!("{n} questions set it")
            };
            sink.warning(
                span,
                format!("`pool` has no effect without [quiz] draw ({those})"),
                "add `draw = [{ pool = \"...\", count = 1 }, ...]` to [quiz] to draw from each pool, or remove `pool`",
            );
        }
        return match per_attempt {
            Some((n, span)) => {
                let n = n.max(1) as usize;
                if total > 0 && n > total {
                    sink.error(
                        span,
                        format!(
                            "the quiz asks {n} questions per attempt but its pool has only {total}"
                        ),
                        "add questions to the pool or lower questions_per_attempt",
                    );
                }
                (Vec::new(), n.min(total.max(1)))
            }
            None => (Vec::new(), total),
        };
    };

    let mut draw: Vec<Draw> = Vec::new();
    // Every pool an entry names, even one with a bad count (reported by the key table).
    let mut named: Vec<String> = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    // Tags a misspelt draw entry was taken for: their questions are not reported again.
    let mut suggested: Vec<String> = Vec::new();
    for entry in entries.iter() {
        let Some(e) = entry.get_ref().as_table() else {
            continue;
        };
        let (Some((pool, pspan)), Some((count, cspan))) = (DRAW_POOL.str(e), DRAW_COUNT.int(e))
        else {
            continue;
        };
        let pool = pool.to_string();
        if let Some(&at) = first_at.get(&pool) {
            let line = sink.doc.line_of(at);
            sink.error(
                pspan,
                format!("pool `{pool}` is listed twice in `draw`"),
                format!(
                    "it is first listed on line {line}; keep one entry and add the counts together"
                ),
            );
            continue;
        }
        first_at.insert(pool.clone(), pspan.start);
        named.push(pool.clone());
        let have = sizes.get(&pool).copied().unwrap_or(0);
        if have == 0 {
            let hint = match suggest(&pool, tags.iter().map(String::as_str)) {
                Some(s) => {
                    suggested.push(s.to_string());
                    format!("did you mean `{s}`?")
                }
                None if tags.is_empty() => {
                    format!(
                        "no question sets `pool`; add `pool = \"{pool}\"` to the questions this entry should draw from"
                    )
                }
                None => format!(
                    "add `pool = \"{pool}\"` to some questions; the pools in use are {}",
                    quoted(&tags)
                ),
            };
            sink.error(pspan, format!("no question is in pool `{pool}`"), hint);
        } else if count >= 1 && (count as usize) > have {
            let questions = if have == 1 { "question" } else { "questions" };
            sink.error(
                cspan,
                format!("`draw` asks for {count} questions from pool `{pool}`, which has only {have} {questions}"),
                format!("add questions with `pool = \"{pool}\"`, or lower the count to {have}"),
            );
        }
        if count >= 1 {
            draw.push(Draw {
                pool,
                count: count as usize,
            });
        }
    }

    let drawn: Vec<&str> = named.iter().map(String::as_str).collect();
    for (q, qspan) in questions {
        let id = spec::question::ID.str(q).map(|s| s.0).unwrap_or_default();
        match POOL_KEY.str(q) {
            None => {
                let span = spec::question::ID.span(q).unwrap_or(qspan.clone());
                sink.error(
                    span,
                    format!("question `{id}` has no `pool`, so `draw` never asks it"),
                    format!(
                        "add `pool = \"...\"` naming one of {}, or remove the question",
                        quoted(&drawn)
                    ),
                );
            }
            Some((tag, span)) if !drawn.contains(&tag) && !suggested.iter().any(|s| s == tag) => {
                let hint = match suggest(tag, drawn.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "add `{{ pool = \"{tag}\", count = 1 }}` to `draw`, or move the question to one of {}",
                        quoted(&drawn)
                    ),
                };
                sink.error(
                    span,
                    format!("question `{id}` is in pool `{tag}`, which `draw` never draws from"),
                    hint,
                );
            }
            Some(_) => {}
        }
    }

    let sum: usize = draw.iter().map(|d| d.count).sum();
    if let Some((n, span)) = per_attempt
        && n >= 1
        && n as usize != sum
        && sum > 0
    {
        sink.error(
            span,
            format!("questions_per_attempt is {n} but the counts in `draw` add up to {sum}"),
            "make them equal, or remove questions_per_attempt: with `draw` an attempt asks the sum of the counts",
        );
    }
    let size = if sum > 0 {
        sum.min(total.max(1))
    } else {
        total
    };
    (draw, size)
}

fn quoted<S: AsRef<str>>(names: &[S]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    list.join(", ")
}
