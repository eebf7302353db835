//! `#[serde(with = "crate::course::text::hot")]`: a text that every start reads (a module's
//! id and title, a section's id, a question's id and fingerprints). In the binary's own
//! course it is written into the model's bytes, which a start reads whole, and decoded
//! into a `String` of its own: in the table it would lie between section bodies that a
//! start never reads, and reading it there would map pages of the table all through the
//! binary (about 100 KiB more peak memory, measured). Everywhere else (a cache entry,
//! where every byte is read anyway) it is a `Text` like any other.

use super::{HOT_INLINE, STATIC_BYTES, Text};

pub fn serialize<S: serde::Serializer>(text: &Text, s: S) -> Result<S::Ok, S::Error> {
    if HOT_INLINE.with(std::cell::Cell::get) {
        s.serialize_str(text.as_str())
    } else {
        serde::Serialize::serialize(text, s)
    }
}

pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    if STATIC_BYTES.with(std::cell::Cell::get).is_some() {
        <String as serde::Deserialize>::deserialize(d).map(Text::from)
    } else {
        <Text as serde::Deserialize>::deserialize(d)
    }
}
