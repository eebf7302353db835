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

/// The form in which typed answers are compared: trimmed, case folded, runs of white space
/// collapsed to one space.
pub fn normalize_short(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// TOML arrays cannot hold "none", so an unplaced match item is stored as -1.
mod optional_indices {
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
}
