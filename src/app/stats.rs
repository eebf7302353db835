//! The stats screen's state and keys: which panel is in front, the clamped scroll of each
//! panel, and the weak item chosen. The figures themselves come from `crate::stats`, worked
//! out once per change of progress (or of day) and shared with the view.

use std::sync::Arc;

use jiff::Timestamp;

use super::action::Effect;
use super::scroll::Scroll;
use super::{Action, App, Screen, status};
use crate::stats::{self, Stats};

/// The panels, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsPanel {
    Activity,
    Modules,
    Scores,
    Weakest,
    Forecast,
}

impl StatsPanel {
    pub const ALL: [StatsPanel; 5] = [
        StatsPanel::Activity,
        StatsPanel::Modules,
        StatsPanel::Scores,
        StatsPanel::Weakest,
        StatsPanel::Forecast,
    ];

    pub fn title(self) -> &'static str {
        match self {
            StatsPanel::Activity => "Activity",
            StatsPanel::Modules => "Modules",
            StatsPanel::Scores => "Scores",
            StatsPanel::Weakest => "Weakest",
            StatsPanel::Forecast => "Review forecast",
        }
    }

    pub fn index(self) -> usize {
        StatsPanel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatsState {
    /// The map's selection, to go back to.
    pub from: usize,
    pub panel: StatsPanel,
    /// Modules panel: the first module row shown.
    pub modules: Scroll,
    /// Scores panel: which module's history is shown (among modules with attempts).
    pub scores: Scroll,
    /// Weakest panel: the chosen row, questions first, then objectives.
    pub weak: usize,
    pub stats: Arc<Stats>,
}

impl StatsState {
    /// Rows in the weakest panel.
    pub fn weak_rows(&self) -> usize {
        self.stats.weak_questions.len() + self.stats.weak_objectives.len()
    }

    /// The lesson page the chosen weak row opens: (module, page).
    pub fn weak_target(&self) -> Option<(usize, usize)> {
        let q = &self.stats.weak_questions;
        match q.get(self.weak) {
            Some(w) => Some((w.module, w.section)),
            None => self
                .stats
                .weak_objectives
                .get(self.weak - q.len())
                .map(|o| (o.module, o.section)),
        }
    }
}

/// The stats last worked out, with what they were worked out from.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    /// The progress fingerprint, the active seconds (which the fingerprint leaves out) and
    /// the day.
    made_from: Option<(u64, u64, jiff::civil::Date)>,
    stats: Option<Arc<Stats>>,
}

impl App {
    /// The stats for the progress as it is and today's date: worked out again only when the
    /// progress (its fingerprint or its active time) or the day changed since the last time.
    pub fn stats_now(&mut self, now: Timestamp) -> Arc<Stats> {
        let zoned = now.to_zoned(self.time_zone.clone());
        let seconds = crate::standing::active_seconds(&self.progress);
        let key = (status::progress_key(&self.progress), seconds, zoned.date());
        if let (Some(made), Some(s)) = (self.stats_cache.made_from, &self.stats_cache.stats)
            && made == key
        {
            return Arc::clone(s);
        }
        let s = Arc::new(stats::compute(&self.course, &self.progress, &zoned));
        self.stats_cache = Cache {
            made_from: Some(key),
            stats: Some(Arc::clone(&s)),
        };
        s
    }

    pub(super) fn open_stats(&mut self, now: Timestamp) -> Vec<Effect> {
        let from = match &self.screen {
            Screen::Map(s) => s.selected,
            _ => 0,
        };
        let stats = self.stats_now(now);
        self.screen = Screen::Stats(StatsState {
            from,
            panel: StatsPanel::Activity,
            modules: Scroll::default(),
            scores: Scroll::default(),
            weak: 0,
            stats,
        });
        Vec::new()
    }

    pub(super) fn on_stats(
        &mut self,
        s: StatsState,
        action: Action,
        now: Timestamp,
    ) -> Vec<Effect> {
        let mut next = s.clone();
        let n = StatsPanel::ALL.len();
        let step = |d: i32, next: &mut StatsState| match next.panel {
            StatsPanel::Modules => next.modules.by(d),
            StatsPanel::Scores => next.scores.by(d),
            StatsPanel::Weakest => {
                let last = next.weak_rows().saturating_sub(1) as i64;
                next.weak = (next.weak as i64 + i64::from(d)).clamp(0, last.max(0)) as usize;
            }
            StatsPanel::Activity | StatsPanel::Forecast => {}
        };
        match action {
            Action::NextPage => next.panel = StatsPanel::ALL[(s.panel.index() + 1) % n],
            Action::PrevPage => next.panel = StatsPanel::ALL[(s.panel.index() + n - 1) % n],
            Action::Choose(k) if (1..=n).contains(&k) => next.panel = StatsPanel::ALL[k - 1],
            Action::Up => step(-1, &mut next),
            Action::Down => step(1, &mut next),
            Action::Scroll(d) => step(i32::from(d), &mut next),
            Action::PageUp => step(-10, &mut next),
            Action::PageDown => step(10, &mut next),
            Action::Top => step(-i32::from(u16::MAX), &mut next),
            Action::Bottom => step(i32::from(u16::MAX), &mut next),
            Action::Open if s.panel == StatsPanel::Weakest => {
                if let Some((m, page)) = s.weak_target() {
                    return self.open_taught(m, page);
                }
                self.status = Some("Nothing to open: no weak questions yet.".into());
                return Vec::new();
            }
            Action::Back => return self.go_map(Some(s.from)),
            _ => return Vec::new(),
        }
        // The progress does not change on this screen, but keep the figures true if it did.
        next.stats = self.stats_now(now);
        self.screen = Screen::Stats(next);
        Vec::new()
    }

    /// Open the lesson page that teaches a weak question or objective.
    fn open_taught(&mut self, m: usize, page: usize) -> Vec<Effect> {
        if let Some(why) = status::locked_reason(self, m) {
            self.status = Some(why);
            return Vec::new();
        }
        if self.course.modules.get(m).is_none() {
            return Vec::new();
        }
        self.go_lesson(m, page, 0)
    }
}
