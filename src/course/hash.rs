//! The fingerprint an answer is recorded with, so that editing a question marks earlier
//! answers *stale* only when what the learner answered has changed. docs/authoring.md
//! ("Editing a published course") states the rule to authors; this is it:
//!
//! - texts (prompt, option texts, match items and categories, order items) count by their
//!   *words*: the first letter of each word (lower-cased) and every number in full. So typo
//!   fixes inside a word, spacing, punctuation, case and emphasis are free; adding, removing
//!   or replacing a word, or changing a number, is a change;
//! - what is right counts: which options are correct, the true/false answer, each match
//!   item's category, the order of order items; and how many options, items and categories
//!   there are, in file order (answers are stored by position);
//! - never counted: feedback, explanations, `partial_credit`, and a short question's
//!   accepted answers (adding one must not take mastery away);
//! - `revision = N` counts: raising it marks every earlier answer stale, for a change of
//!   meaning the rule above does not see.
//!
//! Answers recorded before this rule (release 0.1) carry the older hash of the exact text;
//! `legacy` computes it, so an upgrade alone makes nothing stale.

use sha2::{Digest, Sha256};

use super::markup::Prose;
use super::model::QuestionKind;

/// The fingerprint of a question as it is now.
pub fn fingerprint(prompt: &Prose, kind: &QuestionKind, revision: u32) -> String {
    let mut h = Hasher::default();
    h.put("v2");
    h.put(kind.name());
    h.put(&revision.to_string());
    h.put(&words(&prompt.plain()));
    match kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            h.put(&options.len().to_string());
            for o in options {
                h.put(&words(&o.text.plain()));
                h.put(if o.correct { "1" } else { "0" });
            }
        }
        QuestionKind::TrueFalse { answer, .. } => h.put(if *answer { "true" } else { "false" }),
        QuestionKind::Match {
            categories, items, ..
        } => {
            h.put(&categories.len().to_string());
            for c in categories {
                h.put(&words(c));
            }
            for i in items {
                h.put(&words(&i.text));
                h.put(&i.category.to_string());
            }
        }
        QuestionKind::Order { items, .. } => {
            h.put(&items.len().to_string());
            for i in items {
                h.put(&words(i));
            }
        }
        QuestionKind::Short { .. } => {}
    }
    h.hex()
}

/// A text as the fingerprint sees it: each word's first letter, numbers in full.
/// `"Wash your hands for *20* seconds."` becomes `"w y h f 20 s"`.
pub fn words(text: &str) -> String {
    // Written straight into one string (no string per word, no join): the loader takes the
    // words of every text of every question.
    let mut out = String::with_capacity(text.len() / 3);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_numeric() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_numeric()) {
                out.push(d);
                chars.next();
            }
        } else if c.is_alphabetic() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            // The rest of the word, apostrophes inside it included ("don't" is one word).
            while let Some(&d) = chars.peek() {
                if d.is_alphabetic() || d == '\'' || d == '’' {
                    chars.next();
                } else {
                    break;
                }
            }
        }
    }
    out
}

/// The hash answers were recorded with before `fingerprint` (exact texts, every accepted
/// answer). Kept so that upgrading marks nothing stale.
pub fn legacy(prompt: &Prose, kind: &QuestionKind) -> String {
    let mut h = Hasher::default();
    h.put(kind.name());
    h.put(&prompt.plain());
    match kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            for o in options {
                h.put(&o.text.plain());
                h.put(if o.correct { "1" } else { "0" });
            }
        }
        QuestionKind::TrueFalse { answer, .. } => h.put(if *answer { "true" } else { "false" }),
        QuestionKind::Match {
            categories, items, ..
        } => {
            for c in categories {
                h.put(c);
            }
            for i in items {
                h.put(&i.text);
                h.put(&i.category.to_string());
            }
        }
        QuestionKind::Order { items, .. } => items.iter().for_each(|i| h.put(i)),
        QuestionKind::Short { accept } => accept.iter().for_each(|a| h.put(a)),
    }
    h.hex()
}

/// SHA-256 over length-prefixed parts (so `"ab" + "c"` differs from `"a" + "bc"`), shown as
/// its first 16 hex digits. Stable across releases, unlike `DefaultHasher`.
#[derive(Default)]
struct Hasher(Sha256);

impl Hasher {
    fn put(&mut self, s: &str) {
        self.0.update((s.len() as u64).to_le_bytes());
        self.0.update(s.as_bytes());
    }

    fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let digest = self.0.finalize();
        let mut out = String::with_capacity(16);
        for b in digest.iter().take(8) {
            out.push(char::from(DIGITS[usize::from(b >> 4)]));
            out.push(char::from(DIGITS[usize::from(b & 15)]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` as it was first written (a string per word, then joined): the oracle for the
    /// faster one, since every recorded answer carries a hash of its output.
    fn words_reference(text: &str) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_numeric() {
                let mut n = c.to_string();
                while let Some(&d) = chars.peek().filter(|d| d.is_numeric()) {
                    n.push(d);
                    chars.next();
                }
                out.push(n);
            } else if c.is_alphabetic() {
                out.push(c.to_lowercase().collect());
                while let Some(&d) = chars.peek() {
                    if d.is_alphabetic() || d == '\'' || d == '’' {
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
        }
        out.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_reference(text in "[a-zA-Z0-9 '’.,İßΣ٣½\\n-]{0,40}") {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }
    }

    /// The fingerprint of one question, fixed: answers recorded with it must stay current.
    #[test]
    fn the_fingerprint_of_a_question_never_changes() {
        let prompt = Prose::parse("Wash your hands for *20* seconds?");
        let kind = QuestionKind::Order {
            items: vec!["Wet".into(), "Soap".into(), "Rinse 2x".into()],
            partial_credit: false,
        };
        assert_eq!(fingerprint(&prompt, &kind, 1), "51ead89939f1abbd");
        assert_eq!(legacy(&prompt, &kind), "15f8acf5c987cc9d");
    }

    #[test]
    fn words_keep_initials_and_numbers() {
        assert_eq!(words("Wash your hands for *20* seconds."), "w y h f 20 s");
        assert_eq!(words("Wash  yuor hands for 20 secnds!"), "w y h f 20 s");
        assert_eq!(words("Don't rinse: 4°C"), "d r 4 c");
        assert_ne!(words("Wash for 20 seconds"), words("Wash for 25 seconds"));
        assert_ne!(words("It is safe"), words("It is not safe"));
    }
}
