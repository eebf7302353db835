//! Activity by calendar day, from the only timestamps the progress records: when attempts
//! started and finished and when each answer was given. Reading a section leaves no
//! timestamp, so days spent only reading do not show here (docs/stats.md).

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use crate::progress::Progress;

/// Days shown in the per-day charts: the last four weeks, today included.
pub const WINDOW_DAYS: usize = 28;

/// Gaps between two recorded moments longer than this are not counted as time spent (the
/// same rule as the app's active time).
const IDLE_SECONDS: i64 = 5 * 60;

/// One day of activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`, in the learner's time zone.
    pub date: String,
    /// Answers given that day.
    pub answered: u64,
    /// Of those, right.
    pub correct: u64,
    /// Minutes between recorded moments (answers, attempt starts and ends) that day, gaps
    /// over 5 minutes left out: time spent in quizzes, rounded up.
    pub minutes: u64,
}

/// Everything by day: per-day figures for the window, days active and streaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub window: Vec<Day>,
    pub days_active: usize,
    /// Consecutive active days ending today, or yesterday if nothing yet today.
    pub streak: usize,
    pub longest_streak: usize,
}

#[derive(Default)]
struct Tally {
    answered: u64,
    correct: u64,
    seconds: i64,
}

pub fn activity(progress: &Progress, today: Date, tz: &TimeZone) -> Activity {
    let mut moments: Vec<Timestamp> = Vec::new();
    let mut by_day: BTreeMap<Date, Tally> = BTreeMap::new();
    let day_of = |t: Timestamp| t.to_zoned(tz.clone()).date();
    for a in progress.modules.values().flat_map(|m| &m.attempts) {
        moments.push(a.started);
        moments.extend(a.finished);
        for r in &a.responses {
            moments.push(r.at);
            let t = by_day.entry(day_of(r.at)).or_default();
            t.answered += 1;
            t.correct += u64::from(r.correct);
        }
    }
    moments.sort_unstable();
    for pair in moments.windows(2) {
        let gap = pair[1].as_second() - pair[0].as_second();
        let t = by_day.entry(day_of(pair[1])).or_default();
        if (0..=IDLE_SECONDS).contains(&gap) {
            t.seconds += gap;
        }
    }
    if let Some(first) = moments.first() {
        by_day.entry(day_of(*first)).or_default();
    }
    let window = (0..WINDOW_DAYS)
        .rev()
        .map(|back| {
            let date = today.checked_sub((back as i64).days()).unwrap_or(today);
            let t = by_day.get(&date);
            Day {
                date: date.to_string(),
                answered: t.map_or(0, |t| t.answered),
                correct: t.map_or(0, |t| t.correct),
                minutes: t.map_or(0, |t| (t.seconds.max(0) as u64).div_ceil(60)),
            }
        })
        .collect();
    let active: Vec<Date> = by_day.keys().copied().collect();
    Activity {
        window,
        days_active: active.len(),
        streak: current_streak(&active, today),
        longest_streak: longest_streak(&active),
    }
}

fn next_day(d: Date) -> Option<Date> {
    d.checked_add(1.day()).ok()
}

fn longest_streak(days: &[Date]) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut last: Option<Date> = None;
    for &d in days {
        run = if last.and_then(next_day) == Some(d) {
            run + 1
        } else {
            1
        };
        best = best.max(run);
        last = Some(d);
    }
    best
}

fn current_streak(days: &[Date], today: Date) -> usize {
    let Some(&last) = days.last() else {
        return 0;
    };
    if last != today && next_day(last) != Some(today) {
        return 0;
    }
    let mut n = 1;
    let mut at = last;
    for &d in days.iter().rev().skip(1) {
        if next_day(d) == Some(at) {
            n += 1;
            at = d;
        } else {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn streaks_count_consecutive_days_and_forgive_an_empty_today() {
        let days = [
            date(2027, 1, 1),
            date(2027, 1, 2),
            date(2027, 1, 3),
            date(2027, 1, 7),
            date(2027, 1, 8),
        ];
        assert_eq!(longest_streak(&days), 3);
        assert_eq!(current_streak(&days, date(2027, 1, 8)), 2);
        assert_eq!(
            current_streak(&days, date(2027, 1, 9)),
            2,
            "yesterday counts"
        );
        assert_eq!(current_streak(&days, date(2027, 1, 10)), 0);
        assert_eq!(current_streak(&[], date(2027, 1, 10)), 0);
    }
}
