//! Thin entry point: parse arguments, pick the course, hand over to a command or to the
//! interactive session. Everything that can fail on files fails here, before the terminal
//! changes, so messages print plainly.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use syllabus::cli::{
    CheckArgs, Cli, Command, CompletionsArgs, ConfigArgs, ConfigCommand, ExportFormat, Later,
    ManArgs, NewArgs, ProgressArgs, ProgressCommand, SchemaArgs, SyncArgs,
};
use syllabus::course::{self, CourseFiles, DirFiles, EmbeddedFiles};
use syllabus::progress::{FileStore, paths};
use syllabus::{cmd, runtime, ui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        None => interactive(&cli),
        Some(command) => run_command(&cli, command),
    }
}

/// A command other than opening the course. Kept out of line (as are the other commands'
/// helpers below) so that none of its code sits among what a start runs: a start maps its
/// code in 64 KiB windows (docs/performance.md, "Fifth pass").
#[inline(never)]
fn run_command(cli: &Cli, command: &Command) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let result = match command {
        Command::Check(Later(CheckArgs {
            dir,
            format,
            items,
            watch,
        })) => {
            let dir = match cmd::check::folder(dir.as_ref().or(cli.course.as_ref())) {
                Ok(dir) => dir,
                Err(msg) => {
                    eprintln!("syllabus: {msg}");
                    return ExitCode::from(2);
                }
            };
            let colour = std::io::stdout().is_terminal() && !no_color();
            if *watch {
                let Some(dir) = dir else {
                    eprintln!(
                        "syllabus: --watch needs a course folder: syllabus check DIR --watch"
                    );
                    return ExitCode::from(2);
                };
                return cmd::check_watch::run(&dir, *format, colour, &mut stdout);
            }
            let files = course_files(dir.as_ref());
            let paint = cmd::check::Paint(colour);
            cmd::check::run(
                files.as_ref(),
                dir.as_deref(),
                *format,
                *items,
                paint,
                &mut stdout,
            )
        }
        Command::Schema(Later(SchemaArgs { which, write })) => cmd::schema::run(
            *which,
            write.as_deref(),
            &mut stdout,
            &mut std::io::stderr(),
        ),
        Command::New(Later(NewArgs { dir, title })) => {
            cmd::new::run(dir, title.as_deref(), &mut stdout)
        }
        Command::Completions(Later(CompletionsArgs { shell })) => {
            cmd::shell::completions(*shell, &mut stdout)
        }
        Command::Man(Later(ManArgs { write })) => cmd::shell::man(write.as_deref(), &mut stdout),
        Command::Progress(Later(ProgressArgs {
            command:
                ProgressCommand::Export {
                    format: ExportFormat::Xapi,
                },
        })) => {
            drop(stdout);
            return xapi_command(cli, None);
        }
        Command::Sync(Later(SyncArgs { lrs })) => {
            drop(stdout);
            return xapi_command(cli, Some(lrs.as_deref()));
        }
        Command::Config(Later(ConfigArgs { command })) => config_command(*command, &mut stdout),
        Command::Progress(Later(ProgressArgs { command })) => {
            drop(stdout);
            return progress_command(cli, command);
        }
    };
    result.unwrap_or_else(failed)
}

/// An output error: silent when the reader went away (`syllabus progress export | head`).
fn failed(e: std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("syllabus: {e}");
    ExitCode::FAILURE
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

fn course_files(dir: Option<&std::path::PathBuf>) -> Box<dyn CourseFiles> {
    match dir {
        Some(d) => Box::new(DirFiles::new(d)),
        None => Box::new(EmbeddedFiles::builtin()),
    }
}

/// The settings file and what it says, or the message saying why it cannot be used.
fn settings() -> Result<(std::path::PathBuf, syllabus::config::Config), String> {
    let path = syllabus::config::path()?;
    let config = syllabus::config::load(&path)?;
    Ok((path, config))
}

#[inline(never)]
fn config_command(command: ConfigCommand, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let (path, config) = match settings() {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return Ok(ExitCode::from(2));
        }
    };
    match command {
        ConfigCommand::Path => writeln!(out, "{}", path.display())?,
        ConfigCommand::Show if path.exists() => {
            writeln!(out, "# {}", path.display())?;
            write!(out, "{}", config.show())?;
        }
        ConfigCommand::Show => {
            writeln!(out, "# no settings file at {}; an example:", path.display())?;
            write!(out, "{}", syllabus::config::EXAMPLE)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `progress export --format xapi` (lrs None) or `sync` (lrs Some).
#[inline(never)]
fn xapi_command(cli: &Cli, lrs: Option<Option<&str>>) -> ExitCode {
    let (config_path, config) = match settings() {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return ExitCode::from(2);
        }
    };
    let Some(course) = load_course(cli) else {
        return ExitCode::FAILURE;
    };
    let progress_path = match paths::resolve(cli.progress.as_deref(), &course.id) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return ExitCode::from(2);
        }
    };
    let inputs = cmd::xapi::Inputs {
        course: &course,
        progress_path: &progress_path,
        config: &config,
        config_path: &config_path,
    };
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let result = match lrs {
        None => cmd::xapi::export(&inputs, &mut out, &mut err),
        Some(url) => cmd::xapi::run_sync(&inputs, url, &mut out, &mut err),
    };
    result.unwrap_or_else(failed)
}

/// Load the course, say where its progress is, then run a `progress` command.
#[inline(never)]
fn progress_command(cli: &Cli, command: &syllabus::cli::ProgressCommand) -> ExitCode {
    let Some(course) = load_course(cli) else {
        return ExitCode::FAILURE;
    };
    let path = match paths::resolve(cli.progress.as_deref(), &course.id) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return ExitCode::from(2);
        }
    };
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    let mut input = stdin.lock();
    let result = cmd::progress::run(
        command,
        course,
        &path,
        &mut input,
        interactive,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    result.unwrap_or_else(failed)
}

/// The course named by --course (or the built-in one), with its errors printed if it has any.
fn load_course(cli: &Cli) -> Option<course::Course> {
    ready_course(cli, true).map(|c| c.course)
}

/// The built-in course decoded from the binary, or the folder's (through the cache unless
/// `use_cache` is false); its errors printed if it has any.
fn ready_course(cli: &Cli, use_cache: bool) -> Option<course::compiled::Compiled> {
    match syllabus::cache::open(cli.course.as_deref(), use_cache) {
        Ok(compiled) => Some(compiled),
        Err(report) => {
            let files = course_files(cli.course.as_ref());
            let mut err = std::io::stderr().lock();
            for d in &report.diagnostics {
                let _ = writeln!(err, "{}", d.render());
            }
            let _ = writeln!(
                err,
                "syllabus: the {} has errors (above); fix them, then run `syllabus check` to confirm.",
                course::diagnostic::escape_controls(&files.describe())
            );
            None
        }
    }
}

/// Load the course and the progress, then run the course in the terminal.
fn interactive(cli: &Cli) -> ExitCode {
    let live = match (cli.watch, cli.course.as_ref()) {
        (false, _) => None,
        (true, None) => {
            eprintln!("syllabus: --watch needs --course DIR: the built-in course never changes");
            return ExitCode::from(2);
        }
        (true, Some(dir)) => {
            if let Err(code) = wait_until_it_loads(dir) {
                return code;
            }
            match syllabus::watch::Live::new(dir) {
                Ok(l) => Some(l),
                Err(e) => {
                    eprintln!("syllabus: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let Some(course::compiled::Compiled { course, warnings }) = ready_course(cli, live.is_none())
    else {
        return ExitCode::FAILURE;
    };
    let warnings = warnings as usize;
    let line = cli.line || std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if line && cli.watch {
        eprintln!(
            "syllabus: --watch works in the full-screen mode only; leave out --line (and TERM=dumb)"
        );
        return ExitCode::from(2);
    }
    if !line && (!std::io::stdout().is_terminal() || !std::io::stdin().is_terminal()) {
        eprintln!(
            "syllabus: the course needs an interactive terminal, and standard input or output is not one.\n\
             Run `syllabus` directly in a terminal, or `syllabus --line` for plain lines; `syllabus check` and `syllabus --help` work anywhere."
        );
        return ExitCode::from(2);
    }
    let path = match paths::resolve(cli.progress.as_deref(), &course.id) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return ExitCode::from(2);
        }
    };
    let open = FileStore::open(&path, &course.id);
    let entropy = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
        ^ u64::from(std::process::id());
    // Reproducible sessions for the line mode's transcripts (docs/line-mode.md).
    let test_seed = std::env::var("SYLLABUS_TEST_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|_| line);
    let entropy = test_seed.unwrap_or(entropy);
    let mut session = runtime::build_app(course, open, entropy, warnings);
    let configured = match settings() {
        Ok((_, config)) => {
            session.app.set_review_settings(
                config.review.session_size(),
                config.review.desired_retention(),
            );
            config.display.theme.map(Into::into)
        }
        Err(msg) => {
            eprintln!("syllabus: {msg}");
            return ExitCode::from(2);
        }
    };
    if line {
        return line_session(cli, session, test_seed.is_some());
    }
    let theme_name = cli
        .theme
        .or(configured)
        .unwrap_or(syllabus::cli::ThemeName::Default);
    let theme = ui::theme::choose(theme_name, no_color());
    match runtime::run(session, theme, live) {
        Ok(ending) => ended(ending),
        Err(e) => {
            eprintln!("syllabus: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A session's end: its message on stderr, its status (128+signal after a signal) as ours.
/// Not `eprintln!`: after a hang-up stderr is a dead terminal, and a failed print panics.
fn ended(ending: runtime::Ending) -> ExitCode {
    if let Some(m) = ending.message {
        let _ = writeln!(std::io::stderr(), "{m}");
    }
    ExitCode::from(ending.status)
}

/// With --watch, a course that does not load yet is no reason to stop: print its errors and
/// check again at each save until it loads.
#[inline(never)]
fn wait_until_it_loads(dir: &std::path::Path) -> Result<(), ExitCode> {
    let mut watch = syllabus::watch::Watch::new(dir).map_err(|e| {
        eprintln!("syllabus: {e}");
        ExitCode::from(2)
    })?;
    loop {
        let report = course::load(&DirFiles::new(dir));
        if report.course.is_some() {
            return Ok(());
        }
        let mut err = std::io::stderr().lock();
        for d in report.errors() {
            let _ = writeln!(err, "{}", d.render());
        }
        let _ = writeln!(
            err,
            "syllabus: the course has errors (above); waiting for a save that fixes them (Ctrl-C stops)"
        );
        drop(err);
        watch.wait();
    }
}

/// The course as plain lines (`--line`, or TERM=dumb).
#[inline(never)]
fn line_session(cli: &Cli, session: runtime::Session, fixed_clock: bool) -> ExitCode {
    use syllabus::line;
    let tty = std::io::stdout().is_terminal();
    let size = ratatui::crossterm::terminal::size().ok().filter(|_| tty);
    let opts = line::Options {
        paging: !cli.no_paging,
        rows: size.map_or(24, |(_, h)| usize::from(h.max(6))),
        width: size.map_or(80, |(w, _)| w.clamp(20, 100)),
        echo: !std::io::stdin().is_terminal(),
    };
    let clock: line::Clock = if fixed_clock {
        // One second per step from a fixed start: the same input gives the same session.
        let mut t =
            jiff::Timestamp::from_second(1_893_456_000).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        Box::new(move || {
            t += jiff::SignedDuration::from_secs(1);
            t
        })
    } else {
        Box::new(jiff::Timestamp::now)
    };
    let mut out = std::io::stdout().lock();
    match line::run(session, Box::new(std::io::stdin()), &mut out, opts, clock) {
        Ok(ending) => ended(ending),
        Err(e) => failed(e),
    }
}
