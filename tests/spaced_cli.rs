//! `progress show` and `progress export` with spaced reviews: the due counts, and one
//! record per review after the quiz answers (mode `review`, rating and schedule).

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use jiff::SignedDuration;
use syllabus::app::{Action, App};
use syllabus::progress::Progress;
use syllabus::quiz::{Answer, Attempt, Mode};

fn run(path: &std::path::Path, args: &[&str]) -> String {
    common::run::stdout_of(&common::run::run(
        common::run::progress_command(path, args),
        b"",
    ))
}

#[test]
fn show_counts_due_cards_and_export_lists_each_review() {
    // Answered long ago (so due now whatever the clock), then one card reviewed.
    let course = mini_course();
    let long_ago = jiff::Timestamp::from_second(1_600_000_000).unwrap();
    let module = &course.modules[0];
    let mut p = Progress::new(&course.id);
    let mut a = Attempt::draw(module, Mode::Full, 1, 1, long_ago, None);
    a.answer(
        module.question("pick-vision").unwrap(),
        Answer::Single(0),
        long_ago,
    );
    a.answer(
        module.question("title-needed").unwrap(),
        Answer::TrueFalse(true),
        long_ago,
    );
    a.finished = Some(long_ago);
    p.module_mut("basics").attempts.push(a);
    let mut app = App::new(course, p, 7);
    let t = long_ago + SignedDuration::from_hours(24 * 30);
    app.update(Action::StartReview, t);
    app.update(Action::Choose(2), t);
    app.update(Action::Submit, t + SignedDuration::from_secs(20));
    assert_eq!(app.progress.reviews("basics").len(), 1);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, app.progress.to_toml().unwrap()).unwrap();
    let show = run(&path, &["show"]);
    assert!(
        show.contains("Review: 2 due now, 0 more this week (2 cards, 1 reviews)"),
        "{show}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&path, &["export", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 3, "two answers and one review");
    let review = &rows[2];
    assert_eq!(review["mode"], "review");
    assert_eq!(review["question"], "title-needed");
    assert_eq!(review["rating"], "good");
    assert!(review["scheduled_days"].as_f64().unwrap() >= 1.0);
    assert!((review["elapsed_days"].as_f64().unwrap() - 30.0).abs() < 0.01);
    let csv = run(&path, &["export", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with("answered_at,rating,elapsed_days,scheduled_days,seconds")
    );
    let last = csv.lines().last().unwrap();
    assert!(
        last.contains(",review,") && last.contains(",good,30.0,") && last.contains(",Basics,"),
        "{last}"
    );
}

#[test]
fn each_review_is_an_answered_statement_marked_as_a_review() {
    use syllabus::xapi::{Actor, ActorId, Context, statements};
    let course = mini_course();
    let t = jiff::Timestamp::from_second(1_600_000_000).unwrap();
    let module = &course.modules[0];
    let mut p = Progress::new(&course.id);
    let mut a = Attempt::draw(module, Mode::Full, 1, 1, t, None);
    a.answer(
        module.question("title-needed").unwrap(),
        Answer::TrueFalse(true),
        t,
    );
    a.finished = Some(t);
    p.module_mut("basics").attempts.push(a);
    let mut app = App::new(course.clone(), p, 7);
    let later = t + SignedDuration::from_hours(48);
    app.update(Action::StartReview, later);
    app.update(Action::Choose(2), later);
    app.update(Action::Submit, later + SignedDuration::from_secs(30));
    let actor = Actor {
        name: None,
        id: ActorId::Email("ada@example.org".into()),
    };
    let base = statements::default_base_iri(&course.id);
    let cx = Context {
        course: &course,
        base_iri: &base,
        actor: &actor,
        registration: statements::derived_registration(&course.id, &actor),
    };
    let all = statements::all(&cx, &app.progress);
    let answered: Vec<_> = all
        .iter()
        .filter(|s| s["verb"]["display"]["en"] == "answered")
        .collect();
    assert_eq!(answered.len(), 2, "the quiz answer and the review");
    let review = answered[1];
    let ext = &review["context"]["extensions"];
    assert_eq!(ext[format!("{base}/xapi/mode")], "review", "{review:#}");
    assert_eq!(ext[format!("{base}/xapi/review")]["rating"], "good");
    assert_eq!(review["result"]["success"], true);
    assert_ne!(answered[0]["id"], review["id"]);
}

#[test]
fn optimize_keeps_the_defaults_with_few_reviews_and_fits_with_many() {
    use syllabus::spaced::{Rating, Review};
    let course = mini_course();
    let start = jiff::Timestamp::from_second(1_600_000_000).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    let p = Progress::new(&course.id);
    std::fs::write(&path, p.to_toml().unwrap()).unwrap();
    let few = run(&path, &["optimize"]);
    assert!(
        few.starts_with("0 answers a day or more after the previous one: not enough yet"),
        "{few}"
    );
    let saved = Progress::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(
        saved.fsrs_parameters.is_empty(),
        "defaults are not written down"
    );

    // Nine reviews of every question of the built-in course, right three times in four.
    let course = syllabus::course::load(&syllabus::course::EmbeddedFiles::builtin())
        .course
        .unwrap();
    let mut p = Progress::new(&course.id);
    let mut rng = fastrand::Rng::with_seed(3);
    for module in &course.modules {
        let mut a = Attempt::draw(module, Mode::Full, 1, 1, start, None);
        a.finished = Some(start);
        p.module_mut(&module.id).attempts.push(a);
        for q in &module.quiz.questions {
            let mut day = 0;
            for gap in [1, 3, 7, 12, 20, 35, 60, 90, 120] {
                day += gap + rng.i64(0..3);
                let ok = rng.f32() < 0.75;
                p.module_mut(&module.id).reviews.push(Review {
                    card: q.id.to_string(),
                    hash: q.hash.to_string(),
                    at: start + SignedDuration::from_hours(24 * day),
                    rating: if ok { Rating::Good } else { Rating::Again },
                    elapsed: gap as f64,
                    scheduled: gap as f64,
                    seconds: 9.0,
                    answer: Answer::Short(String::new()),
                    points: f64::from(u8::from(ok)),
                    correct: ok,
                    extra: toml::Table::new(),
                });
            }
        }
    }
    std::fs::write(&path, p.to_toml().unwrap()).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = syllabus::cmd::optimize::run(&course, &path, &mut out, &mut err).unwrap();
    let many = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(
        code,
        std::process::ExitCode::SUCCESS,
        "{}",
        String::from_utf8_lossy(&err)
    );
    assert!(many.contains(": every parameter fitted"), "{many}");
    let saved = Progress::from_toml(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved.fsrs_parameters.len(), 21, "{many}");
    // The app schedules with them.
    let mut app = App::new(course, saved, 1);
    app.set_review_settings(20, 0.9);
    assert_eq!(app.queue().cards().len(), 114);
}
