//! The quiz screen's part of `update`: editing and submitting answers, moving between the
//! questions of an attempt, the summary page of a deferred attempt, and starting, resuming
//! and finishing attempts. Answers are paired with questions by id, so a deferred attempt
//! can be taken in any order and every answer changed until it is submitted.

use jiff::Timestamp;

use super::action::{Action, Effect};
use super::quiz_edit::edit;
use super::status;
use super::{App, Prompt, QuizState, Screen};
use crate::course::{Feedback, ModuleKind};
use crate::quiz::attempt::seed_for;
use crate::quiz::{Asked, Attempt, Draft, Mode};

/// A draft not yet saved is saved at the first key or tick this long after it changed.
pub const DRAFT_SAVE_MS: i64 = 750;

impl App {
    pub(super) fn on_quiz(&mut self, s: QuizState, action: Action, now: Timestamp) -> Vec<Effect> {
        let m = s.module;
        if action == Action::Back {
            if s.confirm {
                return self.cancel_confirm(s);
            }
            // The attempt stays open with its answers and this draft; "continue" resumes it.
            self.keep_draft(&s);
            return self.go_map(Some(m));
        }
        let Some(attempt) = self.open_attempt(m).cloned() else {
            return Vec::new();
        };
        let deferred = self.deferred(m);
        let total = attempt.questions.len();
        if s.question >= total {
            return self.on_summary(s, action, &attempt, now);
        }
        if s.reveal.is_some() {
            let view = i32::from(self.height.saturating_sub(6).max(1));
            let mut s = s;
            match action {
                Action::Submit | Action::Open | Action::NextPage => {
                    return self.go_question(m, s.question + 1, now);
                }
                Action::PrevPage if s.question > 0 => {
                    return self.go_question(m, s.question - 1, now);
                }
                Action::Up => s.scroll.by(-1),
                Action::Down => s.scroll.by(1),
                Action::PageUp => s.scroll.by(-view),
                Action::PageDown => s.scroll.by(view),
                Action::Scroll(d) => s.scroll.by(i32::from(d)),
                Action::Top => s.scroll.top(),
                _ => return Vec::new(),
            }
            self.screen = Screen::Quiz(s);
            return Vec::new();
        }
        match action {
            Action::PrevPage if s.question > 0 => return self.go_question(m, s.question - 1, now),
            Action::NextPage if deferred => return self.go_question(m, s.question + 1, now),
            _ => {}
        }
        let asked = attempt.questions[s.question].clone();
        let Some(question) = self.course.modules[m].question(&asked.id).cloned() else {
            return Vec::new();
        };
        let mut s = s;
        if edit(&mut s.draft, &question.kind, &action) {
            self.keep_draft(&s);
            self.screen = Screen::Quiz(s);
            self.draft_since.get_or_insert(now);
            self.dirty = true;
            return Vec::new();
        }
        if !matches!(action, Action::Submit | Action::Open) {
            return Vec::new();
        }
        let answer = match s.draft.answer(&asked) {
            Ok(a) => a,
            Err(hint) => {
                self.status = Some(hint);
                return Vec::new();
            }
        };
        let Some(attempt) = self.open_attempt_mut(m) else {
            return Vec::new();
        };
        let response = attempt.answer(&question, answer, now);
        self.dirty = true;
        if deferred {
            return self.go_question(m, s.question + 1, now);
        }
        s.reveal = Some(Box::new(response));
        s.scroll = Default::default();
        self.screen = Screen::Quiz(s);
        self.draft_since = None;
        self.save()
    }

    /// Show question `k` of module `m`'s open attempt (the summary page, or the results of
    /// an immediate-feedback attempt, past the last). Saves: a change of question always
    /// writes the draft left behind.
    pub(super) fn go_question(&mut self, m: usize, k: usize, now: Timestamp) -> Vec<Effect> {
        if let Screen::Quiz(s) = self.screen.clone()
            && s.module == m
        {
            self.keep_draft(&s);
        }
        self.draft_since = None;
        self.dirty = true;
        if self.show(m, k) {
            self.save()
        } else {
            self.finish_attempt(m, Some(now))
        }
    }

    /// Put question `k` (or the summary page) on screen; false when an immediate-feedback
    /// attempt has nothing left to show and should finish.
    fn show(&mut self, m: usize, k: usize) -> bool {
        let deferred = self.deferred(m);
        let Some(attempt) = self.open_attempt(m) else {
            return true;
        };
        let total = attempt.questions.len();
        let k = if k < total || deferred {
            k.min(total)
        } else {
            match attempt.next_index() {
                Some(next) => next,
                None => return false,
            }
        };
        let Some(asked) = attempt.questions.get(k).cloned() else {
            let pick = attempt.next_index().unwrap_or(total);
            let mut s = QuizState::new(
                m,
                total,
                Draft::Choice {
                    cursor: 0,
                    chosen: None,
                },
            );
            s.pick = if attempt.answered() == total {
                total
            } else {
                pick
            };
            if let Some(a) = self.open_attempt_mut(m) {
                a.current = None;
            }
            self.screen = Screen::Quiz(s);
            return true;
        };
        let response = attempt.response(&asked.id).cloned();
        let saved = attempt.drafts.get(&asked.id).cloned();
        let Some(question) = self.course.modules[m].question(&asked.id).cloned() else {
            return true;
        };
        let baseline = self.baseline(m, &asked);
        let draft = match saved {
            Some(d) if d.fits(&question.kind, &asked) => d,
            Some(_) => {
                self.drop_draft(m, &asked.id);
                baseline
            }
            None => baseline,
        };
        let mut s = QuizState::new(m, k, draft);
        if !deferred {
            s.reveal = response.map(Box::new);
        }
        if let Some(a) = self.open_attempt_mut(m) {
            a.current = Some(asked.id.clone());
        }
        self.screen = Screen::Quiz(s);
        true
    }

    fn drop_draft(&mut self, m: usize, id: &str) {
        if let Some(a) = self.open_attempt_mut(m) {
            a.drafts.remove(id);
        }
        self.status = Some(
            "Your unfinished answer to this question was dropped: the question has changed since."
                .into(),
        );
    }

    /// What the question shows before the learner changes anything: their answer (in a
    /// deferred attempt, where it can be changed), else nothing chosen.
    fn baseline(&self, m: usize, asked: &Asked) -> Draft {
        let module = &self.course.modules[m];
        let Some(question) = module.question(&asked.id) else {
            return Draft::Short {
                text: String::new(),
                cursor: 0,
            };
        };
        let answered = self
            .open_attempt(m)
            .and_then(|a| a.response(&asked.id))
            .filter(|_| self.deferred(m));
        match answered {
            Some(r) => Draft::from_answer(&question.kind, asked, &r.answer),
            None => Draft::new(&question.kind, asked),
        }
    }

    /// Record the draft on screen in the attempt (or forget it, if it is what the question
    /// shows anyway), so saving keeps it.
    fn keep_draft(&mut self, s: &QuizState) {
        if s.reveal.is_some() {
            return;
        }
        let Some(asked) = self
            .open_attempt(s.module)
            .and_then(|a| a.questions.get(s.question))
            .cloned()
        else {
            return;
        };
        let unchanged = self.baseline(s.module, &asked) == s.draft;
        if let Some(a) = self.open_attempt_mut(s.module) {
            if unchanged {
                a.drafts.remove(&asked.id);
            } else {
                a.drafts.insert(asked.id.clone(), s.draft.clone());
            }
        }
    }

    pub(super) fn start_or_resume_quiz(&mut self, m: usize, now: Timestamp) -> Vec<Effect> {
        if self.open_attempt(m).is_some() {
            return self.show_question(m);
        }
        if let Some(why) = status::locked_reason(self, m) {
            self.status = Some(why);
            return Vec::new();
        }
        // An assessment without `requires`, started with lessons unread: ask first.
        let module = &self.course.modules[m];
        if module.kind == ModuleKind::Assessment
            && module.requires.is_empty()
            && self.progress.attempts(&module.id).is_empty()
        {
            let (unread, lessons) = status::unread_lessons(self);
            if unread > 0 {
                self.prompt = Some(Prompt::UnreadLessons {
                    module: m,
                    unread,
                    lessons,
                });
                return Vec::new();
            }
        }
        self.start_quiz(m, Mode::Full, None, now)
    }

    pub(super) fn start_quiz(
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

    /// Open module `m`'s open attempt where the learner was: the question on screen when
    /// it was saved, else the first unanswered one, else the summary page (deferred) or the
    /// results (immediate).
    pub(super) fn show_question(&mut self, m: usize) -> Vec<Effect> {
        self.drop_vanished_questions(m);
        let Some(attempt) = self.open_attempt(m) else {
            return Vec::new();
        };
        let total = attempt.questions.len();
        let at = attempt
            .current
            .as_deref()
            .and_then(|id| attempt.questions.iter().position(|q| q.id == id));
        let k = at.or(attempt.next_index()).unwrap_or(total);
        if self.show(m, k) {
            Vec::new()
        } else {
            self.finish_attempt(m, None)
        }
    }

    /// A resumed attempt may ask a question the course no longer has; it cannot be shown,
    /// so it leaves the (unfinished) attempt. One whose options changed gets a new option
    /// order. Answered questions are never touched.
    fn drop_vanished_questions(&mut self, m: usize) {
        let module = self.course.modules[m].clone();
        if let Some(a) = self.open_attempt_mut(m) {
            let answered: Vec<String> = a.responses.iter().map(|r| r.question.clone()).collect();
            a.questions
                .retain(|q| answered.contains(&q.id) || module.question(&q.id).is_some());
            if a.current
                .as_ref()
                .is_some_and(|id| !a.questions.iter().any(|q| &q.id == id))
            {
                a.current = None;
            }
            a.refit_orders(&module);
        }
    }

    pub(super) fn deferred(&self, m: usize) -> bool {
        self.course.modules[m].quiz.feedback == Feedback::Deferred
    }

    pub(super) fn open_attempt_mut(&mut self, m: usize) -> Option<&mut Attempt> {
        let id = self.course.modules.get(m)?.id.clone();
        self.progress
            .module_mut(&id)
            .attempts
            .last_mut()
            .filter(|a| !a.is_finished())
    }

    /// Save a draft that changed a moment ago (called after every action, ticks included).
    pub(super) fn save_draft_if_due(&mut self, now: Timestamp, effects: &mut Vec<Effect>) {
        let Some(since) = self.draft_since else {
            return;
        };
        if effects
            .iter()
            .any(|e| matches!(e, Effect::Save | Effect::SaveAndQuit))
        {
            self.draft_since = None;
        } else if now.as_millisecond() - since.as_millisecond() >= DRAFT_SAVE_MS {
            self.draft_since = None;
            effects.extend(self.save());
        }
    }
}
