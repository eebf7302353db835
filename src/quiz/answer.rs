//! What a learner answered, in terms of the question's authored order (never the shuffled
//! display order), so an answer means the same thing however the question was shown.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The index of the chosen option.
    Single(usize),
    /// The indices of the ticked options, ascending.
    Multiple(Vec<usize>),
    TrueFalse(bool),
    /// For each item (authored order), the chosen category index, or none.
    Match(#[serde(with = "optional_indices")] Vec<Option<usize>>),
    /// Item indices (authored order) in the order the learner arranged them.
    Order(Vec<usize>),
    Short(String),
}

/// The form in which typed answers are compared (docs/authoring.md, "Short answers"):
/// typographic quotes and dashes as their plain forms, case folded, runs of white space as
/// one space, no space next to a symbol or between a number and its unit ("4 °C" is "4°C",
/// "10 kg" is "10kg"), and no full stop, `!` or `?` at the end.
pub fn normalize_short(s: &str) -> String {
    let plain: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if let (Some(prev), Some(next)) = (out.chars().last(), word.chars().next()) {
            let unit = prev.is_ascii_digit() && next.is_alphabetic();
            if prev.is_alphanumeric() && next.is_alphanumeric() && !unit {
                out.push(' ');
            }
        }
        out.push_str(word);
    }
    let end = out.trim_end_matches(['.', '!', '?']).len();
    out.truncate(end);
    out.to_lowercase()
}

/// How a typed answer matched the accepted ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShortMatch {
    /// No accepted answer.
    Wrong,
    /// An accepted answer, as the author spelt it (case, spacing, quotes and dashes aside).
    Right,
    /// A misspelling the author accepts (a near-copy of an answer listed before it): right,
    /// and the feedback shows `spelling`.
    NearMiss { spelling: String },
}

/// Match `given` against `accept` (see `normalize_short`).
pub fn short_match(accept: &[impl AsRef<str>], given: &str) -> ShortMatch {
    let given = normalize_short(given);
    if given.is_empty() {
        return ShortMatch::Wrong;
    }
    let Some(k) = accept
        .iter()
        .position(|a| normalize_short(a.as_ref()) == given)
    else {
        return ShortMatch::Wrong;
    };
    match accept[..k]
        .iter()
        .find(|a| near_copy(a.as_ref(), accept[k].as_ref()))
    {
        Some(first) => ShortMatch::NearMiss {
            spelling: first.as_ref().to_string(),
        },
        None => ShortMatch::Right,
    }
}

/// Whether `b` is a misspelling of `a`: at most 2 edits, and at most one per 4 characters.
pub fn near_copy(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let d = crate::course::suggest::edit_distance(&a, &b);
    d <= 2 && d * 4 <= b.chars().count()
}

/// TOML arrays cannot hold "none", so an unplaced match item is stored as -1.
pub(crate) mod optional_indices {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[Option<usize>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|x| x.map_or(-1, |i| i as i64)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<usize>>, D::Error> {
        let raw = Vec::<i64>::deserialize(d)?;
        Ok(raw.into_iter().map(|i| usize::try_from(i).ok()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_answers_compare_ignoring_case_and_spaces() {
        assert_eq!(normalize_short("  Status   Quo \t"), "status quo");
        assert_eq!(normalize_short("HOW"), "how");
        assert_eq!(normalize_short(""), "");
    }

    #[test]
    fn symbols_units_quotes_and_dashes_compare_as_one_form() {
        assert_eq!(normalize_short("4°C"), normalize_short("4 °C"));
        assert_eq!(normalize_short("10 kg"), normalize_short("10kg"));
        assert_eq!(normalize_short("it\u{2019}s"), normalize_short("it's"));
        assert_eq!(
            normalize_short("top\u{2013}down"),
            normalize_short("top - down")
        );
        assert_eq!(normalize_short("Why."), "why");
        assert_ne!(normalize_short("status quo"), normalize_short("statusquo"));
    }

    #[test]
    fn an_accepted_misspelling_is_a_near_miss_naming_the_first_spelling() {
        let accept: Vec<String> = ["controlling", "control", "controling"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            short_match(&accept, "Controling"),
            ShortMatch::NearMiss {
                spelling: "controlling".into()
            }
        );
        assert_eq!(short_match(&accept, " CONTROL "), ShortMatch::Right);
        assert_eq!(short_match(&accept, "contrl"), ShortMatch::Wrong);
        assert_eq!(short_match(&accept, ""), ShortMatch::Wrong);
    }
}
