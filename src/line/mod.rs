//! The line mode (`syllabus --line`, or `TERM=dumb`): the whole course as plain lines for
//! screen readers and braille displays. No cursor addressing, no colour, no redraws: each
//! page is printed once, in reading order, and each line typed is turned into the same
//! `Action`s the keys send, so `App::update` alone decides what happens (one state machine,
//! one copy of the rules). What is printed is read from the same state the screens draw.
//!
//! Reading happens outside the lock shared with the signal thread, so SIGTERM, SIGHUP and
//! Ctrl-C always save and exit.

mod blocks;
mod feedback;
mod help;
mod input;
mod pager;
mod quiz;
mod results;
mod spaced;
mod view;
pub mod words;

use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;

use crate::app::{Action, App, BannerKind, Prompt, Screen};
use crate::runtime::{Session, perform};
use input::Command;
use pager::Pager;
use view::Place;

/// How the line mode reads and prints.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Stop after `rows` lines and wait for Enter (`--no-paging` turns it off).
    pub paging: bool,
    pub rows: usize,
    /// Text is wrapped to this many columns.
    pub width: u16,
    /// Print each line read after the prompt (input is not a terminal, which would echo it),
    /// so a transcript reads like the session.
    pub echo: bool,
}

/// Where the time comes from: the real clock, or a fixed one for reproducible sessions.
pub type Clock = Box<dyn FnMut() -> Timestamp + Send>;

/// Run the course in lines until the learner quits or the input ends. Returns the message
/// to print at the end, if any.
pub fn run(
    session: Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    opts: Options,
    mut clock: Clock,
) -> io::Result<Option<String>> {
    let shared = Arc::new(Mutex::new(session));
    watch_signals(Arc::clone(&shared));
    let mut pager = Pager::new(input, out, opts);
    let lock = || shared.lock().unwrap_or_else(PoisonError::into_inner);
    {
        let mut s = lock();
        let rows = u16::try_from(opts.rows).unwrap_or(u16::MAX);
        let effects = s.app.update(Action::Resize(opts.width, rows), clock());
        perform(&mut s, effects);
    }
    let mut hello = vec![
        "Syllabus, line mode. Type help at any prompt to hear what you can type there.".into(),
    ];
    if let Some(why) = &lock().app.read_only {
        hello.extend(wrap(&format!("Note: {}", words::stop(why)), opts.width));
    }
    pager.say(&hello)?;
    let mut printed: Option<Place> = None;
    // `repeat` (or `map` on the map): print the page again, as from where it was.
    let mut again = false;
    let mut banners: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    let mut reply: Vec<String> = Vec::new();
    // After "what was expected", the prompt is not said again: it would repeat it.
    let mut quiet = false;
    loop {
        // What to print, worked out under the lock and printed outside it (paging waits).
        let (page, prompt) = {
            let s = lock();
            if !s.app.is_running() {
                break;
            }
            let mut page = Vec::new();
            let place = view::place(&s.app);
            if printed.as_ref() != Some(&place) || std::mem::take(&mut again) {
                page = view::page(&s.app, printed.as_ref(), opts.width);
                printed = Some(place);
            }
            for b in &s.app.banners {
                if !banners.contains(&b.text) {
                    banners.push(b.text.clone());
                    let label = match b.kind {
                        BannerKind::Info => "Note",
                        BannerKind::Warning => "Warning",
                        BannerKind::Error => "Error",
                    };
                    page.extend(wrap(&format!("{label}: {}", b.text), opts.width));
                }
            }
            page.append(&mut reply);
            let ask = if std::mem::take(&mut quiet) {
                Vec::new()
            } else {
                wrap(&input::ask(&s.app), opts.width)
            };
            (page, ask)
        };
        let typed = match pending.take() {
            Some(line) => Some(line),
            None => match pager.page(&page)? {
                Some(interrupt) => Some(interrupt),
                None => pager.ask(&prompt)?,
            },
        };
        let Some(line) = typed else {
            end_of_input(&mut lock(), &mut clock);
            break;
        };
        let mut s = lock();
        reply = match input::parse(&s.app, &line) {
            Command::Actions(actions) => {
                let before = (view::place(&s.app), s.app.screen.clone());
                let submit = actions.contains(&Action::Submit);
                for a in actions {
                    let effects = s.app.update(a, clock());
                    if !perform(&mut s, effects) {
                        break;
                    }
                }
                let mut said = if submit {
                    Vec::new()
                } else {
                    chosen_now(&s.app, &before)
                };
                if let Some(status) = s.app.status.clone() {
                    let status = match (submit, before.0 == view::place(&s.app)) {
                        // The app's hint names keys; the prompt that follows says what to type.
                        (true, true) => "Not submitted: the answer is not complete yet.".into(),
                        _ => status,
                    };
                    said.push(status);
                }
                said.iter().flat_map(|l| wrap(l, opts.width)).collect()
            }
            Command::ToMap => {
                for _ in 0..4 {
                    if matches!(s.app.screen, Screen::Map(_)) || s.app.prompt.is_some() {
                        break;
                    }
                    let effects = s.app.update(Action::Back, clock());
                    perform(&mut s, effects);
                }
                again = printed == Some(Place::Map);
                Vec::new()
            }
            Command::Help => {
                let mut lines = vec!["You can type:".to_string()];
                for (what, does) in help::help(&s.app) {
                    lines.extend(wrap(&format!("{what}: {does}."), opts.width));
                }
                lines
            }
            Command::Repeat => {
                again = true;
                Vec::new()
            }
            Command::Info(m) => view::info(&s.app, m, opts.width),
            Command::Say(expected) => {
                quiet = true;
                wrap(&expected, opts.width)
            }
        };
    }
    let s = lock();
    let mut end = Vec::new();
    if let Some(m) = &s.app.exit_message {
        end.push(m.clone());
    } else if s.app.read_only.is_some() {
        end.push("Closed. This window did not save: another one has the progress file.".into());
    } else if !s.app.dirty {
        end.push("Your progress is saved. Goodbye.".into());
    }
    pager.say(&end)?;
    Ok(None)
}

/// After an answer typed on a question, say back what is now chosen.
fn chosen_now(app: &App, before: &(Place, Screen)) -> Vec<String> {
    // Said even when the answer typed is what was chosen already: the learner hears it.
    let place = view::place(app);
    if place != before.0
        || !matches!(
            place,
            Place::Question(_, _, false) | Place::Spaced(_, false)
        )
    {
        return Vec::new();
    }
    if let (Place::Spaced(_, false), Screen::Spaced(s)) = (&place, &app.screen) {
        return spaced::chosen(app, s).map(|w| vec![w]).unwrap_or_default();
    }
    let Screen::Quiz(s) = &app.screen else {
        return Vec::new();
    };

    app.open_attempt(s.module)
        .and_then(|a| {
            let asked = a.questions.get(s.question)?;
            let q = app.course.modules[s.module].question(&asked.id)?;
            quiz::chosen(q, asked, &s.draft)
        })
        .map(|w| vec![w])
        .unwrap_or_default()
}

/// The input ended: save and leave, whatever was on screen. If saving fails, a copy of the
/// progress is written instead (nobody is there to ask).
fn end_of_input(s: &mut Session, clock: &mut Clock) {
    let effects = s.app.update(Action::Quit, clock());
    perform(s, effects);
    for key in ['w', 'd'] {
        if !s.app.is_running() || !matches!(s.app.prompt, Some(Prompt::SaveFailedOnQuit { .. })) {
            break;
        }
        let effects = s.app.update(Action::PromptKey(key), clock());
        perform(s, effects);
    }
}

fn wrap(text: &str, width: u16) -> Vec<String> {
    let mut t = words::Text::new(width);
    t.say(text);
    t.lines
}

/// SIGTERM, SIGHUP, SIGINT (Ctrl-C) and SIGQUIT: save and exit 128+signal. The terminal was
/// never changed, so there is nothing to restore.
fn watch_signals(shared: Arc<Mutex<Session>>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let mut s = shared.lock().unwrap_or_else(PoisonError::into_inner);
            if s.app.read_only.is_none() && !s.store.is_held() {
                let progress = s.app.progress.clone();
                let _ = crate::progress::ProgressStore::save(&mut s.store, &progress);
            }
            // Not stdout: the session holds its lock while it waits for a line.
            let _ = writeln!(io::stderr(), "\nStopped; your progress is saved.");
            #[allow(clippy::exit)]
            std::process::exit(128 + sig);
        }
    });
}
