//! Reading a value from a parsed table by its key, for the loader and the checks that need
//! the meaning of several values. The key-table check has already reported wrong types, so
//! these only return nothing for a value that is absent or malformed. Strings are borrowed
//! from the parsed file, never copied.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Key;

impl Key {
    /// The value as written, with its span.
    pub fn value<'a, 'i>(&self, t: &'a DeTable<'i>) -> Option<&'a Spanned<DeValue<'i>>> {
        t.get(self.name)
    }

    /// Where the value is written, if it is.
    pub fn span(&self, t: &DeTable) -> Option<Range<usize>> {
        self.value(t).map(Spanned::span)
    }

    /// Whether the table has the key at all.
    pub fn is_in(&self, t: &DeTable) -> bool {
        t.contains_key(self.name)
    }

    pub fn str<'a>(&self, t: &'a DeTable) -> Option<(&'a str, Range<usize>)> {
        let v = self.value(t)?;
        v.get_ref().as_str().map(|s| (s, v.span()))
    }

    pub fn int(&self, t: &DeTable) -> Option<(i64, Range<usize>)> {
        let v = self.value(t)?;
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| (n, v.span())),
            _ => None,
        }
    }

    pub fn bool(&self, t: &DeTable) -> Option<bool> {
        self.value(t)?.get_ref().as_bool()
    }

    /// The value as a table, with its span.
    pub fn table<'a, 'i>(&self, t: &'a DeTable<'i>) -> Option<(&'a DeTable<'i>, Range<usize>)> {
        let v = self.value(t)?;
        v.get_ref().as_table().map(|t| (t, v.span()))
    }

    /// The strings of an array, each with its span; other entries are left out.
    pub fn strs<'a>(&self, t: &'a DeTable) -> Vec<(&'a str, Range<usize>)> {
        self.array(t)
            .filter_map(|v| v.get_ref().as_str().map(|s| (s, v.span())))
            .collect()
    }

    /// The tables of an array, each with its span; other entries are left out.
    pub fn tables<'a, 'i>(&self, t: &'a DeTable<'i>) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        self.array(t)
            .filter_map(|v| v.get_ref().as_table().map(|t| (t, v.span())))
            .collect()
    }

    fn array<'a, 'i>(&self, t: &'a DeTable<'i>) -> impl Iterator<Item = &'a Spanned<DeValue<'i>>> {
        let items = match self.value(t).map(Spanned::get_ref) {
            Some(DeValue::Array(a)) => &a[..],
            _ => &[],
        };
        items.iter()
    }
}
