//! Cues in the structure of a module's questions: the right option longest, absolute words
//! only in wrong options, true/false mostly one way, every tick-all question with the same
//! number of right options, match splits always even; and, across the course, mixed blank
//! markers. The thresholds are explained in docs/authoring.md.

use super::codes::*;
use super::stats::{is_even, longest_right, match_split, tf_answer, tick_count};
use super::text::{ABSOLUTE, absolute_count, right_texts, words, wrong_texts};
use super::{At, Finding, all, counts, tail};
use crate::course::model::{Course, QuestionKind};

/// A one-sided test at this level decides "more often than chance".
const SIGNIFICANCE: f64 = 0.05;

fn finding(at: At, code: &'static str, message: String, hint: &str) -> Finding {
    Finding {
        code,
        module: at.module,
        question: at.question,
        message,
        hint: hint.to_string(),
    }
}

/// The questions of module `mi` that count for `code`.
fn members(course: &Course, mi: usize, code: &str) -> Vec<At> {
    (0..course.modules[mi].quiz.questions.len())
        .map(|qi| At {
            module: mi,
            question: qi,
        })
        .filter(|&at| counts(course, at, code))
        .collect()
}

fn question(course: &Course, at: At) -> &crate::course::model::Question {
    &course.modules[at.module].quiz.questions[at.question]
}

pub fn module(course: &Course, mi: usize, out: &mut Vec<Finding>) {
    longest(course, mi, out);
    absolute(course, mi, out);
    true_false(course, mi, out);
    let ticks = structure(course, &members(course, mi, TICK_COUNT), 2, TICK);
    let splits = structure(course, &members(course, mi, MATCH_SPLIT), 2, SPLIT);
    out.extend(ticks.into_iter().chain(splits));
}

/// Tick-all counts and match splits across the course, for a pattern that no single module
/// shows (say, one match question per module, each split evenly).
pub fn course_wide(course: &Course, out: &mut Vec<Finding>) {
    for (code, shape) in [(TICK_COUNT, TICK), (MATCH_SPLIT, SPLIT)] {
        if out.iter().any(|f| f.code == code) {
            continue;
        }
        let members: Vec<At> = all(course)
            .into_iter()
            .filter(|&at| counts(course, at, code))
            .collect();
        if let Some(mut f) = structure(course, &members, 3, shape) {
            f.message = f.message.replace("in this module", "in the course");
            out.push(f);
        }
    }
    blanks(course, out);
}

fn longest(course: &Course, mi: usize, out: &mut Vec<Finding>) {
    let singles: Vec<(At, bool, usize)> = members(course, mi, LONGEST_RIGHT)
        .into_iter()
        .filter_map(|at| longest_right(question(course, at)).map(|(l, m)| (at, l, m)))
        .collect();
    let k = singles.iter().filter(|s| s.1).count();
    let p: Vec<f64> = singles.iter().map(|s| 1.0 / s.2 as f64).collect();
    if k < 3 || tail(&p, k) >= SIGNIFICANCE {
        return;
    }
    let first = singles.iter().find(|s| s.1).map_or(singles[0].0, |s| s.0);
    let expected: f64 = p.iter().sum();
    out.push(finding(
        first,
        LONGEST_RIGHT,
        format!(
            "the right option is strictly the longest in {k} of this module's {} single questions; chance would give about {expected:.1}",
            singles.len()
        ),
        "a test-wise reader picks the longest option without reading the lesson: make the wrong options as long and specific as the right one",
    ));
}

fn absolute(course: &Course, mi: usize, out: &mut Vec<Finding>) {
    let (mut wrong, mut right) = (0, 0);
    let mut first = None;
    let mut seen: Vec<String> = Vec::new();
    for at in members(course, mi, ABSOLUTE_WORDS) {
        let q = question(course, at);
        let (r, w) = match &q.kind {
            QuestionKind::TrueFalse { answer: true, .. } => (vec![q.prompt.plain()], vec![]),
            QuestionKind::TrueFalse { answer: false, .. } => (vec![], vec![q.prompt.plain()]),
            QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                (right_texts(q), wrong_texts(q))
            }
            _ => continue,
        };
        right += r.iter().map(|t| absolute_count(t)).sum::<usize>();
        for t in &w {
            let n = absolute_count(t);
            if n > 0 && first.is_none() {
                first = Some(at);
            }
            wrong += n;
            for word in words(t) {
                if ABSOLUTE.contains(&word.as_str()) && !seen.contains(&word) && seen.len() < 5 {
                    seen.push(word);
                }
            }
        }
    }
    let Some(first) = first else { return };
    if wrong < 3 || wrong < 5 * right {
        return;
    }
    let right_part = match right {
        0 => "never in right ones".to_string(),
        1 => "once in a right one".to_string(),
        n => format!("{n} times in right ones"),
    };
    out.push(finding(
        first,
        ABSOLUTE_WORDS,
        format!(
            "absolute words ({}) appear {wrong} times in this module's wrong options and false statements, {right_part}",
            seen.join(", ")
        ),
        "readers learn that \"extreme means wrong\": word some right options and true statements strongly, and hedge some wrong ones",
    ));
}

fn true_false(course: &Course, mi: usize, out: &mut Vec<Finding>) {
    let tf: Vec<(At, bool)> = members(course, mi, TF_BALANCE)
        .into_iter()
        .filter_map(|at| tf_answer(question(course, at)).map(|a| (at, a)))
        .collect();
    let n = tf.len();
    let trues = tf.iter().filter(|t| t.1).count();
    let minority = trues.min(n - trues);
    if n < 3 || minority * 4 >= n {
        return;
    }
    let (most, word) = if trues > n - trues {
        (trues, "true")
    } else {
        (n - trues, "false")
    };
    out.push(finding(
        tf[0].0,
        TF_BALANCE,
        format!("{most} of this module's {n} true/false questions are {word}"),
        "a reader who always answers the same way passes: make about half of them true and half false",
    ));
}

/// How `structure` reads one question kind.
struct Shape {
    /// The question's shape, when it is of the kind.
    of: fn(&crate::course::model::Question) -> Option<String>,
    /// Whether the question is of the kind.
    is: fn(&QuestionKind) -> bool,
    code: &'static str,
    message: fn(usize, &str) -> String,
    hint: &'static str,
}

const TICK: Shape = Shape {
    of: |q| tick_count(q).map(|(r, _)| r.to_string()),
    is: |k| matches!(k, QuestionKind::Multiple { .. }),
    code: TICK_COUNT,
    message: |n, s| format!("all {n} tick-all questions in this module have {s} right options"),
    hint: "a reader who knows how many to tick needs to know less: vary the number of right options, from one to most of the options",
};

const SPLIT: Shape = Shape {
    of: |q| match_split(q).filter(|s| is_even(s)).map(|_| "even".to_string()),
    is: |k| matches!(k, QuestionKind::Match { .. }),
    code: MATCH_SPLIT,
    message: |n, _| format!("all {n} match questions in this module split their items evenly"),
    hint: "with an even split the last items place themselves: vary the split (say 4 and 2, or 1 and 5)",
};

/// A finding when at least `min` questions of the kind are among `members` and all have the
/// same shape. Match questions count only when even; an uneven one breaks the pattern.
fn structure(course: &Course, members: &[At], min: usize, shape: Shape) -> Option<Finding> {
    let kind: Vec<(At, Option<String>)> = members
        .iter()
        .filter_map(|&at| {
            let q = question(course, at);
            (shape.is)(&q.kind).then(|| (at, (shape.of)(q)))
        })
        .collect();
    let first = kind.first()?;
    let s = first.1.clone()?;
    let uniform = kind.iter().all(|(_, k)| k.as_deref() == Some(s.as_str()));
    (kind.len() >= min && uniform).then(|| {
        finding(
            first.0,
            shape.code,
            (shape.message)(kind.len(), &s),
            shape.hint,
        )
    })
}

/// Whether a prompt marks a blank with underscores, and with dots (`...` or `…` not right
/// after a letter, which would be an ellipsis).
fn markers(prompt: &str) -> (bool, bool) {
    let underscores = prompt.contains("___");
    let chars: Vec<char> = prompt.chars().collect();
    let dots = chars.iter().enumerate().any(|(i, &c)| {
        let starts = c == '…' || (c == '.' && chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.'));
        starts && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '.')
    });
    (underscores, dots)
}

fn blanks(course: &Course, out: &mut Vec<Finding>) {
    let (mut under, mut dots): (Vec<At>, Vec<At>) = (Vec::new(), Vec::new());
    for at in all(course) {
        if !counts(course, at, BLANK_MARKER) {
            continue;
        }
        let (u, d) = markers(&question(course, at).prompt.plain());
        if u {
            under.push(at);
        }
        if d {
            dots.push(at);
        }
    }
    if under.is_empty() || dots.is_empty() {
        return;
    }
    let (few, few_mark, many, many_mark) = if dots.len() <= under.len() {
        (&dots, "`...`", &under, "`____`")
    } else {
        (&under, "`____`", &dots, "`...`")
    };
    for &at in few {
        out.push(finding(
            at,
            BLANK_MARKER,
            format!(
                "this prompt marks a blank with {few_mark}, but {} other questions of the course use {many_mark} (first {})",
                many.len(),
                super::name(course, many[0], at.module)
            ),
            "mark every blank the same way, so a learner never wonders whether dots are a blank or an ellipsis",
        ));
    }
}
