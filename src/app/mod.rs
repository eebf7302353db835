//! The application state and its rules: one `App`, one `Screen` enum, and `update`, which
//! turns a learner's `Action` into a new state plus `Effect`s for the runtime to perform.
//! No terminal, no files: everything here is driven directly by tests.

pub mod action;
pub mod banners;
mod bindings;
pub mod completion;
mod history;
pub mod keymap;
pub mod live;
pub mod opened;
mod place;
mod quiz_edit;
mod quiz_finish;
pub mod quiz_keys;
mod quiz_update;
pub mod reload;
mod saving;
pub mod scroll;
pub mod spaced;
pub mod spaced_keys;
pub mod stats;
pub mod status;
mod update;

use std::path::PathBuf;

use jiff::Timestamp;

pub use crate::quiz::Draft;
pub use action::{Action, Effect, Key};
pub use banners::banner_lines;
pub use history::HistoryState;
pub use scroll::Scroll;
pub use spaced::SpacedState;
pub use stats::{StatsPanel, StatsState};
pub use status::ModuleState;

use crate::course::Course;
use crate::layout::{self, Line};
use crate::progress::Progress;
use crate::quiz::{Attempt, Response};

/// Terminals smaller than this get a "too small" message instead of a broken layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Idle stretches longer than this are not counted as time spent.
pub const IDLE_SECONDS: i64 = 5 * 60;

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Map(MapState),
    Lesson(LessonState),
    Quiz(QuizState),
    Results(ResultsState),
    Review(ReviewState),
    /// Every attempt of one module.
    History(HistoryState),
    Stats(StatsState),
    /// A spaced-review session: due questions across modules (`app::spaced`).
    Spaced(SpacedState),
    Completion,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapState {
    pub selected: usize,
    /// The selected module's detail pane (Space / b).
    pub detail: Scroll,
}

/// A lesson page: `page` is a section index, or `sections.len()` for the last page (key
/// takeaways and the way into the quiz).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonState {
    pub module: usize,
    pub page: usize,
    pub scroll: u16,
}

/// A quiz attempt on screen: one of its questions, or (deferred feedback) the summary page
/// after the last question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    pub module: usize,
    /// Index into the attempt's questions; the number of questions means the summary page.
    pub question: usize,
    /// What the learner has entered for this question so far.
    pub draft: Draft,
    /// Immediate feedback: the response explained (just given, or an earlier one re-read).
    pub reveal: Option<Box<Response>>,
    /// Question, answer and feedback scroll as one once revealed.
    pub scroll: Scroll,
    /// The summary page's highlighted row: a question, or the last row, "Submit all and
    /// finish".
    pub pick: usize,
    /// On the summary page: waiting for `y` to submit the attempt.
    pub confirm: bool,
}

impl QuizState {
    pub fn new(module: usize, question: usize, draft: Draft) -> QuizState {
        QuizState {
            module,
            question,
            draft,
            reveal: None,
            scroll: Scroll::default(),
            pick: 0,
            confirm: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsState {
    pub module: usize,
    /// Index into the module's attempts.
    pub attempt: usize,
    /// The highlighted action.
    pub selected: usize,
    /// The page (score, questions, actions) scrolls as one.
    pub scroll: Scroll,
}

impl ResultsState {
    pub fn new(module: usize, attempt: usize) -> ResultsState {
        ResultsState {
            module,
            attempt,
            selected: 0,
            scroll: Scroll::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewState {
    pub module: usize,
    pub attempt: usize,
    pub question: usize,
    pub scroll: Scroll,
    /// Opened from the attempt history (which Back returns to), not the results.
    pub history: Option<HistoryState>,
}

/// The actions offered on the results screen, in order, with their keys (the practice
/// row's words depend on what is left to practise: `report::practice`).
pub const RESULT_ACTIONS: [(&str, &str); 5] = [
    ("r", "Review this attempt"),
    ("h", "See every attempt of this module"),
    ("t", "Retake the quiz"),
    ("m", "Practise the questions you missed"),
    ("q", "Back to the course map"),
];

/// A question the app must have answered before going on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// The progress file and its backup were damaged; both were moved aside.
    Damaged { message: String },
    /// Quitting, but the last save failed.
    SaveFailedOnQuit { error: String, copy_path: PathBuf },
    /// Starting an assessment (of a module without `requires`) with lessons unread.
    UnreadLessons {
        module: usize,
        unread: usize,
        lessons: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    pub kind: BannerKind,
    pub text: String,
}

/// The whole state of a session.
#[derive(Debug, Clone)]
pub struct App {
    pub course: Course,
    pub progress: Progress,
    pub screen: Screen,
    pub help: bool,
    /// How far the help overlay is scrolled (it scrolls when taller than the window).
    pub help_scroll: Scroll,
    /// The messages at the top shown whole in a box (`!`, when they do not fit).
    pub banners_open: bool,
    pub prompt: Option<Prompt>,
    pub banners: Vec<Banner>,
    /// A one-line hint about the last key (e.g. "Tick at least one option").
    pub status: Option<String>,
    pub width: u16,
    pub height: u16,
    pub running: bool,
    /// Why this window does not save, if it does not.
    pub read_only: Option<String>,
    /// Where a copy of the progress goes if saving fails on quit.
    pub copy_path: PathBuf,
    /// Changes not yet saved.
    pub dirty: bool,
    /// `--watch`: the errors of a course on disk that does not load (see `live_overlay`).
    pub live_errors: Option<live::LiveErrors>,
    /// Printed after the terminal is restored, e.g. where a copy of the progress went.
    pub exit_message: Option<String>,
    quitting: saving::Quitting,
    last_input: Option<Timestamp>,
    /// When the draft on screen first changed since the last save: it is saved within a
    /// second (on a tick or the next key), so a crash loses at most that second.
    draft_since: Option<Timestamp>,
    /// Seed material for new attempts.
    entropy: u64,
    /// The current lesson page laid out for the current width: (module, page, width).
    lesson_key: Option<(usize, usize, u16)>,
    lesson_lines: Vec<Line>,
    /// Where the learner stands, kept up to date by `update`: worked out again only when
    /// `progress_key` moves (or the course is replaced), never while drawing. On a
    /// 1,000-module course working it out per frame made each key on the map cost
    /// milliseconds.
    standing: crate::standing::Standing,
    /// The completion page's scroll and the name being typed there.
    pub completion: completion::CompletionState,
    /// The learner's time zone, for the days of the stats (the runtime sets the system's;
    /// tests keep UTC).
    pub time_zone: jiff::tz::TimeZone,
    /// The stats last worked out, kept until the progress or the day changes.
    stats_cache: stats::Cache,
    /// The spaced-review queue, kept up to date with the summary (per changed module).
    queue: crate::spaced::Queue,
    /// Cards per review session (`[review] session_size`).
    pub review_size: usize,
    /// The time of the last action: due counts on screen are counted at it.
    pub clock: Timestamp,
    /// The review to go back to from "open the lesson".
    review_return: Option<SpacedState>,
}

impl App {
    /// A session on `course` with `progress`, opened where the learner left off.
    pub fn new(course: Course, progress: Progress, entropy: u64) -> App {
        let mut app = App {
            course,
            progress,
            screen: Screen::Map(MapState::default()),
            help: false,
            help_scroll: Scroll::default(),
            banners_open: false,
            prompt: None,
            banners: Vec::new(),
            status: None,
            width: 80,
            height: 24,
            running: true,
            read_only: None,
            copy_path: PathBuf::from("syllabus-progress-copy.toml"),
            live_errors: None,
            dirty: false,
            exit_message: None,
            quitting: saving::Quitting::No,
            last_input: None,
            draft_since: None,
            entropy,
            lesson_key: None,
            lesson_lines: Vec::new(),
            standing: crate::standing::Standing::default(),
            completion: Default::default(),
            time_zone: jiff::tz::TimeZone::UTC,
            stats_cache: stats::Cache::default(),
            queue: crate::spaced::Queue::default(),
            review_size: crate::config::SESSION_SIZE,
            clock: Timestamp::UNIX_EPOCH,
            review_return: None,
        };
        app.refresh_summary();
        app.resume();
        app.refresh_if_changed();
        app
    }

    /// Where the learner stands, as `update` last worked it out. Checking that it is
    /// current costs a pass over the progress, so only debug builds do it.
    pub fn standing(&self) -> &crate::standing::Standing {
        debug_assert_eq!(
            self.standing.key(),
            status::progress_key(&self.progress),
            "progress changed outside `update`: call `App::refresh_summary`"
        );
        &self.standing
    }

    /// Work the standing (and the review queue) out again. `App::new` and `update` do this
    /// whenever the progress changes (a reloaded course gets a new `App`); code that edits
    /// `progress` or `course` directly must call it before drawing.
    pub fn refresh_summary(&mut self) {
        self.standing = crate::standing::Standing::new(&self.course, &self.progress);
        self.queue.refresh(&self.course, &self.progress);
    }

    /// Work the standing out again if the progress changed since (the one check `update`
    /// makes after every action).
    pub(super) fn refresh_if_changed(&mut self) {
        if self.standing.key() != status::progress_key(&self.progress) {
            self.refresh_summary();
        }
    }

    pub fn is_running(&self) -> bool {
        self.running
    }

    pub fn banner(&mut self, kind: BannerKind, text: impl Into<String>) {
        self.banners.push(Banner {
            kind,
            text: text.into(),
        });
    }

    /// The attempts of module `m`.
    pub fn attempts(&self, m: usize) -> &[Attempt] {
        self.course
            .modules
            .get(m)
            .map_or(&[], |module| self.progress.attempts(&module.id))
    }

    /// The unfinished attempt of module `m`, if any.
    pub fn open_attempt(&self, m: usize) -> Option<&Attempt> {
        self.attempts(m).last().filter(|a| !a.is_finished())
    }

    /// The module the current screen is about.
    pub fn current_module(&self) -> Option<usize> {
        match &self.screen {
            Screen::Map(_) | Screen::Stats(_) | Screen::Completion | Screen::Spaced(_) => None,
            Screen::Lesson(s) => Some(s.module),
            Screen::Quiz(s) => Some(s.module),
            Screen::Results(s) => Some(s.module),
            Screen::Review(s) => Some(s.module),
            Screen::History(s) => Some(s.module),
        }
    }

    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Rows of lesson text visible: the screen minus header (2), footer (1), status (1) and
    /// banners.
    pub fn lesson_viewport(&self) -> u16 {
        self.height.saturating_sub(4 + self.banner_rows()).max(1)
    }

    pub fn banner_rows(&self) -> u16 {
        banner_lines(&self.banners, self.width, self.height).len() as u16
    }

    /// The attempts of module `m` as every view numbers them (from the standing).
    pub fn attempt_entries(&self, m: usize) -> &[crate::report::AttemptEntry] {
        self.standing().at(m).map_or(&[], |s| &s.attempts)
    }

    /// The laid-out lines of the lesson page on screen (cached per page and width).
    pub fn lesson_lines(&self) -> &[Line] {
        &self.lesson_lines
    }

    /// Lay out the current lesson page if the page or the width changed.
    fn refresh_lesson_layout(&mut self) {
        let Screen::Lesson(s) = &self.screen else {
            return;
        };
        let width = layout::lesson_text_width(self.width);
        let key = (s.module, s.page, width);
        if self.lesson_key == Some(key) {
            return;
        }
        let module = &self.course.modules[s.module];
        self.lesson_lines = match module.sections.get(s.page) {
            Some(section) => layout::blocks(&section.body, width),
            None => status::final_page(module, width),
        };
        self.lesson_key = Some(key);
    }

    pub fn max_lesson_scroll(&self) -> u16 {
        (self.lesson_lines.len() as u16).saturating_sub(self.lesson_viewport())
    }
}
