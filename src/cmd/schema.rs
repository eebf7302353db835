//! `syllabus schema`: print one JSON Schema generated from the key tables (`course` or
//! `module`), or write both to a folder.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::SchemaFile;
use crate::course::schema;

pub fn run(
    which: Option<SchemaFile>,
    write: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    if let Some(dir) = write {
        std::fs::create_dir_all(dir).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot create {}: {e}", dir.display()))
        })?;
        for (name, value) in schema::all() {
            let path = dir.join(name);
            std::fs::write(&path, schema::render(&value)).map_err(|e| {
                std::io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
            })?;
            writeln!(out, "wrote {}", path.display())?;
        }
        writeln!(
            out,
            "point each module at its schema with a first line such as `#:schema schema/module.schema.json` (the path is relative to the file)"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let name = match which {
        Some(SchemaFile::Course) => "course",
        Some(SchemaFile::Module) => "module",
        None => {
            writeln!(
                err,
                "syllabus: say which schema: `syllabus schema module` (module files) or `syllabus schema course` (course.toml), or `syllabus schema --write DIR` for both files"
            )?;
            return Ok(ExitCode::from(2));
        }
    };
    if let Some((_, value)) = schema::named(name) {
        out.write_all(schema::render(&value).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}
