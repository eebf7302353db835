//! Opening a session, as an action: `runtime::build_app` only builds the app and sends
//! `Action::Opened` with what the store found; `update` turns it into the read-only reason,
//! the copy path, banners, or the damaged-file prompt.

use std::path::PathBuf;

use super::{App, BannerKind, Effect, Prompt};
use crate::progress::Opened;

/// What opening the progress store found.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    pub opened: Opened,
    /// Things the learner should be told (read-only reasons, lock warnings).
    pub notices: Vec<String>,
    /// Why this window does not save, if it does not.
    pub read_only: Option<String>,
    /// The progress file.
    pub store_path: PathBuf,
    /// Where a copy of the progress goes if saving fails on quit.
    pub copy_path: PathBuf,
    /// Warnings `syllabus check` would show about the course.
    pub course_warnings: usize,
    /// The learner's time zone.
    pub time_zone: jiff::tz::TimeZone,
}

impl App {
    pub(super) fn opened(&mut self, o: Opening) -> Vec<Effect> {
        self.time_zone = o.time_zone;
        self.read_only = o.read_only;
        self.copy_path = o.copy_path;
        for n in o.notices {
            self.banner(BannerKind::Warning, n);
        }
        match o.opened {
            Opened::Restored {
                reason,
                corrupt,
                backup,
            } => {
                let what = match &corrupt {
                    Some(c) => format!(
                        "could not be read ({reason}; the damaged file is kept at {})",
                        c.display()
                    ),
                    None => "was missing".to_string(),
                };
                self.banner(
                    BannerKind::Warning,
                    format!(
                        "Your progress file {what}; it was restored from the backup {}. To start over instead, use `syllabus progress reset`.",
                        backup.display()
                    ),
                );
            }
            Opened::Damaged {
                reason,
                corrupt,
                backup_corrupt,
            } => {
                let bak = backup_corrupt.map_or_else(
                    || "There was no backup.".to_string(),
                    |b| format!("The backup was damaged too and is kept at {}.", b.display()),
                );
                self.prompt = Some(Prompt::Damaged {
                    message: format!(
                        "Your progress file {} could not be read ({reason}). It was moved to {}, not deleted. {bak} Start fresh, or quit and look at the files first?",
                        o.store_path.display(),
                        corrupt.display()
                    ),
                });
            }
            Opened::Fresh | Opened::Loaded => {}
        }
        if o.course_warnings > 0 {
            let n = o.course_warnings;
            self.banner(
                BannerKind::Info,
                format!(
                    "This course has {n} warnings; its author can see them with `syllabus check`."
                ),
            );
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Progress;
    use jiff::Timestamp;

    fn app() -> App {
        let course = crate::embedded::builtin().expect("built-in").course;
        let progress = Progress::new(&course.id);
        App::new(course, progress, 7)
    }

    fn opening(opened: Opened) -> Opening {
        Opening {
            opened,
            notices: vec!["Another window has this course open.".into()],
            read_only: Some("another window".into()),
            store_path: PathBuf::from("/p/progress.toml"),
            copy_path: PathBuf::from("/home/copy.toml"),
            course_warnings: 2,
            time_zone: jiff::tz::TimeZone::UTC,
        }
    }

    #[test]
    fn opening_a_restored_file_gives_the_notices_and_the_restore_as_banners() {
        let mut app = app();
        let o = opening(Opened::Restored {
            reason: "bad toml".into(),
            corrupt: Some(PathBuf::from("/p/progress.toml.corrupt")),
            backup: PathBuf::from("/p/progress.toml.bak"),
        });
        let effects = app.update(crate::app::Action::Opened(Box::new(o)), Timestamp::now());
        assert!(effects.is_empty());
        assert_eq!(app.read_only.as_deref(), Some("another window"));
        assert_eq!(app.copy_path, PathBuf::from("/home/copy.toml"));
        let texts: Vec<&str> = app.banners.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Another window has this course open.",
                "Your progress file could not be read (bad toml; the damaged file is kept at /p/progress.toml.corrupt); it was restored from the backup /p/progress.toml.bak. To start over instead, use `syllabus progress reset`.",
                "This course has 2 warnings; its author can see them with `syllabus check`.",
            ]
        );
        assert_eq!(app.prompt, None);
    }

    #[test]
    fn opening_a_damaged_file_asks_the_damaged_question() {
        let mut app = app();
        let o = opening(Opened::Damaged {
            reason: "bad toml".into(),
            corrupt: PathBuf::from("/p/progress.toml.corrupt"),
            backup_corrupt: None,
        });
        app.update(crate::app::Action::Opened(Box::new(o)), Timestamp::now());
        assert_eq!(
            app.prompt,
            Some(Prompt::Damaged {
                message: "Your progress file /p/progress.toml could not be read (bad toml). It was moved to /p/progress.toml.corrupt, not deleted. There was no backup. Start fresh, or quit and look at the files first?".into()
            })
        );
    }
}
