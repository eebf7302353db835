//! The JSON Schema of the course format, generated from the key tables in `spec.rs` (the
//! same tables the loader checks against), for editors with a TOML language server.
//! `syllabus schema --write assets/` regenerates the committed files; a test fails if they
//! drift.

use serde_json::{Map, Value, json};

use super::spec::{COURSE, Key, MODULE, TableSpec, Ty};

/// The schema of one file kind by its short name (`course` or `module`).
pub fn named(name: &str) -> Option<(&'static str, Value)> {
    all()
        .into_iter()
        .find(|(file, _)| file.strip_suffix(".schema.json") == Some(name))
}

/// File name and schema of each file kind.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        (
            "course.schema.json",
            document(&COURSE, "syllabus course manifest (course.toml)"),
        ),
        (
            "module.schema.json",
            document(&MODULE, "syllabus course module"),
        ),
    ]
}

/// The schema text exactly as committed: pretty JSON with a final newline.
pub fn render(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn document(spec: &'static TableSpec, title: &str) -> Value {
    let mut v = table(spec);
    if let Value::Object(m) = &mut v {
        m.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        m.insert("title".into(), json!(title));
    }
    v
}

fn object(keys: &[&Key], tag: Option<(&str, &str)>) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for k in keys {
        let mut p = ty(&k.ty);
        if let (Some((tag_name, tag_value)), Value::Object(m)) = (tag, &mut p)
            && k.name == tag_name
        {
            m.remove("enum");
            m.insert("const".into(), json!(tag_value));
        }
        if let Value::Object(m) = &mut p {
            m.insert("description".into(), json!(k.doc));
        }
        props.insert(k.name.into(), p);
        if k.required {
            required.push(json!(k.name));
        }
    }
    json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

/// A table with variants (a question) is one object with the shared keys, and one
/// `if kind = K then ...` per kind: a validator checks a question against its own kind only,
/// so one mistake is one message (`oneOf` turned 4 mistakes into 98 messages in Taplo). An
/// unknown kind is one `enum` message and nothing more.
fn table(spec: &'static TableSpec) -> Value {
    match &spec.variants {
        None => object(&spec.keys.iter().collect::<Vec<_>>(), None),
        Some(v) => {
            let shared = object(&spec.keys.iter().collect::<Vec<_>>(), None);
            let Value::Object(mut shared) = shared else {
                return shared;
            };
            shared.remove("additionalProperties");
            let branches: Vec<Value> = v
                .kinds
                .iter()
                .map(|(kind, extra)| {
                    let mut props = Map::new();
                    for k in spec.keys {
                        props.insert(k.name.into(), json!(true));
                    }
                    let mut required = Vec::new();
                    for k in *extra {
                        let mut p = ty(&k.ty);
                        if let Value::Object(m) = &mut p {
                            m.insert("description".into(), json!(k.doc));
                        }
                        props.insert(k.name.into(), p);
                        if k.required {
                            required.push(json!(k.name));
                        }
                    }
                    json!({
                        "if": { "properties": { v.tag: { "const": kind } }, "required": [v.tag] },
                        "then": {
                            "properties": props,
                            "required": required,
                            "additionalProperties": false,
                        },
                    })
                })
                .collect();
            shared.insert("allOf".into(), Value::Array(branches));
            Value::Object(shared)
        }
    }
}

fn ty(t: &Ty) -> Value {
    match t {
        Ty::Str => json!({ "type": "string", "minLength": 1 }),
        Ty::Id => json!({ "type": "string", "pattern": "^[a-z0-9-]{1,64}$" }),
        Ty::Int { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Enum(choices) => json!({ "type": "string", "enum": choices }),
        Ty::StrArray { min, max } => json!({
            "type": "array",
            "items": { "type": "string", "minLength": 1 },
            "minItems": min,
            "maxItems": max,
        }),
        Ty::Table(spec) => table(spec),
        Ty::TableArray { spec, min, max } => json!({
            "type": "array",
            "items": table(spec),
            "minItems": min,
            "maxItems": max,
        }),
    }
}
