//! The command line, as clap definitions only. What each command does lives in `cmd/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    Check {
        /// The course folder (default: --course, else the current folder if it holds a
        /// course.toml, else the built-in course)
        dir: Option<PathBuf>,
        /// human: rustc-style messages; json: the same diagnostics for editors and scripts
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also print each module's item statistics: single questions whose right option is
        /// the longest, true/false answers, tick-all right counts, match splits, blueprints
        #[arg(long)]
        items: bool,
        /// Check again whenever a file of the course is saved (Ctrl-C stops)
        #[arg(long)]
        watch: bool,
    },
    /// Start a new course in DIR: a manifest, a lesson with every question kind, a diagram
    /// and an assessment, ready to check and open
    New {
        /// The folder to create (it must not exist, or be empty)
        dir: PathBuf,
        /// The course title (default: from the folder name)
        #[arg(long)]
        title: Option<String>,
    },
    /// Show, export or reset progress, print where it lives, or print a certificate
    Progress {
        #[command(subcommand)]
        command: ProgressCommand,
    },
    /// Print the JSON Schema of module files or of course.toml, or write both to a folder
    Schema {
        /// Which schema to print: module (for module files) or course (for course.toml)
        #[arg(value_enum)]
        which: Option<SchemaFile>,
        /// Write course.schema.json and module.schema.json into DIR (created if needed)
        #[arg(long, value_name = "DIR", conflicts_with = "which")]
        write: Option<PathBuf>,
    },
    /// Send xAPI statements the Learning Record Store has not yet acknowledged (docs/xapi.md)
    Sync {
        /// The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI (default: lrs.endpoint
        /// in the settings file)
        #[arg(long, value_name = "URL")]
        lrs: Option<String>,
    },
    /// Print where the settings file is, or what it sets
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write one page per command into a folder
    Man {
        /// Write syllabus.1 and syllabus-COMMAND.1 into DIR
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
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
