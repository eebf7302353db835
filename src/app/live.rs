//! Live reload (`--watch`) as actions: the watcher thread sends the course it loaded again,
//! or the lines to show while it does not load; `update` applies them here. The overlay's
//! state lives in the app, so the view draws it from the state like everything else.

use jiff::Timestamp;

use super::{Action, App, Effect};

/// The errors shown over the screen while the course on disk does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveErrors {
    pub lines: Vec<String>,
    /// Esc hid them until the next change.
    pub hidden: bool,
}

impl App {
    /// The errors to show over the screen, unless the author hid them with Esc.
    pub fn live_overlay(&self) -> Option<&[String]> {
        self.live_errors
            .as_ref()
            .filter(|e| !e.hidden)
            .map(|e| e.lines.as_slice())
    }

    /// The actions that apply whatever is on screen (a prompt, the help).
    pub(super) fn apply_report(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match action {
            Action::Opened(o) => return self.opened(*o),
            Action::CourseReloaded(course) => {
                super::reload::course_changed(self, *course, now);
                self.status = Some("The course changed on disk and was reloaded.".into());
                self.live_errors = None;
            }
            Action::CourseBroken(lines) => {
                self.live_errors = Some(LiveErrors {
                    lines,
                    hidden: false,
                });
            }
            Action::HideErrors => {
                if let Some(e) = &mut self.live_errors {
                    e.hidden = true;
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Screen;
    use crate::progress::Progress;

    fn app() -> App {
        let course = crate::embedded::builtin().expect("built-in").course;
        let progress = Progress::new(&course.id);
        let mut app = App::new(course, progress, 7);
        app.update(Action::Resize(80, 24), Timestamp::now());
        app
    }

    fn selected(app: &App) -> usize {
        match &app.screen {
            Screen::Map(s) => s.selected,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_reloaded_course_with_modules_reordered_keeps_the_selected_module() {
        let mut app = app();
        assert!(
            app.course.modules.len() >= 3,
            "the test needs three modules"
        );
        app.update(Action::Down, Timestamp::now());
        let id = app.course.modules[selected(&app)].id.clone();
        let mut course = app.course.clone();
        course.modules.reverse();
        app.update(Action::CourseReloaded(Box::new(course)), Timestamp::now());
        assert_eq!(app.course.modules[selected(&app)].id, id);
        assert_eq!(
            app.status.as_deref(),
            Some("The course changed on disk and was reloaded.")
        );
    }

    #[test]
    fn a_reloaded_course_without_the_selected_module_keeps_a_valid_place() {
        let mut app = app();
        app.update(Action::Bottom, Timestamp::now());
        let last = selected(&app);
        let mut course = app.course.clone();
        course.modules.remove(last);
        let n = course.modules.len();
        app.update(Action::CourseReloaded(Box::new(course)), Timestamp::now());
        assert!(selected(&app) < n, "{} of {n}", selected(&app));
        assert_eq!(app.course.modules.len(), n);
        // And a lesson open in a removed module leaves it for a place that exists.
        app.update(Action::Open, Timestamp::now());
        assert!(matches!(app.screen, Screen::Lesson(_)), "{:?}", app.screen);
        let mut course = app.course.clone();
        let Screen::Lesson(s) = &app.screen else {
            unreachable!()
        };
        course.modules.remove(s.module);
        let n = course.modules.len();
        app.update(Action::CourseReloaded(Box::new(course)), Timestamp::now());
        match &app.screen {
            Screen::Map(s) => assert!(s.selected < n),
            Screen::Lesson(s) => assert!(s.module < n),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_broken_course_shows_its_errors_until_hidden_or_fixed() {
        let mut app = app();
        let lines = vec![
            "error: bad".to_string(),
            "1 error: fix and save".to_string(),
        ];
        app.update(Action::CourseBroken(lines.clone()), Timestamp::now());
        assert_eq!(app.live_overlay(), Some(lines.as_slice()));
        app.update(Action::HideErrors, Timestamp::now());
        assert_eq!(app.live_overlay(), None);
        // The next change shows them again, and a course that loads removes them.
        app.update(Action::CourseBroken(lines.clone()), Timestamp::now());
        assert_eq!(app.live_overlay(), Some(lines.as_slice()));
        let course = app.course.clone();
        app.update(Action::CourseReloaded(Box::new(course)), Timestamp::now());
        assert_eq!(app.live_errors, None);
    }
}
