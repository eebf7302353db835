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
    // The model and its text table apart: src/embedded.rs reads the table with
    // `include_str!`, so the compiler checks it is UTF-8 and a start need not.
    let (bytes, texts) = compile_course(&lessons, &fingerprint);
    if let Err(e) = std::fs::write(out.join("course.bin"), bytes) {
        panic!("build.rs: cannot write course.bin: {e}");
    }
    if let Err(e) = std::fs::write(out.join("course.txt"), texts) {
        panic!("build.rs: cannot write course.txt: {e}");
    }
    // The tags compiled courses are written under, worked out here so a start hashes nothing
    // (src/embedded.rs; a unit test there checks them against `compiled::tag_of`).
    let tag = build_tag(&fingerprint);
    let mut cache = String::from("cache ");
    for b in tag {
        let _ = write!(cache, "{b:02x}");
    }
    for (name, bytes) in [
        ("course.tag", tag),
        ("cache.tag", course::compiled::tag_of(&cache)),
    ] {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            panic!("build.rs: cannot write {name}: {e}");
        }
    }
    link_order(Path::new(&manifest));
}

/// Hands `assets/link-order.txt` and `assets/hot-data.ld` (written by bench/link-order.sh:
/// the functions a start runs, the read-only data it reads) to the linker for the release
/// binary, so they sit together and a start maps fewer pages (docs/performance.md). Only
/// where the linker is known to be rust-lld (the default for x86_64 Linux since Rust 1.90)
/// and nothing in the build picks another; `SYLLABUS_LINK_ORDER=0` leaves it out.
fn link_order(manifest: &Path) {
    let file = manifest.join("assets/link-order.txt");
    let hot = manifest.join("assets/hot-data.ld");
    println!("cargo:rerun-if-changed={}", file.display());
    println!("cargo:rerun-if-changed={}", hot.display());
    println!("cargo:rerun-if-env-changed=SYLLABUS_LINK_ORDER");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let flags = var("CARGO_ENCODED_RUSTFLAGS");
    let default_linker = var("TARGET") == "x86_64-unknown-linux-gnu"
        && var("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_empty()
        && !flags.contains("linker")
        && !flags.contains("fuse-ld")
        && rustc_minor().is_some_and(|minor| minor >= 90);
    if var("PROFILE") == "release"
        && var("SYLLABUS_LINK_ORDER") != "0"
        && default_linker
        && file.is_file()
    {
        println!(
            "cargo:rustc-link-arg-bin=syllabus=-Wl,--symbol-ordering-file={}",
            file.display()
        );
        println!("cargo:rustc-link-arg-bin=syllabus=-Wl,--no-warn-symbol-ordering");
        // The read-only data a start reads, ahead of the rest (written by the same script).
        if hot.is_file() {
            println!("cargo:rustc-link-arg-bin=syllabus=-Wl,-T,{}", hot.display());
        }
        // The linker's map beside the binary (target/release/syllabus.map), which the
        // script and its CI check read to name what a start reads.
        if let Some(dir) = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .and_then(|out| out.ancestors().nth(3).map(Path::to_path_buf))
        {
            let map = dir.join("syllabus.map");
            println!(
                "cargo:rustc-link-arg-bin=syllabus=-Wl,-Map={}",
                map.display()
            );
        }
        // The loader's relocation table packed (DT_RELR): 220 KB of it are otherwise read on
        // every start. The binary then needs glibc 2.36, so only if the one here is as new.
        if glibc_minor().is_some_and(|minor| minor >= 36) {
            println!("cargo:rustc-link-arg-bin=syllabus=-Wl,-z,pack-relative-relocs");
        }
    }
}

/// The minor version of this machine's glibc (`glibc 2.36` gives 36).
fn glibc_minor() -> Option<u32> {
    let out = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    (parts.next()? == "2").then_some(())?;
    parts.next()?.parse().ok()
}

/// The minor version of the compiler building this (`1.95.0` gives 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    (parts.next()? == "1").then_some(())?;
    parts.next()?.parse().ok()
}

/// Loads `lessons/` with the binary's loader; fails the build if the course has errors.
fn compile_course(lessons: &Path, fingerprint: &str) -> (Vec<u8>, String) {
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
    let tag = build_tag(fingerprint);
    let compiled = course::compiled::Compiled { course, warnings };
    match course::compiled::encode_apart(&compiled, &tag) {
        Ok(parts) => parts,
        Err(e) => panic!("build.rs: cannot encode the built-in course: {e}"),
    }
}

/// The tag of this build: its version and the model's fingerprint, hashed.
fn build_tag(fingerprint: &str) -> [u8; 32] {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    course::compiled::tag_of(&format!("{version} {fingerprint}"))
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
