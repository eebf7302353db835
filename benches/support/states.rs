//! App states worth drawing, built on any course the way tests/screens.rs and
//! tests/common/mod.rs build them on the mini fixture: a fresh app, then either actions or
//! an attempt placed in the progress so the app resumes into it.
#![allow(dead_code)]

use jiff::{SignedDuration, Timestamp};
use syllabus::app::{Action, App};
use syllabus::course::{Course, Module, QuestionKind};
use syllabus::progress::{PlaceScreen, Progress};
use syllabus::quiz::{Answer, Asked, Attempt, Mode};

pub fn t0() -> Timestamp {
    Timestamp::from_second(1_800_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Apply actions one second apart.
pub fn drive(app: &mut App, actions: &[Action]) {
    for (i, a) in actions.iter().enumerate() {
        app.update(a.clone(), t0() + SignedDuration::from_secs(i as i64 + 1));
    }
}

pub fn fresh(course: &Course, w: u16, h: u16) -> App {
    let mut app = App::new(course.clone(), Progress::new(&course.id), 7);
    app.update(Action::Resize(w, h), t0());
    app
}

/// The right answer to a question, in authored order.
pub fn right_answer(kind: &QuestionKind) -> Answer {
    match kind {
        QuestionKind::Single { options } => {
            Answer::Single(options.iter().position(|o| o.correct).unwrap_or(0))
        }
        QuestionKind::Multiple { options, .. } => {
            Answer::Multiple((0..options.len()).filter(|&i| options[i].correct).collect())
        }
        QuestionKind::TrueFalse { answer, .. } => Answer::TrueFalse(*answer),
        QuestionKind::Match { items, .. } => {
            Answer::Match(items.iter().map(|i| Some(i.category)).collect())
        }
        QuestionKind::Order { items, .. } => Answer::Order((0..items.len()).collect()),
        QuestionKind::Short { accept } => {
            Answer::Short(accept.first().map(ToString::to_string).unwrap_or_default())
        }
    }
}

/// A wrong (or partly wrong) answer to a question.
pub fn wrong_answer(kind: &QuestionKind) -> Answer {
    match kind {
        QuestionKind::Single { options } => {
            Answer::Single(options.iter().position(|o| !o.correct).unwrap_or(0))
        }
        QuestionKind::Multiple { options, .. } => Answer::Multiple(
            (0..options.len())
                .filter(|&i| !options[i].correct)
                .collect(),
        ),
        QuestionKind::TrueFalse { answer, .. } => Answer::TrueFalse(!*answer),
        QuestionKind::Match { items, .. } => Answer::Match(vec![Some(0); items.len()]),
        QuestionKind::Order { items, .. } => Answer::Order((0..items.len()).rev().collect()),
        QuestionKind::Short { .. } => Answer::Short("something else".into()),
    }
}

/// A full attempt at `module`, every question answered (right when `right(i)`), finished.
pub fn answered_attempt(
    module: &Module,
    number: u32,
    seed: u64,
    right: impl Fn(usize) -> bool,
) -> Attempt {
    let mut a = Attempt::draw(module, Mode::Full, number, seed, t0(), None);
    let asked: Vec<String> = a.questions.iter().map(|q| q.id.to_string()).collect();
    for (i, id) in asked.iter().enumerate() {
        if let Some(q) = module.question(id) {
            let ans = if right(i) {
                right_answer(&q.kind)
            } else {
                wrong_answer(&q.kind)
            };
            a.answer(q, ans, t0() + SignedDuration::from_secs(i as i64 + 1));
        }
    }
    a.finished = Some(t0() + SignedDuration::from_mins(5));
    a
}

/// Progress in which every module is complete: all sections opened, one passed attempt.
pub fn complete_progress(course: &Course) -> Progress {
    let mut p = Progress::new(&course.id);
    for (m, module) in course.modules.iter().enumerate() {
        let mp = p.module_mut(&module.id);
        mp.opened = module.sections.iter().map(|s| s.id.to_string()).collect();
        mp.active_seconds = 600;
        mp.attempts
            .push(answered_attempt(module, 1, m as u64 + 1, |i| i != 1));
    }
    p
}

/// The first module with a question of `kind`, and that question's id.
fn find_kind(course: &Course, kind: &str) -> Option<(usize, String)> {
    course.modules.iter().enumerate().find_map(|(m, module)| {
        module
            .quiz
            .questions
            .iter()
            .find(|q| q.kind.name() == kind)
            .map(|q| (m, q.id.to_string()))
    })
}

/// An app in the middle of a quiz, showing the first question of `kind` in the course with
/// its options in authored order (order questions reversed, never shown solved).
pub fn quiz_app(course: &Course, kind: &str, w: u16, h: u16) -> Option<App> {
    let (m, id) = find_kind(course, kind)?;
    let module = &course.modules[m];
    let mut attempt = Attempt::draw(module, Mode::Full, 1, 1, t0(), None);
    attempt.questions = module
        .quiz
        .questions
        .iter()
        .map(|q| Asked {
            id: q.id.to_string(),
            hash: q.hash.to_string(),
            order: (0..q.kind.option_count()).collect(),
            extra: toml::Table::new(),
        })
        .collect();
    let at = attempt.questions.iter().position(|q| q.id == id)?;
    attempt.questions.swap(0, at);
    if kind == "order" {
        attempt.questions[0].order.reverse();
    }
    let mut progress = Progress::new(&course.id);
    progress.module_mut(&module.id).attempts.push(attempt);
    progress.place.screen = PlaceScreen::Quiz;
    progress.place.module = Some(module.id.to_string());
    let mut app = App::new(course.clone(), progress, 7);
    app.update(Action::Resize(w, h), t0());
    Some(app)
}

/// Every screen worth timing, by name, at `w` x `h`.
pub fn screens(course: &Course, w: u16, h: u16) -> Vec<(&'static str, App)> {
    let mut v = Vec::new();
    v.push(("map_fresh", fresh(course, w, h)));

    let mut lesson = fresh(course, w, h);
    drive(&mut lesson, &[Action::Open]);
    v.push(("lesson_page", lesson.clone()));
    let mut scrolled = lesson.clone();
    drive(&mut scrolled, &[Action::NextPage, Action::PageDown]);
    v.push(("lesson_page_scrolled", scrolled));
    let mut last = lesson.clone();
    drive(&mut last, &[Action::Bottom]);
    for _ in 0..course.modules[0].sections.len() {
        drive(&mut last, &[Action::NextPage]);
    }
    v.push(("lesson_last_page", last));

    for (name, kind) in [
        ("quiz_single", "single"),
        ("quiz_multiple", "multiple"),
        ("quiz_true_false", "true_false"),
        ("quiz_match", "match"),
        ("quiz_order", "order"),
        ("quiz_short", "short"),
    ] {
        if let Some(app) = quiz_app(course, kind, w, h) {
            v.push((name, app));
        }
    }
    if let Some(mut wrong) = quiz_app(course, "single", w, h) {
        drive(&mut wrong, &[Action::Choose(1)]);
        v.push(("quiz_single_revealed", wrong));
    }
    if let Some(mut matched) = quiz_app(course, "match", w, h) {
        let n = match &matched.screen {
            syllabus::app::Screen::Quiz(q) => q.draft.rows(),
            _ => 0,
        };
        for _ in 0..n {
            drive(&mut matched, &[Action::Choose(1)]);
        }
        drive(&mut matched, &[Action::Submit]);
        v.push(("quiz_match_revealed", matched));
    }

    // Results and review: module 1 with one finished attempt, half right.
    let module = &course.modules[0];
    let mut progress = Progress::new(&course.id);
    progress
        .module_mut(&module.id)
        .attempts
        .push(answered_attempt(module, 1, 3, |i| i % 2 == 0));
    progress.place.screen = PlaceScreen::Results;
    progress.place.module = Some(module.id.to_string());
    progress.place.attempt = Some(1);
    let mut results = App::new(course.clone(), progress, 7);
    results.update(Action::Resize(w, h), t0());
    v.push(("results", results.clone()));
    let mut review = results;
    drive(&mut review, &[Action::Review, Action::NextPage]);
    v.push(("review", review));

    // Everything done: the map with progress, and the completion page.
    let done = App::new(course.clone(), complete_progress(course), 7);
    let mut map = done.clone();
    map.update(Action::Resize(w, h), t0());
    v.push(("map_complete", map.clone()));
    let mut completion = map;
    drive(&mut completion, &[Action::Continue]);
    v.push(("completion", completion));

    // The stats screen of that learner, one panel in front at a time (at 120x36 and up
    // every panel is drawn whichever is in front).
    for (k, name) in [
        "stats_activity",
        "stats_modules",
        "stats_scores",
        "stats_weakest",
        "stats_forecast",
    ]
    .into_iter()
    .enumerate()
    {
        let mut stats = done.clone();
        stats.update(Action::Resize(w, h), t0());
        drive(&mut stats, &[Action::Stats, Action::Choose(k + 1)]);
        v.push((name, stats));
    }

    let mut help = fresh(course, w, h);
    drive(&mut help, &[Action::ToggleHelp]);
    v.push(("help_map", help));
    if let Some(mut qhelp) = quiz_app(course, "match", w, h) {
        drive(&mut qhelp, &[Action::ToggleHelp]);
        v.push(("help_quiz", qhelp));
    }
    v
}
