//! The key tables of the course format: every key of every TOML table, its type, whether it
//! is required and what it means. The loader checks files against these tables (types,
//! required keys, unknown keys) and the JSON Schema in `assets/` is generated from them, so
//! the two cannot disagree. docs/authoring.md explains the same keys for people.

/// The type of a value, with the limits the loader enforces.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A non-empty string.
    Str,
    /// A string of `[a-z0-9-]`, 1 to 64 characters.
    Id,
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    /// One of a fixed set of strings.
    Enum(&'static [&'static str]),
    StrArray {
        min: usize,
        max: usize,
    },
    Table(&'static TableSpec),
    TableArray {
        spec: &'static TableSpec,
        min: usize,
        max: usize,
    },
}

/// One key of a table.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
}

/// A table whose set of keys depends on the value of one key (a question's `kind`).
#[derive(Debug, Clone, Copy)]
pub struct Variants {
    pub tag: &'static str,
    pub kinds: &'static [(&'static str, &'static [Key])],
}

#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// How messages name this table: "unknown key `x` in a question".
    pub what: &'static str,
    pub keys: &'static [Key],
    pub variants: Option<Variants>,
}

pub(crate) const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: true,
        doc,
    }
}

pub(crate) const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Key {
    Key {
        name,
        ty,
        required: false,
        doc,
    }
}

pub const MAX_OPTIONS: usize = 10;
pub const MAX_CATEGORIES: usize = 6;
pub const PASS_MARK: Ty = Ty::Int { min: 0, max: 100 };
pub const FEEDBACK_MODES: &[&str] = &["immediate", "deferred"];
pub const GRADING_METHODS: &[&str] = &["highest", "latest", "average", "first"];
pub const MODULE_KINDS: &[&str] = &["lesson", "assessment"];

// One file per table, each naming its keys: the loader reads values through these same
// constants (`read.rs`), so no key name is written twice.
pub mod course;
pub mod module;
pub mod question;
pub mod quiz;
mod read;

pub use course::COURSE;
pub use module::{MODULE, SECTION};
pub use question::{CHOICE, MATCH_ITEM, QUESTION};
pub use quiz::QUIZ;

impl TableSpec {
    /// The keys allowed in this table for the given variant tag value.
    pub fn keys_for(&'static self, tag_value: Option<&str>) -> Vec<&'static Key> {
        let mut keys: Vec<&'static Key> = self.keys.iter().collect();
        if let (Some(v), Some(tag)) = (&self.variants, tag_value)
            && let Some((_, extra)) = v.kinds.iter().find(|(k, _)| *k == tag)
        {
            keys.extend(extra.iter());
        }
        keys
    }
}
