//! A course whose every text carries terminal escape sequences (OSC 52 clipboard writes, OSC 8
//! hyperlinks, OSC 0 window titles, CSI screen clears, C1 controls, BEL and bidi overrides),
//! written both as TOML `\u` escapes and as raw characters where TOML allows them, and a
//! diagram file full of raw ones. Every screen is drawn through a real `CrosstermBackend`
//! into memory, and `syllabus check` and `syllabus progress` run on it: none of it may
//! reach the terminal as anything but plain text.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use common::*;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use syllabus::app::{Action, App, Draft, Screen};
use syllabus::cli::ThemeName;
use syllabus::course::{Course, QuestionKind};
use syllabus::progress::{FileStore, Progress};
use syllabus::ui::{self, Theme};

/// The payload as TOML escapes: OSC 0 (title) first, so its visible remains, `]0;pwned`,
/// show on every screen that shows course text; then OSC 52, OSC 8 (ST-terminated), a CSI
/// clear, a C1 CSI, BEL, a right-to-left override, NUL, DEL and a lone CR.
const ESCAPED: &str = r"\u001b]0;pwned\u0007\u001b]52;c;SGVsbG8=\u0007\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\\u001b[2J\u009b31m\u0007\u202e\u0000\u007f\r";

/// What TOML lets a basic or literal string hold raw: C1 controls, bidi controls and tabs.
const RAW: &str = "\u{9b}2J\u{202e}\u{2066}\u{85}\t";

/// What is left of the payload on screen: the escape character is gone, the rest is text.
const REMAINS: &str = "]0;pwned";

/// A copy of the mini fixture with the payload in every text a learner can see.
fn hostile_course() -> tempfile::TempDir {
    let dir = copy_fixture("mini");
    let d = dir.path();
    let p = format!("{ESCAPED}{RAW}");
    // Inside the lesson markup: a bullet, a numbered item, a quote and a diagram caption.
    edit(
        d,
        "01-basics.toml",
        "- Vision answers why.",
        &format!("- Vision{p} answers why."),
    );
    edit(
        d,
        "01-basics.toml",
        "1. First, a direction.",
        &format!("1. First{p}, a direction."),
    );
    edit(
        d,
        "01-basics.toml",
        "> A quote to remember.",
        &format!("> A quote{p} to remember."),
    );
    // And in every CommonMark element: headings, a table, a fenced code block (and its
    // info string), inline code and links, with the payload also written as character
    // references, which CommonMark decodes after the loader has cleaned the text.
    edit(
        d,
        "01-basics.toml",
        "2. Then, a plan.",
        &format!("2. Then, a plan.\n\n{}", elements(&p)),
    );
    edit(
        d,
        "01-basics.toml",
        "![Two roles](roles.txt)",
        &format!("![Two{p} roles](roles.txt)"),
    );
    // A literal string: no escapes in it, only raw characters.
    edit(
        d,
        "02-exam.toml",
        "summary = \"A short final check.\"",
        &format!("summary = 'A short{RAW} final check.'"),
    );
    for file in ["course.toml", "01-basics.toml", "02-exam.toml"] {
        let path = d.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, inject(&text, &p)).unwrap();
    }
    // A review code in `allow` is a name, not text shown to anyone: keep the fixture's valid.
    let path = d.join("02-exam.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.starts_with("allow = [") {
                "allow = [\"item-leak\"]"
            } else {
                l
            }
        })
        .collect();
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    // The diagram file is read as bytes: raw ESC, BEL, C1 (as UTF-8 and as a stray byte)
    // and U+202E.
    let mut diagram = std::fs::read(d.join("assets/roles.txt")).unwrap();
    diagram.extend_from_slice(
        b"| \x1b]0;pwned\x07 \x1b]52;c;SGVsbG8=\x07 \x1b]8;;https://evil.example/\x1b\\x\x1b]8;;\x1b\\ |\n\x1b[2J\xc2\x9b31m\x9b\xe2\x80\xae\x07end\n",
    );
    std::fs::write(d.join("assets/roles.txt"), diagram).unwrap();
    dir
}

/// The payload as CommonMark character references: ESC, BEL, C1 CSI, RLO.
const REFERENCES: &str = "&#27;]0;pwned&#7;&#x9b;2J&#x202e;&#27;[2J";

/// Lesson text with `p` in every element the CommonMark renderer draws.
fn elements(p: &str) -> String {
    let r = REFERENCES;
    format!(
        "# Heading{p}{r}\n\n### Small{p}\n\n| Col{p} | B{r} |\n|---|---|\n| cell{p} | `code{p}{r}` |\n\n```sh{p}\ncode line{p}{r}\n```\n\nSee [link{p}{r}](https://evil.example/{r}) and `inline{p}`, {r}.\n\n<div>{p}{r}</div>\n"
    )
}

/// Insert `payload` before the closing quote of every basic string (`"..."` and
/// `"""..."""`) in a TOML file, except ids, file names and the values of fixed sets.
fn inject(toml: &str, payload: &str) -> String {
    const FIXED: [&str; 13] = [
        "immediate",
        "deferred",
        "highest",
        "latest",
        "average",
        "first",
        "single",
        "multiple",
        "true_false",
        "match",
        "order",
        "short",
        "assessment",
    ];
    let mut out = String::new();
    let mut key = String::new();
    let mut word = String::new();
    let mut last = String::new();
    let mut rest = toml;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("\"\"\"") {
            let body_end = rest[3..]
                .find("\"\"\"")
                .unwrap_or_else(|| panic!("unclosed multi-line string"));
            out.push_str(&rest[..3 + body_end]);
            out.push_str(payload);
            out.push_str("\"\"\"");
            rest = &rest[3 + body_end + 3..];
            continue;
        }
        if c == '"' {
            let end = rest[1..]
                .find('"')
                .unwrap_or_else(|| panic!("unclosed string"));
            let value = &rest[1..1 + end];
            let skip = key == "id" || key == "modules" || FIXED.contains(&value);
            out.push('"');
            out.push_str(value);
            if !skip {
                out.push_str(payload);
            }
            out.push('"');
            rest = &rest[end + 2..];
            continue;
        }
        // `key` is the bare word just before the last `=`.
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else if c == '=' {
            key = std::mem::take(&mut word);
            if key.is_empty() {
                key = std::mem::take(&mut last);
            }
        } else if c.is_whitespace() {
            if !word.is_empty() {
                last = std::mem::take(&mut word);
            }
        } else {
            word.clear();
            last.clear();
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn load_hostile() -> (tempfile::TempDir, Course) {
    let dir = hostile_course();
    let report = load(dir.path());
    let errors: Vec<String> = lines(&report)
        .into_iter()
        .filter(|l| l.starts_with("error"))
        .collect();
    let warnings = report.warnings().count();
    let Some(course) = report.course else {
        panic!("the hostile course must load: {errors:#?}");
    };
    assert!(
        warnings >= 40,
        "each text with escapes gets a warning; got {warnings}"
    );
    (dir, course)
}

/// A `Write` that appends to a buffer the test keeps (`CrosstermBackend::writer` is
/// private).
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every byte a fresh terminal of `w` x `h` is sent to draw `app` once.
fn draw_bytes(app: &App, w: u16, h: u16) -> Vec<u8> {
    let mut app = app.clone();
    app.update(Action::Resize(w, h), t0());
    let out = Shared::default();
    let backend = CrosstermBackend::new(out.clone());
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    let theme = Theme::named(ThemeName::Default);
    terminal.draw(|f| ui::render(&app, &theme, f)).unwrap();
    drop(terminal);
    out.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
}

/// Check what was sent to a terminal: every ESC must start one of the CSI sequences ratatui
/// itself sends (cursor moves, colours and attributes, cursor show/hide), and no BEL, C1
/// control or bidi control may appear at all. Returns the text with those CSI sequences
/// taken out.
fn assert_only_ratatui_sequences(label: &str, bytes: &[u8]) -> String {
    let mut text = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != 0x1b {
            text.push(bytes[i]);
            i += 1;
            continue;
        }
        let context = String::from_utf8_lossy(&bytes[i..bytes.len().min(i + 24)]).into_owned();
        assert_eq!(
            bytes.get(i + 1),
            Some(&b'['),
            "{label}: ESC that does not start a CSI: {context:?}"
        );
        let mut j = i + 2;
        while j < bytes.len() && (0x20..=0x3f).contains(&bytes[j]) {
            j += 1;
        }
        let Some(&fin) = bytes.get(j) else {
            panic!("{label}: unterminated CSI: {context:?}");
        };
        let params = String::from_utf8_lossy(&bytes[i + 2..j]).into_owned();
        let allowed = match fin {
            b'H' | b'm' => params.bytes().all(|b| b.is_ascii_digit() || b == b';'),
            b'l' | b'h' => params == "?25",
            _ => false,
        };
        assert!(allowed, "{label}: a CSI ratatui does not send: {context:?}");
        i = j + 1;
    }
    let text = String::from_utf8(text)
        .unwrap_or_else(|e| panic!("{label}: output is not UTF-8 after CSI sequences: {e}"));
    for (what, bad) in [
        ("ESC", '\u{1b}'),
        ("BEL", '\u{7}'),
        ("NUL", '\u{0}'),
        ("DEL", '\u{7f}'),
        ("CR", '\r'),
    ] {
        assert!(!text.contains(bad), "{label}: {what} reached the terminal");
    }
    let c1 = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c));
    assert_eq!(c1, None, "{label}: a C1 control reached the terminal");
    let bidi = text
        .chars()
        .find(|&c| syllabus::course::sanitize::is_bidi_control(c));
    assert_eq!(bidi, None, "{label}: a bidi control reached the terminal");
    text
}

/// Draw `app` at several sizes; the payload's remains must be on screen (so the hostile
/// text really was drawn) when `shows_course_text`.
fn check_screen(label: &str, app: &App, shows_course_text: bool) {
    for (w, h) in [(80, 24), (120, 50), (200, 60)] {
        let bytes = draw_bytes(app, w, h);
        let text = assert_only_ratatui_sequences(&format!("{label} {w}x{h}"), &bytes);
        if shows_course_text && (w, h) != (80, 24) {
            assert!(
                text.contains(REMAINS),
                "{label} {w}x{h}: the hostile text was not drawn:\n{text}"
            );
        }
    }
}

/// The question on screen: its kind, and how its options are shown.
fn current(app: &App) -> Option<(QuestionKind, Vec<usize>)> {
    let Screen::Quiz(q) = &app.screen else {
        return None;
    };
    let attempt = app.open_attempt(q.module)?;
    let asked = attempt.questions.get(q.question)?;
    let question = app.course.modules[q.module].question(&asked.id)?;
    Some((question.kind.clone(), asked.order.clone()))
}

/// The keys that answer the question on screen, right or wrong.
fn answer(app: &mut App, right: bool) {
    let Some((kind, order)) = current(app) else {
        panic!("no question on screen: {:?}", app.screen);
    };
    let mut keys = Vec::new();
    match &kind {
        QuestionKind::Single { options } => {
            let k = order
                .iter()
                .position(|&i| options[i].correct == right)
                .unwrap_or(0);
            keys.push(Action::Choose(k + 1));
            keys.push(Action::Submit);
        }
        QuestionKind::TrueFalse { answer, .. } => {
            keys.push(Action::Choose(if *answer == right { 1 } else { 2 }));
            keys.push(Action::Submit);
        }
        QuestionKind::Multiple { options, .. } => {
            for (k, &i) in order.iter().enumerate() {
                if options[i].correct == right {
                    keys.push(Action::Choose(k + 1));
                }
            }
            keys.push(Action::Submit);
        }
        QuestionKind::Match {
            items, categories, ..
        } => {
            for &i in &order {
                let c = if right {
                    items[i].category
                } else {
                    (items[i].category + 1) % categories.len()
                };
                keys.push(Action::Choose(c + 1));
            }
            keys.push(Action::Submit);
        }
        QuestionKind::Order { .. } => {
            if right {
                sort_order_question(app);
            }
            keys.push(Action::Submit);
        }
        QuestionKind::Short { accept } => {
            let text = if right {
                accept[0].clone()
            } else {
                "zzz".into()
            };
            keys.extend(text.chars().map(Action::Type));
            keys.push(Action::Submit);
        }
    }
    drive(app, &keys);
}

/// Put an order question's items in the right order: pick each up and carry it home.
fn sort_order_question(app: &mut App) {
    let arrangement = |app: &App| match &app.screen {
        Screen::Quiz(q) => match &q.draft {
            Draft::Order {
                arrangement,
                cursor,
                ..
            } => (arrangement.clone(), *cursor),
            other => panic!("not an order question: {other:?}"),
        },
        other => panic!("not a quiz: {other:?}"),
    };
    let n = arrangement(app).0.len();
    for target in 0..n {
        let (arr, cursor) = arrangement(app);
        let at = arr
            .iter()
            .position(|&i| i == target)
            .unwrap_or_else(|| panic!("item {target} missing"));
        let walk = if at >= cursor {
            vec![Action::Down; at - cursor]
        } else {
            vec![Action::Up; cursor - at]
        };
        drive(app, &walk);
        drive(app, &[Action::Toggle]);
        drive(app, &vec![Action::Up; at - target]);
        drive(app, &[Action::Toggle]);
    }
}

fn kind_name(app: &App) -> &'static str {
    current(app).map_or("none", |(k, _)| k.name())
}

/// Answer every question of the open quiz, checking each screen before and after.
fn take_quiz(app: &mut App, label: &str, right: bool) {
    let mut asked = 0;
    while matches!(app.screen, Screen::Quiz(_)) {
        if current(app).is_none() {
            check_screen(&format!("{label} summary"), app, true);
            submit_all(app);
            continue;
        }
        let kind = kind_name(app);
        check_screen(&format!("{label} {kind} before answering"), app, true);
        answer(app, right);
        if let Screen::Quiz(q) = &app.screen
            && q.reveal.is_some()
        {
            check_screen(&format!("{label} {kind} answered"), app, true);
            drive(app, &[Action::Down, Action::Down]);
            check_screen(&format!("{label} {kind} answered, scrolled"), app, true);
            drive(app, &[Action::Submit]);
        }
        asked += 1;
        assert!(asked <= 20, "{label}: the quiz does not end");
    }
}

/// Every screen of the app on the hostile course.
#[test]
fn no_screen_sends_course_text_escapes_to_the_terminal() {
    let (_dir, course) = load_hostile();
    let progress = Progress::new(&course.id);
    let mut app = App::new(course, progress, 7);
    drive(&mut app, &[Action::Resize(80, 24)]);
    check_screen("map", &app, true);
    drive(&mut app, &[Action::ToggleHelp]);
    check_screen("help on the map", &app, true);
    drive(&mut app, &[Action::ToggleHelp, Action::Down]);
    check_screen("map, exam selected", &app, true);
    drive(&mut app, &[Action::Up, Action::Open]);
    for page in ["intro", "more", "takeaways"] {
        check_screen(&format!("lesson {page}"), &app, true);
        drive(&mut app, &[Action::Bottom]);
        check_screen(&format!("lesson {page}, scrolled to the end"), &app, true);
        drive(&mut app, &[Action::NextPage]);
    }
    drive(&mut app, &[Action::ToggleHelp]);
    check_screen("help in a lesson", &app, true);
    drive(&mut app, &[Action::ToggleHelp, Action::StartQuiz]);
    assert!(matches!(app.screen, Screen::Quiz(_)), "{:?}", app.screen);
    drive(&mut app, &[Action::ToggleHelp]);
    check_screen("help in a quiz", &app, true);
    drive(&mut app, &[Action::ToggleHelp]);
    // Wrong answers first: the feedback then names every right answer.
    take_quiz(&mut app, "basics, wrong", false);
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
    check_screen("results", &app, true);
    drive(&mut app, &[Action::Review]);
    for q in 0..6 {
        assert!(matches!(app.screen, Screen::Review(_)), "{:?}", app.screen);
        check_screen(&format!("review {q}"), &app, true);
        drive(&mut app, &[Action::NextPage]);
    }
    // Past the last question the review goes back to the results.
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
    drive(&mut app, &[Action::Retake]);
    assert!(matches!(app.screen, Screen::Quiz(_)), "{:?}", app.screen);
    take_quiz(&mut app, "basics, right", true);
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
    check_screen("results, passed", &app, true);
    // The assessment: deferred feedback, so nothing is revealed until the results.
    drive(&mut app, &[Action::Back, Action::Down, Action::Open]);
    assert!(matches!(app.screen, Screen::Lesson(_)), "{:?}", app.screen);
    check_screen("assessment start page", &app, true);
    drive(&mut app, &[Action::Open]);
    take_quiz(&mut app, "exam", true);
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
    check_screen("exam results", &app, true);
    drive(&mut app, &[Action::Review]);
    assert!(matches!(app.screen, Screen::Review(_)), "{:?}", app.screen);
    check_screen("exam review", &app, true);
    drive(&mut app, &[Action::Back, Action::Back, Action::Continue]);
    assert!(
        matches!(app.screen, Screen::Completion),
        "the course should be complete: {:?}",
        app.screen
    );
    check_screen("completion", &app, true);
    let mut small = app.clone();
    drive(&mut small, &[Action::Resize(30, 8)]);
    let bytes = draw_bytes(&small, 30, 8);
    assert_only_ratatui_sequences("too small", &bytes);
}

/// Every line of the section with the CommonMark elements, at the smallest size and a usual
/// one: nothing but ratatui's own sequences, and each element was really drawn.
#[test]
fn commonmark_elements_send_no_escapes_on_any_line() {
    let (_dir, course) = load_hostile();
    for (w, h) in [(40, 12), (80, 24)] {
        let mut app = App::new(course.clone(), Progress::new(&course.id), 7);
        drive(
            &mut app,
            &[Action::Resize(w, h), Action::Open, Action::NextPage],
        );
        let mut seen = String::new();
        for step in 0..200 {
            let bytes = draw_bytes(&app, w, h);
            seen.push_str(&assert_only_ratatui_sequences(
                &format!("more {w}x{h}, page {step}"),
                &bytes,
            ));
            let Screen::Lesson(before) = app.screen.clone() else {
                panic!("{:?}", app.screen)
            };
            drive(&mut app, &[Action::PageDown]);
            if matches!(&app.screen, Screen::Lesson(s) if s.scroll == before.scroll) {
                break;
            }
        }
        let text = app
            .lesson_lines()
            .iter()
            .map(|l| l.plain())
            .collect::<Vec<_>>()
            .join("\n");
        // ratatui drops control characters from cells as well, so the laid-out text is
        // checked too: the course's own guarantee must not rest on the terminal library's.
        assert!(
            syllabus::course::sanitize::is_clean(&text),
            "{w}x{h}: a control character in the laid-out text: {text:?}"
        );
        for marker in [
            "═",
            "▸ Small",
            "╞═",
            "╭─ sh",
            "`code",
            "link",
            "[1]",
            "Links",
            "<div>",
        ] {
            assert!(
                text.contains(marker),
                "{w}x{h}: {marker:?} was not drawn:\n{text}"
            );
        }
        assert!(seen.contains(REMAINS), "{w}x{h}: the payload was not drawn");
    }
}

/// Paths and OS errors end up in banners and prompts: a progress folder whose name carries
/// escapes must not send them either.
#[test]
fn banners_and_prompts_with_hostile_paths_send_no_escapes() {
    let (_dir, course) = load_hostile();
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp
        .path()
        .join("p\u{1b}]0;pwned\u{7}\u{1b}]52;c;SGVsbG8=\u{7}\u{9b}2J\u{202e}x");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("mini.toml");
    // A damaged file and no backup: the app asks before writing, naming both paths.
    std::fs::write(&path, "not toml \u{1b}[2J").unwrap();
    let open = FileStore::open(&path, &course.id);
    let session = syllabus::runtime::build_app(course, open, 7, 3);
    let mut app = session.app;
    assert!(app.prompt.is_some(), "a damaged file must prompt");
    drive(&mut app, &[Action::Resize(80, 24)]);
    check_screen("damaged-progress prompt", &app, false);
    let bytes = draw_bytes(&app, 120, 50);
    let text = assert_only_ratatui_sequences("damaged-progress prompt", &bytes);
    assert!(
        text.contains("]0;pwned"),
        "the path should be shown: {text}"
    );
    // A failed save names the path in a banner, and on quitting in a prompt.
    drive(&mut app, &[Action::PromptKey('s')]);
    let error = format!(
        "could not save progress to {} (rename): disk full",
        path.display()
    );
    drive(&mut app, &[Action::Saved(Err(error.clone()))]);
    assert!(!app.banners.is_empty());
    check_screen("failed-save banner", &app, true);
    drive(&mut app, &[Action::Quit, Action::Saved(Err(error))]);
    assert!(app.prompt.is_some(), "quitting after a failed save prompts");
    check_screen("failed-save prompt", &app, true);
}

fn syllabus(args: &[&str], stdin: &str) -> (i32, Vec<u8>, Vec<u8>) {
    let mut cmd = common::run::command(args);
    cmd.env_remove("NO_COLOR")
        .env("USER", "tester\u{1b}]0;pwned\u{7}\u{202e}");
    let out = common::run::run(cmd, stdin.as_bytes());
    (out.status.code().unwrap_or(-1), out.stdout, out.stderr)
}

/// Output meant for a terminal or a file: not even ratatui's sequences are allowed.
fn assert_plain(label: &str, bytes: &[u8]) -> String {
    assert!(!bytes.contains(&0x1b), "{label}: ESC in the output");
    assert_only_ratatui_sequences(label, bytes)
}

#[test]
fn check_prints_no_escapes_from_hostile_files_in_either_format() {
    let dir = hostile_course();
    let path = dir.path().to_string_lossy().into_owned();
    for format in ["human", "json"] {
        let (code, out, err) = syllabus(&["check", &path, "--format", format], "");
        assert_eq!(code, 0, "warnings only: {}", String::from_utf8_lossy(&out));
        let out = assert_plain(&format!("check --format {format} stdout"), &out);
        assert_plain(&format!("check --format {format} stderr"), &err);
        assert!(
            out.contains("removed") && out.contains("control character"),
            "{out}"
        );
    }
    // Errors too: a raw ESC (a TOML syntax error, whose message quotes the line) and a
    // module file name with escapes in it.
    edit(
        dir.path(),
        "02-exam.toml",
        "minutes = 3",
        "minutes = 3\nx = \"\u{1b}]0;pwned\u{7}\u{202e}\"",
    );
    edit(
        dir.path(),
        "course.toml",
        "\"02-exam.toml\"",
        "\"02-exam.toml\", \"\\u001b[2J\\u009b\\u202e.toml\"",
    );
    for format in ["human", "json"] {
        let (code, out, err) = syllabus(&["check", &path, "--format", format], "");
        assert_eq!(code, 1);
        let out = assert_plain(&format!("failing check --format {format} stdout"), &out);
        assert_plain(&format!("failing check --format {format} stderr"), &err);
        assert!(out.contains("control character (U+001B)"), "{out}");
        assert!(out.contains("not found"), "{out}");
    }
    // The app itself prints the same diagnostics when a course does not load.
    let (code, out, err) = syllabus(&["--course", &path], "");
    assert_eq!(code, 1);
    assert_plain("app on a broken course, stdout", &out);
    let err = assert_plain("app on a broken course, stderr", &err);
    assert!(err.contains("has errors"), "{err}");
}

#[test]
fn a_course_folder_named_with_escapes_is_printed_safely() {
    let dir = copy_fixture("mini");
    let named = dir
        .path()
        .join("c\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}\u{202e}x");
    std::fs::create_dir(&named).unwrap();
    for f in ["course.toml", "01-basics.toml", "02-exam.toml"] {
        std::fs::rename(dir.path().join(f), named.join(f)).unwrap();
    }
    std::fs::rename(dir.path().join("assets"), named.join("assets")).unwrap();
    let path = named.to_string_lossy().into_owned();
    for format in ["human", "json"] {
        let (code, out, err) = syllabus(&["check", &path, "--format", format], "");
        assert_eq!(code, 0);
        let out = assert_plain(&format!("check {format} of a hostile folder name"), &out);
        assert_plain(&format!("check {format} stderr"), &err);
        assert!(out.contains("pwned"), "the folder is still named: {out}");
    }
    edit(&named, "01-basics.toml", "minutes = 5", "minutes = \"5\"");
    for format in ["human", "json"] {
        let (code, out, err) = syllabus(&["check", &path, "--format", format], "");
        assert_eq!(code, 1);
        assert_plain(
            &format!("failing check {format} of a hostile folder name"),
            &out,
        );
        assert_plain(&format!("failing check {format} stderr"), &err);
    }
    let (code, out, err) = syllabus(&["--course", &path, "progress", "show"], "");
    assert_eq!(code, 1);
    assert_plain("progress on a broken hostile folder, stdout", &out);
    assert_plain("progress on a broken hostile folder, stderr", &err);
}

/// Progress through the whole hostile course, every answer right.
fn completed(course: &Course) -> Progress {
    let mut app = App::new(course.clone(), Progress::new(&course.id), 7);
    drive(&mut app, &[Action::Resize(80, 24), Action::Open]);
    drive(
        &mut app,
        &[Action::NextPage, Action::NextPage, Action::Open],
    );
    take_quiz_quietly(&mut app);
    drive(
        &mut app,
        &[Action::Back, Action::Down, Action::Open, Action::Open],
    );
    take_quiz_quietly(&mut app);
    assert!(
        syllabus::app::status::course_complete(&app),
        "{:?}",
        app.screen
    );
    app.progress
}

fn take_quiz_quietly(app: &mut App) {
    for _ in 0..20 {
        if !matches!(app.screen, Screen::Quiz(_)) {
            return;
        }
        if current(app).is_none() {
            submit_all(app);
            continue;
        }
        answer(app, true);
        if let Screen::Quiz(q) = &app.screen
            && q.reveal.is_some()
        {
            drive(app, &[Action::Submit]);
        }
    }
    panic!("the quiz does not end");
}

fn write_progress(dir: &Path, p: &Progress) -> String {
    let path = dir.join("progress.toml");
    std::fs::write(&path, p.to_toml().unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn progress_commands_print_no_escapes_from_course_names_or_progress() {
    let (dir, course) = load_hostile();
    let course_dir = dir.path().to_string_lossy().into_owned();
    let mut progress = completed(&course);
    // A hand-edited progress file: an answer and an unknown module id full of escapes.
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;SGVsbG8=\u{7}\u{9b}2J\u{202e}";
    let module = progress.module_mut("exam");
    for a in &mut module.attempts {
        for r in &mut a.responses {
            if let syllabus::quiz::Answer::Short(s) = &mut r.answer {
                s.push_str(hostile);
            }
            r.question.push_str(hostile);
        }
    }
    let stray = progress.module("basics").cloned().unwrap_or_default();
    progress.modules.insert(format!("gone{hostile}"), stray);
    let tmp = tempfile::tempdir().unwrap();
    let file = write_progress(tmp.path(), &progress);
    let base = ["--course", course_dir.as_str(), "--progress", file.as_str()];
    for args in [
        vec!["progress", "show"],
        vec!["progress", "export", "--format", "json"],
        vec!["progress", "export", "--format", "csv"],
        vec!["progress", "certificate"],
        vec![
            "progress",
            "certificate",
            "--name",
            "Ada\u{1b}]0;pwned\u{7}\u{1b}]8;;https://evil.example/\u{7}x\u{9b}2J\u{202e}Lovelace\nSecond line",
        ],
    ] {
        let all: Vec<&str> = base.iter().copied().chain(args.iter().copied()).collect();
        let (code, out, err) = syllabus(&all, "");
        let label = args.join(" ");
        assert_eq!(code, 0, "{label}: {}", String::from_utf8_lossy(&err));
        let out = assert_plain(&format!("{label} stdout"), &out);
        assert_plain(&format!("{label} stderr"), &err);
        assert!(
            out.contains("pwned"),
            "{label}: the text is kept, made safe: {out}"
        );
    }
    let (code, out, err) = syllabus(
        &[
            "--course",
            &course_dir,
            "--progress",
            &file,
            "progress",
            "certificate",
            "--name",
            "Ada\u{1b}]0;pwned\u{7}\u{202e}",
        ],
        "",
    );
    assert_eq!(code, 0);
    let out = assert_plain("certificate", &out);
    assert!(out.contains("Ada]0;pwned"), "{out}");
    assert_plain("certificate stderr", &err);
    let (code, out, err) = syllabus(
        &[
            "--course",
            &course_dir,
            "--progress",
            &file,
            "progress",
            "reset",
            "--module",
            "basics",
            "--yes",
        ],
        "",
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    assert_plain("reset stdout", &out);
    assert_plain("reset stderr", &err);
    // An unknown module id given on the command line is quoted back safely too.
    let (code, out, err) = syllabus(
        &[
            "--course",
            &course_dir,
            "--progress",
            &file,
            "progress",
            "reset",
            "--module",
            "x\u{1b}]0;pwned\u{7}\u{202e}",
            "--yes",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_plain("reset of an unknown module, stdout", &out);
    assert_plain("reset of an unknown module, stderr", &err);
}

#[test]
fn progress_commands_on_a_hostile_progress_path_print_no_escapes() {
    let (dir, course) = load_hostile();
    let course_dir = dir.path().to_string_lossy().into_owned();
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("p\u{1b}]0;pwned\u{7}\u{9b}2J\u{202e}");
    std::fs::create_dir(&folder).unwrap();
    let file = write_progress(&folder, &completed(&course));
    for args in [vec!["progress", "show"], vec!["progress", "reset", "--yes"]] {
        let all: Vec<&str> = ["--course", course_dir.as_str(), "--progress", file.as_str()]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        let (code, out, err) = syllabus(&all, "");
        let label = args.join(" ");
        assert_eq!(code, 0, "{label}");
        assert_plain(&format!("{label} stdout"), &out);
        assert_plain(&format!("{label} stderr"), &err);
    }
    // Damaged: the error names the path.
    std::fs::write(&file, "garbage = [").unwrap();
    let (code, out, err) = syllabus(
        &[
            "--course",
            &course_dir,
            "--progress",
            &file,
            "progress",
            "show",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_plain("show of a damaged file, stdout", &out);
    let err = assert_plain("show of a damaged file, stderr", &err);
    assert!(err.contains("damaged"), "{err}");
    // `progress path` is for scripts (`cat "$(syllabus progress path)"`): it prints the
    // path exactly, byte for byte.
    let (code, out, _) = syllabus(
        &[
            "--course",
            &course_dir,
            "--progress",
            &file,
            "progress",
            "path",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(out, format!("{file}\n").into_bytes());
}

/// The checks above can fail: what ratatui does not filter (`Cell::set_symbol`) and each kind
/// of forbidden byte is caught.
#[test]
fn the_terminal_output_checks_catch_what_they_look_for() {
    let out = Shared::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 20, 2)),
        },
    )
    .unwrap();
    terminal
        .draw(|f| {
            f.buffer_mut()[(0, 0)].set_symbol("\u{1b}]0;pwned\u{7}");
        })
        .unwrap();
    drop(terminal);
    let unfiltered = out.0.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let probes: [&[u8]; 6] = [
        &unfiltered,
        b"\x1b[2J",
        b"\x1b]52;c;SGVsbG8=\x1b\\",
        b"a\x07b",
        "a\u{9b}31m".as_bytes(),
        "a\u{202e}b".as_bytes(),
    ];
    for probe in probes {
        let caught = std::panic::catch_unwind(|| assert_only_ratatui_sequences("probe", probe));
        assert!(caught.is_err(), "not caught: {probe:?}");
    }
    // What ratatui itself sends passes.
    let text = assert_only_ratatui_sequences("ratatui", b"\x1b[?25l\x1b[1;1H\x1b[38;5;4mok\x1b[0m");
    assert_eq!(text, "ok");
}
