//! The review forecast behind a seam: the stats screen and `progress stats` ask a
//! `ReviewForecast` for cards due per day and measured retention, and never compute them
//! themselves. Spaced review (FSRS) is not part of this build yet, so the only provider
//! says so; when it lands, it implements this trait and `current()` returns it.

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

/// The provider this build uses.
pub fn current() -> &'static dyn ReviewForecast {
    &NoSpacedReview
}
