//! What each fuzz target does with one input, and the invariants it checks. Shared with
//! `tests/fuzz_regressions.rs` (through `#[path]`), so a kept crash input replays exactly
//! what the fuzzer ran, under `cargo test`.
//!
//! Only `syllabus`, `ratatui` and `jiff` are used, so this file compiles in both crates.

use std::sync::OnceLock;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::{Action, App, Screen};
use syllabus::course::diagnostic::escape_controls;
use syllabus::course::markup::{Block, Para, Prose};
use syllabus::course::sanitize::{is_clean, sanitize as clean};
use syllabus::course::{self, Course, CourseFiles, LoadReport, QuestionKind};
use syllabus::progress::Progress;
use syllabus::ui::{self, Theme};

/// The mini fixture course, byte for byte.
pub const MINI_MANIFEST: &[u8] = include_bytes!("../../tests/fixtures/mini/course.toml");
pub const MINI_BASICS: &[u8] = include_bytes!("../../tests/fixtures/mini/01-basics.toml");
pub const MINI_EXAM: &[u8] = include_bytes!("../../tests/fixtures/mini/02-exam.toml");
pub const MINI_DIAGRAM: &[u8] = include_bytes!("../../tests/fixtures/mini/assets/roles.txt");

/// A manifest listing one module, `m.toml`: the module target fuzzes that file.
pub const ONE_MODULE_MANIFEST: &[u8] = b"format = 1
id = \"fuzz\"
title = \"Fuzz\"
description = \"One fuzzed module.\"
version = \"1\"
authors = [\"fuzz\"]
modules = [\"m.toml\"]
";

/// The library's in-memory course files, which the tests and benchmarks load from too.
pub use syllabus::course::MemFiles;

/// Target `course_module`: the bytes are the one module of a fixed course.
pub fn course_module(data: &[u8]) {
    let files = MemFiles::new(&[
        ("course.toml", ONE_MODULE_MANIFEST),
        ("m.toml", data),
        ("assets/roles.txt", MINI_DIAGRAM),
    ]);
    check_load(&files);
}

/// Target `course_manifest`: the bytes are `course.toml`; the mini fixture's modules are there
/// to be listed.
pub fn course_manifest(data: &[u8]) {
    let files = MemFiles::new(&[
        ("course.toml", data),
        ("01-basics.toml", MINI_BASICS),
        ("02-exam.toml", MINI_EXAM),
        ("assets/roles.txt", MINI_DIAGRAM),
    ]);
    check_load(&files);
}

/// Load, then check: a course exactly when there are no errors; every diagnostic prints
/// without a control character; every text of a loaded course is clean; and the app runs
/// and draws on it.
pub fn check_load(files: &dyn CourseFiles) {
    let report = course::load(files);
    check_report(&report);
    if let Some(course) = report.course {
        let progress = Progress::new(&course.id);
        exercise(course, progress, true);
    }
}

pub fn check_report(report: &LoadReport) {
    let errors = report.errors().count();
    assert_eq!(
        report.course.is_some(),
        errors == 0,
        "a course must load exactly when there are no errors: {:#?}",
        report.diagnostics
    );
    for d in &report.diagnostics {
        let shown = d.render();
        assert!(is_clean(&shown), "diagnostic prints a control: {shown:?}");
    }
    if let Some(course) = &report.course {
        for t in course_texts(course) {
            assert!(is_clean(&t), "loaded text is not clean: {t:?}");
        }
    }
}

/// Every string of a loaded course that can reach the screen.
pub fn course_texts(c: &Course) -> Vec<String> {
    let mut out = vec![
        c.id.clone(),
        c.title.clone(),
        c.description.clone(),
        c.version.clone(),
    ];
    out.extend(c.authors.iter().cloned());
    let para = |p: &Para, out: &mut Vec<String>| out.extend(p.0.iter().map(|r| r.text.to_string()));
    let prose = |p: &Prose, out: &mut Vec<String>| {
        for x in &p.0 {
            para(x, out);
        }
    };
    for m in &c.modules {
        out.extend([
            m.id.to_string(),
            m.title.to_string(),
            m.summary.to_string(),
            m.file.to_string(),
        ]);
        out.extend(m.sources.iter().map(ToString::to_string));
        m.objectives.iter().for_each(|p| prose(p, &mut out));
        m.takeaways.iter().for_each(|p| prose(p, &mut out));
        for s in &m.sections {
            out.extend([s.id.to_string(), s.title.to_string()]);
            body_texts(&s.body, &mut out);
        }
        for q in &m.quiz.questions {
            out.push(q.id.to_string());
            prose(&q.prompt, &mut out);
            prose(&q.explanation, &mut out);
            match &q.kind {
                QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
                    for o in options {
                        prose(&o.text, &mut out);
                        prose(&o.feedback, &mut out);
                    }
                }
                QuestionKind::TrueFalse {
                    true_feedback,
                    false_feedback,
                    ..
                } => {
                    prose(true_feedback, &mut out);
                    prose(false_feedback, &mut out);
                }
                QuestionKind::Match {
                    categories, items, ..
                } => {
                    out.extend(categories.iter().map(ToString::to_string));
                    for i in items {
                        out.push(i.text.to_string());
                        prose(&i.feedback, &mut out);
                    }
                }
                QuestionKind::Order { items, .. } => {
                    out.extend(items.iter().map(ToString::to_string))
                }
                QuestionKind::Short { accept } => {
                    out.extend(accept.iter().map(ToString::to_string))
                }
            }
        }
    }
    out
}

/// Every text of a section body, nested blocks too.
fn body_texts(blocks: &[Block], out: &mut Vec<String>) {
    let para = |p: &Para, out: &mut Vec<String>| out.extend(p.0.iter().map(|r| r.text.to_string()));
    for b in blocks {
        match b {
            Block::Paragraph(p) | Block::Heading { text: p, .. } => para(p, out),
            Block::List { items, .. } => items.iter().for_each(|i| body_texts(i, out)),
            Block::Quote(inner) => body_texts(inner, out),
            Block::Code { info, lines } => {
                out.push(info.clone());
                out.extend(lines.iter().cloned());
            }
            Block::Table { head, rows, .. } => head
                .iter()
                .chain(rows.iter().flatten())
                .for_each(|p| para(p, out)),
            Block::Diagram {
                caption,
                path,
                lines,
            } => {
                out.extend([caption.clone(), path.clone()]);
                out.extend(lines.iter().cloned());
            }
            Block::Links(urls) => out.extend(urls.iter().cloned()),
            Block::Rule => {}
        }
    }
}

/// Target `progress`: a progress file. If it parses, saving it must work, reading the save
/// must give the same save again, and the app must open and run on it (against the mini
/// course, whatever course the file names).
pub fn progress(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(p) = Progress::from_toml(text) else {
        return;
    };
    let saved = p
        .to_toml()
        .unwrap_or_else(|e| panic!("a progress file that loads cannot be saved: {e}"));
    let back = Progress::from_toml(&saved)
        .unwrap_or_else(|e| panic!("a saved progress file does not load: {e}\n{saved}"));
    let again = back
        .to_toml()
        .unwrap_or_else(|e| panic!("a reloaded progress file cannot be saved: {e}"));
    assert_eq!(
        saved, again,
        "saving what was loaded from a save changed it"
    );
    // The file may hold anything, so only the invariants the app itself keeps are checked.
    exercise(mini_course().clone(), p, false);
}

/// The mini fixture, loaded once.
pub fn mini_course() -> &'static Course {
    static MINI: OnceLock<Course> = OnceLock::new();
    MINI.get_or_init(|| {
        let files = MemFiles::new(&[
            ("course.toml", MINI_MANIFEST),
            ("01-basics.toml", MINI_BASICS),
            ("02-exam.toml", MINI_EXAM),
            ("assets/roles.txt", MINI_DIAGRAM),
        ]);
        course::load(&files)
            .course
            .unwrap_or_else(|| panic!("the mini fixture must load"))
    })
}

/// Target `sanitize`: whatever comes in, what goes out is clean, keeps its lines, and clean
/// text is left alone.
pub fn sanitize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let c = clean(&text);
    assert!(is_clean(&c.text), "sanitize left a control: {:?}", c.text);
    assert_eq!(
        text.matches('\n').count(),
        c.text.matches('\n').count(),
        "sanitize must keep every line break"
    );
    if is_clean(&text) {
        assert_eq!(c.text, text, "clean text must be left alone");
        assert_eq!(c.removed, 0);
    }
    assert_eq!(clean(&c.text).text, c.text, "sanitize must be idempotent");
    let shown = escape_controls(&text);
    assert!(is_clean(&shown), "escaped text still has a control");
}

/// Target `markup`: a sanitized section body is parsed and laid out at several widths: no
/// line but a diagram's may be wider than the width (from 8 columns, where every marker
/// fits), every text the parser made is clean, and the lines drawn on a lesson screen send
/// nothing a terminal would interpret.
pub fn markup(data: &[u8]) {
    let text = clean(&String::from_utf8_lossy(data)).text;
    let (blocks, notes) = syllabus::course::markup::parse_body(&text);
    let mut texts = Vec::new();
    body_texts(&blocks, &mut texts);
    for t in &texts {
        assert!(is_clean(t), "the parser made a control character: {t:?}");
    }
    for n in &notes {
        assert!(
            is_clean(&n.message()) && is_clean(&n.snippet),
            "a note with a control: {n:?}"
        );
    }
    for width in [1u16, 3, 8, 36, 40, 90] {
        for l in syllabus::layout::blocks(&blocks, width) {
            assert!(
                is_clean(&l.plain()),
                "a laid-out line with a control: {:?}",
                l.plain()
            );
            if l.kind != syllabus::layout::LineKind::Diagram && width >= 8 {
                assert!(
                    l.width() <= usize::from(width),
                    "line wider than {width}: {:?}",
                    l.plain()
                );
            }
        }
    }
    // Prompts and messages: narrower than their lead, and a usual width.
    let p = Prose::parse(&text);
    for para in &p.0 {
        assert!(
            is_clean(&para.plain()),
            "prose with a control: {:?}",
            para.plain()
        );
    }
    for width in [5u16, 60] {
        let _ = syllabus::layout::prose(&p, width, "Your choice: ", "  ");
        let _ = syllabus::layout::plain(&text, width);
    }
}

/// A fixed walk through the app on `course`, drawing after every step, with the invariants
/// checked after every step. `fresh`: the progress was made by the app, not read from a file
/// that may hold anything.
pub fn exercise(course: Course, progress: Progress, fresh: bool) {
    let now = Timestamp::UNIX_EPOCH;
    // The stats screen works its figures out from whatever the progress holds.
    let mut stats = App::new(course.clone(), progress.clone(), 1);
    for action in [
        Action::Stats,
        Action::Down,
        Action::NextPage,
        Action::Down,
        Action::NextPage,
        Action::Down,
        Action::NextPage,
        Action::Bottom,
        Action::Open,
    ] {
        stats.update(action, now);
        check_app(&stats, fresh);
    }
    let mut app = App::new(course, progress, 1);
    let mut terminal = match Terminal::new(TestBackend::new(80, 24)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let theme = Theme::default_theme();
    let script = [
        Action::Resize(80, 24),
        Action::Continue,
        Action::Down,
        Action::Bottom,
        Action::NextPage,
        Action::NextPage,
        Action::Open,
        Action::StartQuiz,
        Action::Choose(1),
        Action::Toggle,
        Action::CategoryNext,
        Action::Type('a'),
        Action::Submit,
        Action::Submit,
        Action::Choose(2),
        Action::Submit,
        Action::Submit,
        Action::Open,
        Action::Review,
        Action::NextPage,
        Action::Back,
        Action::Back,
        Action::Down,
        Action::Open,
        Action::Open,
        Action::Choose(1),
        Action::Submit,
        Action::Resize(20, 5),
        Action::Back,
        Action::Continue,
        Action::Back,
        Action::StartReview,
        Action::Choose(1),
        Action::Submit,
        Action::OpenLesson,
        Action::Back,
        Action::Submit,
        Action::Back,
    ];
    check_app(&app, fresh);
    for action in script {
        if let Action::Resize(w, h) = action {
            terminal = match Terminal::new(TestBackend::new(w, h)) {
                Ok(t) => t,
                Err(e) => panic!("{e}"),
            };
        }
        app.update(action, now);
        check_app(&app, fresh);
        if let Err(e) = terminal.draw(|f| ui::render(&app, &theme, f)) {
            panic!("{e}");
        }
    }
}

/// The state invariants every screen relies on. With `fresh` also those that hold for
/// progress the app made itself.
pub fn check_app(app: &App, fresh: bool) {
    let modules = &app.course.modules;
    match &app.screen {
        Screen::Map(s) => assert!(
            s.selected < modules.len().max(1),
            "map selection {} of {}",
            s.selected,
            modules.len()
        ),
        Screen::Lesson(s) => {
            let m = &modules[s.module];
            assert!(s.page <= m.sections.len(), "lesson page past the last");
            assert!(
                s.scroll <= app.max_lesson_scroll(),
                "lesson scrolled too far"
            );
        }
        Screen::Quiz(s) => {
            assert!(s.module < modules.len());
            assert!(
                app.open_attempt(s.module).is_some() || s.reveal.is_some(),
                "a quiz screen with no open attempt and nothing to reveal"
            );
        }
        Screen::Results(s) => assert!(s.attempt < app.attempts(s.module).len()),
        Screen::Review(s) => {
            let attempts = app.attempts(s.module);
            assert!(s.attempt < attempts.len(), "review of a missing attempt");
            let asked = attempts[s.attempt].questions.len();
            assert!(s.question < asked.max(1), "review past the last question");
        }
        Screen::History(s) => assert!(
            s.selected < app.attempts(s.module).len(),
            "history selection past the last attempt"
        ),
        Screen::Stats(s) => assert!(
            s.weak < s.weak_rows().max(1),
            "stats: weak row {} of {}",
            s.weak,
            s.weak_rows()
        ),
        Screen::Spaced(s) => {
            let session = app.progress.review_session.as_ref();
            assert!(session.is_some(), "a review screen with no session");
            let (done, total) = app.review_progress();
            let on_screen = if s.reveal.is_some() {
                done.checked_sub(1)
            } else {
                Some(done)
            };
            assert!(
                on_screen.is_some_and(|i| i < total),
                "a review card past the session's end"
            );
        }
        Screen::Completion => {}
    }
    for m in 0..modules.len() {
        if let Some(a) = app.open_attempt(m).filter(|_| fresh) {
            assert!(
                a.responses.len() <= a.questions.len(),
                "an open attempt with more answers than questions"
            );
        }
    }
}

/// A cache entry (src/cache.rs) from any bytes, as they are and behind a header that passes
/// every check, so postcard's decoding itself meets the garbage: it must refuse it or give
/// a whole entry, never panic or read past the end.
pub fn cache_entry(data: &[u8]) {
    let _ = syllabus::cache::decode_entry(data);
    if let Some(entry) = syllabus::cache::decode_entry(&syllabus::cache::wrap_payload(data)) {
        assert!(syllabus::cache::encode_entry(&entry).is_ok());
    }
}
