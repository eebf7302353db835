//! The interactive session: the one place that owns the terminal, reads events and performs
//! effects. It loads nothing itself (main does that before the screen changes), so every
//! error about files is printed plainly.
//!
//! The app and the store live behind one mutex, shared with a signal thread: SIGTERM or
//! SIGHUP (terminal closed) saves and exits from that thread, because the event loop may be
//! stuck in crossterm reading a dead terminal (crossterm#793).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, BannerKind, Effect, Key, Prompt, keymap};
use crate::course::Course;
use crate::progress::store::{OpenResult, write_atomic};
use crate::progress::{FileStore, Opened, ProgressStore};
use crate::ui::{self, Theme};

/// The app and its store, as shared with the signal thread.
pub struct Session {
    pub app: App,
    pub store: FileStore,
}

/// Build the app from a loaded course and an opened progress store, turning everything the
/// store found (recovery, read-only, lock problems) into banners or a prompt.
pub fn build_app(
    course: Course,
    open: OpenResult,
    entropy: u64,
    course_warnings: usize,
) -> Session {
    let OpenResult {
        store,
        progress,
        opened,
        notices,
    } = open;
    let mut app = App::new(course, progress, entropy);
    app.time_zone = crate::zone::system();
    // Due counts are counted at the last action's time; until the first one, at start-up.
    app.clock = jiff::Timestamp::now();
    app.read_only = store.read_only().map(str::to_string);
    app.copy_path = copy_path(&app.course.id);
    for n in notices {
        app.banner(BannerKind::Warning, n);
    }
    match opened {
        Opened::Restored {
            reason,
            corrupt,
            backup,
        } => {
            let what = match &corrupt {
                Some(c) => format!(
                    "could not be read ({reason}; the damaged file is kept at {})",
                    c.display()
                ),
                None => "was missing".to_string(),
            };
            app.banner(
                BannerKind::Warning,
                format!(
                    "Your progress file {what}; it was restored from the backup {}. To start over instead, use `syllabus progress reset`.",
                    backup.display()
                ),
            );
        }
        Opened::Damaged {
            reason,
            corrupt,
            backup_corrupt,
        } => {
            let bak = backup_corrupt.map_or_else(
                || "There was no backup.".to_string(),
                |b| format!("The backup was damaged too and is kept at {}.", b.display()),
            );
            app.prompt = Some(Prompt::Damaged {
                message: format!(
                    "Your progress file {} could not be read ({reason}). It was moved to {}, not deleted. {bak} Start fresh, or quit and look at the files first?",
                    store.path().display(),
                    corrupt.display()
                ),
            });
        }
        Opened::Fresh | Opened::Loaded => {}
    }
    if course_warnings > 0 {
        app.banner(BannerKind::Info, format!("This course has {course_warnings} warnings; its author can see them with `syllabus check`."));
    }
    Session { app, store }
}

fn copy_path(course_id: &str) -> PathBuf {
    let ts = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let dir = directories::BaseDirs::new()
        .map_or_else(|| PathBuf::from("."), |b| b.home_dir().to_path_buf());
    dir.join(format!("syllabus-progress-{course_id}-{ts}.toml"))
}

/// Convert a terminal event to an action for the current screen.
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
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
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Perform effects, feeding their outcomes back to the app. Returns false to stop.
pub fn perform(session: &mut Session, effects: Vec<Effect>) -> bool {
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            let outcome = match effect {
                Effect::Save | Effect::SaveAndQuit => {
                    session.app.progress.saved = Some(Timestamp::now());
                    let result = session
                        .store
                        .save(&session.app.progress)
                        .map_err(|e| e.to_string());
                    Some(Action::Saved(result))
                }
                Effect::WriteCopy(path) => {
                    let result = write_copy(&session.app, &path);
                    Some(Action::CopyWritten(result))
                }
                Effect::StartFresh => {
                    session.store.start_fresh();
                    None
                }
                Effect::Quit => None,
            };
            if let Some(action) = outcome {
                next.extend(session.app.update(action, Timestamp::now()));
            }
        }
        queue = next;
    }
    session.app.is_running()
}

fn write_copy(app: &App, path: &Path) -> Result<PathBuf, String> {
    let text = app.progress.to_toml().map_err(|e| e.to_string())?;
    write_atomic(path, text.as_bytes(), None).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}

/// Run the interactive session until the learner quits. Returns the message to print after
/// the terminal is restored, if any.
pub fn run(
    session: Session,
    theme: Theme,
    live: Option<crate::watch::Live>,
) -> io::Result<Option<String>> {
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let shared = Arc::new(Mutex::new(session));
    watch_signals(Arc::clone(&shared));
    let result = event_loop(&mut terminal, &shared, &theme, live);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let message = shared
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .app
        .exit_message
        .take();
    result.map(|()| message)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    shared: &Arc<Mutex<Session>>,
    theme: &Theme,
    mut live: Option<crate::watch::Live>,
) -> io::Result<()> {
    {
        let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
        let size = terminal.size()?;
        let effects = s
            .app
            .update(Action::Resize(size.width, size.height), Timestamp::now());
        perform(&mut s, effects);
    }
    // A frame is drawn only when something may have changed: after an event, or a tick that
    // did something. An idle session draws nothing (it used to draw four frames a second).
    let mut dirty = true;
    let mut watching_terminal = false;
    loop {
        {
            let s = shared.lock().unwrap_or_else(PoisonError::into_inner);
            if !s.app.is_running() {
                return Ok(());
            }
        }
        if dirty {
            let s = shared.lock().unwrap_or_else(PoisonError::into_inner);
            let overlay = live.as_ref().and_then(|l| l.overlay());
            terminal.draw(|f| {
                ui::render(&s.app, theme, f);
                if let Some(errors) = overlay {
                    ui::overlay::render(errors, theme, f);
                }
            })?;
        }
        if !watching_terminal {
            // After the first frame: it has nothing to watch before there is a screen.
            watching_terminal = true;
            watch_terminal(Arc::clone(shared));
        }
        // Read outside the lock, so the signal thread can always save. A watched course is
        // looked at every 100 ms; otherwise a tick every 250 ms saves a draft typed in the
        // last second even if no key follows.
        let wait = if live.is_some() { 100 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
            let reloaded = live
                .as_mut()
                .is_some_and(|l| l.poll(&mut s.app, Timestamp::now()));
            let effects = s.app.update(Action::Tick, Timestamp::now());
            dirty = reloaded || !effects.is_empty();
            if !perform(&mut s, effects) {
                return Ok(());
            }
            continue;
        }
        dirty = true;
        let ev = match event::read() {
            Ok(ev) => ev,
            Err(_) => {
                // The terminal is gone: save what there is and stop.
                let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
                let effects = s.app.update(Action::Quit, Timestamp::now());
                perform(&mut s, effects);
                return Ok(());
            }
        };
        let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(l) = live.as_mut()
            && l.overlay().is_some()
            && let Event::Key(k) = &ev
        {
            // Over the errors, only Esc (hide them) and Ctrl-C (quit) do anything.
            let ctrl_c =
                k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
            if k.code == KeyCode::Esc && k.kind != KeyEventKind::Release {
                l.hide();
            }
            if !ctrl_c {
                continue;
            }
        }
        if let Some(action) = action_for_event(&s.app, &ev) {
            let effects = s.app.update(action, Timestamp::now());
            if !perform(&mut s, effects) {
                return Ok(());
            }
        }
    }
}

/// Closing a terminal sends SIGHUP only to the session leader, which may not pass it on (a
/// shell that traps or ignores it). crossterm then spins inside `poll`, reading the dead
/// terminal for ever (crossterm#793): the app ran at 60% CPU until killed (found by
/// tests/bad_inputs.rs). So a thread checks once a second that the terminal's size can still
/// be read, and when it cannot, does what SIGHUP would.
#[cfg(unix)]
fn watch_terminal(shared: Arc<Mutex<Session>>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_secs(1));
            if ratatui::crossterm::terminal::window_size().is_err() {
                save_and_exit(&shared, 128 + signal_hook::consts::SIGHUP);
            }
        }
    });
}

/// Elsewhere `window_size` is not implemented, so it says nothing about the terminal.
#[cfg(not(unix))]
fn watch_terminal(_: Arc<Mutex<Session>>) {}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT: save, restore the terminal, exit 128+signal.
fn watch_signals(shared: Arc<Mutex<Session>>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            save_and_exit(&shared, 128 + sig);
        }
    });
}

/// Save (unless this window may not), restore the terminal (if it is still there) and end the
/// process with `code`.
fn save_and_exit(shared: &Mutex<Session>, code: i32) -> ! {
    let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
    if s.app.read_only.is_none() && !s.store.is_held() {
        let progress = s.app.progress.clone();
        let _ = s.store.save(&progress);
    }
    let _ = execute!(io::stdout(), DisableMouseCapture);
    // Not `restore`: on a closed terminal it prints its error to that terminal's stderr, and
    // the failed print panicked, so the app ended with SIGABRT instead of its own status.
    let _ = ratatui::try_restore();
    // The event loop may be stuck reading a dead terminal, so this thread ends the process
    // itself, after saving and restoring the terminal.
    #[allow(clippy::exit)]
    std::process::exit(code);
}
