//! The content model and everything that turns course files into it: reading (from a
//! folder or the binary), TOML parsing, checking against the key tables, sanitizing, and
//! the diagnostics authors see. No terminal, no progress.

pub mod blueprint;
mod build;
pub mod check;
pub mod codes;
pub mod compiled;
pub mod diagnostic;
pub mod doc;
pub mod files;
pub mod hash;
pub mod id;
pub mod kinds;
pub mod lazy;
pub mod lex;
pub mod lint;
pub mod load;
pub mod markup;
pub mod memory;
pub mod model;
pub mod par;
pub mod requires;
pub mod review;
pub mod sanitize;
pub mod schema;
pub mod sink;
pub mod slips;
pub mod source;
pub mod spec;
pub mod suggest;
pub mod syntax;
pub mod teaches;
pub mod text;

pub use diagnostic::{Diagnostic, Severity};
pub use files::{CourseFiles, DirFiles, EmbeddedFiles};
pub use load::{LoadReport, load};
pub use memory::MemFiles;
pub use model::*;
