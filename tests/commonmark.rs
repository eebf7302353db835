//! The CommonMark fixture (`tests/fixtures/commonmark`): one lesson with every element the
//! screens draw, snapshotted page by page at 40x12, 80x24 and 120x40; the mono theme keeps
//! every element apart without colour; and `check` warns about what cannot be shown well.

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use syllabus::app::{Action, App, Screen};
use syllabus::cli::ThemeName;
use syllabus::progress::Progress;
use syllabus::ui::{self, Theme};

fn lesson_app(w: u16, h: u16) -> App {
    let course = load(&fixture_dir("commonmark"))
        .course
        .unwrap_or_else(|| panic!("the commonmark fixture must load"));
    let progress = Progress::new(&course.id);
    let mut app = App::new(course, progress, 7);
    app.update(Action::Resize(w, h), t0());
    drive(&mut app, &[Action::Open]);
    assert!(matches!(app.screen, Screen::Lesson(_)), "{:?}", app.screen);
    app
}

fn scroll(app: &App) -> u16 {
    match &app.screen {
        Screen::Lesson(s) => s.scroll,
        other => panic!("left the lesson: {other:?}"),
    }
}

fn draw(app: &App, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(app, theme, f)).unwrap();
    terminal
}

/// Every screenful of the section, top to bottom, as drawn.
fn pages(w: u16, h: u16, theme: &Theme) -> Vec<Terminal<TestBackend>> {
    let mut app = lesson_app(w, h);
    let mut out = vec![draw(&app, theme, w, h)];
    loop {
        let before = scroll(&app);
        drive(&mut app, &[Action::PageDown]);
        if scroll(&app) == before {
            return out;
        }
        out.push(draw(&app, theme, w, h));
        assert!(out.len() < 100, "the page never ends");
    }
}

#[test]
fn every_element_matches_its_snapshot_at_three_sizes() {
    let theme = Theme::named(ThemeName::Default);
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        let shown: Vec<String> = pages(w, h, &theme)
            .iter()
            .map(|t| format!("{}", t.backend()))
            .collect();
        insta::assert_snapshot!(format!("every_element_{w}x{h}"), shown.join("\n"));
    }
}

/// The text of the whole section as the screen at `w` columns lays it out.
fn page_text(w: u16) -> String {
    let app = lesson_app(w, 24);
    app.lesson_lines()
        .iter()
        .map(|l| l.plain())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_line_leaves_the_text_column_at_any_width_from_40() {
    for w in 40..=130u16 {
        let width = usize::from(syllabus::layout::lesson_text_width(w));
        let app = lesson_app(w, 24);
        for l in app.lesson_lines() {
            if l.kind != syllabus::layout::LineKind::Diagram {
                assert!(
                    l.width() <= width,
                    "{w}: {:?} is wider than {width}",
                    l.plain()
                );
            }
        }
    }
}

#[test]
fn each_element_is_marked_in_text_not_only_in_colour() {
    let text = page_text(80);
    for (what, marker) in [
        ("heading 1", "═══"),
        ("heading 2", "───"),
        ("heading 3", "▸ Checklist"),
        ("heading 4", "▹ A small heading"),
        ("nested bullet", "  ◦ in the morning"),
        ("numbered in bullet", "  1. what it is"),
        ("quote", "│ Cool it"),
        ("table", "╞═"),
        ("code block", "╭─ sh"),
        ("code continuation", "↪ "),
        ("inline code", "`probe --calibrate`"),
        ("link number", "guidance[1]"),
        ("link list", "[2] https://example.org/cooling"),
        ("rule", "────────────"),
        ("raw HTML as text", "<b>HTML</b>"),
        ("autolink", "https://example.org/contact"),
        ("hard break", "The last line,\nafter a hard break."),
        ("diagram", "delivery --> fridge"),
    ] {
        assert!(text.contains(marker), "{what}: {marker:?} not in\n{text}");
    }
}

#[test]
fn mono_theme_draws_every_element_without_colour() {
    let theme = Theme::named(ThemeName::Mono);
    for t in pages(80, 24, &theme) {
        let buf = t.backend().buffer();
        for cell in buf.content() {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "a coloured cell {:?} in the mono theme",
                cell.symbol()
            );
        }
    }
}

#[test]
fn code_and_markers_are_styled_apart_in_the_default_theme() {
    let theme = Theme::named(ThemeName::Default);
    let t = &pages(80, 24, &theme)[0];
    let buf = t.backend().buffer();
    let at = |needle: &str| {
        (0..buf.area.height)
            .find_map(|y| {
                let row: String = (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect();
                row.find(needle)
                    .map(|i| (row[..i].chars().count() as u16, y))
            })
            .unwrap_or_else(|| panic!("{needle:?} not on screen"))
    };
    let (x, y) = at("probe --calibrate");
    assert_eq!(
        buf[(x, y)].fg,
        Color::Cyan,
        "inline code takes the code colour"
    );
    assert_ne!(
        buf[(x - 1, y)].fg,
        Color::Cyan,
        "its backtick is a dimmed marker"
    );
}

#[test]
fn check_warns_about_what_the_screen_cannot_show_well() {
    let report = load(&fixture_dir("commonmark"));
    assert_eq!(
        lines(&report),
        [
            "warning course/01-elements.toml:49:1: section `everything`, line 38 of its body: inline HTML `<b>` is shown as written [a terminal cannot draw HTML: write it in CommonMark, or put it in a code block to show it as code]"
        ]
    );
    // Twelve columns of at least six characters: 12 x (6 + 3) + 1 = 109 columns.
    let row = |cell: &str| format!("|{}|", [cell; 12].join("|"));
    let wide = format!("{}\n{}\n{}\n", row("header"), row("---"), row("a cell"));
    let tmp = copy_fixture("commonmark");
    edit(
        tmp.path(),
        "01-elements.toml",
        "#### A small heading",
        &format!(
            "<div>\nhtml\n</div>\n\n{wide}\nText ![inline](flow.txt) here.\n\n#### A small heading"
        ),
    );
    let got = lines(&load(tmp.path()));
    for expected in [
        "warning course/01-elements.toml:51:1: section `everything`, line 40 of its body: an HTML block is shown as plain text",
        "warning course/01-elements.toml:55:1: section `everything`, line 44 of its body: a table of 12 columns needs 109 columns even with its columns at their narrowest; lesson text is at most 90 wide, so it always shows one record at a time [split the table, or turn some columns into rows]",
        "warning course/01-elements.toml:59:1: section `everything`, line 48 of its body: the diagram `flow.txt` is inside a line of text, so only its caption shows [put `![caption](file)` on a line of its own]",
    ] {
        assert!(
            got.iter().any(|l| l.contains(expected)),
            "{expected:?} not in {got:#?}"
        );
    }
}

/// The example in docs/authoring.md ("CommonMark, with tables") is shown there as it looks
/// at 40 columns; keep the two in step.
#[test]
fn the_authoring_guide_example_looks_as_the_guide_shows() {
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/authoring.md"),
    )
    .unwrap();
    let after = |from: &str, open: &str, close: &str| -> String {
        let start = guide[guide.find(from).unwrap_or_else(|| panic!("{from:?}"))..]
            .find(open)
            .map(|i| guide.find(from).unwrap_or(0) + i + open.len())
            .unwrap_or_else(|| panic!("{open:?}"));
        let end = guide[start..]
            .find(close)
            .unwrap_or_else(|| panic!("{close:?}"));
        guide[start..start + end].to_string()
    };
    let source = after("An example and how it looks", "````markdown\n", "````\n");
    let shown = after("An example and how it looks", "```text\n", "```\n");
    let width = syllabus::layout::lesson_text_width(40);
    let lines: Vec<String> =
        syllabus::layout::blocks(&syllabus::course::markup::parse_blocks(&source), width)
            .iter()
            .map(|l| l.plain())
            .collect();
    assert_eq!(lines.join("\n") + "\n", shown);
}
