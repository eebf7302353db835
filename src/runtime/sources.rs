//! The event sources of the interactive session, each a thread that sends into the one
//! channel the loop reads: terminal input, signals, the terminal watcher, and with `--watch`
//! the course-folder watcher. None of them
//! touches the app; the loop turns what they send into actions for `App::update`.
//!
//! A thread that cannot be started is reported, not ignored: without the input thread the
//! session cannot run, and without the signal thread a closed terminal would not save.

use std::io;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event;

use crate::course::Course;
use crate::watch::Live;

/// Everything that reaches the loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A key, mouse or resize event, read by the input thread.
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

/// Read terminal events for ever, sending each to the loop. The thread may stay blocked in a
/// dead terminal; the loop does not depend on it, and the process ends when `main` returns.
pub fn read_input(tx: Sender<Event>) -> io::Result<()> {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let ev = match event::read() {
                    Ok(ev) => Event::Input(ev),
                    Err(_) => Event::InputFailed,
                };
                let failed = ev == Event::InputFailed;
                if tx.send(ev).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT, sent to the loop as `wrap(signal)`. The default
/// actions are replaced, so the loop decides what a signal does (save, then leave).
pub fn forward_signals<E: Send + 'static>(tx: Sender<E>, wrap: fn(i32) -> E) -> io::Result<()> {
    catch_signals()?.forward(tx, wrap)
}

/// The signals `forward_signals` sends on, caught from `catch_signals` on: one that comes
/// before `forward` waits in signal-hook's pipe and is sent when the thread starts. So the
/// session catches them before the terminal changes and starts the thread after its first
/// frame, which is drawn a thread's start sooner.
pub struct Caught(signal_hook::iterator::Signals);

/// Replace the default actions of SIGTERM, SIGHUP, SIGINT and SIGQUIT now.
pub fn catch_signals() -> io::Result<Caught> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).map(Caught)
}

impl Caught {
    /// Send each caught signal, and any already waiting, to the loop as `wrap(signal)`.
    pub fn forward<E: Send + 'static>(self, tx: Sender<E>, wrap: fn(i32) -> E) -> io::Result<()> {
        let mut signals = self.0;
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    if tx.send(wrap(sig)).is_err() {
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
pub fn watch_course(tx: Sender<Event>, mut live: Live, running: String) -> io::Result<()> {
    thread::Builder::new()
        .name("course-watch".into())
        .spawn(move || {
            while let Some(result) = live.next(&running) {
                if tx.send(Event::Course(result.map(Box::new))).is_err() {
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
pub fn watch_terminal(tx: Sender<Event>) -> io::Result<()> {
    thread::Builder::new()
        .name("terminal-watch".into())
        .spawn(move || {
            loop {
                thread::sleep(Duration::from_secs(1));
                if ratatui::crossterm::terminal::window_size().is_err() {
                    let _ = tx.send(Event::TerminalGone);
                    return;
                }
            }
        })
        .map(drop)
}

/// Elsewhere `window_size` is not implemented, so it says nothing about the terminal.
#[cfg(not(unix))]
pub fn watch_terminal(_: Sender<Event>) -> io::Result<()> {
    Ok(())
}
