//! `Fast::draw` against ratatui's `CrosstermBackend::draw`: the same bytes for the same
//! cells. (With `NO_COLOR`: tests/backend_no_color.rs, a process of its own, since
//! crossterm reads it once per process.)

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::*;

/// A writer whose bytes stay readable after the backend has them.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What `backend` (made around a shared writer) writes for `cells`.
fn drawn<B: Backend>(backend: impl FnOnce(Shared) -> B, cells: &[(u16, u16, Cell)]) -> Vec<u8>
where
    B::Error: std::fmt::Debug,
{
    let out = Shared::default();
    backend(out.clone())
        .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
        .expect("a write to memory");
    out.0.take()
}

fn theirs(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
    drawn(CrosstermBackend::new, cells)
}

fn ours(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
    drawn(Fast::new, cells)
}

fn same(cells: &[(u16, u16, Cell)]) {
    let (a, b) = (theirs(cells), ours(cells));
    assert!(
        a == b,
        "crossterm wrote {:?}\nFast wrote      {:?}",
        String::from_utf8_lossy(&a),
        String::from_utf8_lossy(&b)
    );
}

fn cell(symbol: &str, fg: Color, bg: Color, underline: Color, modifier: Modifier) -> Cell {
    let mut c = Cell::default();
    c.set_symbol(symbol);
    c.fg = fg;
    c.bg = bg;
    c.underline_color = underline;
    c.modifier = modifier;
    c
}

fn colours() -> Vec<Color> {
    use Color::*;
    let mut all = vec![
        Reset,
        Black,
        Red,
        Green,
        Yellow,
        Blue,
        Magenta,
        Cyan,
        Gray,
        DarkGray,
        LightRed,
        LightGreen,
        LightYellow,
        LightBlue,
        LightMagenta,
        LightCyan,
        White,
    ];
    all.extend([0, 7, 9, 15, 16, 99, 100, 231, 255].map(Indexed));
    all.extend(
        [(0, 0, 0), (255, 255, 255), (1, 20, 200), (9, 10, 99)].map(|(r, g, b)| Rgb(r, g, b)),
    );
    all
}

#[test]
fn nothing_to_draw_is_only_the_resets() {
    same(&[]);
    assert_eq!(ours(&[]), b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m");
}

#[test]
fn every_colour_in_every_place() {
    let mut cells = Vec::new();
    let mut x = 0;
    for c in colours() {
        for (fg, bg, ul) in [
            (c, Color::Reset, Color::Reset),
            (Color::Reset, c, Color::Reset),
            (Color::Reset, Color::Reset, c),
            (c, c, c),
        ] {
            cells.push((x % 80, x / 80, cell("x", fg, bg, ul, Modifier::empty())));
            x += 1;
        }
    }
    same(&cells);
}

#[test]
fn every_change_of_modifiers() {
    // Each pair (from, to) of the nine modifiers' sets, one cell after the other.
    let mut cells = Vec::new();
    let mut i: u32 = 0;
    for from in 0..512u16 {
        for to in 0..512u16 {
            for m in [from, to] {
                let modifier = Modifier::from_bits_truncate(m);
                let c = cell("m", Color::Reset, Color::Reset, Color::Reset, modifier);
                cells.push(((i % 1000) as u16, (i / 1000) as u16, c));
                i += 1;
            }
        }
    }
    same(&cells);
}

#[test]
fn moves_only_where_a_cell_does_not_follow_the_last() {
    let plain = |s: &str| {
        cell(
            s,
            Color::Reset,
            Color::Reset,
            Color::Reset,
            Modifier::empty(),
        )
    };
    let cells = [
        (0, 0, plain("a")),
        (1, 0, plain("b")),
        (3, 0, plain("c")),
        (4, 1, plain("d")),
        (5, 1, plain("世")),
        (7, 1, plain("e")),
        (0, 2, plain("f")),
        // The largest places a buffer has (crossterm's own sum overflows one further on).
        (65533, 65534, plain("g")),
        (65534, 65534, plain("h")),
    ];
    same(&cells);
    let out = ours(&cells[..3]);
    assert!(out.starts_with(b"\x1b[1;1Hab\x1b[1;4Hc"), "{out:?}");
}

fn any_colour() -> impl Strategy<Value = Color> {
    let all = colours();
    prop_oneof![
        (0..all.len()).prop_map(move |i| all[i]),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

fn any_cell() -> impl Strategy<Value = (u16, u16, Cell)> {
    let symbols = ["a", " ", "é", "世", "👍", "─", ";", "\u{301}"];
    (
        0..120u16,
        0..40u16,
        0..symbols.len(),
        any_colour(),
        any_colour(),
        any_colour(),
        0..512u16,
    )
        .prop_map(move |(x, y, s, fg, bg, ul, m)| {
            (
                x,
                y,
                cell(symbols[s], fg, bg, ul, Modifier::from_bits_truncate(m)),
            )
        })
}

proptest! {
    #[test]
    fn random_runs_of_cells(mut cells in proptest::collection::vec(any_cell(), 0..200), sort in any::<bool>()) {
        if sort {
            // As a diff gives them: row by row, so runs of neighbours occur.
            cells.sort_by_key(|(x, y, _)| (*y, *x));
            cells.dedup_by_key(|(x, y, _)| (*x, *y));
        }
        prop_assert_eq!(theirs(&cells), ours(&cells));
    }
}
