//! The builder reads every key of the key tables: a course that sets every optional key to
//! a value other than its default loads into a model that shows each value, and a key added
//! to the tables without a place in this course fails the test.

use super::super::files::{CourseFiles, ReadError};
use super::super::model::*;
use super::super::spec::{self, TableSpec, Ty};

const MANIFEST: &str = r#"format = 1
id = "keys"
title = "Keys"
description = "Every optional key."
version = "2.0"
authors = ["A", "B"]
pass_mark = 55
base_iri = "https://example.org/c/"
modules = ["a.toml", "b.toml"]
"#;

const A: &str = r#"id = "a"
title = "A"
summary = "S."
objectives = ["O."]
minutes = 7
requires = ["b"]
sources = ["A book."]
takeaways = ["**T**."]

[[sections]]
id = "one"
title = "One"
body = "Text."

[[sections]]
id = "two"
title = "Two"
body = "More."

[quiz]
pass_mark = 90
feedback = "deferred"
grading = "average"
shuffle = false
draw = [{ pool = "p", count = 2 }]
allow = ["item-tf-balance"]

[[quiz.questions]]
id = "m"
kind = "multiple"
pool = "p"
teaches = "two"
revision = 3
allow = ["item-leak"]
partial_credit = true
prompt = "Which?"
explanation = "E."
options = [
  { text = "Yes one.", correct = true, feedback = "F1." },
  { text = "No two.", feedback = "F2." },
]

[[quiz.questions]]
id = "c"
kind = "match"
pool = "p"
partial_credit = true
prompt = "Sort."
explanation = "E."
categories = ["Red", "Blue"]
items = [
  { text = "Sky", category = "Blue", feedback = "F." },
  { text = "Fire", category = "Red", feedback = "F." },
]

[[quiz.questions]]
id = "o"
kind = "order"
pool = "p"
partial_credit = true
prompt = "Order."
explanation = "E."
items = ["First", "Second"]
"#;

const B: &str = r#"id = "b"
title = "B"
summary = "S."
objectives = ["O."]
minutes = 2
kind = "assessment"

[quiz]
questions_per_attempt = 1

[[quiz.questions]]
id = "t"
kind = "true_false"
prompt = "True?"
explanation = "E."
answer = true
true_feedback = "T."
false_feedback = "F."

[[quiz.questions]]
id = "s"
kind = "short"
prompt = "Word?"
explanation = "E."
accept = ["why"]
"#;

struct Mem;

impl CourseFiles for Mem {
    fn display(&self, rel: &str) -> String {
        format!("mem/{rel}")
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        match rel {
            "course.toml" => Ok(MANIFEST.into()),
            "a.toml" => Ok(A.into()),
            "b.toml" => Ok(B.into()),
            _ => Err(ReadError::NotFound),
        }
    }

    fn toml_files(&self) -> Vec<String> {
        ["course.toml", "a.toml", "b.toml"].map(String::from).into()
    }

    fn describe(&self) -> String {
        "memory".into()
    }
}

/// Every optional key of `spec` and of the tables inside it, as `table.key`.
fn optional_keys(spec: &'static TableSpec, out: &mut Vec<String>) {
    let mut keys: Vec<_> = spec.keys.iter().collect();
    if let Some(v) = &spec.variants {
        keys.extend(v.kinds.iter().flat_map(|(_, ks)| ks.iter()));
    }
    for k in keys {
        if !k.required {
            out.push(format!("{}.{}", spec.what, k.name));
        }
        match k.ty {
            Ty::Table(inner) | Ty::TableArray { spec: inner, .. } => optional_keys(inner, out),
            _ => {}
        }
    }
}

#[test]
fn this_course_sets_every_optional_key() {
    let mut keys = Vec::new();
    optional_keys(&spec::COURSE, &mut keys);
    optional_keys(&spec::MODULE, &mut keys);
    let text = [MANIFEST, A, B].concat();
    for key in keys {
        let name = key.rsplit('.').next().unwrap_or("");
        let set = [
            format!("\n{name} = "),
            format!("{{ {name} = "),
            format!(", {name} = "),
            format!("\n[[{name}]]"),
        ];
        assert!(
            set.iter().any(|s| text.contains(s.as_str())),
            "{key} is not set by this test's course: add it, and an assertion that the model has it"
        );
    }
}

#[test]
fn every_optional_key_reaches_the_model() {
    let report = super::super::load(&Mem);
    let course = report.course.unwrap_or_else(|| {
        panic!(
            "{:?}",
            report
                .diagnostics
                .iter()
                .map(|d| d.render())
                .collect::<Vec<_>>()
        )
    });
    assert_eq!(course.pass_mark, 55);
    assert_eq!(course.base_iri.as_deref(), Some("https://example.org/c"));
    assert_eq!(course.authors, ["A", "B"]);
    let (a, b) = (&course.modules[0], &course.modules[1]);
    assert_eq!(a.requires, ["b"]);
    assert_eq!(a.sources, ["A book."]);
    assert_eq!(a.takeaways[0].plain(), "T.");
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.kind, ModuleKind::Lesson);
    assert_eq!(b.kind, ModuleKind::Assessment);
    let q = &a.quiz;
    assert_eq!(q.pass_mark, 90);
    assert_eq!(
        b.quiz.pass_mark, 55,
        "a quiz without a pass mark takes the course's"
    );
    assert_eq!(q.feedback, Feedback::Deferred);
    assert_eq!(q.grading, Grading::Average);
    assert!(!q.shuffle);
    assert_eq!(
        q.draw,
        [Draw {
            pool: "p".into(),
            count: 2
        }]
    );
    assert_eq!(q.per_attempt, 2);
    assert_eq!(b.quiz.per_attempt, 1);
    assert_eq!(q.allow, ["item-tf-balance"]);
    let m = &q.questions[0];
    assert_eq!(m.pool.as_deref(), Some("p"));
    assert_eq!(m.teaches.as_ref().map(|t| t.0.as_str()), Some("two"));
    assert_eq!(m.allow, ["item-leak"]);
    assert!(
        m.legacy_hash.is_empty(),
        "revision 3 drops the release-0.1 hash"
    );
    let QuestionKind::Multiple {
        options,
        partial_credit,
    } = &m.kind
    else {
        panic!("{:?}", m.kind)
    };
    assert!(*partial_credit);
    assert_eq!(
        options.iter().map(|o| o.correct).collect::<Vec<_>>(),
        [true, false]
    );
    assert!(matches!(
        &q.questions[1].kind,
        QuestionKind::Match { partial_credit: true, items, .. } if items[0].category == 1
    ));
    assert!(matches!(
        q.questions[2].kind,
        QuestionKind::Order {
            partial_credit: true,
            ..
        }
    ));
}
