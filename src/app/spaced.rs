//! The spaced-review screen: the due cards across modules, oldest due first, one at a time
//! with the quiz's question rows and immediate feedback. Each answer is rated (see
//! `spaced::Rating::of`), appended to its module's review log and re-scheduled; reviews
//! change mastery, never grades. After a wrong answer `l` opens the section that teaches
//! the question and `q` there comes back. The session (cards, option orders, how many are
//! done, the draft) is kept in the progress file, so leaving or a crash resumes it.

use jiff::Timestamp;

use super::action::{Action, Effect};
use super::{App, MapState, Screen, quiz_edit};
use crate::quiz::{Draft, Response, grade};
use crate::spaced::card::days_between;
use crate::spaced::{Queue, Rating, Review, Scheduler, Session, quick_seconds};

#[derive(Debug, Clone, PartialEq)]
pub struct SpacedState {
    /// What is entered for the current card.
    pub draft: Draft,
    /// The answer just given, explained; Enter goes on.
    pub reveal: Option<Box<Response>>,
    /// The rating the revealed answer earned.
    pub rating: Option<Rating>,
    pub scroll: super::Scroll,
    /// When the card was shown: the answering time decides "quick" (Easy).
    pub shown: Timestamp,
}

impl App {
    /// Use the settings file's `[review]` values (and the learner's fitted parameters).
    pub fn set_review_settings(&mut self, session_size: usize, retention: f64) {
        self.review_size = session_size.max(1);
        let scheduler = Scheduler::new(&self.progress.fsrs_parameters, retention);
        self.queue = Queue::new(scheduler, &self.course, &self.progress);
    }

    /// The review queue (kept current by `update`).
    pub fn queue(&self) -> &Queue {
        &self.queue
    }

    /// `v`: resume the unfinished session, or start one with the cards due now.
    pub(super) fn start_review(&mut self, now: Timestamp) -> Vec<Effect> {
        if self
            .progress
            .review_session
            .as_ref()
            .is_some_and(|s| !s.is_over())
        {
            return self.show_review_card(now);
        }
        let seed =
            crate::quiz::attempt::seed_for("review", 0, self.entropy ^ now.as_second() as u64);
        let session = Session::start(&self.course, &self.queue, now, self.review_size, seed);
        if session.cards.is_empty() {
            let c = self.queue.counts(now);
            self.status = Some(if c.cards == 0 {
                "Nothing to review yet: questions you answer in quizzes come back here when they are due.".into()
            } else {
                let next = self.queue.cards().first().map(|c| c.due);
                format!(
                    "Nothing is due now{}.",
                    next.map_or_else(String::new, |t| format!(
                        "; the next review is due {}",
                        when(t, now)
                    ))
                )
            });
            return Vec::new();
        }
        self.progress.review_session = Some(session);
        self.dirty = true;
        self.show_review_card(now)
    }

    /// Show the session's current card, or end the session when none is left.
    pub(super) fn show_review_card(&mut self, now: Timestamp) -> Vec<Effect> {
        loop {
            let Some(session) = &mut self.progress.review_session else {
                return self.go_map(None);
            };
            let Some(card) = session.current().cloned() else {
                let n = session.cards.len();
                self.progress.review_session = None;
                self.status = Some(format!("Review done: {n} card{} reviewed.", plural(n)));
                self.screen = Screen::Map(MapState::default());
                return self.save();
            };
            let found = card.asked(&self.course).zip(card.locate(&self.course));
            let Some((asked, (m, q))) = found else {
                // The question left the course since the session started: skip it.
                session.done += 1;
                session.draft = None;
                continue;
            };
            let kind = &self.course.modules[m].quiz.questions[q].kind;
            let draft = session
                .draft
                .clone()
                .filter(|d| d.fits(kind, &asked))
                .unwrap_or_else(|| Draft::new(kind, &asked));
            self.screen = Screen::Spaced(SpacedState {
                draft,
                reveal: None,
                rating: None,
                scroll: super::Scroll::default(),
                shown: now,
            });
            return self.save();
        }
    }

    pub(super) fn on_spaced(
        &mut self,
        s: SpacedState,
        action: Action,
        now: Timestamp,
    ) -> Vec<Effect> {
        let Some((m, q)) = self.review_card_on_screen(s.reveal.is_some()) else {
            return self.show_review_card(now);
        };
        if s.reveal.is_some() {
            let mut next = s.clone();
            match action {
                Action::Submit | Action::Open => return self.show_review_card(now),
                Action::OpenLesson if !s.reveal.as_ref().is_some_and(|r| r.correct) => {
                    return self.open_teaching_section(s, m, q);
                }
                Action::Up => next.scroll.by(-1),
                Action::Down => next.scroll.by(1),
                Action::PageUp => next.scroll.by(-10),
                Action::PageDown => next.scroll.by(10),
                Action::Scroll(d) => next.scroll.by(i32::from(d)),
                Action::Top => next.scroll.top(),
                Action::Back => {
                    let e = self.show_review_card(now);
                    return self.leave_review(e);
                }
                _ => return Vec::new(),
            }
            self.screen = Screen::Spaced(next);
            return Vec::new();
        }
        match action {
            Action::Back => {
                let e = self.save();
                return self.leave_review(e);
            }
            Action::Submit => return self.submit_review(s, m, q, now),
            _ => {}
        }
        let mut next = s;
        let kind = &self.course.modules[m].quiz.questions[q].kind;
        if quiz_edit::edit(&mut next.draft, kind, &action) {
            if let Some(session) = &mut self.progress.review_session {
                session.draft = Some(next.draft.clone());
            }
            self.dirty = true;
        }
        self.screen = Screen::Spaced(next);
        Vec::new()
    }

    /// The card on screen: once answered, `done` already counts it.
    fn review_card_on_screen(&self, revealed: bool) -> Option<(usize, usize)> {
        let s = self.progress.review_session.as_ref()?;
        let i = if revealed {
            s.done.checked_sub(1)?
        } else {
            s.done
        };
        s.cards.get(i)?.locate(&self.course)
    }

    fn leave_review(&mut self, mut effects: Vec<Effect>) -> Vec<Effect> {
        if matches!(self.screen, Screen::Spaced(_)) {
            self.screen = Screen::Map(MapState::default());
        }
        self.status = Some("Review paused: v resumes it.".into());
        effects.extend(self.save());
        effects.dedup();
        effects
    }

    fn submit_review(&mut self, s: SpacedState, m: usize, q: usize, now: Timestamp) -> Vec<Effect> {
        let Some(asked) = self
            .progress
            .review_session
            .as_ref()
            .and_then(|x| x.current())
            .and_then(|c| c.asked(&self.course))
        else {
            return Vec::new();
        };
        let answer = match s.draft.answer(&asked) {
            Ok(a) => a,
            Err(why) => {
                self.status = Some(why);
                self.screen = Screen::Spaced(s);
                return Vec::new();
            }
        };
        let module = &self.course.modules[m];
        let question = &module.quiz.questions[q];
        let mark = grade(&question.kind, &answer);
        // A card shown by `App::new` (resuming) has no clock yet: its time is not known.
        let timed = s.shown > Timestamp::UNIX_EPOCH;
        let seconds = if timed {
            now.duration_since(s.shown).as_secs_f64().max(0.0)
        } else {
            0.0
        };
        let rating = Rating::of(
            mark.points,
            mark.correct,
            timed.then_some(seconds),
            quick_seconds(question),
        );
        let card = self.queue.card(m, q);
        let elapsed = card.map_or(0.0, |c| days_between(c.last, now).max(0.0));
        let (_, scheduled) = self
            .queue
            .scheduler
            .step(card.map(|c| c.state), elapsed, rating);
        let review = Review {
            card: question.id.to_string(),
            hash: question.hash.to_string(),
            at: now,
            rating,
            elapsed: round3(elapsed),
            scheduled: round3(scheduled),
            seconds: round3(seconds),
            answer: answer.clone(),
            points: mark.points,
            correct: mark.correct,
            extra: toml::Table::new(),
        };
        let response = Response {
            question: question.id.to_string(),
            hash: question.hash.to_string(),
            answer,
            points: mark.points,
            correct: mark.correct,
            at: now,
            extra: toml::Table::new(),
        };
        let id = module.id.clone();
        self.progress.module_mut(&id).reviews.push(review);
        if let Some(session) = &mut self.progress.review_session {
            session.done += 1;
            session.draft = None;
        }
        self.dirty = true;
        self.screen = Screen::Spaced(SpacedState {
            reveal: Some(Box::new(response)),
            rating: Some(rating),
            scroll: super::Scroll::default(),
            ..s
        });
        self.save()
    }

    /// The section named by the question's `teaches`, or the module's first section.
    fn open_teaching_section(&mut self, s: SpacedState, m: usize, q: usize) -> Vec<Effect> {
        let module = &self.course.modules[m];
        if module.sections.is_empty() {
            self.status = Some("This question's module has no lesson to open.".into());
            return Vec::new();
        }
        let page = module.quiz.questions[q]
            .teaches
            .as_ref()
            .and_then(|(id, _)| module.section_index(id))
            .unwrap_or(0);
        self.review_return = Some(s);
        let effects = self.go_lesson(m, page, 0);
        self.status = Some("q: back to the review".into());
        effects
    }

    pub(super) fn back_to_review(&mut self) -> Vec<Effect> {
        if let Some(s) = self.review_return.take() {
            self.screen = Screen::Spaced(s);
        }
        self.save()
    }

    /// The way back to a review only lasts while the lesson it opened is on screen.
    pub(super) fn forget_review_return(&mut self) {
        if !matches!(self.screen, Screen::Lesson(_)) {
            self.review_return = None;
        }
    }

    /// Whether the lesson on screen was opened from a review.
    pub fn lesson_from_review(&self) -> bool {
        self.review_return.is_some()
    }

    /// The session on screen: (cards done, cards in the session).
    pub fn review_progress(&self) -> (usize, usize) {
        self.progress
            .review_session
            .as_ref()
            .map_or((0, 0), |s| (s.done, s.cards.len()))
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "in 3 hours", "in 2 days".
pub fn when(t: Timestamp, now: Timestamp) -> String {
    let mins = (t.as_second() - now.as_second()).max(0) / 60;
    match mins {
        0 => "now".into(),
        1..=59 => format!("in {mins} minute{}", plural(mins as usize)),
        60..=2159 => format!("in {} hours", (mins + 30) / 60),
        _ => format!("in {} days", (mins + 720) / 1440),
    }
}
