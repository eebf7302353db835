//! Figures about the learner's own learning, for the stats screen and `progress stats`:
//! time per module and per day, every attempt's score, mastery, the weakest questions and
//! objectives, streak and totals, and the review forecast. Pure over `(&Course, &Progress,
//! now)`; the app works them out once per change of progress and the view only draws them.

pub mod days;
pub mod forecast;
mod weak;

use jiff::Zoned;
use serde::Serialize;

use crate::course::{Course, Module};
use crate::progress::Progress;
use crate::quiz::Mode;
use crate::standing::{ModuleStanding, Standing};

pub use days::{Day, WINDOW_DAYS};
pub use forecast::{Forecast, ReviewForecast};
pub use weak::{WeakObjective, WeakQuestion, teaching_section};

/// Everything the stats screen shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The learner's today, `YYYY-MM-DD`.
    pub today: String,
    pub totals: Totals,
    pub modules: Vec<ModuleStats>,
    /// The last `WINDOW_DAYS` days, oldest first, ending today.
    pub days: Vec<Day>,
    /// Questions answered wrong at least once, weakest first.
    pub weak_questions: Vec<WeakQuestion>,
    /// Objectives of modules not yet mastered, weakest first.
    pub weak_objectives: Vec<WeakObjective>,
    pub forecast: Forecast,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Days with at least one recorded answer or attempt.
    pub days_active: usize,
    pub streak: usize,
    pub longest_streak: usize,
    /// Answers given, in every attempt (practice included).
    pub answered: usize,
    pub correct: usize,
    /// `correct` of `answered` in percent; None before the first answer.
    pub accuracy: Option<u32>,
    /// Finished attempts.
    pub attempts: usize,
    pub mastered: usize,
    pub questions: usize,
    /// Active time over every module, rounded up to minutes.
    pub minutes: u64,
    pub modules_complete: usize,
    pub modules: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleStats {
    /// 1-based, as on the map.
    pub number: usize,
    pub id: String,
    pub title: String,
    /// Active time in the module (reading and quizzes), rounded up to minutes.
    pub minutes: u64,
    pub mastered: usize,
    pub questions: usize,
    /// `mastered` of `questions` in percent.
    pub mastery: u32,
    /// The module grade by its grading rule, if any full attempt is finished.
    pub grade: Option<u32>,
    pub passed: bool,
    pub pass_mark: u32,
    /// Finished attempts in the order taken.
    pub scores: Vec<ScorePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorePoint {
    /// Position among every finished attempt of the course, oldest first (1-based): the
    /// x axis of the score charts, so attempts on one day still spread out.
    pub order: usize,
    pub attempt: u32,
    /// A "missed only" retake: practice, not graded.
    pub practice: bool,
    /// `YYYY-MM-DD` the attempt finished.
    pub date: String,
    pub score: u32,
}

/// A score rounded for display; never 100 for less than 100 (as the map shows grades).
pub fn percent(score: f64) -> u32 {
    let r = score.round();
    if r >= 100.0 && score < 100.0 - 1e-9 {
        99
    } else {
        r.clamp(0.0, 100.0) as u32
    }
}

fn ratio_pct(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        0
    } else {
        percent(100.0 * part as f64 / whole as f64)
    }
}

/// Every figure, with this build's review forecast.
pub fn compute(course: &Course, progress: &Progress, now: &Zoned) -> Stats {
    compute_with(course, progress, now, forecast::current())
}

pub fn compute_with(
    course: &Course,
    progress: &Progress,
    now: &Zoned,
    review: &dyn ReviewForecast,
) -> Stats {
    let today = now.date();
    let activity = days::activity(progress, today, now.time_zone());
    let standing = Standing::new(course, progress);
    let mut modules: Vec<ModuleStats> = course
        .modules
        .iter()
        .zip(standing.modules())
        .enumerate()
        .map(|(m, (module, ms))| module_stats(m, module, ms, progress, now))
        .collect();
    number_attempts(&mut modules, &standing);
    let responses = progress
        .modules
        .values()
        .flat_map(|m| &m.attempts)
        .flat_map(|a| &a.responses);
    let (answered, correct) =
        responses.fold((0, 0), |(n, c), r| (n + 1, c + usize::from(r.correct)));
    let seconds = crate::standing::active_seconds(progress);
    let totals = Totals {
        days_active: activity.days_active,
        streak: activity.streak,
        longest_streak: activity.longest_streak,
        answered,
        correct,
        accuracy: (answered > 0).then(|| ratio_pct(correct, answered)),
        attempts: modules.iter().map(|m| m.scores.len()).sum(),
        mastered: modules.iter().map(|m| m.mastered).sum(),
        questions: modules.iter().map(|m| m.questions).sum(),
        minutes: seconds.div_ceil(60),
        modules_complete: standing.totals().complete,
        modules: course.modules.len(),
    };
    Stats {
        today: today.to_string(),
        totals,
        days: activity.window,
        weak_questions: weak::questions(course, progress, now),
        weak_objectives: weak::objectives(course, progress),
        forecast: review.forecast(course, progress, now),
        modules,
    }
}

fn module_stats(
    m: usize,
    module: &Module,
    ms: &ModuleStanding,
    progress: &Progress,
    now: &Zoned,
) -> ModuleStats {
    let attempts = progress.attempts(&module.id);
    let scores = attempts
        .iter()
        .filter_map(|a| {
            let finished = a.finished?;
            Some(ScorePoint {
                order: 0,
                attempt: a.number,
                practice: a.mode == Mode::Missed,
                date: finished
                    .to_zoned(now.time_zone().clone())
                    .date()
                    .to_string(),
                score: percent(a.score()),
            })
        })
        .collect();
    ModuleStats {
        number: m + 1,
        id: module.id.to_string(),
        title: module.title.to_string(),
        minutes: crate::standing::module_seconds(progress, &module.id).div_ceil(60),
        mastered: ms.mastered,
        questions: ms.questions,
        mastery: ratio_pct(ms.mastered, ms.questions),
        grade: ms.grade.map(percent),
        passed: ms.passed,
        pass_mark: u32::from(module.quiz.pass_mark),
        scores,
    }
}

/// Give each finished attempt its place among all of them, by finishing time (then module
/// and attempt, so equal times keep a stable order: `Standing::timeline`).
fn number_attempts(modules: &mut [ModuleStats], standing: &Standing) {
    for (i, (ms, e)) in standing.timeline().into_iter().enumerate() {
        // The entry's place among its module's finished attempts, as `scores` lists them.
        let k = ms
            .attempts
            .iter()
            .filter(|x| x.finished.is_some())
            .position(|x| x.index == e.index);
        let m = standing.position(&ms.id);
        if let Some(p) = m
            .zip(k)
            .and_then(|(m, k)| modules.get_mut(m)?.scores.get_mut(k))
        {
            p.order = i + 1;
        }
    }
}

/// The shapes the chart widgets take, so the view converts nothing.
impl Stats {
    pub fn answered_per_day(&self) -> Vec<u64> {
        self.days.iter().map(|d| d.answered).collect()
    }

    pub fn minutes_per_day(&self) -> Vec<u64> {
        self.days.iter().map(|d| d.minutes).collect()
    }

    /// Minutes over the window's days.
    pub fn window_minutes(&self) -> u64 {
        self.days.iter().map(|d| d.minutes).sum()
    }

    /// The day in the window with the most answers (the latest of equals), if any.
    pub fn busiest_day(&self) -> Option<&Day> {
        self.days
            .iter()
            .filter(|d| d.answered > 0)
            .max_by_key(|d| d.answered)
    }

    /// Modules with at least one finished attempt, in course order.
    pub fn scored_modules(&self) -> Vec<&ModuleStats> {
        self.modules
            .iter()
            .filter(|m| !m.scores.is_empty())
            .collect()
    }

    /// The largest module time, for scaling the time bars alike.
    pub fn most_minutes(&self) -> u64 {
        self.modules.iter().map(|m| m.minutes).max().unwrap_or(0)
    }
}

impl ModuleStats {
    pub fn mastery_ratio(&self) -> f64 {
        if self.questions == 0 {
            0.0
        } else {
            (self.mastered as f64 / self.questions as f64).clamp(0.0, 1.0)
        }
    }

    /// Chart points `(attempt number, score)` of graded attempts, or of practice ones.
    pub fn score_points(&self, practice: bool) -> Vec<(f64, f64)> {
        self.scores
            .iter()
            .filter(|p| p.practice == practice)
            .map(|p| (f64::from(p.attempt), f64::from(p.score)))
            .collect()
    }

    /// The x range of the score chart: half an attempt either side of the first and last.
    pub fn attempt_bounds(&self) -> [f64; 2] {
        let first = self.scores.first().map_or(1, |p| p.attempt);
        let last = self.scores.last().map_or(1, |p| p.attempt);
        [f64::from(first) - 0.5, f64::from(last) + 0.5]
    }

    /// The pass mark as a line across the chart.
    pub fn pass_line(&self) -> Vec<(f64, f64)> {
        let [a, b] = self.attempt_bounds();
        let y = f64::from(self.pass_mark);
        vec![(a, y), (b, y)]
    }
}
