//! `Text`: the string type of the course model (each run of prose, `markup::Run`, and the
//! ids, titles, summaries, file names, sources, fingerprints and the items of match, order
//! and short questions, `model`), which a compiled course keeps in one table instead of
//! one allocation each.
//!
//! A course from TOML holds each text as its own `String`. A compiled course (the
//! built-in one, the cache's) writes all of them once, one after another, in a text table
//! beside the model (`compiled::encode_apart`; `cache::parts::encode`, one table per part),
//! and each run as its length only: the texts are read back in the order they were
//! written, each starting where the last ended. Decoding then checks the table as UTF-8
//! once and makes each run a slice of it: no allocation and no UTF-8 check per run. The
//! built-in course's table stays in the binary (`&'static str`, checked by the compiler, so
//! a start reads its pages only where a text is shown); each part of a cache entry has one
//! shared allocation, the string as read. See docs/performance.md, "Start-up, third pass".
//!
//! Outside a compiled course (no table set up), a `Text` is written and read as a plain
//! string.

use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

mod apart;
pub mod hot;
pub use apart::{Apart, Later, read_apart, reading, with_static, write_apart};

/// A string, owned or a slice of a compiled course's text table (or of the binary's model).
#[derive(Clone)]
pub struct Text(Repr);

/// Four forms in 24 bytes (a run of text is 32 with its style): each slice keeps its
/// table by one pointer (the model's is a `&'static str`), so all fit beside `String`'s.
#[derive(Clone)]
enum Repr {
    Own(String),
    /// A slice of the binary's own table (the built-in course).
    Static {
        table: &'static &'static str,
        start: u32,
        end: u32,
    },
    /// A slice of a table read at run time (one part of a cache entry).
    Shared {
        table: Arc<String>,
        start: u32,
        end: u32,
    },
    /// A slice of the binary's own model bytes (a text every start reads, [`hot`]).
    Model(&'static str),
}

/// A compiled course's text table.
#[derive(Clone)]
pub enum Table {
    /// In the binary: the built-in course (`embedded::TEXTS`).
    Static(&'static &'static str),
    /// Read at run time: one part of a cache entry (a `String` as read, so not copied).
    Shared(Arc<String>),
}

impl Table {
    fn as_str(&self) -> &str {
        match self {
            Table::Static(s) => s,
            Table::Shared(s) => s,
        }
    }
}

impl Text {
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Own(s) => s,
            // Checked when decoded (a slice is only made in bounds, on char boundaries).
            Repr::Static { table, start, end } => table
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
            Repr::Shared { table, start, end } => table
                .get(*start as usize..*end as usize)
                .unwrap_or_default(),
            Repr::Model(s) => s,
        }
    }

    /// Adds `s` at the end (a slice of a table is copied first).
    pub fn push_str(&mut self, s: &str) {
        match &mut self.0 {
            Repr::Own(own) => own.push_str(s),
            Repr::Static { .. } | Repr::Shared { .. } | Repr::Model(_) => {
                let mut own = String::with_capacity(self.len() + s.len());
                own.push_str(self.as_str());
                own.push_str(s);
                self.0 = Repr::Own(own);
            }
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text(Repr::Own(String::new()))
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Own(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Repr::Own(s.to_owned()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        match t.0 {
            Repr::Own(s) => s,
            Repr::Static { .. } | Repr::Shared { .. } | Repr::Model(_) => t.as_str().to_owned(),
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

/// Hashed and compared as its `str`, so a `HashMap<Text, _>` is looked up by `&str`.
impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

thread_local! {
    /// While `collect_binary` runs: the texts a start reads ([`hot`]) go into the model.
    static HOT_INLINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// While `with_static` runs: the binary's own model bytes, which a `Lazy` may keep.
    static STATIC_BYTES: std::cell::Cell<Option<&'static [u8]>> = const { std::cell::Cell::new(None) };
    /// While `collect` runs: the table being written.
    static WRITING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// While `with_table` runs: the table being read, and where the next text starts.
    static READING: RefCell<Option<(Table, usize)>> = const { RefCell::new(None) };
}

/// Runs `write` with a text table set up: every `Text` it serializes goes into the table,
/// one after another, and is written as its length. Returns what `write` gave and the
/// table.
pub fn collect<R>(write: impl FnOnce() -> R) -> (R, String) {
    let outer = WRITING.with(|w| w.replace(Some(String::new())));
    let out = write();
    let table = WRITING.with(|w| w.replace(outer)).unwrap_or_default();
    (out, table)
}

/// [`collect`] for the binary's own course (build.rs): the texts a start reads ([`hot`])
/// are written into the model's bytes instead of the table.
pub fn collect_binary<R>(write: impl FnOnce() -> R) -> (R, String) {
    let outer = HOT_INLINE.with(|h| h.replace(true));
    let out = collect(write);
    HOT_INLINE.with(|h| h.set(outer));
    out
}

/// Runs `read` with `table` as the text table the `Text`s it deserializes come from, in
/// order. Returns what `read` gave and whether the texts it read were the whole table.
pub fn with_table<R>(table: Table, read: impl FnOnce() -> R) -> (R, bool) {
    let len = table.as_str().len();
    let (out, at) = reading_from(table, 0, read);
    (out, at == Some(len))
}

/// Runs `read` with `table` as the text table, its next text starting at `start`; gives
/// what `read` gave and where the next text would have started. The table read before
/// (if any) is set back after.
fn reading_from<R>(table: Table, start: usize, read: impl FnOnce() -> R) -> (R, Option<usize>) {
    struct Reset(Option<(Table, usize)>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let outer = self.0.take();
            READING.with(|r| *r.borrow_mut() = outer);
        }
    }
    let _reset = Reset(READING.with(|r| r.replace(Some((table, start)))));
    let out = read();
    (out, cursor())
}

/// Where the next text starts in the table being read, if one is.
fn cursor() -> Option<usize> {
    READING.with(|r| r.borrow().as_ref().map(|(_, at)| *at))
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let len = WRITING.with(|w| {
            let mut w = w.borrow_mut();
            let table = w.as_mut()?;
            table.push_str(self.as_str());
            u32::try_from(table.len()).ok()?;
            u32::try_from(self.len()).ok()
        });
        match len {
            Some(len) => s.serialize_u32(len),
            None if WRITING.with(|w| w.borrow().is_some()) => Err(serde::ser::Error::custom(
                "a compiled course's text table is limited to 4 GiB",
            )),
            None => s.serialize_str(self.as_str()),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // One look at the thread's state per text: a compiled course has a million of them.
        READING.with(|r| {
            let mut r = r.borrow_mut();
            let Some((table, at)) = r.as_mut() else {
                drop(r);
                return String::deserialize(d).map(Text::from);
            };
            let len = u32::deserialize(d)?;
            let start = *at;
            let end = start.saturating_add(len as usize);
            let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end)) else {
                return Err(serde::de::Error::custom("a text table is limited to 4 GiB"));
            };
            // The binary's own table was made from strings and checked as UTF-8 by the
            // compiler; its places only need to be inside it, which reads none of its pages
            // (`as_str` gives "" for a place that splits a character, which the test of the
            // built-in course against the loader's would show). A table read at run time is
            // checked here, place by place.
            let text = match table {
                Table::Static(s) if end <= s.len() => Repr::Static {
                    table: s,
                    start: start32,
                    end: end32,
                },
                Table::Shared(s) if s.get(start..end).is_some() => Repr::Shared {
                    table: s.clone(),
                    start: start32,
                    end: end32,
                },
                _ => {
                    return Err(serde::de::Error::custom(
                        "a text runs past the end of the text table or splits a character",
                    ));
                }
            };
            *at = end;
            Ok(Text(text))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_go_through_a_table_and_come_back_as_slices_of_it() {
        let texts: Vec<Text> = vec!["Leading".into(), "".into(), "managing · both".into()];
        let (bytes, table) = collect(|| postcard::to_allocvec(&texts));
        let bytes = bytes.expect("encodes");
        assert_eq!(table, "Leadingmanaging · both");
        let (back, whole): (Vec<Text>, bool) = with_table(Table::Shared(Arc::new(table)), || {
            postcard::from_bytes(&bytes).expect("decodes")
        });
        assert!(whole);
        assert_eq!(back, texts);
        assert!(back.iter().all(|t| matches!(t.0, Repr::Shared { .. })));
    }

    #[test]
    fn a_text_past_the_table_or_inside_a_character_is_refused() {
        // "é·x": é is bytes 0..2, · 2..4, x 4..5.
        for lens in [vec![6u32], vec![1], vec![2, 1], vec![4, 2]] {
            let bytes = postcard::to_allocvec(&lens).expect("encodes");
            let (back, _): (Result<Vec<Text>, _>, _) =
                with_table(Table::Shared(Arc::new("é·x".into())), || {
                    postcard::from_bytes(&bytes)
                });
            assert!(back.is_err(), "{lens:?} was taken");
        }
        let bytes = postcard::to_allocvec(&vec![2u32, 2]).expect("encodes");
        let (back, whole): (Result<Vec<Text>, _>, _) =
            with_table(Table::Shared(Arc::new("é·x".into())), || {
                postcard::from_bytes(&bytes)
            });
        assert_eq!(back.expect("decodes"), ["é", "·"].map(Text::from));
        assert!(!whole, "x was left over");
    }

    #[test]
    fn without_a_table_a_text_is_a_plain_string() {
        let t = Text::from("plain");
        let bytes = postcard::to_allocvec(&t).expect("encodes");
        assert_eq!(bytes, postcard::to_allocvec("plain").expect("encodes"));
        let back: Text = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(back, "plain");
    }

    #[test]
    fn changing_a_slice_copies_it_first() {
        let mut t = Text(Repr::Static {
            table: &"abcdef",
            start: 1,
            end: 3,
        });
        t.push_str("!");
        assert_eq!(t, "bc!");
    }

    #[test]
    fn every_form_fits_in_24_bytes() {
        assert_eq!(std::mem::size_of::<Text>(), 24);
    }
}
