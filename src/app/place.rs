//! Where the learner is: kept in the progress file on every change, and used to open the
//! next session on the same screen.

use super::{App, LessonState, MapState, ResultsState, Screen};
use crate::progress::PlaceScreen;

impl App {
    /// Keep the progress file's idea of where the learner is in step with the screen.
    pub(super) fn record_place(&mut self) {
        let (screen, module, attempt) = match &self.screen {
            Screen::Map(s) => (PlaceScreen::Map, Some(s.selected), None),
            Screen::Lesson(s) => (PlaceScreen::Lesson, Some(s.module), None),
            Screen::Quiz(s) => (PlaceScreen::Quiz, Some(s.module), None),
            Screen::Results(s) => (
                PlaceScreen::Results,
                Some(s.module),
                self.attempts(s.module).get(s.attempt).map(|a| a.number),
            ),
            Screen::Review(s) => (
                PlaceScreen::Results,
                Some(s.module),
                self.attempts(s.module).get(s.attempt).map(|a| a.number),
            ),
            Screen::History(s) => (PlaceScreen::Map, Some(s.module), None),
            Screen::Stats(s) => (PlaceScreen::Map, Some(s.from), None),
            Screen::Completion => (PlaceScreen::Map, None, None),
            Screen::Spaced(_) => (PlaceScreen::SpacedReview, None, None),
        };
        let module_id = module
            .and_then(|m| self.course.modules.get(m))
            .map(|m| m.id.to_string());
        if let Screen::Lesson(s) = &self.screen {
            let scroll = u32::from(s.scroll);
            if let Some(id) = &module_id {
                self.progress.module_mut(id).scroll = scroll;
            }
        }
        let place = &mut self.progress.place;
        place.screen = screen;
        place.module = module_id;
        place.attempt = attempt;
    }

    /// Open where the progress says the learner was.
    pub(super) fn resume(&mut self) {
        let place = self.progress.place.clone();
        let m = place
            .module
            .as_deref()
            .and_then(|id| self.course.module_index(id));
        self.screen = Screen::Map(MapState {
            selected: m.unwrap_or(0),
            ..MapState::default()
        });
        if place.screen == PlaceScreen::SpacedReview {
            if self
                .progress
                .review_session
                .as_ref()
                .is_some_and(|s| !s.is_over())
            {
                let _ = self.show_review_card(self.clock);
            }
            return;
        }
        let Some(m) = m else {
            return;
        };
        match place.screen {
            PlaceScreen::Map | PlaceScreen::SpacedReview => {}
            PlaceScreen::Lesson => {
                let module = &self.course.modules[m];
                let saved = self.progress.module(&module.id);
                let page = saved.and_then(|p| p.section.as_deref()).map_or(0, |id| {
                    module.section_index(id).unwrap_or(module.sections.len())
                });
                let scroll = saved.map_or(0, |p| p.scroll.min(u32::from(u16::MAX)) as u16);
                self.screen = Screen::Lesson(LessonState {
                    module: m,
                    page,
                    scroll,
                });
                self.refresh_lesson_layout();
            }
            PlaceScreen::Quiz => {
                if self.open_attempt(m).is_some() {
                    let _ = self.show_question(m);
                }
            }
            PlaceScreen::Results => {
                let attempts = self.attempts(m);
                if let Some(i) = attempts
                    .iter()
                    .position(|a| Some(a.number) == place.attempt && a.is_finished())
                {
                    self.screen = Screen::Results(ResultsState::new(m, i));
                }
            }
        }
    }
}
