//! With `NO_COLOR`, crossterm writes every colour as nothing (`ESC[;m`); the session's own
//! backend (`runtime::backend::Fast`) must write what crossterm would. A process of its
//! own: crossterm reads the setting once per process.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::crossterm::style::Colored;
use ratatui::style::{Color, Modifier};
use syllabus::runtime::backend::Fast;

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .expect("the test buffer")
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn cells() -> Vec<(u16, u16, Cell)> {
    let colours = [
        Color::Reset,
        Color::Red,
        Color::LightCyan,
        Color::Indexed(99),
        Color::Rgb(1, 2, 3),
    ];
    let mut out = Vec::new();
    for (i, c) in colours.into_iter().enumerate() {
        let mut cell = Cell::default();
        cell.set_symbol("x");
        cell.fg = c;
        cell.bg = colours[(i + 1) % colours.len()];
        cell.underline_color = c;
        cell.modifier = Modifier::from_bits_truncate(i as u16 * 37);
        out.push((i as u16 * 2, 0, cell));
    }
    out
}

#[test]
fn no_color_writes_what_crossterm_writes() {
    Colored::set_ansi_color_disabled(true);
    let cells = cells();
    let (theirs, ours) = (Shared::default(), Shared::default());
    CrosstermBackend::new(theirs.clone())
        .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .expect("a write to memory");
    Fast::new(ours.clone())
        .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .expect("a write to memory");
    let (theirs, ours) = (
        theirs.0.lock().expect("the test buffer").clone(),
        ours.0.lock().expect("the test buffer").clone(),
    );
    assert!(
        theirs.windows(4).any(|w| w == b"\x1b[;m"),
        "crossterm wrote colours with NO_COLOR set: {:?}",
        String::from_utf8_lossy(&theirs)
    );
    assert_eq!(
        String::from_utf8_lossy(&theirs),
        String::from_utf8_lossy(&ours)
    );
}
