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

/// One structural cue: which questions it looks at, and the test over a group of them.
struct Cue {
    code: &'static str,
    kind: fn(&QuestionKind) -> bool,
    /// The finding for a group of questions (all of the cue's kind), named by `scope`
    /// ("this module's", "the course's").
    test: fn(&Course, &[At], &str) -> Option<Finding>,
}

const CUES: &[Cue] = &[
    Cue {
        code: LONGEST_RIGHT,
        kind: |k| matches!(k, QuestionKind::Single { .. }),
        test: longest,
    },
    Cue {
        code: ABSOLUTE_WORDS,
        kind: |k| {
            matches!(
                k,
                QuestionKind::Single { .. }
                    | QuestionKind::Multiple { .. }
                    | QuestionKind::TrueFalse { .. }
            )
        },
        test: absolute,
    },
    Cue {
        code: TF_BALANCE,
        kind: |k| matches!(k, QuestionKind::TrueFalse { .. }),
        test: true_false,
    },
    Cue {
        code: TICK_COUNT,
        kind: |k| matches!(k, QuestionKind::Multiple { .. }),
        test: ticks,
    },
    Cue {
        code: MATCH_SPLIT,
        kind: |k| matches!(k, QuestionKind::Match { .. }),
        test: splits,
    },
];

fn question(course: &Course, at: At) -> &crate::course::model::Question {
    &course.modules[at.module].quiz.questions[at.question]
}

/// The questions among `ats` that the cue looks at and that count for its code.
fn members(course: &Course, cue: &Cue, ats: impl Iterator<Item = At>) -> Vec<At> {
    ats.filter(|&at| (cue.kind)(&question(course, at).kind) && counts(course, at, cue.code))
        .collect()
}

/// The cues of module `mi`.
pub fn module(course: &Course, mi: usize, out: &mut Vec<Finding>) {
    let ats = || {
        (0..course.modules[mi].quiz.questions.len()).map(move |qi| At {
            module: mi,
            question: qi,
        })
    };
    for cue in CUES {
        out.extend((cue.test)(
            course,
            &members(course, cue, ats()),
            "this module's",
        ));
    }
}

/// The same cues over the whole course, for a habit no single module shows clearly (a few
/// questions per module, the same way every time). Modules already warned about for a cue
/// are left out of it; the course needs questions of the kind in at least two modules.
pub fn course_wide(course: &Course, out: &mut Vec<Finding>) {
    for cue in CUES {
        let warned: Vec<usize> = out
            .iter()
            .filter(|f| f.code == cue.code)
            .map(|f| f.module)
            .collect();
        let ats = all(course)
            .into_iter()
            .filter(|at| !warned.contains(&at.module));
        let group = members(course, cue, ats);
        let mut modules: Vec<usize> = group.iter().map(|at| at.module).collect();
        modules.dedup();
        if modules.len() < 2 {
            continue;
        }
        let scope = if warned.is_empty() {
            "the course's"
        } else {
            "the other modules'"
        };
        out.extend((cue.test)(course, &group, scope));
    }
    blanks(course, out);
}

/// Strictly longest right option more often than chance: at least 3 such questions, and
/// fewer than a 5% chance of that many if each option were equally likely to be longest.
fn longest(course: &Course, group: &[At], scope: &str) -> Option<Finding> {
    let singles: Vec<(At, bool, usize)> = group
        .iter()
        .filter_map(|&at| longest_right(question(course, at)).map(|(l, m)| (at, l, m)))
        .collect();
    let k = singles.iter().filter(|s| s.1).count();
    let p: Vec<f64> = singles.iter().map(|s| 1.0 / s.2 as f64).collect();
    if k < 3 || tail(&p, k) >= SIGNIFICANCE {
        return None;
    }
    let first = singles.iter().find(|s| s.1)?.0;
    let expected: f64 = p.iter().sum();
    Some(finding(
        first,
        LONGEST_RIGHT,
        format!(
            "the right option is strictly the longest in {k} of {scope} {} single questions; chance would give about {expected:.1}",
            singles.len()
        ),
        "a test-wise reader picks the longest option without reading the lesson: make the wrong options as long and specific as the right one",
    ))
}

/// Absolute words in wrong options and false statements: at least 3, and at least 5 times
/// as many as in right options and true statements.
fn absolute(course: &Course, group: &[At], scope: &str) -> Option<Finding> {
    let (mut wrong, mut right) = (0, 0);
    let mut first = None;
    let mut seen: Vec<String> = Vec::new();
    for &at in group {
        let q = question(course, at);
        let (r, w) = match &q.kind {
            QuestionKind::TrueFalse { answer: true, .. } => (vec![q.prompt.plain()], vec![]),
            QuestionKind::TrueFalse { answer: false, .. } => (vec![], vec![q.prompt.plain()]),
            _ => (right_texts(q), wrong_texts(q)),
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
    if wrong < 3 || wrong < 5 * right {
        return None;
    }
    let right_part = match right {
        0 => "never in right ones".to_string(),
        1 => "once in a right one".to_string(),
        n => format!("{n} times in right ones"),
    };
    Some(finding(
        first?,
        ABSOLUTE_WORDS,
        format!(
            "absolute words ({}) appear {wrong} times in {scope} wrong options and false statements, {right_part}",
            seen.join(", ")
        ),
        "readers learn that \"extreme means wrong\": word some right options and true statements strongly, and hedge some wrong ones",
    ))
}

/// True/false mostly one way: at least 3 questions, fewer than a quarter the other way.
fn true_false(course: &Course, group: &[At], scope: &str) -> Option<Finding> {
    let answers: Vec<bool> = group
        .iter()
        .filter_map(|&at| tf_answer(question(course, at)))
        .collect();
    let n = answers.len();
    let trues = answers.iter().filter(|a| **a).count();
    if n < 3 || trues.min(n - trues) * 4 >= n {
        return None;
    }
    let (most, word) = if trues * 2 > n {
        (trues, "true")
    } else {
        (n - trues, "false")
    };
    Some(finding(
        group[0],
        TF_BALANCE,
        format!("{most} of {scope} {n} true/false questions are {word}"),
        "a reader who always answers the same way passes: make about half of them true and half false",
    ))
}

/// Tick-all questions that always want about the same number of ticks: two or more with
/// the same number, or four or more within two neighbouring numbers (say, always 3 or 4).
fn ticks(course: &Course, group: &[At], scope: &str) -> Option<Finding> {
    let right: Vec<usize> = group
        .iter()
        .filter_map(|&at| tick_count(question(course, at)).map(|(r, _)| r))
        .collect();
    let (lo, hi) = (*right.iter().min()?, *right.iter().max()?);
    let n = right.len();
    if !(n >= 2 && lo == hi || n >= 4 && hi - lo <= 1) {
        return None;
    }
    let counts = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo} or {hi}")
    };
    Some(finding(
        group[0],
        TICK_COUNT,
        format!("all {n} of {scope} tick-all questions have {counts} right options"),
        "a reader who knows how many to tick needs to know less: vary the number of right options, from one to most of the options",
    ))
}

/// Match questions that mostly split evenly: two or more, at least three quarters even.
fn splits(course: &Course, group: &[At], scope: &str) -> Option<Finding> {
    let even: Vec<bool> = group
        .iter()
        .filter_map(|&at| match_split(question(course, at)).map(|s| is_even(&s)))
        .collect();
    let n = even.len();
    let k = even.iter().filter(|e| **e).count();
    if n < 2 || k * 4 < n * 3 {
        return None;
    }
    Some(finding(
        group[0],
        MATCH_SPLIT,
        format!("{k} of {scope} {n} match questions split their items evenly"),
        "with an even split the last items place themselves: vary the split (say 4 and 2, or 1 and 5)",
    ))
}

/// Whether a prompt marks a blank with underscores, and with dots (`...` or `…` not right
/// after a letter, which would be an ellipsis).
fn markers(prompt: &str) -> (bool, bool) {
    let underscores = prompt.contains("___");
    let chars: Vec<char> = prompt.chars().collect();
    let dots = chars.iter().enumerate().any(|(i, &c)| {
        let starts = c == '…'
            || (c == '.' && chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.'));
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
