//! `App::update`: the one place where the state changes. Pure apart from the clock, which
//! comes in as an argument so tests can fix it.

use jiff::Timestamp;

use super::action::{Action, Effect};
use super::question::Draft;
use super::status::{self, Step};
use super::{
    App, BannerKind, IDLE_SECONDS, LessonState, MapState, Prompt, QuizState, RESULT_ACTIONS,
    ResultsState, ReviewState, Screen,
};
use crate::course::{Feedback, QuestionKind};
use crate::progress::PlaceScreen;
use crate::quiz::attempt::seed_for;
use crate::quiz::mastery::missed_questions;
use crate::quiz::{Attempt, Mode};

impl App {
    /// Apply one action; return what the runtime must do.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        if !matches!(
            action,
            Action::Resize(..) | Action::Saved(_) | Action::CopyWritten(_)
        ) {
            self.count_time(now);
            self.status = None;
        }
        let effects = self.dispatch(action, now);
        self.refresh_lesson_layout();
        self.clamp_scroll();
        self.record_place();
        if self.summary.key != status::progress_key(&self.progress) {
            self.refresh_summary();
        }
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
            _ => {}
        }
        if self.prompt.is_some() {
            return match action {
                Action::PromptKey(c) => self.prompt_key(c),
                _ => Vec::new(),
            };
        }
        match action {
            Action::ToggleHelp => {
                self.help = !self.help;
                return Vec::new();
            }
            _ if self.help => return Vec::new(),
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
            Screen::Completion => match action {
                Action::Back | Action::Open => self.go_map(None),
                _ => Vec::new(),
            },
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
            Action::Back => return self.quit(),
            _ => return Vec::new(),
        };
        self.screen = Screen::Map(MapState { selected });
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
            Action::Back => return self.go_map(Some(s.module)),
            _ => {}
        }
        Vec::new()
    }

    fn on_quiz(&mut self, s: QuizState, action: Action, now: Timestamp) -> Vec<Effect> {
        if action == Action::Back {
            // The attempt stays open with its answers; "continue" comes back to it.
            return self.go_map(Some(s.module));
        }
        if s.reveal.is_some() {
            return match action {
                Action::Submit | Action::Open | Action::NextPage => self.advance(s.module, now),
                Action::Up => self.set_quiz_scroll(s.scroll.saturating_sub(1)),
                Action::Down => self.set_quiz_scroll(s.scroll.saturating_add(1)),
                Action::Scroll(d) => {
                    self.set_quiz_scroll((i32::from(s.scroll) + i32::from(d)).max(0) as u16)
                }
                _ => Vec::new(),
            };
        }
        let Some((asked, question)) = self.current_question(s.module) else {
            return Vec::new();
        };
        let options = question.kind.option_count();
        let categories = match &question.kind {
            QuestionKind::Match { categories, .. } => categories.len(),
            _ => 0,
        };
        let mut draft = s.draft.clone();
        let mut submit = false;
        match (&mut draft, action) {
            (Draft::Choice { cursor }, Action::Up) | (Draft::TrueFalse { cursor }, Action::Up) => {
                *cursor = cursor.saturating_sub(1)
            }
            (Draft::Choice { cursor }, Action::Down) => {
                *cursor = (*cursor + 1).min(options.saturating_sub(1))
            }
            (Draft::TrueFalse { cursor }, Action::Down) => *cursor = 1,
            (Draft::Choice { cursor }, Action::Choose(n))
            | (Draft::TrueFalse { cursor }, Action::Choose(n))
                if n >= 1 && n <= options =>
            {
                *cursor = n - 1;
                submit = true;
            }
            (Draft::Multiple { cursor, .. }, Action::Up)
            | (Draft::Match { cursor, .. }, Action::Up) => *cursor = cursor.saturating_sub(1),
            (Draft::Multiple { cursor, ticked }, Action::Down) => {
                *cursor = (*cursor + 1).min(ticked.len().saturating_sub(1))
            }
            (Draft::Multiple { cursor, ticked }, Action::Toggle) => {
                if let Some(t) = ticked.get_mut(*cursor) {
                    *t = !*t;
                }
            }
            (Draft::Multiple { cursor, ticked }, Action::Choose(n))
                if n >= 1 && n <= ticked.len() =>
            {
                *cursor = n - 1;
                ticked[n - 1] = !ticked[n - 1];
            }
            (Draft::Match { cursor, chosen }, Action::Down) => {
                *cursor = (*cursor + 1).min(chosen.len().saturating_sub(1))
            }
            (Draft::Match { cursor, chosen }, Action::CategoryNext | Action::Toggle)
                if categories > 0 =>
            {
                if let Some(c) = chosen.get_mut(*cursor) {
                    *c = Some(c.map_or(0, |i| (i + 1) % categories));
                }
            }
            (Draft::Match { cursor, chosen }, Action::CategoryPrev) if categories > 0 => {
                if let Some(c) = chosen.get_mut(*cursor) {
                    *c = Some(c.map_or(categories - 1, |i| (i + categories - 1) % categories));
                }
            }
            (Draft::Match { cursor, chosen }, Action::Choose(n)) if n >= 1 && n <= categories => {
                if let Some(c) = chosen.get_mut(*cursor) {
                    *c = Some(n - 1);
                }
                *cursor = (*cursor + 1).min(chosen.len().saturating_sub(1));
            }
            (
                Draft::Order {
                    cursor,
                    arrangement,
                    held,
                },
                Action::Up,
            ) if *cursor > 0 => {
                if *held {
                    arrangement.swap(*cursor, *cursor - 1);
                }
                *cursor -= 1;
            }
            (
                Draft::Order {
                    cursor,
                    arrangement,
                    held,
                },
                Action::Down,
            ) if *cursor + 1 < arrangement.len() => {
                if *held {
                    arrangement.swap(*cursor, *cursor + 1);
                }
                *cursor += 1;
            }
            (Draft::Order { held, .. }, Action::Toggle) => *held = !*held,
            (Draft::Short { text, cursor }, Action::Type(c))
                if text.chars().count() < 200 && !c.is_control() =>
            {
                let at = byte_at(text, *cursor);
                text.insert(at, c);
                *cursor += 1;
            }
            (Draft::Short { text, cursor }, Action::Backspace) if *cursor > 0 => {
                let at = byte_at(text, *cursor - 1);
                text.remove(at);
                *cursor -= 1;
            }
            (Draft::Short { text, cursor }, Action::Delete) if *cursor < text.chars().count() => {
                let at = byte_at(text, *cursor);
                text.remove(at);
            }
            (Draft::Short { cursor, .. }, Action::CursorLeft) => *cursor = cursor.saturating_sub(1),
            (Draft::Short { text, cursor }, Action::CursorRight) => {
                *cursor = (*cursor + 1).min(text.chars().count())
            }
            (Draft::Short { cursor, .. }, Action::CursorHome) => *cursor = 0,
            (Draft::Short { text, cursor }, Action::CursorEnd) => *cursor = text.chars().count(),
            (_, Action::Submit | Action::Open) => submit = true,
            _ => {}
        }
        if let Screen::Quiz(q) = &mut self.screen {
            q.draft = draft.clone();
        }
        if !submit {
            return Vec::new();
        }
        let answer = match draft.answer(&asked) {
            Ok(a) => a,
            Err(hint) => {
                self.status = Some(hint);
                return Vec::new();
            }
        };
        let module_id = self.course.modules[s.module].id.clone();
        let feedback = self.course.modules[s.module].quiz.feedback;
        let Some(attempt) = self.progress.module_mut(&module_id).attempts.last_mut() else {
            return Vec::new();
        };
        let response = attempt.answer(&question, answer, now);
        self.dirty = true;
        match feedback {
            Feedback::Immediate => {
                self.screen = Screen::Quiz(QuizState {
                    module: s.module,
                    draft,
                    reveal: Some(Box::new(response)),
                    scroll: 0,
                });
                self.save()
            }
            Feedback::Deferred => {
                let mut effects = self.advance(s.module, now);
                if effects.is_empty() {
                    effects = self.save();
                }
                effects
            }
        }
    }

    fn on_results(&mut self, s: ResultsState, action: Action, now: Timestamp) -> Vec<Effect> {
        let chosen = match action {
            Action::Up => {
                self.screen = Screen::Results(ResultsState {
                    selected: s.selected.saturating_sub(1),
                    ..s
                });
                return Vec::new();
            }
            Action::Down => {
                self.screen = Screen::Results(ResultsState {
                    selected: (s.selected + 1).min(RESULT_ACTIONS.len() - 1),
                    ..s
                });
                return Vec::new();
            }
            Action::Open => s.selected,
            Action::Review => 0,
            Action::Retake => 1,
            Action::RetakeMissed => 2,
            Action::Back => 3,
            _ => return Vec::new(),
        };
        match chosen {
            0 => {
                self.screen = Screen::Review(ReviewState {
                    module: s.module,
                    attempt: s.attempt,
                    question: 0,
                    scroll: 0,
                });
                Vec::new()
            }
            1 => self.start_quiz(s.module, Mode::Full, None, now),
            2 => {
                let module = &self.course.modules[s.module];
                let missed = missed_questions(module, self.progress.attempts(&module.id));
                if missed.is_empty() {
                    self.status =
                        Some("Nothing to retake: you have answered every question right.".into());
                    return Vec::new();
                }
                self.start_quiz(s.module, Mode::Missed, Some(missed), now)
            }
            _ => self.go_map(Some(s.module)),
        }
    }

    fn on_review(&mut self, s: ReviewState, action: Action) -> Vec<Effect> {
        let n = self
            .attempts(s.module)
            .get(s.attempt)
            .map_or(0, |a| a.questions.len());
        let next = match action {
            Action::NextPage if s.question + 1 < n => ReviewState {
                question: s.question + 1,
                scroll: 0,
                ..s
            },
            Action::PrevPage if s.question > 0 => ReviewState {
                question: s.question - 1,
                scroll: 0,
                ..s
            },
            Action::Up => ReviewState {
                scroll: s.scroll.saturating_sub(1),
                ..s
            },
            Action::Down => ReviewState {
                scroll: s.scroll.saturating_add(1),
                ..s
            },
            Action::Scroll(d) => ReviewState {
                scroll: (i32::from(s.scroll) + i32::from(d)).max(0) as u16,
                ..s
            },
            Action::Top => ReviewState { scroll: 0, ..s },
            Action::Back | Action::NextPage => {
                self.screen = Screen::Results(ResultsState {
                    module: s.module,
                    attempt: s.attempt,
                    selected: 0,
                });
                return Vec::new();
            }
            _ => return Vec::new(),
        };
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
        self.screen = Screen::Map(MapState { selected });
        self.save()
    }

    fn open_module(&mut self, m: usize, now: Timestamp) -> Vec<Effect> {
        if m >= self.course.modules.len() {
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
        match status::next_step(self) {
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

    fn go_lesson(&mut self, m: usize, page: usize, scroll: u16) -> Vec<Effect> {
        let module = &self.course.modules[m];
        let page = page.min(module.sections.len());
        let section_id = module.sections.get(page).map(|s| s.id.clone());
        let module_id = module.id.clone();
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

    fn start_or_resume_quiz(&mut self, m: usize, now: Timestamp) -> Vec<Effect> {
        if self.open_attempt(m).is_some() {
            return self.show_question(m);
        }
        self.start_quiz(m, Mode::Full, None, now)
    }

    fn start_quiz(
        &mut self,
        m: usize,
        mode: Mode,
        only: Option<Vec<String>>,
        now: Timestamp,
    ) -> Vec<Effect> {
        let module = &self.course.modules[m];
        let number = self.progress.attempts(&module.id).len() as u32 + 1;
        let seed = seed_for(
            &module.id,
            number,
            self.entropy ^ now.as_nanosecond() as u64,
        );
        let attempt = Attempt::draw(module, mode, number, seed, now, only.as_deref());
        let module_id = module.id.clone();
        self.progress.module_mut(&module_id).attempts.push(attempt);
        self.dirty = true;
        let mut effects = self.show_question(m);
        if effects.is_empty() {
            effects = self.save();
        }
        effects
    }

    /// Show the next unanswered question of module `m`'s open attempt (or its results).
    fn show_question(&mut self, m: usize) -> Vec<Effect> {
        self.drop_vanished_questions(m);
        match self.current_question(m) {
            Some((asked, question)) => {
                self.screen = Screen::Quiz(QuizState {
                    module: m,
                    draft: Draft::new(&question.kind, &asked),
                    reveal: None,
                    scroll: 0,
                });
                Vec::new()
            }
            None => self.finish_attempt(m, None),
        }
    }

    /// A resumed attempt may ask a question the course no longer has; it cannot be shown,
    /// so it leaves the (unfinished) attempt. One whose options changed gets a new option
    /// order. Answered questions are never touched.
    fn drop_vanished_questions(&mut self, m: usize) {
        let module = self.course.modules[m].clone();
        if let Some(a) = self
            .progress
            .module_mut(&module.id)
            .attempts
            .last_mut()
            .filter(|a| !a.is_finished())
        {
            let answered = a.responses.len();
            let mut k = 0;
            a.questions.retain(|q| {
                k += 1;
                k <= answered || module.question(&q.id).is_some()
            });
            a.refit_orders(&module);
        }
    }

    /// After an answer: the next question, or the results.
    fn advance(&mut self, m: usize, now: Timestamp) -> Vec<Effect> {
        match self.current_question(m) {
            Some(_) => {
                let e = self.show_question(m);
                if e.is_empty() { self.save() } else { e }
            }
            None => self.finish_attempt(m, Some(now)),
        }
    }

    fn finish_attempt(&mut self, m: usize, now: Option<Timestamp>) -> Vec<Effect> {
        let module_id = self.course.modules[m].id.clone();
        // The progress has changed since the summary was made (the last answer).
        self.refresh_summary();
        let was_complete = status::course_complete(self);
        let mp = self.progress.module_mut(&module_id);
        let index = mp.attempts.len().saturating_sub(1);
        if let Some(a) = mp.attempts.last_mut().filter(|a| !a.is_finished()) {
            // Without a clock (an attempt found fully answered on resume), it ended with
            // its last answer.
            let last = a.responses.last().map_or(a.started, |r| r.at);
            a.finished = Some(now.unwrap_or(last));
        }
        self.dirty = true;
        self.screen = Screen::Results(ResultsState {
            module: m,
            attempt: index,
            selected: 0,
        });
        self.refresh_summary();
        if !was_complete && status::course_complete(self) {
            self.banner(
                BannerKind::Info,
                "You have completed the course. Press q for the map, then c to see your completion page.",
            );
        }
        self.save()
    }

    /// The next question to answer in module `m`'s open attempt.
    fn current_question(&self, m: usize) -> Option<(crate::quiz::Asked, crate::course::Question)> {
        let module = &self.course.modules[m];
        let attempt = self.open_attempt(m)?;
        let i = attempt.next_index()?;
        let asked = attempt.questions.get(i)?.clone();
        let question = module.question(&asked.id)?.clone();
        Some((asked, question))
    }

    // ---- Saving, quitting, prompts.

    fn save(&mut self) -> Vec<Effect> {
        if self.read_only.is_some() || matches!(self.prompt, Some(Prompt::Damaged { .. })) {
            Vec::new()
        } else {
            vec![Effect::Save]
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        if self.read_only.is_some() || matches!(self.prompt, Some(Prompt::Damaged { .. })) {
            self.running = false;
            return vec![Effect::Quit];
        }
        self.quitting = true;
        vec![Effect::SaveAndQuit]
    }

    fn saved(&mut self, result: Result<(), String>) -> Vec<Effect> {
        self.banners
            .retain(|b| !b.text.starts_with("Progress not saved"));
        match result {
            Ok(()) => {
                self.dirty = false;
                if self.quitting {
                    self.running = false;
                    return vec![Effect::Quit];
                }
            }
            Err(e) => {
                if self.quitting {
                    self.quitting = false;
                    self.prompt = Some(Prompt::SaveFailedOnQuit {
                        error: e,
                        copy_path: self.copy_path.clone(),
                    });
                } else {
                    self.banner(
                        BannerKind::Error,
                        format!("Progress not saved: {e}. It is kept in memory and saved again after your next step."),
                    );
                }
            }
        }
        Vec::new()
    }

    fn copy_written(&mut self, result: Result<std::path::PathBuf, String>) -> Vec<Effect> {
        match result {
            Ok(path) => {
                self.exit_message =
                    Some(format!("Your progress was written to {}.", path.display()));
                self.running = false;
                vec![Effect::Quit]
            }
            Err(e) => {
                if let Some(Prompt::SaveFailedOnQuit { error, .. }) = &mut self.prompt {
                    *error = format!("{error}; writing the copy failed too: {e}");
                }
                Vec::new()
            }
        }
    }

    fn prompt_key(&mut self, c: char) -> Vec<Effect> {
        match self.prompt.clone() {
            Some(Prompt::Damaged { .. }) => match c {
                's' => {
                    self.prompt = None;
                    self.dirty = true;
                    vec![Effect::StartFresh, Effect::Save]
                }
                'q' | '\u{1b}' => {
                    self.running = false;
                    vec![Effect::Quit]
                }
                _ => Vec::new(),
            },
            Some(Prompt::SaveFailedOnQuit { copy_path, .. }) => match c {
                'r' => {
                    self.prompt = None;
                    self.quitting = true;
                    vec![Effect::SaveAndQuit]
                }
                'w' => vec![Effect::WriteCopy(copy_path)],
                'd' => {
                    self.running = false;
                    vec![Effect::Quit]
                }
                '\u{1b}' => {
                    self.prompt = None;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            None => Vec::new(),
        }
    }

    // ---- Bookkeeping.

    fn set_lesson_scroll(&mut self, scroll: u16) {
        let max = self.max_lesson_scroll();
        if let Screen::Lesson(s) = &mut self.screen {
            s.scroll = scroll.min(max);
        }
    }

    fn set_quiz_scroll(&mut self, scroll: u16) -> Vec<Effect> {
        if let Screen::Quiz(q) = &mut self.screen {
            q.scroll = scroll.min(200);
        }
        Vec::new()
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

    /// Keep the progress file's idea of where the learner is in step with the screen.
    fn record_place(&mut self) {
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
            Screen::Completion => (PlaceScreen::Map, None, None),
        };
        let module_id = module
            .and_then(|m| self.course.modules.get(m))
            .map(|m| m.id.clone());
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
        });
        let Some(m) = m else {
            return;
        };
        match place.screen {
            PlaceScreen::Map => {}
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
                    self.screen = Screen::Results(ResultsState {
                        module: m,
                        attempt: i,
                        selected: 0,
                    });
                }
            }
        }
    }
}

/// The byte offset of character `i` in `s`.
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}
