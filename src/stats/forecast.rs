//! The review forecast behind a seam: the stats screen and `progress stats` ask a
//! `ReviewForecast` for cards due per day and measured retention, and never compute them
//! themselves. `FsrsForecast` answers from the spaced-review queue (`crate::spaced`) and
//! the review log.

use jiff::Zoned;
use serde::Serialize;

use crate::course::Course;
use crate::progress::Progress;

/// Days the forecast looks ahead.
pub const FORECAST_DAYS: usize = 30;

/// What the forecast panel shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Forecast {
    /// No spaced review data: the sentence says what the panel will show once there is.
    NotSetUp { message: String },
    Ready {
        /// Cards due on each of the next `FORECAST_DAYS` days, today first.
        due: Vec<u64>,
        /// Reviews recalled, in percent, over the reviews done so far (None before any).
        retention: Option<u32>,
        /// Cards overdue today (already counted in `due[0]`).
        overdue: u64,
    },
}

impl Forecast {
    /// Retention as a fraction, for a gauge (0 before any review).
    pub fn retention_ratio(&self) -> f64 {
        match self {
            Forecast::Ready {
                retention: Some(r), ..
            } => (f64::from(*r) / 100.0).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }
}

/// A source of review-forecast figures, pure over the course, the progress and the time.
pub trait ReviewForecast {
    fn forecast(&self, course: &Course, progress: &Progress, now: &Zoned) -> Forecast;
}

/// The forecast while spaced review does not exist: always `NotSetUp`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoSpacedReview;

pub const NOT_SET_UP: &str = "Spaced review is not set up yet: once it is, the forecast shows how many cards fall due on each of the next 30 days and how often you recalled a card when it came up (measured retention).";

impl ReviewForecast for NoSpacedReview {
    fn forecast(&self, _: &Course, _: &Progress, _: &Zoned) -> Forecast {
        Forecast::NotSetUp {
            message: NOT_SET_UP.to_string(),
        }
    }
}

/// Said while no question has a card yet (nothing answered).
pub const NO_CARDS: &str = "No cards yet: every question you answer in a quiz becomes a review card, and this panel then shows how many fall due on each of the next 30 days and how often you recalled a card when it came up.";

/// The forecast from spaced review: the queue FSRS schedules (default retention, the
/// learner's fitted parameters) and the reviews logged so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct FsrsForecast;

impl ReviewForecast for FsrsForecast {
    fn forecast(&self, course: &Course, progress: &Progress, now: &Zoned) -> Forecast {
        let scheduler = crate::spaced::Scheduler::new(&progress.fsrs_parameters, 0.9);
        let queue = crate::spaced::Queue::new(scheduler, course, progress);
        if queue.cards().is_empty() {
            return Forecast::NotSetUp {
                message: NO_CARDS.to_string(),
            };
        }
        let today = now.date();
        let mut due = vec![0u64; FORECAST_DAYS];
        let mut overdue = 0;
        for card in queue.cards() {
            if card.due <= now.timestamp() {
                overdue += 1;
                due[0] += 1;
                continue;
            }
            let day = card.due.to_zoned(now.time_zone().clone()).date();
            let ahead = today
                .until(day)
                .map_or(i64::MAX, |span| i64::from(span.get_days()));
            if let Ok(d) = usize::try_from(ahead)
                && d < FORECAST_DAYS
            {
                due[d] += 1;
            }
        }
        let (recalled, total) = progress.modules.values().flat_map(|m| &m.reviews).fold(
            (0u64, 0u64),
            |(r, t), review| {
                let ok = review.rating != crate::spaced::Rating::Again;
                (r + u64::from(ok), t + 1)
            },
        );
        let retention = (total > 0).then(|| ((100 * recalled + total / 2) / total) as u32);
        Forecast::Ready {
            due,
            retention,
            overdue,
        }
    }
}

/// The provider this build uses.
pub fn current() -> &'static dyn ReviewForecast {
    &FsrsForecast
}
