//! The command line, as clap definitions only. What each command does lives in `cmd/`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

/// A terminal training course: read lessons, take quizzes that explain every answer, and
/// pick up exactly where you left off. With no command, opens the course.
#[derive(Debug, Parser)]
#[command(name = "syllabus", version)]
#[command(
    about = "A terminal training course: lessons, quizzes that explain every answer, and progress that is never lost.\nWith no command, opens the course (the built-in one, or --course DIR) where you left off."
)]
#[command(
    after_help = "Keys: ? shows the keys of the current screen; q goes back; Ctrl-C quits (progress is saved); v on the map reviews the questions that are due (spaced review).\nScreen readers and braille displays: `syllabus --line` gives the whole course as plain lines (also with TERM=dumb).\nAuthors: `syllabus new DIR` starts a course, `syllabus check DIR` checks it, `syllabus --course DIR --watch` previews it live; the authoring guide is docs/authoring.md in the source."
)]
pub struct Cli {
    /// Open the course in DIR instead of the built-in course (kept, checked, in the cache
    /// folder, ~/.cache/syllabus/, until one of its files changes)
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// Keep progress in FILE instead of the default place (see `syllabus progress path`)
    #[arg(long, global = true, value_name = "FILE")]
    pub progress: Option<PathBuf>,

    /// With --course: reload the course whenever one of its files is saved, keeping your
    /// place; errors are shown over the screen until a save fixes them (no cache is used)
    #[arg(long)]
    pub watch: bool,

    /// Plain lines for screen readers and braille displays: no cursor movement, no colour,
    /// no redraws; type a line at each prompt (help lists what can be typed). Also chosen
    /// when TERM=dumb; works when input or output is not a terminal
    #[arg(long)]
    pub line: bool,

    /// With --line: print long pages all at once instead of stopping every screenful
    #[arg(long)]
    pub no_paging: bool,

    /// Colours: default (dark and light terminals), high-contrast, or mono (no colour;
    /// also chosen when NO_COLOR is set). Default: display.theme in the settings file, else
    /// default
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Default,
    HighContrast,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a course for errors, review how its questions are written, and print a summary
    /// (exit 1 on any error)
    Check(Later<CheckArgs>),
    /// Start a new course in DIR: a manifest, a lesson with every question kind, a diagram
    /// and an assessment, ready to check and open
    New(Later<NewArgs>),
    /// Show, export or reset progress, print where it lives, or print a certificate
    Progress(Later<ProgressArgs>),
    /// Print the JSON Schema of module files or of course.toml, or write both to a folder
    Schema(Later<SchemaArgs>),
    /// Send xAPI statements the Learning Record Store has not yet acknowledged (docs/xapi.md)
    Sync(Later<SyncArgs>),
    /// Print where the settings file is, or what it sets
    Config(Later<ConfigArgs>),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(Later<CompletionsArgs>),
    /// Print the man page (roff), or write one page per command into a folder
    Man(Later<ManArgs>),
}

// Each command's arguments, in a struct of their own (no doc comment: the help's text for
// the command is the variant's, above).

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The course folder (default: --course, else the current folder if it holds a
    /// course.toml, else the built-in course)
    pub dir: Option<PathBuf>,
    /// human: rustc-style messages; json: the same diagnostics for editors and scripts
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also print each module's item statistics: single questions whose right option is
    /// the longest, true/false answers, tick-all right counts, match splits, blueprints
    #[arg(long)]
    pub items: bool,
    /// Check again whenever a file of the course is saved (Ctrl-C stops)
    #[arg(long)]
    pub watch: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must not exist, or be empty)
    pub dir: PathBuf,
    /// The course title (default: from the folder name)
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(subcommand)]
    pub command: ProgressCommand,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema to print: module (for module files) or course (for course.toml)
    #[arg(value_enum)]
    pub which: Option<SchemaFile>,
    /// Write course.schema.json and module.schema.json into DIR (created if needed)
    #[arg(long, value_name = "DIR", conflicts_with = "which")]
    pub write: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI (default: lrs.endpoint
    /// in the settings file)
    #[arg(long, value_name = "URL")]
    pub lrs: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write syllabus.1 and syllabus-COMMAND.1 into DIR
    #[arg(long, value_name = "DIR")]
    pub write: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the settings file (SYLLABUS_CONFIG overrides it)
    Path,
    /// Print the settings in force (password hidden), or an example when there is no file
    Show,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    Course,
    Module,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    /// Every xAPI statement the progress implies, as a JSON array (docs/xapi.md)
    Xapi,
}

#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Print the path of the progress file
    Path,
    /// A table of modules: state, grade, attempts, practice runs, questions mastered, time
    Show,
    /// Every recorded answer and spaced review in words, course order, one row each (docs/progress.md)
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
    },
    /// Forget progress (all of it, or one module's); asks first, keeps FILE.bak
    Reset {
        /// Reset only this module (its id, as in `progress show`)
        #[arg(long, value_name = "ID")]
        module: Option<String>,
        /// Do not ask for confirmation
        #[arg(long)]
        yes: bool,
    },
    /// Your learning in figures: streak and totals, time per module and per day, every
    /// attempt's score, mastery, the weakest questions and objectives, the review forecast
    /// (the stats screen's figures, key `i` on the map)
    Stats {
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Work the figures out as of this moment instead of now (RFC 3339, such as
        /// 2027-01-20T12:00:00Z); days are those of the local time zone (TZ)
        #[arg(long, value_name = "TIME")]
        as_of: Option<jiff::Timestamp>,
    },
    /// Fit FSRS parameters to your answers and reviews (kept in the progress file)
    Optimize,
    /// Print a plain-text certificate of completion
    Certificate {
        /// The name to print (default: the one typed on the completion page, else the
        /// settings file's [learner] name, else the user name)
        #[arg(long)]
        name: Option<String>,
    },
}

/// A command's arguments `T`, defined only when that command is the one given: clap's
/// `Command::defer`. A start (no command) then builds the names and help lines of the
/// commands, not their every argument, and none of that code is among what a start runs
/// (docs/performance.md, "Fifth pass"). `--help`, completions and man pages build them all.
#[derive(Debug)]
pub struct Later<T>(pub T);

/// Set by [`full_command`]: define every command's arguments at once.
static EAGER: AtomicBool = AtomicBool::new(false);

/// The whole command line with every command's arguments defined at once, as completions
/// and man pages need it: clap makes its `help` command's tree, and orders each command's
/// options, from what is defined when the top command is built.
pub fn full_command() -> clap::Command {
    EAGER.store(true, Ordering::Relaxed);
    <Cli as clap::CommandFactory>::command()
}

impl<T: Args> Args for Later<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        if EAGER.load(Ordering::Relaxed) {
            return T::augment_args(cmd);
        }
        cmd.defer(T::augment_args)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        if EAGER.load(Ordering::Relaxed) {
            return T::augment_args_for_update(cmd);
        }
        cmd.defer(T::augment_args_for_update)
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: FromArgMatches> FromArgMatches for Later<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Later)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Later)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T> std::ops::Deref for Later<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(argv: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(argv)
    }

    #[test]
    fn a_deferred_command_gets_its_arguments_and_the_global_ones() {
        let cli = parse(&["syllabus", "check", "DIR", "--format", "json", "--items"]);
        let Ok(Cli {
            command: Some(Command::Check(Later(check))),
            ..
        }) = cli
        else {
            panic!("not a check: {cli:?}");
        };
        assert_eq!(check.dir, Some(PathBuf::from("DIR")));
        assert_eq!(
            (check.format, check.items, check.watch),
            (Format::Json, true, false)
        );

        let cli = parse(&[
            "syllabus",
            "progress",
            "reset",
            "--module",
            "m1",
            "--progress",
            "F",
        ]);
        let Ok(Cli {
            progress,
            command: Some(Command::Progress(Later(ProgressArgs { command }))),
            ..
        }) = cli
        else {
            panic!("not progress: {cli:?}");
        };
        assert_eq!(progress, Some(PathBuf::from("F")));
        let ProgressCommand::Reset { module, yes } = command else {
            panic!("not a reset: {command:?}");
        };
        assert_eq!((module.as_deref(), yes), (Some("m1"), false));
    }

    #[test]
    fn a_deferred_command_still_refuses_what_it_does_not_take() {
        let err = parse(&["syllabus", "check", "--bogus"])
            .map(|_| ())
            .unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::UnknownArgument);
        let err = parse(&["syllabus", "progress"]).map(|_| ()).unwrap_err();
        assert_eq!(
            err.kind(),
            clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        );
        let err = parse(&["syllabus", "schema", "module", "--write", "D"])
            .map(|_| ())
            .unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict);
    }

    #[test]
    fn the_definitions_pass_clap_s_own_checks() {
        // Builds every command, the deferred ones too.
        <Cli as clap::CommandFactory>::command().debug_assert();
    }
}
