//! The domain core (`syllabus::standing`) on a small in-memory course (the benches'
//! synthetic course, three modules, the second requiring the first, the third an
//! assessment): module states, grades, mastery, locks, unread lessons, totals, the next
//! step, the attempt timeline and active time, all addressed by module id.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/support/mod.rs"]
mod support;

use jiff::SignedDuration;
use support::states::{answered_attempt, complete_progress, t0};
use support::synth::{MemFiles, course_files};
use syllabus::course::{Course, load};
use syllabus::progress::{PlaceScreen, Progress};
use syllabus::quiz::{Attempt, Mode};
use syllabus::report::Label;
use syllabus::standing::{self, ModuleState, Standing, Step, Totals};

/// module-0001 (lesson), module-0002 (lesson, requires module-0001), module-0003
/// (assessment).
fn course() -> Course {
    let files = course_files(3)
        .into_iter()
        .map(|(name, text)| {
            let text = if text.starts_with("id = \"module-0002\"") {
                text.replacen('\n', "\nrequires = [\"module-0001\"]\n", 1)
            } else if text.starts_with("id = \"module-0003\"") {
                text.replacen('\n', "\nkind = \"assessment\"\n", 1)
            } else {
                text
            };
            (name, text)
        })
        .collect::<Vec<_>>();
    let report = load(&MemFiles::new(&files));
    report.course.expect("the in-memory course loads")
}

fn read_all(p: &mut Progress, course: &Course, id: &str) {
    let module = course.module(id).unwrap();
    p.module_mut(id).opened = module.sections.iter().map(|s| s.id.to_string()).collect();
}

#[test]
fn a_fresh_learner_has_started_nothing_and_continues_with_the_first_section() {
    let course = course();
    let p = Progress::new(&course.id);
    let s = Standing::new(&course, &p);
    assert!(
        s.modules()
            .iter()
            .all(|m| m.state == ModuleState::NotStarted && m.grade.is_none())
    );
    assert_eq!(
        s.totals(),
        Totals {
            complete: 0,
            modules: 3,
            mastered: 0,
            questions: 30
        }
    );
    assert_eq!(
        s.next_step(&p),
        Step::Lesson {
            module: "module-0001",
            section: "section-1"
        }
    );
    // Assessments are not lessons.
    assert_eq!(s.unread_lessons(), (2, 2));
    assert!(!s.is_complete());
    assert_eq!(s.completion_date(), None);
}

#[test]
fn a_module_is_locked_until_what_it_requires_is_complete() {
    let course = course();
    let mut p = Progress::new(&course.id);
    let s = Standing::new(&course, &p);
    let second = s.module("module-0002").unwrap();
    assert!(second.is_locked());
    assert_eq!(second.missing, ["module-0001"]);
    assert_eq!(
        s.locked_reason(&course, "module-0002").unwrap(),
        format!("Locked: complete 1 {} first.", course.modules[0].title)
    );
    assert_eq!(s.locked_reason(&course, "module-0001"), None);

    read_all(&mut p, &course, "module-0001");
    let first = course.module("module-0001").unwrap();
    p.module_mut("module-0001")
        .attempts
        .push(answered_attempt(first, 1, 1, |_| true));
    let s = Standing::new(&course, &p);
    assert_eq!(
        s.module("module-0001").unwrap().state,
        ModuleState::Complete(100.0)
    );
    assert!(!s.module("module-0002").unwrap().is_locked());
    assert_eq!(s.locked_reason(&course, "module-0002"), None);
    assert_eq!(s.unread_lessons(), (1, 2));
}

#[test]
fn states_follow_sections_read_and_the_grade() {
    let course = course();
    let first = course.module("module-0001").unwrap();
    let mut p = Progress::new(&course.id);
    p.module_mut("module-0001").opened = vec!["section-1".into()];
    let s = Standing::new(&course, &p);
    let m = s.module("module-0001").unwrap();
    assert_eq!(m.state, ModuleState::InProgress);
    assert_eq!(
        (m.opened, m.first_unread.as_deref()),
        (1, Some("section-2"))
    );

    // Half right: below the pass mark (70%).
    p.module_mut("module-0001")
        .attempts
        .push(answered_attempt(first, 1, 1, |i| i % 2 == 0));
    let s = Standing::new(&course, &p);
    let m = s.module("module-0001").unwrap();
    assert_eq!(m.state, ModuleState::Below(50.0));
    assert!(!m.passed);

    // Passed with sections unread; then every section read: complete.
    p.module_mut("module-0001")
        .attempts
        .push(answered_attempt(first, 2, 2, |_| true));
    let s = Standing::new(&course, &p);
    let m = s.module("module-0001").unwrap();
    assert_eq!(m.state, ModuleState::Passed(100.0));
    assert_eq!(m.grade, Some(100.0), "grading = highest");
    assert_eq!(m.counts.full, 2);
    assert_eq!(
        m.mastered, 6,
        "the six questions asked, answered right last"
    );
    read_all(&mut p, &course, "module-0001");
    let s = Standing::new(&course, &p);
    assert!(s.module("module-0001").unwrap().is_complete());
    assert_eq!(s.totals().complete, 1);
}

#[test]
fn an_open_attempt_is_what_continue_resumes_the_one_the_learner_was_in_first() {
    let course = course();
    let mut p = Progress::new(&course.id);
    for (id, seed) in [("module-0001", 1), ("module-0003", 3)] {
        let module = course.module(id).unwrap();
        let a = Attempt::draw(module, Mode::Full, 1, seed, t0(), None);
        p.module_mut(id).attempts.push(a);
    }
    let s = Standing::new(&course, &p);
    assert!(s.module("module-0003").unwrap().open_attempt);
    assert_eq!(s.next_step(&p), Step::ResumeQuiz("module-0001"));
    p.place.module = Some("module-0003".into());
    p.place.screen = PlaceScreen::Quiz;
    assert_eq!(s.next_step(&p), Step::ResumeQuiz("module-0003"));
    // Where the learner was does not change the standing itself.
    assert_eq!(s.key(), standing::progress_key(&p));
}

#[test]
fn every_section_read_means_the_quiz_comes_next() {
    let course = course();
    let mut p = Progress::new(&course.id);
    read_all(&mut p, &course, "module-0001");
    let s = Standing::new(&course, &p);
    assert_eq!(s.next_step(&p), Step::StartQuiz("module-0001"));
}

#[test]
fn a_complete_course_has_a_completion_date_and_the_timeline_is_in_finishing_order() {
    let course = course();
    let mut p = complete_progress(&course);
    // A practice run of the first module, finished after everything else.
    let first = course.module("module-0001").unwrap();
    let mut practice = Attempt::draw(first, Mode::Missed, 2, 9, t0(), Some(&["q1".to_string()]));
    practice.finished = Some(t0() + SignedDuration::from_hours(30));
    p.module_mut("module-0001").attempts.push(practice);
    let s = Standing::new(&course, &p);
    assert!(s.is_complete());
    assert_eq!(s.next_step(&p), Step::Completion);
    let last = t0() + SignedDuration::from_hours(30);
    assert_eq!(s.completed_at(), Some(last));
    assert_eq!(
        s.completion_date().unwrap(),
        last.strftime("%Y-%m-%d").to_string()
    );
    let timeline: Vec<(&str, Label)> = s
        .timeline()
        .into_iter()
        .map(|(m, e)| (m.id.as_str(), e.label))
        .collect();
    assert_eq!(
        timeline,
        [
            ("module-0001", Label::Attempt(1)),
            ("module-0002", Label::Attempt(1)),
            ("module-0003", Label::Attempt(1)),
            ("module-0001", Label::Practice(1)),
        ]
    );
    let m = s.module("module-0001").unwrap();
    assert_eq!((m.counts.full, m.counts.practice), (1, 1));
    assert_eq!(m.attempt(1).map(|e| e.label), Some(Label::Practice(1)));
}

#[test]
fn active_time_is_summed_once_modules_no_longer_in_the_course_included() {
    let course = course();
    let mut p = complete_progress(&course);
    p.module_mut("gone").active_seconds = 45;
    assert_eq!(standing::active_seconds(&p), 3 * 600 + 45);
    assert_eq!(standing::module_seconds(&p, "module-0002"), 600);
    assert_eq!(standing::module_seconds(&p, "nowhere"), 0);
    // Time is not part of the standing's key: it grows with every key press.
    let before = standing::progress_key(&p);
    p.module_mut("module-0001").active_seconds += 5;
    assert_eq!(standing::progress_key(&p), before);
}

#[test]
fn modules_are_found_by_id_and_unknown_ids_find_nothing() {
    let course = course();
    let s = Standing::new(&course, &Progress::new(&course.id));
    assert_eq!(s.position("module-0003"), Some(2));
    assert_eq!(s.at(2).map(|m| m.id.as_str()), Some("module-0003"));
    assert!(s.module("module-9999").is_none());
    assert_eq!(s.locked_reason(&course, "module-9999"), None);
}
