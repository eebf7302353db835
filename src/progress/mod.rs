//! The learner's record: what it holds (`model`), where it lives (`paths`), and how it is
//! kept safe on disk (`store`: lock, atomic save, backup, recovery). Nothing here draws.

pub mod migrate;
pub mod model;
pub mod paths;
pub mod store;

pub use model::{FORMAT_VERSION, ModuleProgress, Place, Progress, Screen as PlaceScreen};
pub use store::{FileStore, MemoryStore, Opened, ProgressStore, SaveError};
