//! Table-header slips in a module file, found before the key tables are checked: in TOML a
//! key belongs to the last `[header]` above it, so a module key written after `[quiz]`
//! lands in the quiz, `[[questions]]` makes questions outside the quiz, and `[sections]`
//! makes one table where a list was meant. Each slip gets one error that says what to move
//! or rewrite; then the tree is repaired (the key moved where it was meant) so that checking
//! it reports no knock-on errors: no "unknown key", no "missing required key".

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::sink::Sink;
use super::spec::{MODULE, QUESTION, QUIZ, SECTION, TableSpec, module, question, quiz};

/// Report and repair the slips in a module's root table.
pub fn repair(sink: &mut Sink, root: &mut DeTable) {
    questions_outside_quiz(sink, root);
    let sections = module::SECTIONS.name;
    single_table_for_list(sink, root, sections, sections);
    let (quiz_name, questions) = (module::QUIZ.name, quiz::QUESTIONS.name);
    if let Some(DeValue::Table(quiz)) = root.get_mut(quiz_name).map(Spanned::get_mut) {
        single_table_for_list(sink, quiz, questions, &format!("{quiz_name}.{questions}"));
    }
    // Module keys that TOML put into the quiz, the last section or the last question.
    let mut moved = Vec::new();
    if let Some(DeValue::Table(quiz)) = root.get_mut(quiz_name).map(Spanned::get_mut) {
        moved.extend(take_keys(
            sink,
            quiz,
            &MODULE,
            &[],
            ("the `[quiz]`", "the `[quiz]`"),
        ));
        let mut quiz_keys = Vec::new();
        if let Some(last) = last_table(quiz, questions) {
            let after = ("a `[[quiz.questions]]`", "the `[quiz]`");
            let keep = known_keys(&QUESTION);
            moved.extend(take_keys(sink, last, &MODULE, &keep, after));
            let after = ("a `[[quiz.questions]]`", "the first `[[quiz.questions]]`");
            // A question's `feedback` is more likely a misplaced option key than the quiz's.
            let keep = [keep.as_slice(), &[question::choice::FEEDBACK.name]].concat();
            quiz_keys = take_keys(sink, last, &QUIZ, &keep, after);
        }
        for (k, v) in quiz_keys {
            if !quiz.contains_key(k.get_ref().as_ref()) {
                quiz.insert(k, v);
            }
        }
    }
    if let Some(last) = last_table(root, sections) {
        let after = ("a `[[sections]]`", "the first `[[sections]]`");
        moved.extend(take_keys(sink, last, &MODULE, &known_keys(&SECTION), after));
    }
    for (k, v) in moved {
        if !root.contains_key(k.get_ref().as_ref()) {
            root.insert(k, v);
        }
    }
}

/// `[[questions]]` (or `[[question]]`) at the top of the module.
fn questions_outside_quiz(sink: &mut Sink, root: &mut DeTable) {
    let (quiz_name, questions) = (module::QUIZ.name, quiz::QUESTIONS.name);
    // `[[question]]` is a slip of its own: no table has such a key.
    for name in [questions, "question"] {
        let Some((key, value)) = root.remove_entry(name) else {
            continue;
        };
        let header = if value.get_ref().is_array() {
            format!("[[{name}]]")
        } else {
            format!("[{name}]")
        };
        sink.error(
            key.span(),
            format!("`{header}` puts questions outside the quiz: write `[[quiz.questions]]`"),
            "questions belong to the module's quiz, so each one starts with the header [[quiz.questions]]",
        );
        sink.last_code("table-header");
        let span = value.span();
        let quiz = root
            .entry(Spanned::new(span.clone(), DeString::Borrowed(quiz_name)))
            .or_insert_with(|| Spanned::new(span.clone(), DeValue::Table(DeTable::new())));
        if let DeValue::Table(q) = quiz.get_mut() {
            let stray = as_list(value);
            match q.get_mut(questions).map(Spanned::get_mut) {
                Some(DeValue::Array(pool)) => {
                    if let DeValue::Array(more) = stray.into_inner() {
                        for item in more.iter() {
                            pool.push(item.clone());
                        }
                    }
                }
                Some(_) => {}
                None => {
                    q.insert(
                        Spanned::new(key.span(), DeString::Borrowed(questions)),
                        stray,
                    );
                }
            }
        }
    }
}

/// `[sections]` where `[[sections]]` was meant (the only one in the file, so TOML accepts it).
fn single_table_for_list(sink: &mut Sink, table: &mut DeTable, key: &str, header: &str) {
    let is_table = table.get(key).is_some_and(|v| v.get_ref().is_table());
    if !is_table {
        return;
    }
    let Some((k, v)) = table.remove_entry(key) else {
        return;
    };
    sink.error(
        k.span(),
        format!("`[{header}]` makes one table, but `{key}` is a list: write `[[{header}]]`"),
        format!(
            "every entry of a list starts with a header in two brackets, `[[{header}]]`; one bracket is for a single table such as `[quiz]`"
        ),
    );
    sink.last_code("table-header");
    table.insert(k, as_list(v));
}

fn as_list(v: Spanned<DeValue<'_>>) -> Spanned<DeValue<'_>> {
    if v.get_ref().is_array() {
        return v;
    }
    let span = v.span();
    let mut a = DeArray::new();
    a.push(v);
    Spanned::new(span, DeValue::Array(a))
}

fn last_table<'a, 'i>(t: &'a mut DeTable<'i>, key: &str) -> Option<&'a mut DeTable<'i>> {
    match t.get_mut(key).map(Spanned::get_mut) {
        Some(DeValue::Array(a)) => match a.last_mut().map(Spanned::get_mut) {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

type Entry<'i> = (Spanned<DeString<'i>>, Spanned<DeValue<'i>>);

/// Remove from `table` the keys that belong to `owner` and not to `table` (except `keep`,
/// names both may have), reporting each: "move it above the `[quiz]` line". `lines` names
/// Every key a table may hold (with all its variants): such a key is where it belongs, even
/// when another table has a key of the same name (`id`, `kind`, `allow`, `feedback`...).
fn known_keys(spec: &TableSpec) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = spec.keys.iter().map(|k| k.name).collect();
    if let Some(v) = &spec.variants {
        keys.push(v.tag);
        keys.extend(v.kinds.iter().flat_map(|(_, ks)| ks.iter().map(|k| k.name)));
    }
    keys
}

/// the header the key follows and the line it belongs above.
fn take_keys<'i>(
    sink: &mut Sink,
    table: &mut DeTable<'i>,
    owner: &'static TableSpec,
    keep: &[&str],
    lines: (&str, &str),
) -> Vec<Entry<'i>> {
    let names: Vec<String> = table
        .iter()
        .map(|(k, _)| k.get_ref().to_string())
        .filter(|k| !keep.contains(&k.as_str()) && owner.keys.iter().any(|o| o.name == k))
        .collect();
    let mut out = Vec::new();
    for name in names {
        let Some((k, v)) = table.remove_entry(name.as_str()) else {
            continue;
        };
        let span: Range<usize> = k.span();
        let whose = if std::ptr::eq(owner, &QUIZ) {
            "the quiz"
        } else {
            "the module"
        };
        sink.error(
            span,
            format!("`{name}` belongs to {whose}, but it comes after {} header, so TOML reads it as part of that table", lines.0),
            format!("move it above {} line: in TOML a key belongs to the last [header] above it", lines.1),
        );
        sink.last_code("key-after-header");
        out.push((k, v));
    }
    out
}
