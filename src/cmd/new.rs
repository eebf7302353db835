//! `syllabus new DIR [--title T]`: write a small working course to start from: a manifest,
//! one lesson with a question of every kind (each commented), a diagram, an assessment, and
//! the JSON Schemas the files point at. It passes `check` and opens as it is.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::course::diagnostic::escape_controls;
use crate::course::schema;

const FILES: &[(&str, &str)] = &[
    ("course.toml", include_str!("new/course.toml")),
    (
        "01-first-lesson.toml",
        include_str!("new/01-first-lesson.toml"),
    ),
    (
        "02-final-assessment.toml",
        include_str!("new/02-final-assessment.toml"),
    ),
    ("assets/steps.txt", include_str!("new/steps.txt")),
];

pub fn run(dir: &Path, title: Option<&str>, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let shown = escape_controls(&dir.display().to_string());
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut e| e.next().is_some());
    if occupied || dir.is_file() {
        eprintln!(
            "syllabus: {shown} already exists and is not empty; name a new folder, e.g. syllabus new my-course"
        );
        return Ok(ExitCode::from(2));
    }
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = title.map_or_else(|| title_from(&name), str::to_string);
    let id = id_from(if name.is_empty() { &title } else { &name });
    std::fs::create_dir_all(dir.join("assets"))?;
    std::fs::create_dir_all(dir.join("schema"))?;
    for (rel, text) in FILES {
        let text = text
            .replace("{{ID}}", &id)
            .replace("{{TITLE}}", &toml_escape(&title));
        std::fs::write(dir.join(rel), text)?;
    }
    for (name, value) in schema::all() {
        std::fs::write(dir.join("schema").join(name), schema::render(&value))?;
    }
    writeln!(
        out,
        "created the course \"{}\" in {shown}/",
        escape_controls(&title)
    )?;
    writeln!(out, "  check it:   syllabus check {shown}")?;
    writeln!(out, "  open it:    syllabus --course {shown}")?;
    writeln!(
        out,
        "  live:       syllabus --course {shown} --watch   (reloads as you save)"
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `food-safety` → `Food Safety`.
fn title_from(name: &str) -> String {
    let words: Vec<String> = name
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect();
    if words.is_empty() {
        "My Course".into()
    } else {
        words.join(" ")
    }
}

/// A course id from a folder name or title: `[a-z0-9-]`, 1 to 64 characters.
fn id_from(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(64).collect();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "my-course".into()
    } else {
        out
    }
}

fn toml_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_titles_and_ids() {
        assert_eq!(title_from("food-safety"), "Food Safety");
        assert_eq!(id_from("Food Safety!"), "food-safety");
        assert_eq!(id_from("..."), "my-course");
        assert_eq!(toml_escape("a \"b\" \\ c"), "a \\\"b\\\" \\\\ c");
    }
}
