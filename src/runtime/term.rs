//! The terminal: written through one buffer, sized by the events that say it changed.

use std::io::{self, BufWriter, Stdout};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{execute, terminal};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The terminal, written through one buffer: a frame's escape codes go out in one write at
/// the frame's flush, instead of taking the stdout lock for each of them (a fifth of the
/// instructions a key on the map cost; docs/performance.md).
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// `ratatui::try_init` with a buffered writer: the same panic hook (restore, then the
/// previous hook), raw mode and alternate screen. The viewport is fixed at the size the
/// terminal has now and changed by [`fit`] when a resize event says so: a full-screen
/// viewport asks the terminal its size before every frame (opening /dev/tty each time).
pub fn init_terminal() -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    let (w, h) = terminal::size()?;
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen)?;
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
    Terminal::with_options(CrosstermBackend::new(out), TerminalOptions { viewport })
}

/// Make the viewport `w` x `h` (the size the last resize event gave the app), clearing the
/// screen as a full-screen viewport would on a resize.
pub fn fit(terminal: &mut Term, w: u16, h: u16) -> io::Result<()> {
    let want = Rect::new(0, 0, w, h);
    if w > 0 && h > 0 && terminal.get_frame().area() != want {
        terminal.resize(want)?;
    }
    Ok(())
}
