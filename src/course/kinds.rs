//! A question's `kind`: when it is missing or not one of the six, the author gets one error
//! that names the kind the question's keys point to ("did you mean" for `multi`, `tf`,
//! `categorize`...), and none of the unknown-key errors that an unknown kind would cause.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::sink::Sink;
use super::spec::question::{self as key, choice};
use super::spec::{Key, Variants};
use super::suggest::edit_distance;

/// Names authors use for each kind, from other tools and plain English.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "single",
        &[
            "one",
            "radio",
            "choice",
            "single_choice",
            "single-choice",
            "mcq",
            "multiple_choice",
            "multiple-choice",
            "multichoice",
            "pick",
            "select",
        ],
    ),
    (
        "multiple",
        &[
            "multi",
            "many",
            "multi_select",
            "multi-select",
            "multiselect",
            "checkbox",
            "checkboxes",
            "select_all",
            "select-all",
            "all_that_apply",
            "multiple_answer",
            "multiple_response",
        ],
    ),
    (
        "true_false",
        &[
            "tf",
            "t/f",
            "truefalse",
            "true-false",
            "true/false",
            "boolean",
            "bool",
            "yes_no",
            "yes-no",
            "yesno",
            "true",
        ],
    ),
    (
        "match",
        &[
            "matching",
            "categorize",
            "categorise",
            "categorization",
            "categorisation",
            "category",
            "categories",
            "classify",
            "group",
            "grouping",
            "sort_into",
            "bucket",
            "pair",
            "pairs",
        ],
    ),
    (
        "order",
        &[
            "ordering",
            "sort",
            "sorting",
            "sequence",
            "sequencing",
            "rank",
            "ranking",
            "arrange",
            "steps",
        ],
    ),
    (
        "short",
        &[
            "text",
            "fill",
            "fill_in",
            "fill-in",
            "fillin",
            "blank",
            "fill_in_the_blank",
            "cloze",
            "free_text",
            "input",
            "open",
            "short_answer",
            "short-answer",
            "shortanswer",
            "string",
            "word",
        ],
    ),
];

/// Check the tag of a table with variants. Returns false (after one error) when the kind is
/// missing or unknown, so the caller skips the rest of the question.
pub fn known(sink: &mut Sink, table: &DeTable, span: Range<usize>, v: &Variants) -> bool {
    // The usual case first: a known kind needs none of the wording below.
    if let Some(kind) = table.get(v.tag).and_then(|k| k.get_ref().as_str())
        && v.kinds.iter().any(|(k, _)| *k == kind)
    {
        return true;
    }
    let kinds: Vec<&str> = v.kinds.iter().map(|(k, _)| *k).collect();
    let inferred = infer(table);
    let list = kinds
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let id = match key::ID.str(table) {
        Some((id, _)) => format!(" `{id}`"),
        None => String::new(),
    };
    let Some(value) = table.get(v.tag) else {
        let hint = match inferred {
            Some((k, why)) => format!(
                "its {why} fit {} `{k}` question: add `kind = \"{k}\"` under this header",
                article(k)
            ),
            None => format!("add `kind = ...` with one of {list}"),
        };
        let at = header_span(sink.source(), span);
        sink.error(at, format!("question{id} has no `kind`"), hint);
        sink.last_code("missing-kind");
        return false;
    };
    let name = match value.get_ref() {
        DeValue::String(s) => s.to_string(),
        _ => {
            sink.error(
                value.span(),
                format!("`kind` should be a string, one of {list}"),
                "write the kind in quotes, e.g. kind = \"single\"",
            );
            sink.last_code("wrong-type");
            return false;
        }
    };
    if kinds.contains(&name.as_str()) {
        return true;
    }
    let guess = alias(&name, &kinds, inferred.as_ref().map(|(k, _)| *k));
    let hint = match (guess, inferred) {
        (Some(g), _) => format!("did you mean \"{g}\"? The kinds are {list}"),
        (None, Some((k, why))) => {
            format!(
                "its {why} fit {} `{k}` question: write kind = \"{k}\"; the kinds are {list}",
                article(k)
            )
        }
        (None, None) => format!("use one of {list}"),
    };
    sink.error(
        value.span(),
        format!("\"{name}\" is not a question kind"),
        hint,
    );
    sink.last_code("unknown-kind");
    false
}

/// The kind an unknown name most likely means: an alias, a near-miss or a prefix of one of
/// the six; where an alias could mean two kinds (`sort`), the question's keys decide.
fn alias<'k>(name: &str, kinds: &[&'k str], inferred: Option<&'k str>) -> Option<&'k str> {
    let n = name.trim().to_lowercase().replace(' ', "_");
    let owners: Vec<&'k str> = kinds
        .iter()
        .copied()
        .filter(|k| {
            ALIASES
                .iter()
                .any(|(kind, names)| kind == k && names.contains(&n.as_str()))
        })
        .collect();
    if let Some(k) = inferred.filter(|k| owners.contains(k)) {
        return Some(k);
    }
    if n == "sort" && inferred == Some("match") {
        return Some("match");
    }
    if let Some(k) = owners.first() {
        return Some(k);
    }
    if let Some(k) = kinds.iter().find(|k| **k == n) {
        return Some(k);
    }
    if n.len() >= 3
        && let Some(k) = kinds.iter().find(|k| k.starts_with(&n))
    {
        return Some(k);
    }
    let limit = (n.chars().count() / 3).clamp(1, 3);
    kinds
        .iter()
        .map(|k| (edit_distance(&n, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The kind a question's keys point to, and those keys, for the hint.
fn infer(t: &DeTable) -> Option<(&'static str, String)> {
    let has = |k: &Key| k.is_in(t);
    let kind = if has(&key::ACCEPT) {
        "short"
    } else if has(&key::ANSWER) || has(&key::TRUE_FEEDBACK) || has(&key::FALSE_FEEDBACK) {
        "true_false"
    } else if has(&key::CATEGORIES) {
        "match"
    } else if let Some(DeValue::Array(items)) = key::MATCH_ITEMS.value(t).map(|v| v.get_ref()) {
        if items.iter().any(|i| i.get_ref().is_table()) {
            "match"
        } else {
            "order"
        }
    } else if let Some(DeValue::Array(options)) = key::OPTIONS.value(t).map(|v| v.get_ref()) {
        let correct = options
            .iter()
            .filter(|o| o.get_ref().as_table().and_then(|o| choice::CORRECT.bool(o)) == Some(true))
            .count();
        if correct > 1 || has(&key::PARTIAL_CREDIT) {
            "multiple"
        } else {
            "single"
        }
    } else {
        return None;
    };
    let keys: Vec<String> = t
        .iter()
        .map(|(k, _)| k.get_ref().to_string())
        .filter(|k| {
            ![
                key::ID,
                key::KIND,
                key::PROMPT,
                key::EXPLANATION,
                key::REVISION,
            ]
            .iter()
            .any(|shared| shared.name == k)
        })
        .map(|k| format!("`{k}`"))
        .collect();
    Some((kind, format!("keys {}", keys.join(", "))))
}

fn header_span(source: &str, span: Range<usize>) -> Range<usize> {
    let text = source.get(span.clone()).unwrap_or("");
    if text.starts_with('[') {
        span
    } else {
        span.start..span.start
    }
}

fn article(kind: &str) -> &'static str {
    if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
