//! The learner's settings file, `$XDG_CONFIG_HOME/syllabus/config.toml` (via `directories`),
//! or `SYLLABUS_CONFIG=FILE`: who the learner is (for reports to an organisation), where the
//! Learning Record Store is, and the theme. Every key is optional; command-line flags override
//! the file and `SYLLABUS_LRS_USER` / `SYLLABUS_LRS_PASSWORD` override its credentials, so
//! secrets need not be written down. A broken file is reported with its path, line, column
//! and key; nothing here panics.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cli::ThemeName;

/// The whole settings file. Unknown keys are errors (with the expected ones listed), so a
/// typo never silently does nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Who the learner is, for certificates and for xAPI statements.
    #[serde(default)]
    pub learner: Learner,
    /// Where statements are sent (`syllabus sync`).
    #[serde(default)]
    pub lrs: Lrs,
    /// How the app looks.
    #[serde(default)]
    pub display: Display,
    /// Spaced review: how many cards a session asks and the retention to schedule for.
    #[serde(default)]
    pub review: ReviewSettings,
}

/// Default cards per review session.
pub const SESSION_SIZE: usize = 20;
/// Default desired retention: the chance of recalling a card when it comes due.
pub const DESIRED_RETENTION: f64 = 0.9;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewSettings {
    /// Cards in one review session, 1 to 500 (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_size: Option<usize>,
    /// The recall probability reviews are scheduled for, 0.7 to 0.99 (default 0.9): higher
    /// means more reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_retention: Option<f64>,
}

impl ReviewSettings {
    pub fn session_size(&self) -> usize {
        self.session_size.unwrap_or(SESSION_SIZE)
    }

    pub fn desired_retention(&self) -> f64 {
        self.desired_retention.unwrap_or(DESIRED_RETENTION)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learner {
    /// The name printed on certificates and sent as the actor's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Identifies the learner to the LRS as `mailto:EMAIL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Or an account on the organisation's system (used when `email` is not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The system the account belongs to, e.g. `https://people.example.org`.
    pub home_page: String,
    /// The learner's login or id there.
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lrs {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.org/xAPI`; statements go to
    /// `ENDPOINT/statements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Basic-auth user (the LRS's key); `SYLLABUS_LRS_USER` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Basic-auth password (the LRS's secret); `SYLLABUS_LRS_PASSWORD` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Seconds to wait for the LRS before giving up on a request (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Display {
    /// `default`, `high-contrast` or `mono`; `--theme` overrides it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeSetting>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeSetting {
    Default,
    HighContrast,
    Mono,
}

impl From<ThemeSetting> for ThemeName {
    fn from(t: ThemeSetting) -> ThemeName {
        match t {
            ThemeSetting::Default => ThemeName::Default,
            ThemeSetting::HighContrast => ThemeName::HighContrast,
            ThemeSetting::Mono => ThemeName::Mono,
        }
    }
}

/// Where the settings file is: `SYLLABUS_CONFIG` if set, else the platform config folder.
pub fn path() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("SYLLABUS_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "syllabus").ok_or_else(|| {
        "cannot determine a config folder (HOME is not set); set SYLLABUS_CONFIG=FILE".to_string()
    })?;
    Ok(dirs.config_dir().join("config.toml"))
}

/// Read the settings at `path`: a missing file is the defaults; anything else that is wrong
/// is a message naming the file, line, column and what to do.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(format!(
                "cannot read the settings file {}: {e}; fix its permissions or set SYLLABUS_CONFIG to another file",
                path.display()
            ));
        }
    };
    parse(&text).map_err(|(place, msg)| {
        let at = place.map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
        format!(
            "the settings file {}{at} is not valid: {msg}\n  fix it (see `syllabus config show` for every key), or move it away to use the defaults",
            path.display()
        )
    })
}

/// Parse settings text; an error carries its (line, column), 1-based, when known. Out of line:
/// most starts have no settings file (docs/performance.md, "Fifth pass").
#[inline(never)]
pub fn parse(text: &str) -> Result<Config, (Option<(usize, usize)>, String)> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let place = e.span().map(|s| line_col(text, s.start));
        let msg = crate::course::diagnostic::escape_controls(e.message().trim())
            .replace("expected u64", "expected a whole number");
        (place, msg)
    })?;
    config.validate().map_err(|m| (None, m))?;
    Ok(config)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl Config {
    fn validate(&self) -> Result<(), String> {
        if let Some(email) = &self.learner.email
            && (!email.contains('@') || email.contains(char::is_whitespace))
        {
            return Err(format!(
                "learner.email = {email:?} is not an email address (like ada@example.org)"
            ));
        }
        if let Some(a) = &self.learner.account
            && !is_web_address(&a.home_page)
        {
            return Err(format!(
                "learner.account.home_page = {:?} must be a web address starting with https:// or http://",
                a.home_page
            ));
        }
        if let Some(e) = &self.lrs.endpoint
            && !is_web_address(e)
        {
            return Err(format!(
                "lrs.endpoint = {e:?} must be the LRS's xAPI address, starting with https:// or http://"
            ));
        }
        if let Some(n) = self.review.session_size
            && !(1..=500).contains(&n)
        {
            return Err(format!(
                "review.session_size = {n} must be between 1 and 500 (cards in one review session)"
            ));
        }
        if let Some(r) = self.review.desired_retention
            && !(0.7..=0.99).contains(&r)
        {
            return Err(format!(
                "review.desired_retention = {r} must be between 0.7 and 0.99 (0.9 means a 90% chance of recalling a card when it comes due)"
            ));
        }
        Ok(())
    }

    /// The LRS user and password, the environment overriding the file.
    pub fn credentials(&self) -> (Option<String>, Option<String>) {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        (
            env("SYLLABUS_LRS_USER").or_else(|| self.lrs.username.clone()),
            env("SYLLABUS_LRS_PASSWORD").or_else(|| self.lrs.password.clone()),
        )
    }

    /// The settings as TOML, with the password hidden: what `syllabus config show` prints.
    pub fn show(&self) -> String {
        let mut shown = self.clone();
        if shown.lrs.password.is_some() {
            shown.lrs.password = Some("(hidden)".into());
        }
        toml::to_string_pretty(&shown).unwrap_or_default()
    }
}

fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > "https://".len()
}

/// A commented example of every key, for `syllabus config show` on a machine with no file.
pub const EXAMPLE: &str = r#"# syllabus settings: every key is optional.
[learner]
name = "Ada Lovelace"                 # printed on certificates, sent to the LRS
email = "ada@example.org"             # identifies you to the LRS (mailto:)
# account = { home_page = "https://people.example.org", name = "ada" }   # instead of email

[lrs]
endpoint = "https://lrs.example.org/xAPI"   # statements go to ENDPOINT/statements
username = "key"                            # or SYLLABUS_LRS_USER
# password = "secret"                       # better: SYLLABUS_LRS_PASSWORD
timeout_seconds = 20

[display]
theme = "default"                     # default, high-contrast or mono

[review]
session_size = 20                     # cards in one review session (1 to 500)
desired_retention = 0.9               # chance of recalling a card when it is due (0.7 to 0.99)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_parses_into_every_section() {
        let c = parse(EXAMPLE).unwrap();
        assert_eq!(c.learner.email.as_deref(), Some("ada@example.org"));
        assert_eq!(c.lrs.timeout_seconds, Some(20));
        assert_eq!(c.display.theme, Some(ThemeSetting::Default));
        assert_eq!(c.review.session_size(), 20);
        assert_eq!(c.review.desired_retention(), 0.9);
    }

    #[test]
    fn review_settings_default_and_out_of_range_values_are_errors() {
        let c = parse("").unwrap();
        assert_eq!(
            (c.review.session_size(), c.review.desired_retention()),
            (20, 0.9)
        );
        let Err((_, msg)) = parse("[review]\ndesired_retention = 1.5\n") else {
            panic!("accepted a retention over 0.99");
        };
        assert!(msg.contains("between 0.7 and 0.99"), "{msg}");
        let Err((_, msg)) = parse("[review]\nsession_size = 0\n") else {
            panic!("accepted an empty session");
        };
        assert!(msg.contains("between 1 and 500"), "{msg}");
    }

    #[test]
    fn a_typo_names_its_line_column_and_the_expected_keys() {
        let Err((place, msg)) = parse("[learner]\nname = \"A\"\nemial = \"a@b.c\"\n") else {
            panic!("accepted a typo");
        };
        assert_eq!(place, Some((3, 1)));
        assert!(msg.contains("unknown field `emial`"), "{msg}");
        assert!(msg.contains("email"), "{msg}");
    }

    #[test]
    fn a_wrong_type_and_a_bad_address_are_errors() {
        let Err((place, msg)) = parse("[lrs]\ntimeout_seconds = \"ten\"\n") else {
            panic!("accepted a string");
        };
        assert_eq!(place.map(|p| p.0), Some(2));
        assert!(msg.contains("expected a whole number"), "{msg}");
        let Err((_, msg)) = parse("[lrs]\nendpoint = \"lrs.example.org\"\n") else {
            panic!("accepted an address without a scheme");
        };
        assert!(msg.contains("https://"), "{msg}");
    }

    #[test]
    fn show_hides_the_password() {
        let c = parse("[lrs]\npassword = \"hunter2\"\n").unwrap();
        let shown = c.show();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("(hidden)"), "{shown}");
    }

    #[test]
    fn a_missing_file_is_the_defaults_and_an_unreadable_one_says_so() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("none.toml")), Ok(Config::default()));
        let msg = load(dir.path()).err().unwrap_or_default();
        assert!(msg.contains("cannot read the settings file"), "{msg}");
    }
}
