//! `App::update`: the one place where the state changes. Pure apart from the clock, which
//! comes in as an argument so tests can fix it.

use jiff::Timestamp;

use super::action::{Action, Effect};
use super::status::{self, Step};
use super::{
    App, IDLE_SECONDS, LessonState, MapState, RESULT_ACTIONS, ResultsState, ReviewState, Screen,
};
use crate::quiz::Mode;
use crate::report::practice::practice_set;

impl App {
    /// Apply one action; return what the runtime must do.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        self.clock = now;
        if action.is_input() {
            self.count_time(now);
            self.status = None;
        }
        let mut effects = match action {
            Action::Tick => Vec::new(),
            action => self.dispatch(action, now),
        };
        self.save_draft_if_due(now, &mut effects);
        self.forget_review_return();
        self.refresh_lesson_layout();
        self.clamp_scroll();
        self.record_place();
        if effects
            .iter()
            .any(|e| matches!(e, Effect::Save | Effect::SaveAndQuit))
        {
            // The file records when it was written; set here so the state changes in `update`.
            self.progress.saved = Some(now);
        }
        self.refresh_if_changed();
        effects
    }

    fn dispatch(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                return Vec::new();
            }
            Action::Saved(result) => return self.saved(result),
            Action::CopyWritten(result) => return self.copy_written(result),
            Action::Quit => return self.quit(),
            Action::Stop => return self.stop(),
            action if action.is_report() => return self.apply_report(action, now),
            _ => {}
        }
        if self.prompt.is_some() {
            return match action {
                Action::PromptKey(c) => self.prompt_key(c, now),
                _ => Vec::new(),
            };
        }
        match action {
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll.top();
                return Vec::new();
            }
            _ if self.help => {
                self.help_scroll.follow(&action);
                return Vec::new();
            }
            Action::ToggleBanners => {
                self.banners_open = !self.banners_open && !self.banners.is_empty();
                return Vec::new();
            }
            _ if self.banners_open => {
                self.banners_open = false;
                return Vec::new();
            }
            Action::Dismiss => {
                if !self.banners.is_empty() {
                    self.banners.remove(0);
                }
                return Vec::new();
            }
            _ => {}
        }
        match self.screen.clone() {
            Screen::Map(s) => self.on_map(s, action, now),
            Screen::Lesson(s) => self.on_lesson(s, action, now),
            Screen::Quiz(s) => self.on_quiz(s, action, now),
            Screen::Results(s) => self.on_results(s, action, now),
            Screen::Review(s) => self.on_review(s, action),
            Screen::History(s) => self.on_history(s, action),
            Screen::Stats(s) => self.on_stats(s, action, now),
            Screen::Spaced(s) => self.on_spaced(s, action, now),
            Screen::Completion => self.on_completion(action),
        }
    }

    // ---- Screens.

    fn on_map(&mut self, s: MapState, action: Action, now: Timestamp) -> Vec<Effect> {
        let n = self.course.modules.len();
        let page = usize::from(self.height.saturating_sub(8).max(1));
        let selected = match action {
            Action::Up => s.selected.saturating_sub(1),
            Action::Down => (s.selected + 1).min(n.saturating_sub(1)),
            Action::PageUp => s.selected.saturating_sub(page),
            Action::PageDown => (s.selected + page).min(n.saturating_sub(1)),
            Action::Top => 0,
            Action::Bottom => n.saturating_sub(1),
            Action::Scroll(d) => {
                (s.selected as i64 + i64::from(d)).clamp(0, n.saturating_sub(1) as i64) as usize
            }
            Action::Open => return self.open_module(s.selected, now),
            Action::Continue => return self.continue_step(now),
            Action::History => return self.open_history(s.selected, None),
            Action::DetailScroll(d) => {
                let mut next = s;
                next.detail.page(i32::from(d.signum()), 3);
                self.screen = Screen::Map(next);
                return Vec::new();
            }
            Action::Stats => return self.open_stats(now),
            Action::StartReview => return self.start_review(now),
            Action::Back => return self.quit(),
            _ => return Vec::new(),
        };
        let detail = if selected == s.selected {
            s.detail
        } else {
            Default::default()
        };
        self.screen = Screen::Map(MapState { selected, detail });
        Vec::new()
    }

    fn on_lesson(&mut self, s: LessonState, action: Action, now: Timestamp) -> Vec<Effect> {
        let last = self.course.modules[s.module].sections.len();
        let view = self.lesson_viewport();
        let scroll = |d: i32| (i32::from(s.scroll) + d).max(0) as u16;
        match action {
            Action::Up => self.set_lesson_scroll(scroll(-1)),
            Action::Down => self.set_lesson_scroll(scroll(1)),
            Action::PageUp => {
                self.set_lesson_scroll(scroll(-(i32::from(view.saturating_sub(1).max(1)))))
            }
            Action::PageDown => {
                self.set_lesson_scroll(scroll(i32::from(view.saturating_sub(1).max(1))))
            }
            Action::Scroll(d) => self.set_lesson_scroll(scroll(i32::from(d))),
            Action::Top => self.set_lesson_scroll(0),
            Action::Bottom => self.set_lesson_scroll(u16::MAX),
            Action::NextPage if s.page < last => return self.go_lesson(s.module, s.page + 1, 0),
            Action::PrevPage if s.page > 0 => return self.go_lesson(s.module, s.page - 1, 0),
            Action::Open if s.page < last => return self.go_lesson(s.module, s.page + 1, 0),
            Action::Open | Action::StartQuiz => return self.start_or_resume_quiz(s.module, now),
            Action::Back if self.review_return.is_some() => return self.back_to_review(),
            Action::Back => return self.go_map(Some(s.module)),
            _ => {}
        }
        Vec::new()
    }

    fn on_results(&mut self, s: ResultsState, action: Action, now: Timestamp) -> Vec<Effect> {
        let page = i32::from(self.height.saturating_sub(7).max(1));
        let mut next = s.clone();
        let chosen = match action {
            // Choosing an action brings the actions (at the bottom) into view.
            Action::Up | Action::Down => {
                next.selected = if action == Action::Up {
                    s.selected.saturating_sub(1)
                } else {
                    (s.selected + 1).min(RESULT_ACTIONS.len() - 1)
                };
                next.scroll.by(i32::from(u16::MAX));
                self.screen = Screen::Results(next);
                return Vec::new();
            }
            Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::Scroll(_) => {
                match action {
                    Action::PageUp => next.scroll.page(-1, page as u16),
                    Action::PageDown => next.scroll.page(1, page as u16),
                    Action::Top => next.scroll.top(),
                    Action::Bottom => next.scroll.by(i32::from(u16::MAX)),
                    Action::Scroll(d) => next.scroll.by(i32::from(d)),
                    _ => {}
                }
                self.screen = Screen::Results(next);
                return Vec::new();
            }
            Action::Open => s.selected,
            Action::Review => 0,
            Action::History => 1,
            Action::Retake => 2,
            Action::RetakeMissed => 3,
            Action::Back => 4,
            _ => return Vec::new(),
        };
        match chosen {
            0 => {
                self.screen = Screen::Review(ReviewState {
                    module: s.module,
                    attempt: s.attempt,
                    question: 0,
                    scroll: Default::default(),
                    history: None,
                });
                Vec::new()
            }
            1 => self.open_history(s.module, Some(s.attempt)),
            2 => self.start_quiz(s.module, Mode::Full, None, now),
            3 => {
                let module = &self.course.modules[s.module];
                let Some((kind, ids)) = practice_set(module, self.progress.attempts(&module.id))
                else {
                    self.status = Some(
                        "Nothing left to practise: you have answered every question right.".into(),
                    );
                    return Vec::new();
                };
                let id = module.id.to_string();
                let effects = self.start_quiz(s.module, Mode::Missed, Some(ids), now);
                // Kept in the attempt's spare fields (format 2 keeps them), so the quiz and
                // its results can say what this practice run is.
                if let Some(a) = self.progress.module_mut(&id).attempts.last_mut() {
                    a.extra.insert("practice".into(), kind.key().into());
                }
                effects
            }
            _ => self.go_map(Some(s.module)),
        }
    }

    fn on_review(&mut self, s: ReviewState, action: Action) -> Vec<Effect> {
        let n = self
            .attempts(s.module)
            .get(s.attempt)
            .map_or(0, |a| a.questions.len());
        let mut next = s.clone();
        match action {
            Action::NextPage if s.question + 1 < n => {
                next.question += 1;
                next.scroll = Default::default();
            }
            Action::PrevPage if s.question > 0 => {
                next.question -= 1;
                next.scroll = Default::default();
            }
            Action::Up => next.scroll.by(-1),
            Action::Down => next.scroll.by(1),
            Action::PageUp => next.scroll.page(-1, self.height.saturating_sub(7).max(1)),
            Action::PageDown => next.scroll.page(1, self.height.saturating_sub(7).max(1)),
            Action::Scroll(d) => next.scroll.by(i32::from(d)),
            Action::Top => next.scroll.top(),
            Action::Back | Action::NextPage => {
                if let Some(h) = s.history {
                    self.screen = Screen::History(h);
                    return Vec::new();
                }
                self.screen = Screen::Results(ResultsState::new(s.module, s.attempt));
                return Vec::new();
            }
            _ => return Vec::new(),
        }
        self.screen = Screen::Review(next);
        Vec::new()
    }

    // ---- Moving between screens.

    pub(super) fn go_map(&mut self, module: Option<usize>) -> Vec<Effect> {
        let selected = match (&self.screen, module) {
            (_, Some(m)) => m,
            (Screen::Map(s), None) => s.selected,
            _ => 0,
        };
        self.screen = Screen::Map(MapState {
            selected,
            ..MapState::default()
        });
        self.save()
    }

    pub(super) fn open_module(&mut self, m: usize, now: Timestamp) -> Vec<Effect> {
        if m >= self.course.modules.len() {
            return Vec::new();
        }
        if let Some(why) = status::locked_reason(self, m) {
            self.status = Some(why);
            return Vec::new();
        }
        if self.open_attempt(m).is_some() {
            return self.start_or_resume_quiz(m, now);
        }
        let module = &self.course.modules[m];
        let saved = self.progress.module(&module.id);
        let page = saved.and_then(|p| p.section.as_deref()).map_or(0, |id| {
            module.section_index(id).unwrap_or(module.sections.len())
        });
        let scroll = saved.map_or(0, |p| p.scroll.min(u32::from(u16::MAX)) as u16);
        self.go_lesson(m, page, scroll)
    }

    fn continue_step(&mut self, now: Timestamp) -> Vec<Effect> {
        let step = status::next_step(self);
        // A locked module's way in is the first module it waits for.
        if let Step::Lesson(m, _) | Step::StartQuiz(m) = step
            && let Some(&first) = status::missing_requirements(self, m).first()
        {
            return self.open_module(first, now);
        }
        match step {
            Step::ResumeQuiz(m) => self.start_or_resume_quiz(m, now),
            Step::Lesson(m, page) => {
                let module = &self.course.modules[m];
                // Resume inside the page the learner was reading, if that is the one.
                let saved = self.progress.module(&module.id);
                let same = saved.and_then(|p| p.section.as_deref())
                    == module.sections.get(page).map(|s| s.id.as_str());
                let scroll = if same {
                    saved.map_or(0, |p| p.scroll.min(u32::from(u16::MAX)) as u16)
                } else {
                    0
                };
                self.go_lesson(m, page, scroll)
            }
            Step::StartQuiz(m) => self.start_or_resume_quiz(m, now),
            Step::Completion => {
                self.screen = Screen::Completion;
                Vec::new()
            }
        }
    }

    pub(super) fn go_lesson(&mut self, m: usize, page: usize, scroll: u16) -> Vec<Effect> {
        let module = &self.course.modules[m];
        let page = page.min(module.sections.len());
        let section_id = module.sections.get(page).map(|s| s.id.to_string());
        let module_id = module.id.to_string();
        let mp = self.progress.module_mut(&module_id);
        if let Some(id) = &section_id
            && !mp.has_opened(id)
        {
            mp.opened.push(id.clone());
        }
        mp.section = Some(section_id.unwrap_or_else(|| "takeaways".into()));
        self.screen = Screen::Lesson(LessonState {
            module: m,
            page,
            scroll,
        });
        self.dirty = true;
        self.refresh_lesson_layout();
        self.set_lesson_scroll(scroll);
        self.save()
    }

    // ---- Bookkeeping.

    fn set_lesson_scroll(&mut self, scroll: u16) {
        let max = self.max_lesson_scroll();
        if let Screen::Lesson(s) = &mut self.screen {
            s.scroll = scroll.min(max);
        }
    }

    fn clamp_scroll(&mut self) {
        if let Screen::Lesson(s) = &self.screen {
            let s = s.scroll;
            self.set_lesson_scroll(s);
        }
        if let Screen::Map(s) = &mut self.screen {
            s.selected = s.selected.min(self.course.modules.len().saturating_sub(1));
        }
    }

    /// Add the time since the last key to the current module, unless it was an idle stretch.
    fn count_time(&mut self, now: Timestamp) {
        if let (Some(last), Some(m)) = (self.last_input, self.current_module()) {
            let secs = now.as_second() - last.as_second();
            if (0..=IDLE_SECONDS).contains(&secs) {
                let id = self.course.modules[m].id.clone();
                self.progress.module_mut(&id).active_seconds += secs as u64;
            }
        }
        self.last_input = Some(now);
    }
}
