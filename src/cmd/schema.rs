//! `syllabus schema`: print or write the JSON Schema generated from the key tables.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::course::schema;

pub fn run(write: Option<&Path>, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    match write {
        Some(dir) => {
            for (name, value) in schema::all() {
                let path = dir.join(name);
                std::fs::write(&path, schema::render(&value)).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
                })?;
                writeln!(out, "wrote {}", path.display())?;
            }
        }
        None => {
            for (name, value) in schema::all() {
                writeln!(out, "// {name}")?;
                out.write_all(schema::render(&value).as_bytes())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
