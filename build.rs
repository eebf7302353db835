//! Embeds the default course (`lessons/`) in the binary, so `syllabus` runs anywhere with no
//! files beside it. Every file under `lessons/` is included, in a stable order, and so is
//! the course already loaded and checked by the same loader the binary uses (src/course,
//! compiled into this script too), encoded by `course::compiled`: start-up decodes it in
//! microseconds instead of parsing 176 KB of TOML. A course with errors fails the build,
//! with the diagnostics `syllabus check` would print.

// The loader and the layout it checks widths with, exactly as the crate compiles them.
#[allow(dead_code, unused_imports)]
#[path = "src/course/mod.rs"]
mod course;
#[allow(dead_code, unused_imports)]
#[path = "src/layout/mod.rs"]
mod layout;
/// What `course::files::EmbeddedFiles` reads in the crate; the script reads `lessons/`
/// from disk instead.
mod embedded {
    pub static FILES: &[(&str, &[u8])] = &[];
}

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, base, out);
        } else if path.is_file()
            && let Ok(rel) = path.strip_prefix(base)
        {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.clone()));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let lessons = Path::new(&manifest).join("lessons");
    println!("cargo:rerun-if-changed={}", lessons.display());
    let mut files = Vec::new();
    walk(&lessons, &lessons, &mut files);
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    if let Err(e) = std::fs::write(out.join("embedded_course.rs"), code) {
        panic!("build.rs: cannot write embedded_course.rs: {e}");
    }
    let fingerprint = model_fingerprint(Path::new(&manifest));
    println!("cargo:rustc-env=SYLLABUS_MODEL_FINGERPRINT={fingerprint}");
    let bytes = compile_course(&lessons, &fingerprint);
    if let Err(e) = std::fs::write(out.join("course.bin"), bytes) {
        panic!("build.rs: cannot write course.bin: {e}");
    }
}

/// Loads `lessons/` with the binary's loader; fails the build if the course has errors.
fn compile_course(lessons: &Path, fingerprint: &str) -> Vec<u8> {
    let report = course::load(&course::DirFiles::new(lessons));
    let warnings = report.warnings().count() as u32;
    let Some(course) = report.course else {
        for d in &report.diagnostics {
            eprintln!("{}", d.render());
        }
        panic!(
            "build.rs: the built-in course (lessons/) has errors (above); \
             fix them (`syllabus check lessons`) before building"
        );
    };
    for d in report.diagnostics.iter().filter(|d| !d.is_error()) {
        for line in d.render().lines() {
            println!("cargo:warning={line}");
        }
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let tag = course::compiled::tag_of(&format!("{version} {fingerprint}"));
    let compiled = course::compiled::Compiled { course, warnings };
    match course::compiled::encode(&compiled, &tag) {
        Ok(bytes) => bytes,
        Err(e) => panic!("build.rs: cannot encode the built-in course: {e}"),
    }
}

/// A hash of the loader's source (src/course, src/layout): a compiled course written by a
/// build with any other loader or model is refused, even under the same version.
fn model_fingerprint(manifest: &Path) -> String {
    use sha2::Digest;
    let mut files = Vec::new();
    for dir in ["src/course", "src/layout"] {
        let dir = manifest.join(dir);
        walk(&dir, manifest, &mut files);
    }
    files.sort();
    let mut hash = sha2::Sha256::new();
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        hash.update(rel.as_bytes());
        hash.update([0]);
        hash.update(std::fs::read(path).unwrap_or_default());
        hash.update([0]);
    }
    hash.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
