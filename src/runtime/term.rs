//! The terminal the session draws on: raw mode, the alternate screen, and one buffered
//! writer for every frame.

use std::io::{self, BufWriter, Stdout};

use ratatui::crossterm::execute;

use super::backend::Fast;

/// The terminal, written through one buffer: a frame's escape codes go out in one write at
/// the frame's flush, instead of taking the stdout lock for each of them (a fifth of the
/// instructions a key on the map cost; docs/performance.md), by [`Fast`], which writes a
/// frame's escape codes without `core::fmt`.
pub type Term = ratatui::Terminal<Fast<BufWriter<Stdout>>>;

/// `ratatui::try_init` with a buffered writer: the same panic hook (restore, then the
/// previous hook), raw mode and alternate screen.
pub fn init_terminal() -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    ratatui::Terminal::new(Fast::on_terminal(out))
}
