//! The quiz engine: pure rules with no I/O and no terminal. Drawing an attempt from the
//! pool, shuffling, grading each kind, scoring attempts, module grades by grading method,
//! mastery per question, and which questions a "retake missed" asks. The attempt records
//! defined here are what the progress file stores.

pub mod answer;
pub mod attempt;
pub mod draft;
pub mod grade;
mod keyed;
pub mod mastery;

pub use answer::Answer;
pub use attempt::{Asked, Attempt, Mode, Response};
pub use draft::Draft;
pub use grade::{Mark, grade};
pub use mastery::{QuestionState, ResponseStatus};
