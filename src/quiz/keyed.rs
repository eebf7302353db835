//! An attempt's responses in the file: format 2 writes a table keyed by question id (so an
//! answer is paired with its question by id, never by position); format 1 wrote a list in
//! the order answered, each naming its question. Both are read; only the table is written.

use std::fmt;

use jiff::Timestamp;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::answer::Answer;
use super::attempt::Response;

/// A response without its question id, which is the key.
#[derive(Serialize)]
struct BodyRef<'a> {
    hash: &'a str,
    answer: &'a Answer,
    points: f64,
    correct: bool,
    at: Timestamp,
    #[serde(flatten, skip_serializing_if = "toml::Table::is_empty")]
    extra: &'a toml::Table,
}

#[derive(Deserialize)]
struct Body {
    hash: String,
    answer: Answer,
    points: f64,
    correct: bool,
    at: Timestamp,
    #[serde(flatten, default)]
    extra: toml::Table,
}

pub fn serialize<S: Serializer>(responses: &[Response], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(responses.iter().map(|r| {
        (
            &r.question,
            BodyRef {
                hash: &r.hash,
                answer: &r.answer,
                points: r.points,
                correct: r.correct,
                at: r.at,
                extra: &r.extra,
            },
        )
    }))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Response>, D::Error> {
    d.deserialize_any(Either)
}

struct Either;

impl<'de> Visitor<'de> for Either {
    type Value = Vec<Response>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table of responses keyed by question id")
    }

    /// Format 1: a list, each entry naming its question.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(r) = seq.next_element::<Response>()? {
            out.push(r);
        }
        Ok(out)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out: Vec<Response> = Vec::new();
        while let Some((question, b)) = map.next_entry::<String, Body>()? {
            out.push(Response {
                question,
                hash: b.hash,
                answer: b.answer,
                points: b.points,
                correct: b.correct,
                at: b.at,
                extra: b.extra,
            });
        }
        Ok(out)
    }
}
