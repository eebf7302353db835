//! What fuzzing found, kept so it stays fixed (see docs/robustness.md for the runs).
//!
//! - Inputs in `tests/fixtures/fuzz/<target>/` that crashed a fuzz target replay through the
//!   same harness the targets run (`fuzz/src/harness.rs`).
//! - Inputs that made loading slow or memory-hungry are large, so they are generated here,
//!   each with the limit it now keeps. They were found by following up slow fuzz runs.

mod common;

#[path = "../fuzz/src/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::Path;
use std::time::{Duration, Instant};

use syllabus::app::{Action, App, Screen};
use syllabus::course::{self, LoadReport};
use syllabus::progress::Progress;

/// The kept inputs of one fuzz target.
fn kept(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_else(|err| panic!("{err}"));
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_kept_fuzz_input_replays_cleanly() {
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 6] = [
        ("course_module", harness::course_module),
        ("course_manifest", harness::course_manifest),
        ("progress", harness::progress),
        ("sanitize", harness::sanitize),
        ("markup", harness::markup),
        ("cache_entry", harness::cache_entry),
    ];
    let mut replayed = 0;
    for (target, run) in targets {
        for (name, bytes) in kept(target) {
            eprintln!("replaying {target}/{name}");
            run(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 1, "no kept inputs found");
}

/// `progress/order-past-options.toml`: an open attempt recorded the order `[4, 0, 1]` for a
/// three-item question (as after the author removes items while a learner is mid-quiz).
/// Drawing the question indexed past its items and panicked, on every launch. Now the
/// unanswered question gets a new order that fits.
#[test]
fn resuming_an_attempt_whose_order_points_past_the_items_redraws_the_order() {
    let (_, bytes) = kept("progress")
        .into_iter()
        .find(|(n, _)| n == "order-past-options.toml")
        .unwrap_or_else(|| panic!("kept input missing"));
    let text = String::from_utf8(bytes).unwrap();
    let progress = Progress::from_toml(&text).unwrap();
    let recorded = progress.attempts("basics")[0].questions[2].clone();
    assert_eq!(
        (recorded.id.as_str(), recorded.order.clone()),
        ("steps", vec![4, 0, 1])
    );
    let mut app = App::new(common::mini_course(), progress, 7);
    app.update(Action::Resize(80, 24), common::t0());
    let attempt = &app.progress.attempts("basics")[0];
    let mut order = attempt.questions[2].order.clone();
    order.sort_unstable();
    assert_eq!(
        order,
        vec![0, 1, 2],
        "the order must be a permutation of the items"
    );
    // The answered question is left exactly as it was.
    assert_eq!(attempt.questions[0].order, vec![2, 1, 0]);
    harness::exercise(app.course.clone(), app.progress.clone(), false);
}

fn module_with_body(body: &str) -> LoadReport {
    let module = String::from_utf8_lossy(harness::MINI_BASICS).replacen(
        "Leaders set a **direction**; managers turn it into a *plan*.",
        body,
        1,
    );
    assert_ne!(module.as_bytes(), harness::MINI_BASICS);
    load_module(&module, &[])
}

fn load_module(module: &str, assets: &[(&str, &[u8])]) -> LoadReport {
    let mut files: Vec<(&str, &[u8])> = vec![
        ("course.toml", harness::ONE_MODULE_MANIFEST),
        ("m.toml", module.as_bytes()),
        ("assets/roles.txt", harness::MINI_DIAGRAM),
    ];
    files.extend_from_slice(assets);
    course::load(&harness::MemFiles::new(&files))
}

fn within(limit: Duration, what: &str, f: impl FnOnce() -> LoadReport) -> LoadReport {
    let started = Instant::now();
    let report = f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?}; the limit is {limit:?}");
    report
}

/// A paragraph of 100,000 unmatched `*a` markers: each opening marker searched the rest of
/// the paragraph for its partner, so 300 KB took 20 seconds to load (a 4 MiB file, hours).
#[test]
fn a_paragraph_of_unmatched_markers_loads_in_linear_time() {
    let body = "*a ".repeat(100_000);
    let report = within(Duration::from_secs(10), "300 KB of `*a `", || {
        module_with_body(&body)
    });
    let course = report
        .course
        .unwrap_or_else(|| panic!("it is a valid module"));
    let shown: String = match &course.modules[0].sections[0].body[0] {
        syllabus::course::markup::Block::Paragraph(p) => p.plain(),
        other => panic!("{other:?}"),
    };
    assert_eq!(shown, body.trim_end(), "unmatched markers show as written");
}

/// 30,000 unknown keys: every diagnostic counted the lines before it, so 100,000 took 23
/// seconds to check. Now each file's lines are indexed once, and every diagnostic, however
/// many, has its line and column.
#[test]
fn tens_of_thousands_of_errors_in_one_file_check_in_seconds() {
    let keys: String = (0..30_000).map(|i| format!("k{i} = 1\n")).collect();
    let module = String::from_utf8_lossy(harness::MINI_BASICS).replacen(
        "minutes = 5\n",
        &format!("minutes = 5\n{keys}"),
        1,
    );
    let report = within(Duration::from_secs(20), "30,000 unknown keys", || {
        load_module(&module, &[])
    });
    assert_eq!(report.errors().count(), 30_000);
    let located = report
        .diagnostics
        .iter()
        .filter(|d| d.line.is_some())
        .count();
    assert_eq!(located, 30_000);
    let first = &report.diagnostics[0];
    assert_eq!((first.line, first.column), (Some(6), Some(1)));
    let last = report.diagnostics.last().unwrap_or_else(|| unreachable!());
    assert_eq!(last.location(), "mem/m.toml:30005:1");
    assert_eq!(last.message, "unknown key `k29999` in a module");
}

/// 2,000 unknown keys in one inline table on one line: each diagnostic kept a copy of the
/// whole line, so 20,000 keys (230 KB) needed over 4 GB and aborted. Now a snippet shows at
/// most 160 characters around its span.
#[test]
fn diagnostics_on_one_long_line_stay_small() {
    let keys: Vec<String> = (0..2_000).map(|i| format!("k{i} = 1")).collect();
    let module = String::from_utf8_lossy(harness::MINI_BASICS).replacen(
        "{ text = \"Steps\", correct = true, feedback = \"Plans list steps.\" }",
        &format!(
            "{{ text = \"Steps\", correct = true, feedback = \"Plans list steps.\", {} }}",
            keys.join(", ")
        ),
        1,
    );
    let report = load_module(&module, &[]);
    assert_eq!(report.errors().count(), 2_000);
    let widest = report
        .diagnostics
        .iter()
        .filter_map(|d| d.snippet.as_ref())
        .map(|s| s.text.chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest <= 162, "a snippet of {widest} characters");
    // The caret still points at the key, inside the shortened line.
    let d = &report.diagnostics[150];
    let snip = d.snippet.as_ref().unwrap_or_else(|| unreachable!());
    let under: String = snip
        .text
        .chars()
        .skip(snip.caret_start)
        .take(snip.caret_len)
        .collect();
    assert_eq!(under, "k150", "{}", d.render());
    assert!(
        snip.text.starts_with('…') && snip.text.ends_with('…'),
        "{}",
        snip.text
    );
}

/// A small module showing one 1 MiB diagram 200 times: each showing read and kept its own
/// copy, so 3,000 showings needed gigabytes and aborted. Everything one load reads is now
/// capped at 64 MiB.
#[test]
fn a_diagram_shown_hundreds_of_times_stops_at_the_course_size_limit() {
    let big =
        "+------------------------------------------------------------------+\n".repeat(15_500);
    assert!(big.len() > 1024 * 1024);
    let body: Vec<&str> = (0..200).map(|_| "![c](big.txt)").collect();
    let module = String::from_utf8_lossy(harness::MINI_BASICS).replacen(
        "Leaders set a **direction**; managers turn it into a *plan*.",
        &body.join("\n\n"),
        1,
    );
    let report = within(Duration::from_secs(30), "200 showings of 1 MiB", || {
        load_module(&module, &[("assets/big.txt", big.as_bytes())])
    });
    assert!(report.course.is_none());
    let over: Vec<_> = report
        .errors()
        .filter(|d| d.message.contains("past its 64 MiB limit"))
        .collect();
    // What fits in 64 MiB beside the course's own files (and the fixture's one small
    // diagram) is shown; every showing after that is refused.
    let own = harness::ONE_MODULE_MANIFEST.len() + module.len() + harness::MINI_DIAGRAM.len();
    let fits = (course::files::MAX_COURSE_BYTES as usize - own) / big.len();
    assert_eq!(fits, 62);
    assert_eq!(over.len(), 200 - fits, "{:?}", over.first());
}

/// 20,000 missing diagrams: finding each one's line searched the body from the top, so
/// 50,000 took 17 seconds to check, and a diagram named twice was pointed at on its first
/// line both times. Now each search starts where the last one ended.
#[test]
fn thousands_of_missing_diagrams_check_in_seconds_each_at_its_own_line() {
    let body: Vec<String> = (0..20_000)
        .map(|i| {
            if i % 2 == 0 {
                format!("![c](m{i}.txt)")
            } else {
                "![c](gone.txt)".to_string()
            }
        })
        .collect();
    let report = within(Duration::from_secs(20), "20,000 missing diagrams", || {
        module_with_body(&body.join("\n\n"))
    });
    assert_eq!(report.errors().count(), 20_000);
    assert_eq!(report.diagnostics[0].message, "diagram `m0.txt` not found");
    // The body's first line is line 13 of the file; one diagram every other line.
    for i in [1, 150, 151] {
        let d = &report.diagnostics[i];
        assert_eq!(
            (d.line, d.column),
            (Some(13 + 2 * i), Some(6)),
            "{}",
            d.render()
        );
    }
}

/// The app shows the first question of a resumed quiz; used above to be sure the repaired
/// attempt can be answered to the end.
#[test]
fn the_repaired_attempt_can_be_answered_to_the_end() {
    let (_, bytes) = kept("progress")
        .into_iter()
        .find(|(n, _)| n == "order-past-options.toml")
        .unwrap_or_else(|| panic!("kept input missing"));
    let progress = Progress::from_toml(&String::from_utf8_lossy(&bytes)).unwrap();
    let mut app = App::new(common::mini_course(), progress, 7);
    app.update(Action::Resize(80, 24), common::t0());
    assert!(matches!(app.screen, Screen::Quiz(_)), "{:?}", app.screen);
    for _ in 0..40 {
        if !matches!(app.screen, Screen::Quiz(_)) {
            break;
        }
        common::drive(
            &mut app,
            &[
                Action::Choose(1),
                Action::Toggle,
                Action::Choose(2),
                Action::Type('x'),
                Action::Submit,
                Action::Submit,
            ],
        );
        harness::check_app(&app, false);
    }
    assert!(matches!(app.screen, Screen::Results(_)), "{:?}", app.screen);
}

/// `course_manifest/span-in-trailing-carriage-returns.toml`: a TOML error pointing into the
/// carriage returns that end a long line made the shortened snippet start past its end, and
/// slicing panicked. (A bug in the snippet shortening above, found by fuzzing it.)
#[test]
fn a_diagnostic_in_the_carriage_returns_ending_a_long_line_prints() {
    let line = format!("x = {}{}\nnext", "a".repeat(100), "\r".repeat(100));
    let at = 4 + 100 + 70;
    let d = course::Diagnostic::at(course::Severity::Error, "f.toml", &line, at..at + 1, "bad");
    let snip = d.snippet.clone().unwrap_or_else(|| unreachable!());
    assert!(snip.text.ends_with("aaa"), "{:?}", snip.text);
    assert!(!snip.text.contains('\r'));
    assert_eq!(snip.caret_start, snip.text.chars().count());
    assert!(d.render().contains("^"));
}
