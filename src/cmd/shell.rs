//! `syllabus completions SHELL` and `syllabus man`: shell completions and man pages, both
//! generated from the same clap definitions as `--help`, so neither can drift from the code.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap_complete::Shell;

use crate::cli;

/// Print the completion script for `shell` (the README says where to put it).
pub fn completions(shell: Shell, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let mut command = cli::full_command();
    clap_complete::generate(shell, &mut command, "syllabus", out);
    Ok(ExitCode::SUCCESS)
}

/// Print `syllabus.1`, or write it and one page per subcommand (`syllabus-check.1`, ...)
/// into `dir`.
pub fn man(write: Option<&Path>, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let command = cli::full_command();
    match write {
        None => clap_mangen::Man::new(command).render(out)?,
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display()))
            })?;
            clap_mangen::generate_to(command, dir).map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot write into {}: {e}", dir.display()),
                )
            })?;
            writeln!(out, "wrote the man pages into {}", dir.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
