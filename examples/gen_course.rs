//! Writes a synthetic course for benchmarks: `cargo run --release --example gen_course --
//! DIR N` creates DIR (which must be empty or absent) holding `course.toml` and N modules,
//! each about the size of a real one. Used by `bench/startup.sh`; not part of the app.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_course DIR MODULES");
        return ExitCode::from(2);
    };
    if dir.exists() && std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!("gen_course: {} is not empty", dir.display());
        return ExitCode::FAILURE;
    }
    let result = std::fs::create_dir_all(&dir).and_then(|()| synth::write_course(&dir, n));
    match result {
        Ok(()) => {
            println!("wrote {n} modules to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_course: {e}");
            ExitCode::FAILURE
        }
    }
}
