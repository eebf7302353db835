//! What the loop waits on. On Unix the terminal is read on the loop's own thread, so a key
//! reaches the app with no hop between threads (that hop was a tenth of a key's time, see
//! docs/performance.md, "Key latency"): the loop waits in `poll(2)` on the terminal and on
//! a wake-up pipe. Signals (caught by signal-hook, which also writes to the pipe) are
//! collected on this thread too; the sources that stay threads (the terminal watcher, the
//! `--watch` course watcher) send into a channel through a [`Post`], which writes to the
//! pipe after each event. SIGWINCH writes to the pipe as well, so a resize, which crossterm
//! reports from its own signal pipe, is read at once.
//!
//! Elsewhere the terminal is read by a thread, as before, and the loop waits on the channel.

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use ratatui::crossterm::event;

use super::sources::{Caught, Event};

/// Sends an event to the loop from another thread, and wakes it.
#[derive(Clone)]
pub struct Post {
    tx: Sender<Event>,
    #[cfg(unix)]
    wake: std::sync::Arc<std::io::PipeWriter>,
}

impl Post {
    /// Whether the loop is still there to take it.
    pub fn send(&self, ev: Event) -> bool {
        if self.tx.send(ev).is_err() {
            return false;
        }
        #[cfg(unix)]
        {
            // Non-blocking: a full pipe already holds a wake-up.
            let _ = io::Write::write(&mut &*self.wake, &[1]);
        }
        true
    }
}

/// The loop's side: the channel, and (on Unix) the terminal and the wake-up pipe.
pub struct Inbox {
    rx: Receiver<Event>,
    signals: Option<Caught>,
    #[cfg(unix)]
    unix: unix::Waits,
    /// No wait yet.
    #[cfg(unix)]
    first: bool,
}

/// The inbox and the post that feeds it. `signals` are collected from now on (a signal
/// that came before waits in signal-hook's pipe).
pub fn open(signals: Caught) -> io::Result<(Inbox, Post)> {
    let (tx, rx) = mpsc::channel();
    #[cfg(unix)]
    {
        let (unix, wake) = unix::Waits::new()?;
        let post = Post {
            tx,
            wake: std::sync::Arc::new(wake),
        };
        let inbox = Inbox {
            rx,
            signals: Some(signals),
            unix,
            first: true,
        };
        Ok((inbox, post))
    }
    #[cfg(not(unix))]
    {
        let post = Post { tx };
        let inbox = Inbox {
            rx,
            signals: Some(signals),
        };
        Ok((inbox, post))
    }
}

impl Inbox {
    /// Called once the first frame is drawn, before the first wait: on Unix the signals (and
    /// SIGWINCH) are set to wake the wait, and the terminal to wait on is found; elsewhere the
    /// threads that read the terminal and forward signals start. Not before the frame, which
    /// comes sooner for it.
    pub fn start(&mut self, post: &Post) -> io::Result<()> {
        #[cfg(not(unix))]
        {
            if let Some(signals) = self.signals.take() {
                let p = post.clone();
                signals.forward(move |sig| p.send(Event::Signal(sig)))?;
            }
            let p = post.clone();
            super::sources::read_input(move |ev| p.send(ev))?;
        }
        #[cfg(unix)]
        {
            let _ = post;
            self.unix.start()?;
        }
        Ok(())
    }

    /// Waits until something comes or `timeout` passes, and adds to `out` every event there
    /// is now: signals first, then what the other sources sent, then the terminal's input.
    pub fn wait(&mut self, timeout: Duration, out: &mut Vec<Event>) {
        #[cfg(unix)]
        {
            // A signal that came before `start` did not write to the pipe: the first wait
            // looks before it blocks. After that a signal always wakes the pipe.
            let early = std::mem::take(&mut self.first)
                && self.signals.as_mut().is_some_and(|s| {
                    let before = out.len();
                    out.extend(s.pending().map(Event::Signal));
                    out.len() > before
                });
            let ready = self.unix.wait(if early { Duration::ZERO } else { timeout });
            if ready.woken
                && let Some(signals) = self.signals.as_mut()
            {
                out.extend(signals.pending().map(Event::Signal));
            }
            while let Ok(ev) = self.rx.try_recv() {
                out.push(ev);
            }
            if ready.hung_up {
                // The terminal is gone. Not a word to crossterm: it would read the dead
                // terminal for ever (crossterm#793), even asked not to wait.
                out.push(Event::InputFailed);
            } else {
                // Also when only the pipe woke the wait: a resize comes through crossterm's
                // own signal pipe, and it may hold events it read with an earlier one.
                read_terminal(out);
            }
        }
        #[cfg(not(unix))]
        {
            if let Ok(ev) = self.rx.recv_timeout(timeout) {
                out.push(ev);
                while let Ok(ev) = self.rx.try_recv() {
                    out.push(ev);
                }
            }
        }
    }
}

/// Every event crossterm can give now, without waiting.
#[cfg(unix)]
fn read_terminal(out: &mut Vec<Event>) {
    loop {
        match event::poll(Duration::ZERO) {
            Ok(true) => match event::read() {
                Ok(ev) => out.push(Event::Input(ev)),
                Err(_) => {
                    out.push(Event::InputFailed);
                    return;
                }
            },
            Ok(false) => return,
            Err(_) => {
                out.push(Event::InputFailed);
                return;
            }
        }
    }
}

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::io::{self, IsTerminal, PipeReader, PipeWriter, Read};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::time::Duration;

    use rustix::event::{PollFd, PollFlags, Timespec};

    /// The terminal crossterm reads (standard input if it is one, else /dev/tty, as
    /// crossterm chooses) and the wake-up pipe's reading end.
    pub struct Waits {
        tty: Option<File>,
        wake: PipeReader,
        /// A writing end, for the signal handlers `start` registers.
        writer: PipeWriter,
    }

    /// What a wait saw.
    pub struct Ready {
        /// The terminal hung up or failed.
        pub hung_up: bool,
        /// The wake-up pipe was written to (a signal, or a post).
        pub woken: bool,
    }

    impl Waits {
        /// The wake-up pipe (both ends non-blocking) and its writing end for the posts.
        pub fn new() -> io::Result<(Waits, PipeWriter)> {
            let (wake, writer) = io::pipe()?;
            for end in [wake.as_fd(), writer.as_fd()] {
                let flags = rustix::fs::fcntl_getfl(end)?;
                rustix::fs::fcntl_setfl(end, flags | rustix::fs::OFlags::NONBLOCK)?;
            }
            let waits = Waits {
                tty: None,
                wake,
                writer: writer.try_clone()?,
            };
            Ok((waits, writer))
        }

        /// Each caught signal, and SIGWINCH, writes to the pipe from now on; the terminal
        /// crossterm reads is found.
        pub fn start(&mut self) -> io::Result<()> {
            for sig in super::super::sources::CAUGHT
                .into_iter()
                .chain([signal_hook::consts::SIGWINCH])
            {
                signal_hook::low_level::pipe::register(sig, self.writer.try_clone()?)?;
            }
            if !io::stdin().is_terminal() {
                self.tty = Some(File::options().read(true).write(true).open("/dev/tty")?);
            }
            Ok(())
        }

        fn tty(&self) -> BorrowedFd<'_> {
            match &self.tty {
                Some(file) => file.as_fd(),
                None => rustix::stdio::stdin(),
            }
        }

        /// Until the terminal has input, something wakes the pipe, or `timeout` passes.
        pub fn wait(&mut self, timeout: Duration) -> Ready {
            let timeout = Timespec {
                tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
                tv_nsec: i64::from(timeout.subsec_nanos()),
            };
            let mut fds = [
                PollFd::from_borrowed_fd(self.tty(), PollFlags::IN),
                PollFd::from_borrowed_fd(self.wake.as_fd(), PollFlags::IN),
            ];
            // Interrupted by a signal: its handler has written to the pipe, and the loop
            // looks at everything anyway.
            let _ = rustix::event::poll(&mut fds, Some(&timeout));
            let tty = fds[0].revents();
            let woken = fds[1].revents().contains(PollFlags::IN);
            if woken {
                let mut buf = [0u8; 64];
                while matches!(self.wake.read(&mut buf), Ok(n) if n > 0) {}
            }
            Ready {
                hung_up: tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
                woken,
            }
        }
    }
}
