//! syllabus: a terminal training course.
//!
//! # Module map (dependencies point down this list, never up)
//!
//! | module | owns | touches |
//! |---|---|---|
//! | [`cli`] | clap definitions | nothing |
//! | [`runtime`] | the terminal session: the loop's inbox (the terminal and signals read on its thread; the watcher threads post to it), ticks, effects (saving); `runtime::backend`: crossterm's backend with a frame's escape codes written without `core::fmt` | the terminal, the store |
//! | [`line`] | the line mode (`--line`): the course as plain lines for screen readers, driving the same `App` | stdin, stdout |
//! | [`watch`] | live reload of a course folder (`--watch`), debounced | the course folder |
//! | [`ui`] | one view per screen over `&App`, themes, drawing lines (`ui::text`), splitting areas (`ui::split`); never mutates | nothing (draws a frame) |
//! | [`app`] | `App` state, one module per screen, key tables, the pure `update` | nothing |
//! | [`cmd`] | non-interactive commands: `check`, `schema`, `new`, `progress`, `sync`, `completions`, `man` | stdout, files |
//! | [`config`] | the learner's settings file (identity, LRS, theme, review) | reads the settings file |
//! | [`xapi`] | xAPI statements derived from progress; sending them to an LRS | network, the sync record |
//! | [`stats`] | the learner's figures (time, scores, weakest, streak, forecast), pure | nothing |
//! | [`standing`] | where the learner stands, by module id: states, grades, mastery, locks, totals, next step, attempt timeline, active time; pure | nothing |
//! | [`report`] | pure queries over course and progress: attempt counting, export rows | nothing |
//! | [`spaced`] | spaced review with FSRS: cards from answers, the queue, sessions, pure; `spaced::libm`: the C maths functions fsrs calls, from the `libm` crate (so no libm.so.6) | nothing |
//! | [`progress`] | the progress file: model (format 3), migrations; `store`: the `ProgressStore` seam, `FileStore` (atomic save, lock, recovery), `MemoryStore` for tests | the progress file |
//! | [`quiz`] | grading, attempts, drafts, mastery: pure rules | nothing |
//! | [`cache`] | folder courses cached by every file read, in parts read on every core | the XDG cache folder |
//! | [`embedded`] | the built-in course, checked and encoded at build time (model, and text table) | nothing |
//! | [`zone`] | the learner's time zone, read without jiff's database walk | `/etc/localtime` |
//! | [`layout`] | word wrapping and lesson layout (CommonMark blocks, tables, code), pure | nothing |
//! | [`course`] | the content model (its text: `course::text`); loading (every core: `course::par`), checking, reviewing, sanitizing course files; the compiled form; diagnostics | reads course files |
//!
//! One key press: the loop on the main thread, waiting in `poll(2)` on the terminal and a
//! wake-up pipe (`runtime::inbox`), reads it (crossterm) as `runtime::Event::Input` with
//! every event there is behind it; `app::keymap` turns it into an `Action` from the screen's key table, `App::update`
//! changes the state and returns effects, `runtime::perform` runs them against
//! `dyn progress::ProgressStore` (`Effect::Save`: `FileStore::save` → `write_atomic`), and
//! `ui::render` draws one frame. Signals take the same road as `Action::Stop`; `main`
//! returns the loop's exit status.
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
pub mod standing;
pub mod stats;
pub mod ui;
pub mod watch;
pub mod xapi;
pub mod zone;
