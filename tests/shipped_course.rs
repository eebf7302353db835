//! The shipped course: `lessons/` loads without errors or warnings, the binary carries
//! exactly those files, and the JSON Schema in `assets/` matches the loader's key tables.

mod common;

use std::path::Path;

use syllabus::course::{self, DirFiles, EmbeddedFiles, schema};

fn repo(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn lessons_load_without_errors_or_warnings() {
    let report = course::load(&DirFiles::new(repo("lessons")));
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.render()).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    let c = report
        .course
        .unwrap_or_else(|| panic!("lessons/ did not load"));
    assert!(c.modules.len() >= 8);
}

#[test]
fn lessons_pass_the_item_review() {
    let files = DirFiles::new(repo("lessons"));
    let c = course::load(&files)
        .course
        .unwrap_or_else(|| panic!("lessons/ did not load"));
    let shown: Vec<String> = course::review::review(&c, &files)
        .iter()
        .map(|d| d.render())
        .collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}

#[test]
fn embedded_course_is_the_one_on_disk() {
    let mut on_disk = Vec::new();
    fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    walk(&repo("lessons"), &repo("lessons"), &mut on_disk);
    on_disk.sort();
    let embedded: Vec<(String, Vec<u8>)> = EmbeddedFiles::builtin()
        .all()
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&embedded), names(&on_disk));
    assert!(
        embedded == on_disk,
        "an embedded file differs from lessons/; rebuild"
    );
}

#[test]
fn embedded_course_loads_like_the_folder() {
    let a = course::load(&EmbeddedFiles::builtin()).course;
    let b = course::load(&DirFiles::new(repo("lessons"))).course;
    assert!(a.is_some());
    assert!(a == b, "the embedded course differs from lessons/; rebuild");
}

#[test]
fn json_schema_in_assets_matches_the_key_tables() {
    for (name, value) in schema::all() {
        let committed = std::fs::read_to_string(repo("assets").join(name)).unwrap_or_default();
        assert!(
            committed == schema::render(&value),
            "assets/{name} is out of date: run `cargo run -- schema --write assets/`"
        );
    }
}

#[test]
fn schema_accepts_the_keys_the_shipped_course_uses() {
    // A cheap cross-check that does not need a JSON Schema validator: every key used in
    // lessons/ appears in the schema text.
    let module_schema =
        std::fs::read_to_string(repo("assets/module.schema.json")).unwrap_or_default();
    for key in [
        "objectives",
        "takeaways",
        "questions_per_attempt",
        "partial_credit",
        "true_feedback",
        "accept",
        "categories",
    ] {
        assert!(
            module_schema.contains(&format!("\"{key}\"")),
            "schema lacks {key}"
        );
    }
}
