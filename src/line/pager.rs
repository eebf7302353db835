//! Printing and reading for the line mode: every line goes through `words::clean`, long
//! pages stop every `rows` lines until Enter (`more`-style; any other line stops the page
//! and is taken as a command), and a line read is echoed when input is not a terminal.

use std::io::{self, Write};
use std::sync::mpsc::Receiver;

use super::words::clean;
use super::{Input, Options};

pub struct Pager<'a> {
    /// Lines typed, the end of input, and signals, from the session's one channel.
    input: &'a Receiver<Input>,
    out: &'a mut dyn Write,
    opts: Options,
    /// Lines printed since the learner last typed something.
    since_input: usize,
    eof: bool,
    /// A signal that arrived instead of a line: no more lines are read after it.
    signal: Option<i32>,
    /// Reading failed: no more lines are read after it either.
    failed: Option<io::Error>,
}

impl<'a> Pager<'a> {
    pub fn new(input: &'a Receiver<Input>, out: &'a mut dyn Write, opts: Options) -> Pager<'a> {
        Pager {
            input,
            out,
            opts,
            since_input: 0,
            eof: false,
            signal: None,
            failed: None,
        }
    }

    /// The signal that ended the reading, if one did.
    pub fn signal(&self) -> Option<i32> {
        self.signal
    }

    /// The read error that ended the reading, if one did (once).
    pub fn failed(&mut self) -> Option<io::Error> {
        self.failed.take()
    }

    fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", clean(text))?;
        self.since_input += 1;
        Ok(())
    }

    /// Print without stopping.
    pub fn say(&mut self, lines: &[String]) -> io::Result<()> {
        for l in lines {
            self.line(l)?;
        }
        self.out.flush()
    }

    /// Print, stopping each screenful. Returns a line typed at a stop that was not Enter:
    /// the rest of the page is skipped and the line is a command.
    pub fn page(&mut self, lines: &[String]) -> io::Result<Option<String>> {
        let room = self.opts.rows.saturating_sub(2).max(3);
        for (i, l) in lines.iter().enumerate() {
            if self.opts.paging && self.since_input >= room && i + 1 < lines.len() {
                let left = lines.len() - i;
                let more =
                    format!("More: {left} lines left. Press Enter for more, or type a command.");
                // Wrapped like every other line, so the stop fits a narrow terminal.
                let mut t = super::words::Text::new(self.opts.width);
                t.say(&more);
                let (last, before) = t
                    .lines
                    .split_last()
                    .map_or(("", &[][..]), |(l, b)| (l.as_str(), b));
                for b in before {
                    self.line(b)?;
                }
                match self.read(last)? {
                    None => return Ok(None),
                    Some(typed) if typed.trim().is_empty() => {}
                    Some(typed) => return Ok(Some(typed)),
                }
            }
            self.line(l)?;
        }
        self.out.flush()?;
        Ok(None)
    }

    /// Print what can be typed, then read a line; None at the end of input.
    pub fn ask(&mut self, prompt: &[String]) -> io::Result<Option<String>> {
        let (last, rest) = match prompt.split_last() {
            Some((last, rest)) => (last.as_str(), rest),
            None => ("", &[][..]),
        };
        for l in rest {
            self.line(l)?;
        }
        self.read(last)
    }

    fn read(&mut self, prompt: &str) -> io::Result<Option<String>> {
        if self.eof {
            return Ok(None);
        }
        if !prompt.is_empty() {
            self.line(prompt)?;
        }
        write!(self.out, "> ")?;
        self.out.flush()?;
        let typed = match self.input.recv() {
            Ok(Input::Line(typed)) => typed,
            Ok(Input::Signal(sig)) => {
                self.signal = Some(sig);
                self.eof = true;
                return Ok(None);
            }
            Ok(Input::Failed(e)) => {
                self.failed = Some(e);
                self.eof = true;
                return Ok(None);
            }
            Ok(Input::End) | Err(_) => {
                self.since_input = 0;
                self.eof = true;
                writeln!(self.out)?;
                return Ok(None);
            }
        };
        self.since_input = 0;
        if self.opts.echo {
            writeln!(self.out, "{}", clean(&typed))?;
        }
        Ok(Some(typed))
    }
}
