//! Live reload (`--watch`): the course changed on disk and loaded again; carry the session
//! over to it, keeping the author where they were *by ids*: the same module, section and
//! question, even when the author inserted or removed others before them. Pure: the watcher
//! thread loads the files, and `update` passes the new course in (`Action::CourseReloaded`).

use jiff::Timestamp;

use super::{Action, App, Draft, ReviewState, Screen};
use crate::course::Course;
use crate::progress::PlaceScreen;

/// Replace the course under `app` with `course`, keeping the place by ids.
pub fn course_changed(app: &mut App, course: Course, now: Timestamp) {
    let module_id = |m: usize| app.course.modules.get(m).map(|x| x.id.to_string());
    let mut progress = app.progress.clone();
    let mut review = None;
    let mut draft = None;
    let mut revealed = None;
    let mut completion = false;
    match &app.screen {
        Screen::Map(s) => {
            progress.place.screen = PlaceScreen::Map;
            progress.place.module = module_id(s.selected);
        }
        Screen::Lesson(s) => {
            progress.place.screen = PlaceScreen::Lesson;
            if let Some(id) = module_id(s.module) {
                let section = app.course.modules[s.module]
                    .sections
                    .get(s.page)
                    .map_or_else(|| "takeaways".to_string(), |x| x.id.to_string());
                let mp = progress.module_mut(&id);
                mp.section = Some(section);
                mp.scroll = u32::from(s.scroll);
                progress.place.module = Some(id);
            }
        }
        Screen::Quiz(s) => {
            progress.place.screen = PlaceScreen::Quiz;
            progress.place.module = module_id(s.module);
            let asked = app
                .open_attempt(s.module)
                .and_then(|a| a.questions.get(a.responses.len()))
                .map(|q| q.id.to_string());
            draft = asked.map(|id| (id, s.draft.clone(), s.scroll.clone()));
            if s.reveal.is_some() {
                revealed = Some(s.clone());
            }
        }
        Screen::Results(_) | Screen::Review(_) | Screen::History(_) | Screen::Stats(_) => {}
        Screen::Spaced(_) => progress.place.screen = PlaceScreen::SpacedReview,
        Screen::Completion => completion = true,
    }
    if let Screen::Results(s) = &app.screen {
        results_place(app, &mut progress, s.module, s.attempt);
    }
    if let Screen::Review(s) = &app.screen {
        results_place(app, &mut progress, s.module, s.attempt);
        review = Some((s.question, s.scroll.clone()));
    }

    let mut fresh = App::new(course, progress, app.entropy);
    fresh.set_review_settings(app.review_size, f64::from(app.queue().scheduler.retention));
    fresh.width = app.width;
    fresh.height = app.height;
    fresh.read_only = app.read_only.clone();
    fresh.copy_path = app.copy_path.clone();
    fresh.dirty = app.dirty;
    fresh.banners = app.banners.clone();
    fresh.help = app.help;
    fresh.prompt = app.prompt.clone();
    fresh.status = app.status.clone();
    fresh.exit_message = app.exit_message.clone();
    fresh.quitting = app.quitting.clone();
    fresh.last_input = app.last_input;
    fresh.running = app.running;
    fresh.time_zone = app.time_zone.clone();
    if completion {
        fresh.screen = Screen::Completion;
    }
    if let (Some((question, scroll)), Screen::Results(r)) = (review, &fresh.screen) {
        let n = fresh
            .attempts(r.module)
            .get(r.attempt)
            .map_or(1, |a| a.questions.len().max(1));
        fresh.screen = Screen::Review(ReviewState {
            module: r.module,
            attempt: r.attempt,
            question: question.min(n - 1),
            scroll,
            history: None,
        });
    }
    // A half-typed answer survives when its question is still the one asked, unchanged.
    if let (Some((id, old, scroll)), Screen::Quiz(q)) = (draft, &mut fresh.screen) {
        let same = fresh
            .progress
            .attempts(&fresh.course.modules[q.module].id)
            .last()
            .and_then(|a| a.questions.get(a.responses.len()))
            .is_some_and(|asked| asked.id == id);
        if same && shape(&old).is_some() && shape(&old) == shape(&q.draft) {
            q.draft = old;
            q.scroll = scroll;
        }
    }
    // Feedback on screen stays there while the question it is about is unchanged.
    if let Some(mut old) = revealed
        && let Some(m) = module_of(&fresh, &app.course, old.module)
    {
        let module = &fresh.course.modules[m];
        let unchanged = fresh
            .progress
            .attempts(&module.id)
            .last()
            .and_then(|a| a.responses.last())
            .is_some_and(|r| {
                module
                    .question(&r.question)
                    .is_some_and(|q| q.answered_as_is(&r.hash))
            });
        if unchanged {
            old.module = m;
            fresh.screen = Screen::Quiz(old);
        }
    }
    fresh.lesson_key = None;
    let _ = fresh.update(Action::Resize(app.width, app.height), now);
    *app = fresh;
}

fn results_place(app: &App, progress: &mut crate::progress::Progress, m: usize, attempt: usize) {
    progress.place.screen = PlaceScreen::Results;
    progress.place.module = app.course.modules.get(m).map(|x| x.id.to_string());
    progress.place.attempt = app.attempts(m).get(attempt).map(|a| a.number);
}

/// A draft's kind and size: a draft fits a question when both match. A highlighted option
/// alone is not worth keeping (its option may be gone).
fn shape(d: &Draft) -> Option<(std::mem::Discriminant<Draft>, usize)> {
    let n = match d {
        Draft::Multiple { ticked, .. } => ticked.len(),
        Draft::Match { chosen, .. } => chosen.len(),
        Draft::Order { arrangement, .. } => arrangement.len(),
        Draft::Short { .. } => 0,
        Draft::Choice { .. } | Draft::TrueFalse { .. } => return None,
    };
    Some((std::mem::discriminant(d), n))
}

/// The index in `fresh` of the module at index `m` of the old course.
fn module_of(fresh: &App, old: &Course, m: usize) -> Option<usize> {
    old.modules
        .get(m)
        .and_then(|x| fresh.course.module_index(&x.id))
}
