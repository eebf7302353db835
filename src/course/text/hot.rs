//! `#[serde(with = "crate::course::text::hot")]`: a text that every start reads (a module's
//! id and title, a section's id, a question's id and fingerprints). In the binary's own
//! course it is written into the model's bytes, which a start reads whole, and read back
//! as a slice of them, with no allocation: in the table it would lie between section
//! bodies that a start never reads, and reading it there would map pages of the table all
//! through the binary (about 100 KiB more peak memory, measured). Everywhere else (a cache
//! entry, where every byte is read anyway) it is a `Text` like any other.

use super::{HOT_INLINE, Repr, STATIC_BYTES, Text};

pub fn serialize<S: serde::Serializer>(text: &Text, s: S) -> Result<S::Ok, S::Error> {
    if HOT_INLINE.with(std::cell::Cell::get) {
        s.serialize_str(text.as_str())
    } else {
        serde::Serialize::serialize(text, s)
    }
}

pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    if let Some(model) = STATIC_BYTES.with(std::cell::Cell::get) {
        // The built-in course is decoded from the binary's bytes, so the string borrows
        // from them; found again in `model` by where it lies, it lives as long. Asked for
        // as bytes (postcard writes a string as its bytes), it is checked as UTF-8 once.
        d.deserialize_bytes(InModel(model))
    } else {
        <Text as serde::Deserialize>::deserialize(d)
    }
}

/// `text` as a string slice of `model`, if it lies inside it and is UTF-8.
fn within(model: &'static [u8], text: &[u8]) -> Option<&'static str> {
    std::str::from_utf8(super::apart::in_model(model, text)?).ok()
}

/// Takes a string borrowed from the model's bytes as a slice of them, any other as its own.
struct InModel(&'static [u8]);

impl<'de> serde::de::Visitor<'de> for InModel {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Text, E> {
        match within(self.0, v) {
            Some(s) => Ok(Text(Repr::Model(s))),
            None => self.visit_bytes(v),
        }
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Text, E> {
        std::str::from_utf8(v)
            .map(Text::from)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in course's module ids and titles are read as slices of the binary's model
    /// bytes, not copied; each reads as the same string it was written as.
    #[test]
    fn the_built_in_course_s_hot_texts_are_slices_of_its_model_bytes() {
        let compiled = crate::embedded::builtin().expect("the built-in course decodes");
        let model = crate::embedded::COURSE.as_ptr_range();
        assert!(!compiled.course.modules.is_empty());
        for m in &compiled.course.modules {
            for text in [&m.id, &m.title] {
                assert!(matches!(text.0, Repr::Model(_)), "{text:?} was copied");
                assert!(
                    model.contains(&text.as_ptr()),
                    "{text:?} is not in the model"
                );
                assert!(!text.is_empty());
            }
        }
    }

    /// Only bytes that lie inside the model, and are UTF-8, become a slice of it.
    #[test]
    fn a_string_from_elsewhere_is_its_own() {
        let model: &'static [u8] = b"abc";
        let elsewhere = String::from("abc");
        assert_eq!(within(model, elsewhere.as_bytes()), None);
        assert_eq!(within(model, &model[1..]), Some("bc"));
        let bad: &'static [u8] = b"a\xffc";
        assert_eq!(within(bad, &bad[1..]), None, "not UTF-8");
    }
}
