//! The non-interactive commands (`check`, `schema`, ...): each reads, prints and returns an
//! exit code. The interactive course itself lives in `runtime`.

pub mod check;
pub mod check_json;
pub mod check_watch;
pub mod new;
pub mod optimize;
pub mod progress;
pub mod progress_export;
pub mod progress_reviews;
pub mod schema;
pub mod shell;
pub mod stats;
pub mod xapi;
