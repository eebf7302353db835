//! What the learner asked for (`Action`), the keys that ask for it (`Key`, mapped per screen
//! in `keymap`), and what the runtime must do as a result (`Effect`).

use std::path::PathBuf;

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Backspace,
    Delete,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ctrl-C: leave from anywhere, saving first.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) or a terminal that went away: leave
    /// now, saving first and asking nothing, since nobody may be at the screen. If the save
    /// fails, the progress is written to the copy path instead.
    Stop,
    /// q or Esc: back one level; quits from the map.
    Back,
    ToggleHelp,
    Resize(u16, u16),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Mouse wheel: lines to scroll (negative is up).
    Scroll(i16),
    /// Next and previous lesson section, or question in a review.
    NextPage,
    PrevPage,
    /// Enter: open the selected thing, or go on.
    Open,
    /// c on the map: the suggested next step.
    Continue,
    /// v on the map: start (or resume) a spaced-review session.
    StartReview,
    /// l after a wrong review: open the section that teaches the question.
    OpenLesson,
    /// s in a lesson: go straight to the quiz.
    StartQuiz,
    /// i on the map: the stats screen.
    Stats,
    /// Number keys in a quiz: pick option n (1-based as shown).
    Choose(usize),
    /// Space: tick an option, or pick up / put down an item to order.
    Toggle,
    /// Left and right in a match question: the previous or next category.
    CategoryPrev,
    CategoryNext,
    Submit,
    /// Editing a typed answer.
    Type(char),
    Backspace,
    Delete,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Results: review the attempt, retake all, retake the missed questions.
    Review,
    Retake,
    RetakeMissed,
    /// h: the attempt history of a module.
    History,
    /// Space / b on the map: scroll the detail pane by a page (negative is up).
    DetailScroll(i16),
    /// x: hide the top banner.
    Dismiss,
    /// !: show the banners whole (when they do not fit), or close that box.
    ToggleBanners,
    /// Answers to a yes/no/other prompt, by the letter shown.
    PromptKey(char),
    /// A moment passed with no key (the runtime sends one every quarter second): lets a
    /// draft typed in the last second be saved.
    Tick,
    /// `y` on a confirmation.
    Confirm,
    /// The runtime reports how a save went.
    Saved(Result<(), String>),
    /// The runtime reports how writing a copy of the progress went.
    CopyWritten(Result<PathBuf, String>),
    /// The session opened: what the store found (recovery, read-only, lock problems),
    /// turned into banners or the damaged-file prompt by `update` (`app::opened`).
    Opened(Box<crate::app::opened::Opening>),
    /// `--watch`: the course folder changed and loaded again (`app::live`).
    CourseReloaded(Box<crate::course::Course>),
    /// `--watch`: the course folder changed and does not load: the lines of the overlay.
    CourseBroken(Vec<String>),
    /// Esc over the overlay of a broken course: hide it until the next change.
    HideErrors,
}

impl Action {
    /// Whether the learner did this (a key, the mouse): it counts as active time and clears
    /// the status line. Reports from the runtime and the watcher do neither.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::Saved(_)
                | Action::CopyWritten(_)
                | Action::Tick
                | Action::Opened(_)
                | Action::CourseReloaded(_)
                | Action::CourseBroken(_)
                | Action::HideErrors
        )
    }

    /// Reports from the runtime (opening, the course watcher) and the overlay's Esc: they
    /// apply whatever is on screen, a prompt or the help included.
    pub(super) fn is_report(&self) -> bool {
        matches!(
            self,
            Action::Opened(_)
                | Action::CourseReloaded(_)
                | Action::CourseBroken(_)
                | Action::HideErrors
        )
    }
}

/// Work for the runtime: the only way `update` reaches the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// Save, then quit if it worked (the app asks what to do if it did not).
    SaveAndQuit,
    /// Write the progress to another file (after saving failed on quit).
    WriteCopy(PathBuf),
    /// The store may write again (the learner chose to start fresh after damage).
    StartFresh,
    Quit,
}
