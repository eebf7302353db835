//! End to end: a spaced-review session in the real binary in tmux (private socket, 80x24):
//! `v` on the map, a wrong answer, `l` to the lesson and `q` back, Ctrl-C in the middle, and
//! the next start resuming on the same card. The progress holds quiz answers from 2020, so
//! they are due whatever the clock says. Polls the screen; never fixed sleeps.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tmux::{Tmux, require_tmux};

#[test]
fn a_review_session_opens_the_lesson_and_resumes_after_ctrl_c() {
    if !require_tmux("e2e_review") {
        return;
    }
    let t = Tmux::new("e2e-review");
    // The version-2 fixture (an open attempt: two answers), moved back to 2020.
    let old = std::fs::read_to_string(common::fixture_dir("progress-v2").join("open-attempt.toml"))
        .unwrap()
        .replace("2027-01-15", "2020-01-15")
        .replace("screen = \"quiz\"", "screen = \"map\"");
    let progress = t.dir().join("p.toml");
    std::fs::write(&progress, old).unwrap();
    let course = common::fixture_dir("mini").display().to_string();
    let args = [
        "--course",
        &course,
        "--progress",
        &progress.display().to_string(),
    ];
    let config = [(
        "SYLLABUS_CONFIG",
        format!("{}/none.toml", t.dir().display()),
    )];
    let launch = || t.launch(&args, &config, 80, 24);
    launch();
    let map = t.wait_for("Review: ");
    assert!(map.contains("due now"), "{map}");
    t.keys(&["v"]);
    let first = t.wait_for("Card 1 of");
    assert!(first.contains("Spaced review"), "{first}");
    // The card answered wrong in the quiz comes first: `sort`. Every item "Leadership" is
    // not right (partly, at best), so the lesson is offered; it opens and `q` comes back.
    assert!(first.contains("Sort each behaviour."), "{first}");
    t.keys(&["1", "1", "1", "Enter"]);
    let fb = t.wait_for("Enter next");
    assert!(fb.contains("l lesson") && fb.contains("· next in "), "{fb}");
    t.keys(&["l"]);
    let lesson = t.wait_for("q: back to the review");
    assert!(
        lesson.contains("1 · Basics") && lesson.contains("q review"),
        "{lesson}"
    );
    t.keys(&["q"]);
    let back = t.wait_for("Card 1 of");
    assert!(back.contains("l lesson"), "{back}");
    t.keys(&["Enter"]);
    t.wait_for("Card 2 of");
    t.keys(&["C-c"]);
    assert_eq!(t.exit_code(), 0);
    let saved = std::fs::read_to_string(&progress).unwrap_or_default();
    assert!(saved.starts_with("version = 3"), "{saved}");
    assert!(saved.contains("[[modules.basics.reviews]]"), "{saved}");
    assert!(saved.contains("screen = \"spaced_review\""), "{saved}");
    assert!(
        t.dir().join("p.toml.v2.bak").exists(),
        "the v2 file is kept"
    );
    // The next start opens on the same card.
    launch();
    let again = t.wait_for("Spaced review");
    assert!(again.contains("Card 2 of"), "{again}");
    t.keys(&["q"]);
    t.wait_for("Review paused: v resumes it.");
    t.keys(&["q"]);
    assert_eq!(t.exit_code(), 0);
}
