//! Checks a parsed TOML table against its key table from `spec.rs`: wrong types, values out
//! of range, missing required keys and unknown keys (with "did you mean"). Every problem is
//! collected, so an author sees all of them at once.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::spec::{Key, TableSpec, Ty};

use super::id::check_id;
use super::sink::Sink;
use super::suggest::suggest;

/// Check `table` (found at `span`) against `spec`, recursing into nested tables.
pub fn check_table(sink: &mut Sink, table: &DeTable, span: Range<usize>, spec: &'static TableSpec) {
    let mut tag_value = None;
    if let Some(variants) = &spec.variants
        && let Some(v) = table.get(variants.tag)
    {
        tag_value = v.get_ref().as_str();
    }
    if let Some(v) = &spec.variants
        && !super::kinds::known(sink, table, span.clone(), v)
    {
        return;
    }
    let allowed = spec.keys_for(tag_value);
    let mut typo_of = Vec::new();
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        match allowed.iter().find(|k| k.name == name) {
            Some(k) => check_value(sink, k, value),
            None => {
                typo_of.extend(suggest(name, allowed.iter().map(|k| k.name)));
                unknown_key(sink, spec, &allowed, tag_value, name, key.span());
            }
        }
    }
    for k in &allowed {
        // A misspelt key was reported as unknown, with the right name; saying the right
        // name is missing too would only repeat it.
        if k.required && !table.contains_key(k.name) && !typo_of.contains(&k.name) {
            let where_ = if span.is_empty() && span.start == 0 {
                "".to_string()
            } else {
                " here".to_string()
            };
            sink.error(
                header_span(sink.source(), span.clone()),
                format!("missing required key `{}` in {}", k.name, spec.what),
                format!(
                    "add `{} = {}`{where_}: {}",
                    k.name,
                    example(&k.ty),
                    lower_first(k.doc)
                ),
            );
        }
    }
}

/// A table header such as `[[quiz.questions]]` is a fine place to point at; an inline table
/// or the whole document is pointed at by its first character only.
fn header_span(source: &str, span: Range<usize>) -> Range<usize> {
    let text = source.get(span.clone()).unwrap_or("");
    if text.starts_with('[') {
        span
    } else {
        span.start..span.start
    }
}

fn unknown_key(
    sink: &mut Sink,
    spec: &'static TableSpec,
    allowed: &[&'static Key],
    tag_value: Option<&str>,
    name: &str,
    span: Range<usize>,
) {
    // A key that belongs to another question kind deserves its own message.
    if let (Some(v), Some(tag)) = (&spec.variants, tag_value) {
        let owners: Vec<&str> = v
            .kinds
            .iter()
            .filter(|(_, keys)| keys.iter().any(|k| k.name == name))
            .map(|(kind, _)| *kind)
            .collect();
        if !owners.is_empty() && v.kinds.iter().any(|(k, _)| *k == tag) {
            sink.error(
                span,
                format!("`{name}` is not used by `{tag}` questions"),
                format!(
                    "`{name}` belongs to {} questions; a `{tag}` question takes {}",
                    owners.join(", "),
                    list(allowed.iter().map(|k| k.name))
                ),
            );
            return;
        }
    }
    let hint = match suggest(name, allowed.iter().map(|k| k.name)) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!(
            "the keys allowed here are {}",
            list(allowed.iter().map(|k| k.name))
        ),
    };
    sink.error(span, format!("unknown key `{name}` in {}", spec.what), hint);
}

fn check_value(sink: &mut Sink, key: &Key, value: &Spanned<DeValue>) {
    let span = value.span();
    let v = value.get_ref();
    let name = key.name;
    match key.ty {
        Ty::Str => {
            if let Some(s) = expect_str(sink, name, v, span.clone())
                && s.trim().is_empty()
            {
                sink.error(
                    span,
                    format!("`{name}` is empty"),
                    "write some text, or remove the key if it is optional",
                );
            }
        }
        Ty::Id => {
            if let Some(s) = expect_str(sink, name, v, span.clone()) {
                check_id(sink, s, span);
            }
        }
        Ty::Int { min, max } => match v {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) if (min..=max).contains(&n) => {}
                _ if min == max => sink.error(
                    span,
                    format!("`{name}` must be {min}, found {}", i.as_str()),
                    format!("write `{name} = {min}`"),
                ),
                _ => sink.error(
                    span,
                    format!(
                        "`{name}` must be between {min} and {max}, found {}",
                        i.as_str()
                    ),
                    format!("use a whole number from {min} to {max}"),
                ),
            },
            other => wrong_type(sink, name, "an integer", other, span, &key.ty),
        },
        Ty::Bool => {
            if !matches!(v, DeValue::Boolean(_)) {
                wrong_type(sink, name, "a boolean", v, span, &key.ty);
            }
        }
        Ty::Enum(choices) => {
            if let Some(s) = expect_str(sink, name, v, span.clone())
                && !choices.contains(&s)
            {
                let hint = match suggest(s, choices.iter().copied()) {
                    Some(c) => format!("did you mean \"{c}\"?"),
                    None => format!("use one of {}", quoted(choices.iter().copied())),
                };
                sink.error(
                    span,
                    format!(
                        "`{name}` must be one of {}, found \"{s}\"",
                        quoted(choices.iter().copied())
                    ),
                    hint,
                );
            }
        }
        Ty::StrArray { min, max } => {
            let Some(items) = expect_array(sink, name, v, span.clone(), &key.ty) else {
                return;
            };
            check_len(sink, name, items.len(), min, max, span);
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) if s.trim().is_empty() => sink.error(
                        item.span(),
                        format!("an entry of `{name}` is empty"),
                        "remove the empty string or write some text",
                    ),
                    DeValue::String(_) => {}
                    other => wrong_type(
                        sink,
                        &format!("each entry of `{name}`"),
                        "a string",
                        other,
                        item.span(),
                        &Ty::Str,
                    ),
                }
            }
        }
        Ty::Table(spec) => match v {
            DeValue::Table(t) => check_table(sink, t, span, spec),
            other => wrong_type(sink, name, "a table", other, span, &key.ty),
        },
        Ty::TableArray { spec, min, max } => {
            let Some(items) = expect_array(sink, name, v, span.clone(), &key.ty) else {
                return;
            };
            check_len(sink, name, items.len(), min, max, span);
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::Table(t) => check_table(sink, t, item.span(), spec),
                    other => wrong_type(
                        sink,
                        &format!("each entry of `{name}`"),
                        "a table",
                        other,
                        item.span(),
                        &key.ty,
                    ),
                }
            }
        }
    }
}

fn check_len(sink: &mut Sink, name: &str, len: usize, min: usize, max: usize, span: Range<usize>) {
    if len < min {
        let what = if min == 1 {
            "at least 1 entry".to_string()
        } else {
            format!("at least {min} entries")
        };
        sink.error(
            span,
            format!("`{name}` needs {what}, found {len}"),
            format!("add entries to `{name}`"),
        );
    } else if len > max {
        sink.error(
            span,
            format!("`{name}` has {len} entries; at most {max} are allowed"),
            format!("remove entries from `{name}`"),
        );
    }
}

fn expect_str<'v>(
    sink: &mut Sink,
    name: &str,
    v: &'v DeValue,
    span: Range<usize>,
) -> Option<&'v str> {
    match v {
        DeValue::String(s) => Some(s),
        other => {
            wrong_type(sink, name, "a string", other, span, &Ty::Str);
            None
        }
    }
}

fn expect_array<'v, 'i>(
    sink: &mut Sink,
    name: &str,
    v: &'v DeValue<'i>,
    span: Range<usize>,
    ty: &Ty,
) -> Option<&'v DeArray<'i>> {
    match v {
        DeValue::Array(a) => Some(a),
        other => {
            wrong_type(sink, name, "an array", other, span, ty);
            None
        }
    }
}

fn wrong_type(
    sink: &mut Sink,
    name: &str,
    expected: &str,
    found: &DeValue,
    span: Range<usize>,
    ty: &Ty,
) {
    let key = name;
    let name = if name.starts_with("each entry") {
        name.to_string()
    } else {
        format!("`{name}`")
    };
    let found = match found {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    };
    let hint = match ty {
        Ty::Int { .. } => format!(
            "write a whole number without quotes, e.g. `{key} = {}`",
            example(ty)
        ),
        Ty::Bool => "write true or false, without quotes".to_string(),
        _ => format!("write it as {}", example(ty)),
    };
    sink.error(
        span,
        format!("{name} should be {expected}, found {found}"),
        hint,
    );
}

/// A short example of a value of this type, for hints.
fn example(ty: &Ty) -> String {
    match ty {
        Ty::Str => "\"...\"".into(),
        Ty::Id => "\"an-id\"".into(),
        Ty::Int { min, max } if min == max => format!("{min}"),
        Ty::Int { min, .. } => format!("{}", (*min).max(1)),
        Ty::Bool => "true or false (no quotes)".into(),
        Ty::Enum(c) => format!("\"{}\"", c.first().copied().unwrap_or("")),
        Ty::StrArray { .. } => "[\"...\", \"...\"]".into(),
        Ty::Table(_) => "a table, e.g. [quiz] on its own line".into(),
        Ty::TableArray { .. } => "[[...]] tables or [{ ... }, { ... }]".into(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn quoted<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
