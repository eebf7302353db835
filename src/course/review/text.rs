//! Words as the review sees them: lower-case tokens, light stemming, stop words dropped,
//! and the texts of a question grouped by what they tell a reader (its right answer, its
//! wrong options, everything it shows).

use crate::course::model::{Question, QuestionKind};

/// Words a test-wise reader takes as a sign that a statement is too strong to be true.
pub const ABSOLUTE: &[&str] = &[
    "only",
    "never",
    "must",
    "always",
    "all",
    "whole",
    "cannot",
    "can't",
    "guarantee",
    "guarantees",
    "guaranteed",
    "every",
    "everyone",
    "everything",
    "everywhere",
    "none",
    "nothing",
    "nobody",
    "entirely",
    "completely",
    "totally",
    "impossible",
    "solely",
];

/// Function words, which say nothing about what a question is about.
const STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
    "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "yours", "yes", "right", "wrong", "true", "false", "answer", "question", "option", "s",
    "t", "it's", "don't", "isn't", "doesn't", "can't", "won't",
];

/// Lower-case words: runs of letters, digits and inner apostrophes.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_apostrophe = (c == '\'' || c == '’')
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if inner_apostrophe {
            cur.push('\'');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A light stem, so that "plans", "planning" and "planned" meet as "plan".
pub fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.chars().count();
    let cut = |suffix: &str, min: usize| n >= min && w.ends_with(suffix);
    let base = if cut("ies", 5) {
        format!("{}y", &w[..w.len() - 3])
    } else if cut("ing", 6) {
        w[..w.len() - 3].to_string()
    } else if cut("ed", 5)
        || cut("ly", 6)
        || cut("es", 5) && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses"))
    {
        w[..w.len() - 2].to_string()
    } else if cut("s", 4) && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    // "planned" -> "plann" -> "plan"
    let b: Vec<char> = base.chars().collect();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !"aeiouls".contains(b[b.len() - 1]) {
        b[..b.len() - 1].iter().collect()
    } else {
        base
    }
}

pub fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// The stemmed content words of `s`, in order.
pub fn content(s: &str) -> Vec<String> {
    content_words(s).into_iter().map(|(_, st)| st).collect()
}

/// The content words of `s` as written (lower case) and stemmed.
pub fn content_words(s: &str) -> Vec<(String, String)> {
    words(s)
        .into_iter()
        .filter(|w| !is_stop(w))
        .map(|w| {
            let st = stem(&w);
            (w, st)
        })
        .collect()
}

/// How many absolute words `s` contains.
pub fn absolute_count(s: &str) -> usize {
    words(s)
        .iter()
        .filter(|w| ABSOLUTE.contains(&w.as_str()))
        .count()
}

/// The texts that are the question's right answer: its right options, or its accepted
/// answers. True/false, match and order questions have none a phrase could give away.
pub fn right_texts(q: &Question) -> Vec<String> {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => options
            .iter()
            .filter(|o| o.correct)
            .map(|o| o.text.plain())
            .collect(),
        QuestionKind::Short { accept } => accept.iter().map(|a| a.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// The texts of its wrong options.
pub fn wrong_texts(q: &Question) -> Vec<String> {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => options
            .iter()
            .filter(|o| !o.correct)
            .map(|o| o.text.plain())
            .collect(),
        _ => Vec::new(),
    }
}

/// Where in a question a reader sees a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Prompt,
    Options,
    Feedback,
}

impl Place {
    /// "prompt gives", "options give": for "this question's ... away the answer".
    pub fn gives(self) -> &'static str {
        match self {
            Place::Prompt => "prompt gives",
            Place::Options => "options give",
            Place::Feedback => "feedback gives",
        }
    }
}

/// Everything a learner may read of a question, by place. Accepted short answers are not
/// shown, so they are not here.
pub fn shown_texts(q: &Question) -> Vec<(Place, String)> {
    let mut out = vec![
        (Place::Prompt, q.prompt.plain()),
        (Place::Feedback, q.explanation.plain()),
    ];
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            for o in options {
                out.push((Place::Options, o.text.plain()));
                out.push((Place::Feedback, o.feedback.plain()));
            }
        }
        QuestionKind::TrueFalse {
            true_feedback,
            false_feedback,
            ..
        } => {
            out.push((Place::Feedback, true_feedback.plain()));
            out.push((Place::Feedback, false_feedback.plain()));
        }
        QuestionKind::Match {
            categories, items, ..
        } => {
            out.extend(categories.iter().map(|c| (Place::Options, c.to_string())));
            for i in items {
                out.push((Place::Options, i.text.to_string()));
                out.push((Place::Feedback, i.feedback.plain()));
            }
        }
        QuestionKind::Order { items, .. } => {
            out.extend(items.iter().map(|i| (Place::Options, i.to_string())));
        }
        QuestionKind::Short { .. } => {}
    }
    out
}

/// The runs of 1 to 3 consecutive content words of `s`, joined by spaces.
pub fn grams(s: &str) -> Vec<String> {
    let c = content(s);
    let mut out = Vec::new();
    for n in 1..=3 {
        for w in c.windows(n) {
            out.push(w.join(" "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("plans"), "plan");
        assert_eq!(stem("planning"), "plan");
        assert_eq!(stem("planned"), "plan");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("process"), "process");
    }

    #[test]
    fn content_drops_function_words() {
        assert_eq!(
            content("Set the direction, then plan."),
            ["set", "direction", "plan"]
        );
        assert_eq!(
            words("Leaders' vision isn't fixed"),
            ["leaders", "vision", "isn't", "fixed"]
        );
    }
}
