//! Thin entry point: parse arguments, pick the course, hand over to a command.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use syllabus::cli::{Cli, Command};
use syllabus::cmd;
use syllabus::course::{CourseFiles, DirFiles, EmbeddedFiles};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut stdout = std::io::stdout().lock();
    let result = match &cli.command {
        Some(Command::Check { dir, format }) => {
            let files: Box<dyn CourseFiles> = match dir.as_ref().or(cli.course.as_ref()) {
                Some(d) => Box::new(DirFiles::new(d)),
                None => Box::new(EmbeddedFiles::builtin()),
            };
            let paint = cmd::check::Paint(
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            );
            cmd::check::run(files.as_ref(), *format, paint, &mut stdout)
        }
        Some(Command::Schema { write }) => cmd::schema::run(write.as_deref(), &mut stdout),
        None => {
            eprintln!("syllabus: the interactive course is not built yet; try `syllabus check`");
            Ok(ExitCode::from(2))
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("syllabus: {e}");
            ExitCode::FAILURE
        }
    }
}
