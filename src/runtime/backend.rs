//! The terminal backend: crossterm's, but for the one method a frame spends its time in.
//!
//! [`Fast::draw`] writes the changed cells' escape codes itself, byte for byte what
//! ratatui's `CrosstermBackend::draw` writes (a test compares the two over every colour,
//! every change of modifiers and random runs of cells), into one reused buffer that goes to
//! the writer in one call. crossterm formats each code through `core::fmt` and allocates a
//! `String` for every attribute; that was about a sixth of the instructions a key on the
//! map cost (docs/performance.md, "Fifth pass"). Everything else is crossterm's, and so is
//! `draw` itself on Windows, where crossterm may draw through the console API.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::style::Colored;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// crossterm's backend with [`Backend::draw`] written out.
pub struct Fast<W: Write> {
    inner: CrosstermBackend<W>,
    /// A frame's bytes, kept between frames so a frame allocates nothing.
    out: Vec<u8>,
    /// The terminal, opened once, that [`Backend::size`] asks (Unix). crossterm opens
    /// `/dev/tty` for every size it is asked, and ratatui asks before every frame: three
    /// system calls a frame, one of them the open of a terminal device.
    #[cfg(unix)]
    tty: Option<std::fs::File>,
}

impl<W: Write> Fast<W> {
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            out: Vec::new(),
            #[cfg(unix)]
            tty: None,
        }
    }

    /// [`Fast::new`] for the session's own terminal: `/dev/tty` is opened here, once, as
    /// crossterm opens it for each size. Where it cannot be opened, or later cannot say
    /// its size (a terminal that went away), crossterm is asked, as before.
    pub fn on_terminal(writer: W) -> Self {
        #[cfg_attr(not(unix), allow(unused_mut))]
        let mut fast = Self::new(writer);
        #[cfg(unix)]
        {
            fast.tty = std::fs::File::open("/dev/tty").ok();
        }
        fast
    }
}

impl<W: Write> Write for Fast<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for Fast<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if cfg!(windows) {
            // crossterm may draw through the console API there (a console without ANSI
            // codes); this writes only the codes.
            return self.inner.draw(content);
        }
        self.out.clear();
        encode(
            &mut self.out,
            content,
            Colored::ansi_color_disabled_memoized(),
        );
        self.inner.write_all(&self.out)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        // What crossterm's `size` gives: the rows and columns `TIOCGWINSZ` reports.
        #[cfg(unix)]
        if let Some(ws) = self
            .tty
            .as_ref()
            .and_then(|tty| rustix::termios::tcgetwinsize(tty).ok())
        {
            return Ok(Size::new(ws.ws_col, ws.ws_row));
        }
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The escape codes for `content`, as `CrosstermBackend::draw` writes them: a cursor move
/// unless the cell follows the last one on its row, the modifiers that changed, both
/// colours when either changed, the underline colour, the symbol; at the end every colour
/// and attribute reset. `no_color` is crossterm's `NO_COLOR` reading: it writes colours as
/// nothing then (so `ESC[;m`), and so does this.
pub fn encode<'a>(
    out: &mut Vec<u8>,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    no_color: bool,
) {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some((lx, ly)) if u32::from(x) == u32::from(lx) + 1 && y == ly) {
            out.extend_from_slice(&[ESC, b'[']);
            number(out, u32::from(y) + 1);
            out.push(b';');
            number(out, u32::from(x) + 1);
            out.push(b'H');
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            modifiers(out, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            out.extend_from_slice(&[ESC, b'[']);
            colour(out, FORE, cell.fg, no_color);
            out.push(b';');
            colour(out, BACK, cell.bg, no_color);
            out.push(b'm');
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            out.extend_from_slice(&[ESC, b'[']);
            colour(out, UNDER, cell.underline_color, no_color);
            out.push(b'm');
            underline = cell.underline_color;
        }
        out.extend_from_slice(cell.symbol().as_bytes());
    }
    for layer in [FORE, BACK, UNDER] {
        out.extend_from_slice(&[ESC, b'[']);
        colour(out, layer, Color::Reset, no_color);
        out.push(b'm');
    }
    sgr(out, b'0', 0);
}

const ESC: u8 = 0x1b;

/// What a colour is for, as the first digit of its SGR code (crossterm's `Colored`
/// variants): 3x the foreground, 4x the background, 5x the underline.
const FORE: u8 = b'3';
const BACK: u8 = b'4';
const UNDER: u8 = b'5';

// The codes below are written byte by byte, not copied from tables, so they need no
// read-only data of their own (a start maps the read-only data it reads in 64 KiB
// windows; docs/performance.md, "Fifth pass").

/// crossterm's `Display for Colored`, after ratatui's mapping of its colours onto
/// crossterm's (ratatui's `Red` is crossterm's `DarkRed`, `LightRed` its `Red`, ...).
fn colour(out: &mut Vec<u8>, layer: u8, color: Color, no_color: bool) {
    if no_color {
        return;
    }
    let index = match color {
        Color::Reset => return out.extend_from_slice(&[layer, b'9']),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        Color::Rgb(r, g, b) => {
            out.extend_from_slice(&[layer, b'8', b';', b'2']);
            for c in [r, g, b] {
                out.push(b';');
                number(out, u32::from(c));
            }
            return;
        }
    };
    out.extend_from_slice(&[layer, b'8', b';', b'5', b';']);
    number(out, u32::from(index));
}

/// `ESC [ a b m`, or `ESC [ a m` when `b` is 0.
fn sgr(out: &mut Vec<u8>, a: u8, b: u8) {
    if b == 0 {
        out.extend_from_slice(&[ESC, b'[', a, b'm']);
    } else {
        out.extend_from_slice(&[ESC, b'[', a, b, b'm']);
    }
}

/// ratatui-crossterm's `ModifierDiff::queue`, in its order: what was removed, then what
/// was added (bold and dim share one reset, after which the ones kept are set again).
fn modifiers(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        sgr(out, b'2', b'7');
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(out, b'2', b'2');
        if to.contains(Modifier::DIM) {
            sgr(out, b'2', 0);
        }
        if to.contains(Modifier::BOLD) {
            sgr(out, b'1', 0);
        }
    }
    if removed.contains(Modifier::ITALIC) {
        sgr(out, b'2', b'3');
    }
    if removed.contains(Modifier::UNDERLINED) {
        sgr(out, b'2', b'4');
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        sgr(out, b'2', b'9');
    }
    if removed.contains(Modifier::HIDDEN) {
        sgr(out, b'2', b'8');
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(out, b'2', b'5');
    }
    let added = to - from;
    if added.contains(Modifier::REVERSED) {
        sgr(out, b'7', 0);
    }
    if added.contains(Modifier::BOLD) && !reset_intensity {
        sgr(out, b'1', 0);
    }
    if added.contains(Modifier::ITALIC) {
        sgr(out, b'3', 0);
    }
    if added.contains(Modifier::UNDERLINED) {
        sgr(out, b'4', 0);
    }
    if added.contains(Modifier::DIM) && !reset_intensity {
        sgr(out, b'2', 0);
    }
    if added.contains(Modifier::CROSSED_OUT) {
        sgr(out, b'9', 0);
    }
    if added.contains(Modifier::HIDDEN) {
        sgr(out, b'8', 0);
    }
    if added.contains(Modifier::SLOW_BLINK) {
        sgr(out, b'5', 0);
    }
    if added.contains(Modifier::RAPID_BLINK) {
        sgr(out, b'6', 0);
    }
}

/// `n` in decimal.
fn number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
