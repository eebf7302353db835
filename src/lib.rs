//! syllabus: a terminal training course.
//!
//! # Module map (dependencies point down this list, never up)
//!
//! | module | owns | touches |
//! |---|---|---|
//! | [`cli`] | clap definitions | nothing |
//! | [`cmd`] | non-interactive commands: `check`, `schema`, `new`, `progress`, `sync`, `completions`, `man` | stdout, files |
//! | [`config`] | the learner's settings file (identity, LRS, theme) | reads the settings file |
//! | [`xapi`] | xAPI statements derived from progress; sending them to an LRS | network, the sync record |
//! | [`line`] | the line mode (`--line`): the course as plain lines for screen readers, driving the same `App` | stdin, stdout |
//! | [`report`] | pure queries over course and progress: attempt counting, export rows | nothing |
//! | [`stats`] | the learner's figures (time, scores, weakest, streak, forecast seam), pure | nothing |
//! | [`course`] | the content model; loading, checking, sanitizing course files; diagnostics | reads course files |
//!
//! `course` never imports ratatui; only the runtime and the loaders touch the filesystem or
//! the terminal.

pub mod app;
pub mod cache;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod course;
pub mod embedded;
pub mod layout;
pub mod line;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod runtime;
pub mod spaced;
pub mod stats;
pub mod ui;
pub mod watch;
pub mod xapi;
