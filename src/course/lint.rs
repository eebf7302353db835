//! Checks that need the meaning of several values of one module, on the parsed file: match
//! categories that differ only in case or that no item uses, options or order items a learner
//! cannot tell apart, and a diagram written inside a sentence (shown as raw text).

use std::ops::Range;

use toml::de::DeTable;

use super::sink::Sink;
use super::spec::question::{self, choice, item};
use super::spec::{module, quiz};

/// Run every check on a module's root table.
pub fn module(sink: &mut Sink, root: &DeTable) {
    for (section, _) in module::SECTIONS.tables(root) {
        if let Some(body) = module::section::BODY.span(section) {
            inline_diagrams(sink, body);
        }
    }
    let Some((quiz, _)) = module::QUIZ.table(root) else {
        return;
    };
    for (q, _) in quiz::QUESTIONS.tables(quiz) {
        let id = question::ID.str(q).map_or("", |s| s.0);
        match question::KIND.str(q).map(|s| s.0) {
            Some("single" | "multiple") => {
                let texts: Vec<_> = question::OPTIONS
                    .tables(q)
                    .iter()
                    .filter_map(|(o, _)| choice::TEXT.str(o))
                    .collect();
                same_text(sink, id, "option", &texts);
            }
            Some("order") => same_text(sink, id, "item", &question::ORDER_ITEMS.strs(q)),
            Some("match") => {
                let items: Vec<_> = question::MATCH_ITEMS
                    .tables(q)
                    .iter()
                    .filter_map(|(o, _)| item::TEXT.str(o))
                    .collect();
                same_text(sink, id, "item", &items);
                categories(sink, id, q);
            }
            _ => {}
        }
    }
}

/// Text compared the way a learner reads it: case, spacing and final punctuation ignored.
fn folded(s: &str) -> String {
    // Into one string, lower-cased in place when ASCII (nearly always): the lint folds
    // every option and item of every question.
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.truncate(out.trim_end_matches(['.', '!', '?', ';', ':', ',']).len());
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

fn same_text(sink: &mut Sink, id: &str, what: &str, texts: &[(&str, Range<usize>)]) {
    // Each text folded once, not once per pair.
    let folded: Vec<String> = texts.iter().map(|(t, _)| folded(t)).collect();
    for (i, (_, span)) in texts.iter().enumerate() {
        if let Some(first) = folded[..i].iter().position(|u| *u == folded[i]) {
            sink.error(
                span.clone(),
                format!(
                    "{what}s {} and {} of question `{id}` say the same thing",
                    first + 1,
                    i + 1
                ),
                format!("learners cannot tell them apart; reword or remove one of the two {what}s"),
            );
            sink.last_code(if what == "option" {
                "same-option"
            } else {
                "same-item"
            });
        }
    }
}

fn categories(sink: &mut Sink, id: &str, q: &DeTable) {
    let cats = question::CATEGORIES.strs(q);
    for (i, (c, span)) in cats.iter().enumerate() {
        let twin = cats[..i]
            .iter()
            .find(|(d, _)| d != c && d.to_lowercase() == c.to_lowercase());
        if let Some((d, _)) = twin {
            sink.error(
                span.clone(),
                format!("categories \"{d}\" and \"{c}\" differ only in case"),
                "learners see two categories with the same name; keep one and write it the same way in every item",
            );
            sink.last_code("same-category");
        }
    }
    let used: Vec<&str> = question::MATCH_ITEMS
        .tables(q)
        .iter()
        .filter_map(|(it, _)| item::CATEGORY.str(it).map(|c| c.0))
        .collect();
    // An item naming no category of the list has its own error; it was meant for one.
    let unknown = used.iter().any(|u| !cats.iter().any(|(c, _)| c == u));
    if used.is_empty() || unknown {
        return;
    }
    for (c, span) in &cats {
        if !used.iter().any(|u| u.to_lowercase() == c.to_lowercase()) {
            sink.warning(
                span.clone(),
                format!("no item of question `{id}` belongs in category \"{c}\""),
                "a category with no items is only a trap; give it an item, or remove it",
            );
            sink.last_code("unused-category");
        }
    }
}

/// `![caption](file)` is a diagram only on a line of its own; inside a sentence it is shown
/// as the raw text.
fn inline_diagrams(sink: &mut Sink, body: Range<usize>) {
    // One search of the body; most have no diagram, and need no search line by line.
    let Some(text) = sink.source().get(body.clone()).filter(|t| t.contains("![")) else {
        return;
    };
    let mut at = body.start;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let Some(i) = line.find("![") else {
            continue;
        };
        let closes = line[i..]
            .find("](")
            .is_some_and(|j| line[i + j..].contains(')'));
        let alone = line.trim().starts_with("![") && line.trim_end().ends_with(')');
        if closes && !alone {
            found.push(start + i..start + i + 2);
        }
    }
    for span in found {
        sink.warning(
            span,
            "a diagram inside a sentence is shown as raw text",
            "put `![caption](file.txt)` on a line of its own, with a blank line before and after",
        );
        sink.last_code("inline-diagram");
    }
}

#[cfg(test)]
mod tests {
    use super::folded;

    proptest::proptest! {
        /// The one-string `folded` gives what the first one (join, trim, lower-case) gave.
        #[test]
        fn folding_matches_the_reference(s in "[a-zA-Z .,!?;:\\t\\nÀÉİß]{0,30}") {
            let reference = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches(['.', '!', '?', ';', ':', ','])
                .to_lowercase();
            proptest::prop_assert_eq!(folded(&s), reference);
        }
    }

    #[test]
    fn folding_ignores_case_spacing_and_final_punctuation() {
        assert_eq!(folded("  Plan   the WEEK. "), "plan the week");
        assert_eq!(folded("Été!"), "été");
    }
}
