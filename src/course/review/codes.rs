//! The review's warning codes, the `allow` keys that silence them, and the loader's check
//! that every code named in `allow` exists.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::course::sink::Sink;
use crate::course::spec::{Key, Ty, opt};
use crate::course::suggest::suggest;

pub const LONGEST_RIGHT: &str = "item-longest-right";
pub const ABSOLUTE_WORDS: &str = "item-absolute-words";
pub const TF_BALANCE: &str = "item-tf-balance";
pub const TICK_COUNT: &str = "item-tick-count";
pub const MATCH_SPLIT: &str = "item-match-split";
pub const LEAK: &str = "item-leak";
pub const NEAR_DUPLICATE: &str = "item-near-duplicate";
pub const BLANK_MARKER: &str = "item-blank-marker";

/// Every code, in the order docs/authoring.md explains them.
pub const CODES: &[&str] = &[
    LONGEST_RIGHT,
    ABSOLUTE_WORDS,
    TF_BALANCE,
    TICK_COUNT,
    MATCH_SPLIT,
    LEAK,
    NEAR_DUPLICATE,
    BLANK_MARKER,
];

pub const ALLOW_QUESTION: Key = opt(
    "allow",
    Ty::StrArray { min: 1, max: 20 },
    "Item-review codes (e.g. \"item-leak\") not to report for this question; it is also left out of the module's counts.",
);

pub const ALLOW_QUIZ: Key = opt(
    ALLOW_QUESTION.name,
    Ty::StrArray { min: 1, max: 20 },
    "Item-review codes (e.g. \"item-tf-balance\") not to report for any question of this module.",
);

/// Report every entry of `table`'s `allow` that is not a review code.
pub fn check_allow(sink: &mut Sink, table: &DeTable) {
    let Some(DeValue::Array(a)) = ALLOW_QUIZ.value(table).map(|v| v.get_ref()) else {
        return;
    };
    for v in a.iter() {
        let Some(code) = v.get_ref().as_str() else {
            continue;
        };
        if !CODES.contains(&code) {
            unknown(sink, code, v.span());
        }
    }
}

fn unknown(sink: &mut Sink, code: &str, span: Range<usize>) {
    let hint = match suggest(code, CODES.iter().copied()) {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => format!(
            "the codes are {}; see \"Writing questions that measure learning\" in docs/authoring.md",
            CODES
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    sink.error(
        span,
        format!("unknown review code \"{code}\" in `allow`"),
        hint,
    );
}

/// The strings of `allow`, or none.
pub fn allowed(table: &DeTable) -> Vec<String> {
    let Some(DeValue::Array(a)) = ALLOW_QUIZ.value(table).map(|v| v.get_ref()) else {
        return Vec::new();
    };
    a.iter()
        .filter_map(|v| v.get_ref().as_str().map(str::to_string))
        .collect()
}
