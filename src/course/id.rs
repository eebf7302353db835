//! Ids (of courses, modules, sections, questions): what progress is keyed on, so they are
//! kept to a safe, stable alphabet; and the id to suggest for a name that is not one.

use std::ops::Range;

use super::sink::Sink;

/// Ids are what progress is keyed on, so they are kept to a safe, stable alphabet.
pub fn check_id(sink: &mut Sink, s: &str, span: Range<usize>) {
    if !is_valid_id(s) {
        sink.error(
            span,
            format!("`{}` is not a valid id", s),
            format!(
                "ids use only a-z, 0-9 and -, 1 to 64 characters, e.g. \"{}\"",
                slug(s)
            ),
        );
    }
}

pub fn is_valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(64).collect();
    if out.is_empty() {
        "my-id".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_ascii_digits_and_hyphens() {
        assert!(is_valid_id("vision-2"));
        assert!(!is_valid_id("Vision"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert_eq!(slug("Vision & Tasks!"), "vision-tasks");
    }
}
