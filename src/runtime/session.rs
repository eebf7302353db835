//! A session: the app and its store, built from what opening the store found, and the one
//! place effects are performed. Every state change stays in `App::update`: `perform` only
//! runs the effect against the store and feeds the outcome back as an action.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::app::opened::Opening;
use crate::app::{Action, App, Effect};
use crate::course::Course;
use crate::progress::ProgressStore;
use crate::progress::store::OpenResult;

/// The app and the store its effects are performed against.
pub struct Session {
    pub app: App,
    pub store: Box<dyn ProgressStore>,
}

impl Session {
    /// Perform `effects` against this session's store (see [`perform`]).
    pub fn perform(&mut self, effects: Vec<Effect>, now: Timestamp) -> bool {
        perform(&mut self.app, self.store.as_mut(), effects, now)
    }
}

/// Build the app from a loaded course and an opened progress store, and send it
/// `Action::Opened` with everything the store found (recovery, read-only, lock problems):
/// `update` turns that into banners or a prompt.
pub fn build_app(
    course: Course,
    open: OpenResult,
    entropy: u64,
    course_warnings: usize,
) -> Session {
    let OpenResult {
        store,
        progress,
        opened,
        notices,
    } = open;
    let opening = Opening {
        opened,
        notices,
        read_only: store.read_only().map(str::to_string),
        store_path: store.path().to_path_buf(),
        copy_path: copy_path(&course.id),
        course_warnings,
        time_zone: crate::zone::system(),
    };
    let mut app = App::new(course, progress, entropy);
    // Due counts are counted at the last action's time; until the first one, at start-up.
    let effects = app.update(Action::Opened(Box::new(opening)), Timestamp::now());
    debug_assert!(effects.is_empty(), "opening asks for nothing");
    Session {
        app,
        store: Box::new(store),
    }
}

fn copy_path(course_id: &str) -> PathBuf {
    // The UTC time as `%Y%m%d-%H%M%S`, spelt out: strftime's code is 15 KiB that a start
    // would otherwise map for this one name (docs/performance.md, "Fifth pass").
    let t = Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .datetime();
    let ts = format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let dir = directories::BaseDirs::new()
        .map_or_else(|| PathBuf::from("."), |b| b.home_dir().to_path_buf());
    dir.join(format!("syllabus-progress-{course_id}-{ts}.toml"))
}

/// Perform effects against `store`, feeding their outcomes back to the app (at `now`) until
/// none are left. Returns whether the app is still running.
pub fn perform(
    app: &mut App,
    store: &mut dyn ProgressStore,
    effects: Vec<Effect>,
    now: Timestamp,
) -> bool {
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            let outcome = match effect {
                Effect::Save | Effect::SaveAndQuit => Some(Action::Saved(
                    store.save(&app.progress).map_err(|e| e.to_string()),
                )),
                Effect::WriteCopy(path) => Some(Action::CopyWritten(
                    store
                        .write_copy(&path, &app.progress)
                        .map_err(|e| e.to_string()),
                )),
                Effect::StartFresh => {
                    store.start_fresh();
                    None
                }
                Effect::Quit => None,
            };
            if let Some(action) = outcome {
                next.extend(app.update(action, now));
            }
        }
        queue = next;
    }
    app.is_running()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_copy_is_named_after_the_course_and_the_utc_time() {
        let path = super::copy_path("lm");
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let stamp = name
            .strip_prefix("syllabus-progress-lm-")
            .and_then(|rest| rest.strip_suffix(".toml"))
            .unwrap_or_else(|| panic!("not a copy's name: {name}"));
        // As strftime's %Y%m%d-%H%M%S wrote it: 8 digits, a dash, 6 digits.
        let (day, time) = stamp.split_at(8);
        assert!(day.bytes().all(|b| b.is_ascii_digit()), "{stamp}");
        assert_eq!(time.len(), 7, "{stamp}");
        assert!(time.starts_with('-') && time[1..].bytes().all(|b| b.is_ascii_digit()));
        let year: i32 = day[..4].parse().unwrap_or(0);
        assert!(year >= 2024, "{stamp}");
    }
}
