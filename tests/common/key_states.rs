//! Every state the key tables of the screens have, reached as the learner does, for
//! tests/keys.rs (the help, the footer and the key handling agree in each).

use super::*;
use syllabus::app::{Action, App, BannerKind, ResultsState, Screen};
use syllabus::course::Feedback;

/// The mini course with one finished attempt of its first module.
pub fn finished_app() -> App {
    let course = mini_course();
    let module = course.modules[0].clone();
    let mut progress = syllabus::progress::Progress::new(&course.id);
    let mut a =
        syllabus::quiz::Attempt::draw(&module, syllabus::quiz::Mode::Full, 1, 1, t0(), None);
    for asked in a.questions.clone() {
        if let Some(q) = module.question(&asked.id) {
            let answer = match &q.kind {
                syllabus::course::QuestionKind::Short { .. } => {
                    syllabus::quiz::Answer::Short("x".into())
                }
                syllabus::course::QuestionKind::TrueFalse { .. } => {
                    syllabus::quiz::Answer::TrueFalse(true)
                }
                _ => continue,
            };
            a.answer(q, answer, t0());
        }
    }
    a.finished = Some(t0());
    progress.module_mut(&module.id).attempts.push(a);
    let mut app = App::new(course, progress, 1);
    app.update(Action::Resize(80, 24), t0());
    app
}

pub fn states() -> Vec<(String, App)> {
    let mut v: Vec<(String, App)> = Vec::new();
    let fresh = app(80, 24);
    v.push(("map".into(), fresh.clone()));
    let mut lesson = fresh.clone();
    drive(&mut lesson, &[Action::Open]);
    v.push(("lesson".into(), lesson));
    for id in [
        "pick-vision",
        "all-plans",
        "title-needed",
        "sort",
        "steps",
        "word",
    ] {
        let q = quiz_app(id, 80, 24);
        v.push((format!("quiz {id}"), q.clone()));
        let mut chosen = q.clone();
        drive(&mut chosen, &[Action::Choose(1), Action::Submit]);
        v.push((format!("quiz {id} after Enter"), chosen));
    }
    v.extend(quiz_states());
    let mut results = finished_app();
    results.screen = Screen::Results(ResultsState::new(0, 0));
    v.push(("results".into(), results.clone()));
    let mut review = results.clone();
    drive(&mut review, &[Action::Review]);
    v.push(("review".into(), review));
    let mut history = results.clone();
    drive(&mut history, &[Action::History]);
    v.push(("history".into(), history.clone()));
    drive(&mut history, &[Action::Open]);
    v.push(("review from history".into(), history));
    let mut map = results.clone();
    drive(&mut map, &[Action::Back]);
    v.push(("map with attempts".into(), map));
    let mut done = results.clone();
    done.screen = Screen::Completion;
    v.push(("completion".into(), done.clone()));
    drive(&mut done, &[Action::Type('n')]);
    assert!(done.completion.editing.is_some(), "n starts the name");
    v.push(("completion editing the name".into(), done.clone()));
    drive(&mut done, &[Action::Type('A'), Action::Type('q')]);
    v.push(("completion with a name typed".into(), done));
    v.extend(spaced_states());
    // Every state reached the screen it is named after.
    for (what, app) in &v {
        let shown = shows(app);
        let screen = what.split(' ').next().unwrap_or_default();
        assert!(
            shown.starts_with(screen) || (what.contains("from history") && shown == "review"),
            "{what}: shows {shown}"
        );
    }
    let mut withbanner = Vec::new();
    for (n, a) in &v {
        let mut a = a.clone();
        a.banner(BannerKind::Info, "A message.");
        withbanner.push((format!("{n} with a message"), a));
    }
    v.extend(withbanner);
    v
}

/// The first module's every question answered a week before t0, so that all are due.
fn due_app() -> App {
    use syllabus::course::QuestionKind as K;
    use syllabus::quiz::Answer;
    let course = mini_course();
    let module = course.modules[0].clone();
    let week = t0() - jiff::SignedDuration::from_hours(24 * 7);
    let mut progress = syllabus::progress::Progress::new(&course.id);
    let mut a =
        syllabus::quiz::Attempt::draw(&module, syllabus::quiz::Mode::Full, 1, 1, week, None);
    for asked in a.questions.clone() {
        let Some(q) = module.question(&asked.id) else {
            continue;
        };
        let n = q.kind.option_count();
        let answer = match &q.kind {
            K::Single { .. } => Answer::Single(0),
            K::Multiple { .. } => Answer::Multiple(vec![0]),
            K::TrueFalse { .. } => Answer::TrueFalse(true),
            K::Match { .. } => Answer::Match(vec![Some(0); n]),
            K::Order { .. } => Answer::Order((0..n).rev().collect()),
            K::Short { .. } => Answer::Short("x".into()),
        };
        a.answer(q, answer, week);
    }
    a.finished = Some(week);
    progress.module_mut(&module.id).attempts.push(a);
    let mut app = App::new(course, progress, 7);
    app.update(Action::Resize(80, 24), t0());
    app
}

/// The spaced review in every state its key tables have, reached as the learner does:
/// answering a card of each kind, and the feedback after a right and after a wrong answer.
pub fn spaced_states() -> Vec<(String, App)> {
    let mut v = Vec::new();
    let mut app = due_app();
    drive(&mut app, &[Action::StartReview]);
    let mut seen = Vec::new();
    let (mut right, mut wrong) = (false, false);
    while shows(&app).starts_with("spaced") {
        let kind = shows(&app)["spaced ".len()..].to_string();
        if !seen.contains(&kind) {
            v.push((format!("spaced {kind}"), app.clone()));
            seen.push(kind);
        }
        let entry = entry(&app);
        drive(&mut app, &entry);
        drive(&mut app, &[Action::Submit]);
        let shown = shows(&app);
        assert!(shown.contains("revealed"), "{shown}");
        if shown.ends_with("revealed right") && !right {
            v.push((format!("spaced feedback, right: {shown}"), app.clone()));
            right = true;
        }
        if shown.ends_with("revealed wrong") && !wrong {
            v.push((format!("spaced feedback, wrong: {shown}"), app.clone()));
            wrong = true;
        }
        drive(&mut app, &[Action::Submit]);
    }
    for (_, kind) in KINDS {
        assert!(seen.iter().any(|k| k == kind), "no {kind} card: {seen:?}");
    }
    assert!(right && wrong, "feedback right {right}, wrong {wrong}");
    v
}

/// The question kinds of the mini course's first module, by a question of each.
const KINDS: [(&str, &str); 6] = [
    ("pick-vision", "single"),
    ("all-plans", "multiple"),
    ("title-needed", "true_false"),
    ("sort", "match"),
    ("steps", "order"),
    ("word", "short"),
];

/// Something to enter on the question shown, whatever its kind.
fn entry(app: &App) -> Vec<Action> {
    let shown = shows(app);
    let shown = shown.split_once(' ').map_or("", |(_, kind)| kind);
    if shown.starts_with("short") {
        vec![Action::Type('h'), Action::Type('o'), Action::Type('w')]
    } else if shown.starts_with("multiple") || shown.starts_with("order") {
        vec![Action::Toggle]
    } else if shown.starts_with("match") {
        vec![Action::Choose(1); 3]
    } else {
        vec![Action::Choose(1)]
    }
}

/// The quiz in every state its key tables have: each kind answering on the first question
/// and on a later one, with immediate and with deferred feedback; feedback shown on the
/// first question and back on an earlier one; the summary page and its confirmation.
fn quiz_states() -> Vec<(String, App)> {
    let mut v = Vec::new();
    for feedback in [Feedback::Immediate, Feedback::Deferred] {
        let mut course = mini_course();
        course.modules[0].quiz.feedback = feedback;
        let quiz = |first: &str| quiz_app_on(course.clone(), 0, first, 80, 24);
        for (id, kind) in KINDS {
            let name = format!("quiz {kind} ({feedback:?})");
            let first = quiz(id);
            assert_eq!(shows(&first), format!("quiz {kind}"), "{name}");
            v.push((format!("{name}, first question"), first.clone()));
            // The same kind later in the attempt, reached as the learner does.
            let mut later = quiz(if id == "word" { "pick-vision" } else { "word" });
            for _ in 0..KINDS.len() {
                if shows(&later) == format!("quiz {kind}") {
                    break;
                }
                let entry = entry(&later);
                drive(&mut later, &entry);
                match feedback {
                    Feedback::Immediate => drive(&mut later, &[Action::Submit, Action::Submit]),
                    Feedback::Deferred => drive(&mut later, &[Action::NextPage]),
                };
            }
            assert_eq!(shows(&later), format!("quiz {kind}"), "{name}, later");
            v.push((format!("{name}, later question"), later.clone()));
            if feedback == Feedback::Immediate {
                let mut revealed = first.clone();
                let entry = entry(&revealed);
                drive(&mut revealed, &entry);
                drive(&mut revealed, &[Action::Submit]);
                assert!(shows(&revealed).contains("revealed"), "{name}");
                v.push((format!("{name}, feedback on the first question"), revealed));
                let mut back = later.clone();
                drive(&mut back, &[Action::PrevPage]);
                assert!(shows(&back).contains("revealed"), "{name}, back");
                v.push((format!("{name}, back on earlier feedback"), back));
            }
        }
        if feedback == Feedback::Deferred {
            let mut summary = quiz("pick-vision");
            for _ in 0..KINDS.len() {
                drive(&mut summary, &[Action::NextPage]);
            }
            assert_shows(&summary, "quiz summary", "summary");
            v.push(("quiz summary".into(), summary.clone()));
            drive(&mut summary, &[Action::Bottom, Action::Open]);
            assert_shows(&summary, "quiz summary confirm", "confirm");
            v.push(("quiz summary confirm".into(), summary));
        }
    }
    v
}
