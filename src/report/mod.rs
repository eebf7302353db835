//! Pure queries over `(&Course, &Progress)` that every view of a learner's record shares:
//! how attempts are counted and named (`attempts`), and the records of an export (`rows` for answers, `reviews` for spaced reviews). The
//! map, the results, the history screen, `progress show` and the exports all ask here, so
//! they cannot disagree.

pub mod attempts;
pub mod practice;
pub mod reviews;
pub mod rows;
pub mod words;

pub use attempts::{AttemptEntry, Counts, Label, counts, entries, entry_for};
