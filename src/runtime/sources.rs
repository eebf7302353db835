//! The event sources of the interactive session: terminal input, signals, the terminal
//! watcher, and with `--watch` the course-folder watcher. On Unix the loop reads the
//! terminal and collects signals on its own thread ([`super::inbox`]); the watchers are
//! threads that send into its channel (elsewhere, and in the line mode, input and signals
//! are threads too). None of them touches the app; the loop turns what they send into
//! actions for `App::update`.
//!
//! A thread that cannot be started is reported, not ignored: without an input thread (where
//! there is one) the session cannot run, and without a signal thread a closed terminal
//! would not save.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use std::time::Duration;

use ratatui::crossterm::event;

use super::inbox::Post;
use crate::course::Course;
use crate::watch::Live;

/// Everything that reaches the loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key, mouse or resize event from the terminal.
    Input(event::Event),
    /// Reading the terminal failed: it is gone.
    InputFailed,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (the number).
    Signal(i32),
    /// The terminal's size can no longer be read: it was closed (see `watch_terminal`).
    TerminalGone,
    /// `--watch`: the course folder changed and was loaded again: the new course, or the
    /// lines to show over the screen while it does not load.
    Course(Result<Box<Course>, Vec<String>>),
}

/// Read terminal events for ever on a thread, handing each to `send` (false: the loop is
/// gone). The thread may stay blocked in a dead terminal; the loop does not depend on it,
/// and the process ends when `main` returns. Where the loop cannot wait on the terminal
/// itself (not Unix).
#[cfg_attr(unix, allow(dead_code))]
pub fn read_input(send: impl Fn(Event) -> bool + Send + 'static) -> io::Result<()> {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let ev = match event::read() {
                    Ok(ev) => Event::Input(ev),
                    Err(_) => Event::InputFailed,
                };
                let failed = ev == Event::InputFailed;
                if !send(ev) || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT, sent to the loop as `wrap(signal)`. The default
/// actions are replaced, so the loop decides what a signal does (save, then leave).
pub fn forward_signals<E: Send + 'static>(tx: Sender<E>, wrap: fn(i32) -> E) -> io::Result<()> {
    catch_signals()?.forward(move |sig| tx.send(wrap(sig)).is_ok())
}

/// The signals a session catches.
pub const CAUGHT: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// The signals a session catches, from `catch_signals` on: one that comes before anybody
/// looks waits in signal-hook's pipe. So the session catches them before the terminal
/// changes, and looks (or, elsewhere than Unix, starts the thread that forwards them) once
/// its first frame is drawn.
pub struct Caught(signal_hook::iterator::Signals);

/// Replace the default actions of SIGTERM, SIGHUP, SIGINT and SIGQUIT now.
pub fn catch_signals() -> io::Result<Caught> {
    signal_hook::iterator::Signals::new(CAUGHT).map(Caught)
}

impl Caught {
    /// The signals that came since the last look, without waiting.
    pub fn pending(&mut self) -> impl Iterator<Item = i32> + '_ {
        self.0.pending()
    }

    /// Hand each caught signal, and any already waiting, to `send` on a thread, until it
    /// says the loop is gone.
    pub fn forward(self, send: impl Fn(i32) -> bool + Send + 'static) -> io::Result<()> {
        let mut signals = self.0;
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    if !send(sig) {
                        return;
                    }
                }
            })
            .map(drop)
    }
}

/// `--watch`: wait for each settled change of the course folder (200 ms of quiet, see
/// `watch`), load the course again, and send the loop what came of it. The running course's
/// id (`running`) never changes: a course with another id is refused, not loaded.
pub fn watch_course(post: Post, mut live: Live, running: String) -> io::Result<()> {
    thread::Builder::new()
        .name("course-watch".into())
        .spawn(move || {
            while let Some(result) = live.next(&running) {
                if !post.send(Event::Course(result.map(Box::new))) {
                    return;
                }
            }
        })
        .map(drop)
}

/// Closing a terminal sends SIGHUP only to the session leader, which may not pass it on (a
/// shell that traps or ignores it). crossterm then spins inside `read`, reading the dead
/// terminal for ever (crossterm#793): the app ran at 60% CPU until killed (found by
/// tests/bad_inputs.rs). So a thread checks once a second that the terminal's size can still
/// be read, and when it cannot, tells the loop, which does what SIGHUP would.
#[cfg(unix)]
pub fn watch_terminal(post: Post) -> io::Result<()> {
    thread::Builder::new()
        .name("terminal-watch".into())
        .spawn(move || {
            loop {
                thread::sleep(Duration::from_secs(1));
                if ratatui::crossterm::terminal::window_size().is_err() {
                    post.send(Event::TerminalGone);
                    return;
                }
            }
        })
        .map(drop)
}

/// Elsewhere `window_size` is not implemented, so it says nothing about the terminal.
#[cfg(not(unix))]
pub fn watch_terminal(_: Post) -> io::Result<()> {
    Ok(())
}
