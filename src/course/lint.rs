//! Checks that need the meaning of several values of one module, on the parsed file: match
//! categories that differ only in case or that no item uses, options or order items a learner
//! cannot tell apart, and a diagram written inside a sentence (shown as raw text).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::sink::Sink;

/// Run every check on a module's root table.
pub fn module(sink: &mut Sink, root: &DeTable) {
    for (section, _) in tables(root, "sections") {
        if let Some(body) = section.get("body") {
            inline_diagrams(sink, body.span());
        }
    }
    let Some(DeValue::Table(quiz)) = root.get("quiz").map(|v| v.get_ref()) else {
        return;
    };
    for (q, _) in tables(quiz, "questions") {
        let id = q
            .get("id")
            .and_then(|v| v.get_ref().as_str())
            .unwrap_or("")
            .to_string();
        match q.get("kind").and_then(|v| v.get_ref().as_str()) {
            Some("single" | "multiple") => {
                let texts: Vec<_> = tables(q, "options")
                    .iter()
                    .filter_map(|(o, _)| text_of(o, "text"))
                    .collect();
                same_text(sink, &id, "option", &texts);
            }
            Some("order") => same_text(sink, &id, "item", &strings(q, "items")),
            Some("match") => {
                let items: Vec<_> = tables(q, "items")
                    .iter()
                    .filter_map(|(o, _)| text_of(o, "text"))
                    .collect();
                same_text(sink, &id, "item", &items);
                categories(sink, &id, q);
            }
            _ => {}
        }
    }
}

/// Text compared the way a learner reads it: case, spacing and final punctuation ignored.
fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '!', '?', ';', ':', ','])
        .to_lowercase()
}

fn same_text(sink: &mut Sink, id: &str, what: &str, texts: &[(String, Range<usize>)]) {
    for (i, (t, span)) in texts.iter().enumerate() {
        if let Some(first) = texts[..i].iter().position(|(u, _)| folded(u) == folded(t)) {
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
    let cats = strings(q, "categories");
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
    let used: Vec<String> = tables(q, "items")
        .iter()
        .filter_map(|(it, _)| text_of(it, "category").map(|c| c.0))
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
    let Some(text) = sink.source.get(body.clone()) else {
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

fn tables<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
    match t.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => a
            .iter()
            .filter_map(|v| v.get_ref().as_table().map(|t| (t, v.span())))
            .collect(),
        _ => Vec::new(),
    }
}

fn text_of(t: &DeTable, key: &str) -> Option<(String, Range<usize>)> {
    let v = t.get(key)?;
    v.get_ref().as_str().map(|s| (s.to_string(), v.span()))
}

fn strings(t: &DeTable, key: &str) -> Vec<(String, Range<usize>)> {
    match t.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => a
            .iter()
            .filter_map(|v| v.get_ref().as_str().map(|s| (s.to_string(), v.span())))
            .collect(),
        _ => Vec::new(),
    }
}
