//! The interactive session: the one place that owns the terminal. It loads nothing itself
//! (main does that before the screen changes), so every error about files is printed plainly.
//!
//! One loop on the main thread waits for [`Event`]s ([`inbox`]): on Unix it reads the
//! terminal and collects signals itself, and the terminal watcher and, with `--watch`, the
//! course-folder watcher are threads that post to it ([`sources`]); a tick comes from the
//! wait's timeout.
//! Each event becomes an action for `App::update`, the only place the state changes; the
//! loop performs the effects it returns against the store ([`session::perform`]), and draws
//! one frame once every queued event is handled. When the app stops, the loop returns the
//! exit status to `main` (0, or 128+signal), which ends the process by returning it.

pub mod backend;
pub mod inbox;
pub mod session;
pub mod sources;
mod term;

use std::io;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event as TermEvent, KeyCode, KeyEventKind,
    KeyModifiers, MouseEventKind,
};
use ratatui::crossterm::execute;

pub use session::{Session, build_app, perform};
pub use sources::Event;

use crate::app::{Action, App, Key, keymap};
use crate::ui::{self, Theme};
use crate::watch::Live;
use term::{Term, init_terminal};

/// How a session ended: the process's exit status, and what to print on stderr once the
/// terminal is restored (e.g. where a copy of the progress went).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    pub status: u8,
    pub message: Option<String>,
}

/// The exit status after a signal, as a shell reports a process killed by it.
pub fn signal_status(sig: i32) -> u8 {
    u8::try_from(128 + sig).unwrap_or(1)
}

/// Convert a terminal event to an action for the current screen.
pub fn action_for_event(app: &App, ev: &TermEvent) -> Option<Action> {
    match ev {
        TermEvent::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            let key = match k.code {
                KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
                KeyCode::Char(c) => Key::Char(c),
                KeyCode::Enter => Key::Enter,
                KeyCode::Esc => Key::Esc,
                KeyCode::Up => Key::Up,
                KeyCode::Down => Key::Down,
                KeyCode::Left => Key::Left,
                KeyCode::Right => Key::Right,
                KeyCode::PageUp => Key::PageUp,
                KeyCode::PageDown => Key::PageDown,
                KeyCode::Home => Key::Home,
                KeyCode::End => Key::End,
                KeyCode::Tab => Key::Tab,
                KeyCode::BackTab => Key::BackTab,
                KeyCode::Backspace => Key::Backspace,
                KeyCode::Delete => Key::Delete,
                _ => return None,
            };
            keymap::action_for(app, key)
        }
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            _ => None,
        },
        TermEvent::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The loop's state between events: the session, whether a frame is due, and how the
/// session ended once it has.
pub struct Loop {
    pub session: Session,
    /// Something may have changed since the last frame.
    pub dirty: bool,
    /// The signal that stopped the session, if one did.
    signal: Option<i32>,
    /// Set once the app stopped: the exit status.
    pub exit: Option<u8>,
}

impl Loop {
    pub fn new(session: Session) -> Loop {
        Loop {
            session,
            dirty: true,
            signal: None,
            exit: None,
        }
    }

    /// How long the channel is waited on before a tick: a tick every 250 ms saves a draft
    /// typed in the last second even if no key follows.
    pub fn tick_every(&self) -> Duration {
        Duration::from_millis(250)
    }

    /// Handle one event; returns the exit status once the app has stopped.
    pub fn handle(&mut self, ev: Event, now: Timestamp) -> Option<u8> {
        if self.exit.is_some() {
            return self.exit;
        }
        match ev {
            Event::Input(ev) => {
                self.dirty = true;
                if self.overlay_takes(&ev, now) {
                    return None;
                }
                if let Some(action) = action_for_event(&self.session.app, &ev) {
                    self.act(action, now);
                }
            }
            Event::Signal(sig) => self.stop(sig, now),
            // The terminal is gone: what SIGHUP would do.
            Event::InputFailed | Event::TerminalGone => {
                self.stop(signal_hook::consts::SIGHUP, now);
            }
            Event::Course(result) => {
                self.dirty = true;
                let action = match result {
                    Ok(course) => Action::CourseReloaded(course),
                    Err(lines) => Action::CourseBroken(lines),
                };
                self.act(action, now);
            }
        }
        self.exit
    }

    /// A moment with no event: let the app save a draft.
    pub fn tick(&mut self, now: Timestamp) -> Option<u8> {
        if self.exit.is_some() {
            return self.exit;
        }
        let effects = self.session.app.update(Action::Tick, now);
        self.dirty |= !effects.is_empty();
        self.perform(effects, now);
        self.exit
    }

    fn stop(&mut self, sig: i32, now: Timestamp) {
        self.signal.get_or_insert(sig);
        self.dirty = true;
        self.act(Action::Stop, now);
    }

    fn act(&mut self, action: Action, now: Timestamp) {
        let effects = self.session.app.update(action, now);
        self.perform(effects, now);
    }

    fn perform(&mut self, effects: Vec<crate::app::Effect>, now: Timestamp) {
        if !self.session.perform(effects, now) {
            self.exit = Some(self.signal.map_or(0, signal_status));
        }
    }

    /// Over the errors of a watched course, only Esc (`Action::HideErrors`) and Ctrl-C
    /// (quit) do anything: true when the event was taken by the overlay.
    fn overlay_takes(&mut self, ev: &TermEvent, now: Timestamp) -> bool {
        let TermEvent::Key(k) = ev else {
            return false;
        };
        if self.session.app.live_overlay().is_none() {
            return false;
        }
        let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
        if k.code == KeyCode::Esc && k.kind != KeyEventKind::Release {
            self.act(Action::HideErrors, now);
        }
        !ctrl_c
    }

    fn draw(&mut self, terminal: &mut Term, theme: &Theme) -> io::Result<()> {
        let app = &self.session.app;
        terminal.draw(|f| {
            ui::render(app, theme, f);
            if let Some(errors) = app.live_overlay() {
                ui::overlay::render(errors, theme, f);
            }
        })?;
        self.dirty = false;
        Ok(())
    }
}

/// Run the interactive session until the learner quits or a signal stops it. `Err` only
/// when the session could not start (no terminal, no thread); once it has, every way out
/// saves first and is an `Ending`.
pub fn run(session: Session, theme: Theme, live: Option<Live>) -> io::Result<Ending> {
    // Before the screen changes: from here on a signal saves instead of killing. The loop
    // looks at them after the first frame (a signal before it waits for it).
    let (mut inbox, post) = inbox::open(sources::catch_signals()?)?;
    if let Some(live) = live {
        sources::watch_course(post.clone(), live, session.app.course.id.clone())?;
    }
    let mut terminal = init_terminal()?;
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let mut lp = Loop::new(session);
    let result = event_loop(&mut terminal, &mut lp, &mut inbox, &post, &theme);
    if terminal.show_cursor().is_err() {
        // The terminal is gone. Dropping it would try again and print the error with
        // `eprintln!`, which panics on a dead stderr: the app ended with SIGABRT.
        std::mem::forget(terminal);
    }
    let _ = execute!(io::stdout(), DisableMouseCapture);
    // Not `restore`: on a closed terminal its error print panicked (SIGABRT, not our status).
    let _ = ratatui::try_restore();
    let mut message = lp.session.app.exit_message.take();
    let status = match result {
        Ok(status) => status,
        Err(e) => {
            let line = format!("syllabus: terminal error: {e}");
            message = Some(message.map_or(line.clone(), |m| format!("{m}\n{line}")));
            lp.exit.filter(|s| *s != 0).unwrap_or(1)
        }
    };
    // Saved by now, and the process ends next: the store closes as usual, but freeing the
    // course allocation by allocation took 70 ms at 1,000 modules (bench/startup.sh exit).
    let Session { app, store } = lp.session;
    drop(store);
    std::mem::forget(app);
    Ok(Ending { status, message })
}

fn event_loop(
    terminal: &mut Term,
    lp: &mut Loop,
    inbox: &mut inbox::Inbox,
    post: &inbox::Post,
    theme: &Theme,
) -> io::Result<u8> {
    let size = terminal.size()?;
    lp.act(Action::Resize(size.width, size.height), Timestamp::now());
    // Nothing is read before the first frame, so it is drawn sooner; keys pressed before
    // wait in the terminal, signals in signal-hook's pipe.
    let mut started = false;
    let mut events = Vec::new();
    let mut next_tick = Instant::now() + lp.tick_every();
    loop {
        if let Some(status) = lp.exit {
            return Ok(status);
        }
        // A frame only when something may have changed: an idle session draws nothing.
        if lp.dirty
            && let Err(e) = lp.draw(terminal, theme)
        {
            // Most likely the terminal is gone: save as a hangup would, then say why.
            lp.stop(signal_hook::consts::SIGHUP, Timestamp::now());
            return Err(e);
        }
        if !started {
            started = true;
            if let Err(e) = inbox.start(post) {
                // Without input the learner could never leave, nor a signal save: stop now,
                // saving.
                lp.stop(signal_hook::consts::SIGHUP, Timestamp::now());
                return Err(e);
            }
            // After the first frame: there is nothing to watch before there is a screen. If
            // the thread cannot start, SIGHUP still covers a closed terminal that sends it.
            let _ = sources::watch_terminal(post.clone());
        }
        let wait = next_tick.saturating_duration_since(Instant::now());
        inbox.wait(wait, &mut events);
        // Every event there is before the next frame: a burst of keys draws once.
        for ev in events.drain(..) {
            if lp.exit.is_some() {
                break;
            }
            lp.handle(ev, Timestamp::now());
        }
        // Ticks keep their pace under a stream of events too (mouse moves).
        if Instant::now() >= next_tick {
            lp.tick(Timestamp::now());
            next_tick = Instant::now() + lp.tick_every();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{MemoryStore, Progress};

    fn session(store: MemoryStore) -> Session {
        let course = crate::embedded::builtin()
            .expect("the built-in course")
            .course;
        let progress = Progress::new(&course.id);
        Session {
            app: App::new(course, progress, 7),
            store: Box::new(store),
        }
    }

    #[test]
    fn a_signal_event_saves_and_returns_128_plus_the_signal() {
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ] {
            let mut lp = Loop::new(session(MemoryStore::new("p.toml")));
            let now = Timestamp::now();
            assert_eq!(lp.handle(Event::Signal(sig), now), Some(signal_status(sig)));
            assert_eq!(signal_status(sig), (128 + sig) as u8);
            assert!(!lp.session.app.is_running());
            assert_eq!(
                lp.session.app.progress.saved,
                Some(now),
                "a save was asked for"
            );
            assert_eq!(lp.session.app.exit_message, None, "and it worked");
            // Events after the end change nothing.
            assert_eq!(
                lp.handle(Event::TerminalGone, now),
                Some(signal_status(sig))
            );
        }
    }

    #[test]
    fn a_closed_terminal_stops_as_sighup_would() {
        let mut lp = Loop::new(session(MemoryStore::new("p.toml")));
        let status = lp.handle(Event::TerminalGone, Timestamp::now());
        assert_eq!(status, Some(128 + signal_hook::consts::SIGHUP as u8));
    }

    #[test]
    fn a_key_runs_through_update_and_marks_a_frame_due() {
        use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
        let mut lp = Loop::new(session(MemoryStore::new("p.toml")));
        lp.dirty = false;
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let status = lp.handle(Event::Input(TermEvent::Key(ctrl_c)), Timestamp::now());
        assert_eq!(status, Some(0), "Ctrl-C quits with status 0 once saved");
        assert!(lp.dirty);
    }

    #[test]
    fn over_a_broken_course_only_esc_and_ctrl_c_do_anything() {
        use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
        let key = |code, m| Event::Input(TermEvent::Key(KeyEvent::new(code, m)));
        let mut lp = Loop::new(session(MemoryStore::new("p.toml")));
        let now = Timestamp::now();
        lp.handle(Event::Course(Err(vec!["error: bad".into()])), now);
        assert!(lp.session.app.live_overlay().is_some());
        let before = lp.session.app.screen.clone();
        lp.handle(key(KeyCode::Enter, KeyModifiers::NONE), now);
        assert_eq!(
            lp.session.app.screen, before,
            "Enter is taken by the overlay"
        );
        lp.handle(key(KeyCode::Esc, KeyModifiers::NONE), now);
        assert_eq!(lp.session.app.live_overlay(), None, "Esc hides it");
        lp.handle(Event::Course(Err(vec!["error: bad".into()])), now);
        let status = lp.handle(key(KeyCode::Char('c'), KeyModifiers::CONTROL), now);
        assert_eq!(status, Some(0), "Ctrl-C quits over the overlay");
    }
}
