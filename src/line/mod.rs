//! The line mode (`syllabus --line`, or `TERM=dumb`): the whole course as plain lines for
//! screen readers and braille displays. No cursor addressing, no colour, no redraws: each
//! page is printed once, in reading order, and each line typed is turned into the same
//! `Action`s the keys send, so `App::update` alone decides what happens (one state machine,
//! one copy of the rules). What is printed is read from the same state the screens draw.
//!
//! A thread reads the input lines and sends them into one channel, with the signals
//! (SIGTERM, SIGHUP, SIGINT from Ctrl-C, SIGQUIT); the session reads that channel whenever it
//! waits for a line, so a signal is handled there like any input: `Action::Stop` saves (or
//! writes a copy if saving fails), and `run` returns 128+signal for `main` to exit with.

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

use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{self, Sender};

use jiff::Timestamp;

use crate::app::{Action, App, BannerKind, Screen};
use crate::runtime::{Ending, Session, signal_status, sources};
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

/// What reaches the session while it waits for a line.
#[derive(Debug)]
pub enum Input {
    Line(String),
    /// The input ended.
    End,
    Failed(io::Error),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (the number).
    Signal(i32),
}

/// Read lines from `input` on a thread, sending each (without its line end) to `tx`.
fn read_lines(input: Box<dyn Read + Send>, tx: Sender<Input>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("line-input".into())
        .spawn(move || {
            let mut input = BufReader::new(input);
            loop {
                let mut buf = Vec::new();
                let ev = match input.read_until(b'\n', &mut buf) {
                    Ok(0) => Input::End,
                    Ok(_) => Input::Line(
                        String::from_utf8_lossy(&buf)
                            .trim_end_matches(['\n', '\r'])
                            .to_string(),
                    ),
                    Err(e) => Input::Failed(e),
                };
                let last = !matches!(ev, Input::Line(_));
                if tx.send(ev).is_err() || last {
                    return;
                }
            }
        })
        .map(drop)
}

/// Run the course in lines until the learner quits, the input ends or a signal stops it.
/// Returns the exit status (0, or 128+signal).
pub fn run(
    mut session: Session,
    input: Box<dyn Read + Send>,
    out: &mut dyn Write,
    opts: Options,
    mut clock: Clock,
) -> io::Result<Ending> {
    let (tx, rx) = mpsc::channel();
    sources::forward_signals(tx.clone(), Input::Signal)?;
    read_lines(input, tx)?;
    let mut pager = Pager::new(&rx, out, opts);
    {
        let rows = u16::try_from(opts.rows).unwrap_or(u16::MAX);
        let now = clock();
        let effects = session.app.update(Action::Resize(opts.width, rows), now);
        session.perform(effects, now);
    }
    let mut hello = vec![
        "Syllabus, line mode. Type help at any prompt to hear what you can type there.".into(),
    ];
    if let Some(why) = &session.app.read_only {
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
            let s = &session;
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
            if let Some(sig) = pager.signal() {
                return Ok(stopped(&mut session, sig, clock()));
            }
            end_of_input(&mut session, &mut clock);
            if let Some(e) = pager.failed() {
                return Err(e);
            }
            break;
        };
        let s = &mut session;
        reply = match input::parse(&s.app, &line) {
            Command::Actions(actions) => {
                let before = (view::place(&s.app), s.app.screen.clone());
                let submit = actions.contains(&Action::Submit);
                for a in actions {
                    let now = clock();
                    let effects = s.app.update(a, now);
                    if !s.perform(effects, now) {
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
                    let now = clock();
                    let effects = s.app.update(Action::Back, now);
                    s.perform(effects, now);
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
    let s = &session;
    let mut end = Vec::new();
    if let Some(m) = &s.app.exit_message {
        end.push(m.clone());
    } else if s.app.read_only.is_some() {
        end.push("Closed. This window did not save: another one has the progress file.".into());
    } else if !s.app.dirty {
        end.push("Your progress is saved. Goodbye.".into());
    }
    pager.say(&end)?;
    Ok(Ending {
        status: 0,
        message: None,
    })
}

/// A signal: save (or write a copy) as `Action::Stop` does, and say how it went on stderr,
/// since stdout may be a pipe nobody reads any more.
fn stopped(session: &mut Session, sig: i32, now: Timestamp) -> Ending {
    let effects = session.app.update(Action::Stop, now);
    session.perform(effects, now);
    let message = match (&session.app.exit_message, &session.app.read_only) {
        (Some(m), _) => m.clone(),
        (None, Some(_)) => "Stopped; this window did not save: it is read-only.".into(),
        (None, None) if session.store.is_held() => {
            "Stopped; nothing was written: you had not chosen to start fresh.".into()
        }
        (None, None) => "Stopped; your progress is saved.".into(),
    };
    Ending {
        status: signal_status(sig),
        message: Some(format!("\n{message}")),
    }
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

/// The input ended: save and leave, whatever was on screen, as a signal does. If saving
/// fails, a copy of the progress is written instead (nobody is there to ask).
fn end_of_input(s: &mut Session, clock: &mut Clock) {
    let now = clock();
    let effects = s.app.update(Action::Stop, now);
    s.perform(effects, now);
}

fn wrap(text: &str, width: u16) -> Vec<String> {
    let mut t = words::Text::new(width);
    t.say(text);
    t.lines
}
