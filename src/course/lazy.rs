//! `Lazy<T>`: a part of the model the built-in course decodes only when it is first used
//! (a section's body: a start shows the map, not the lessons). See docs/performance.md,
//! "Fourth pass".
//!
//! In a compiled course a `Lazy` is written as the length of its texts in the text table
//! and its own postcard bytes (`course::text` writes its texts into the table as usual).
//! Read from the built-in course (whose bytes and table are in the binary, made and checked
//! by build.rs) it keeps where both lie and decodes on first use. Read from anywhere else
//! (a cache entry, whose every byte must be checked before it is used) it is decoded at
//! once, and a fault refuses the entry. Outside a compiled course it is the value itself.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use super::text;

/// A value, or where to decode it from when it is first used.
pub struct Lazy<T> {
    value: OnceLock<T>,
    later: Option<text::Later>,
}

impl<T> From<T> for Lazy<T> {
    fn from(value: T) -> Self {
        Lazy {
            value: OnceLock::from(value),
            later: None,
        }
    }
}

impl<T: Default> Default for Lazy<T> {
    fn default() -> Self {
        T::default().into()
    }
}

impl<T: serde::de::DeserializeOwned + Default> Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value.get_or_init(|| {
            // Bytes build.rs wrote and the binary holds; a test decodes every one of them
            // against the loader's course, so the default is never shown.
            self.later
                .as_ref()
                .and_then(text::Later::decode)
                .unwrap_or_default()
        })
    }
}

impl<T: serde::de::DeserializeOwned + Default + Clone> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        match (self.value.get(), &self.later) {
            (None, Some(later)) => Lazy {
                value: OnceLock::new(),
                later: Some(later.clone()),
            },
            _ => (**self).clone().into(),
        }
    }
}

impl<T: serde::de::DeserializeOwned + Default + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: serde::de::DeserializeOwned + Default + fmt::Debug> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: serde::Serialize + serde::de::DeserializeOwned + Default> serde::Serialize for Lazy<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match text::write_apart(&**self) {
            Some(Ok((texts, bytes))) => serde::Serialize::serialize(&(texts, Bytes(&bytes)), s),
            Some(Err(e)) => Err(serde::ser::Error::custom(e)),
            None => (**self).serialize(s),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned + Default> serde::Deserialize<'de> for Lazy<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !text::reading() {
            return T::deserialize(d).map(Lazy::from);
        }
        let apart = d.deserialize_tuple(2, Pair::<T>(std::marker::PhantomData))?;
        Ok(match apart {
            text::Apart::Now(value) => value.into(),
            text::Apart::Later(later) => Lazy {
                value: OnceLock::new(),
                later: Some(later),
            },
        })
    }
}

/// Bytes written as bytes (postcard: a length, then the bytes), not as a sequence.
struct Bytes<'a>(&'a [u8]);

impl serde::Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

/// Reads the pair `(texts, bytes)`, and the bytes where they lie (no copy).
struct Pair<T>(std::marker::PhantomData<T>);

impl<'de, T: serde::de::DeserializeOwned> serde::de::Visitor<'de> for Pair<T> {
    type Value = text::Apart<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the length of a part's texts, and its bytes")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let texts: u32 = seq
            .next_element()?
            .ok_or_else(|| A::Error::custom("no length"))?;
        seq.next_element_seed(Apart(texts, std::marker::PhantomData))?
            .ok_or_else(|| A::Error::custom("no bytes"))
    }
}

struct Apart<T>(u32, std::marker::PhantomData<T>);

impl<'de, T: serde::de::DeserializeOwned> serde::de::DeserializeSeed<'de> for Apart<T> {
    type Value = text::Apart<T>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_bytes(self)
    }
}

impl<'de, T: serde::de::DeserializeOwned> serde::de::Visitor<'de> for Apart<T> {
    type Value = text::Apart<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bytes")
    }
    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        text::read_apart(self.0, v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::text::{Table, Text, collect, with_table};

    #[test]
    fn the_builtin_course_decodes_a_body_when_it_is_first_read() {
        let course = crate::embedded::builtin().expect("decodes").course;
        let body = &course.modules[0].sections[0].body;
        assert!(body.value.get().is_none(), "decoded before it was read");
        let files = crate::course::EmbeddedFiles::builtin();
        let loaded = crate::course::load(&files).course.expect("loads");
        assert_eq!(**body, *loaded.modules[0].sections[0].body);
        assert!(!body.is_empty());
        assert!(body.value.get().is_some());
    }

    #[test]
    fn read_at_run_time_it_is_decoded_at_once_and_must_use_its_texts_exactly() {
        let values: Vec<Lazy<Vec<Text>>> = vec![
            vec![Text::from("lead"), Text::from("manage")].into(),
            vec![Text::from("both")].into(),
        ];
        let (bytes, table) = collect(|| postcard::to_allocvec(&values));
        let bytes = bytes.expect("encodes");
        assert_eq!(table, "leadmanageboth");
        let table = Table::Shared(std::sync::Arc::new(table));
        let (back, whole) = with_table(table.clone(), || {
            postcard::from_bytes::<Vec<Lazy<Vec<Text>>>>(&bytes)
        });
        let back = back.expect("decodes");
        assert!(whole);
        assert!(
            back.iter().all(|l| l.value.get().is_some()),
            "decoded at once"
        );
        assert_eq!(back, values);
        // The first value says its texts are one byte longer than they are: refused.
        let mut bad = bytes.clone();
        assert_eq!(bad[1], 10, "the first value's texts: 10 bytes");
        bad[1] = 11;
        let (back, _) = with_table(table, || postcard::from_bytes::<Vec<Lazy<Vec<Text>>>>(&bad));
        assert!(back.is_err());
    }
}
