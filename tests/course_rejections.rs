//! Every rejection the loader promises (docs/authoring.md, "What `check` rejects"), each
//! from one edit of the mini fixture course, with the exact message and location.

mod common;

use common::*;

/// Load the mini fixture after one edit and return its diagnostics.
fn diags(file: &str, from: &str, to: &str) -> Vec<String> {
    let report = load_edited(file, from, to);
    assert!(report.course.is_none() || report.errors().next().is_none());
    lines(&report)
}

#[test]
fn the_unedited_fixture_loads_without_diagnostics() {
    let report = load(&fixture_dir("mini"));
    assert_eq!(lines(&report), Vec::<String>::new());
    let course = report
        .course
        .unwrap_or_else(|| panic!("fixture did not load"));
    assert_eq!(course.modules.len(), 2);
}

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    assert_eq!(
        diags("01-basics.toml", "title = \"Basics\"", "title = \"Basics"),
        [
            "error course/01-basics.toml:2:9: this \"...\" string is not closed on its line [end it with \" on the same line, or use \"\"\"...\"\"\" for text over several lines]"
        ]
    );
}

#[test]
fn wrong_type_is_reported_at_the_value() {
    assert_eq!(
        diags("01-basics.toml", "minutes = 5", "minutes = \"five\""),
        [
            "error course/01-basics.toml:5:11: `minutes` should be an integer, found a string [write a whole number without quotes, e.g. `minutes = 1`]"
        ]
    );
}

#[test]
fn unknown_key_suggests_the_key_it_resembles() {
    assert_eq!(
        diags("01-basics.toml", "title = \"Basics\"", "titel = \"Basics\""),
        [
            "error course/01-basics.toml:2:1: unknown key `titel` in a module [did you mean `title`?]"
        ]
    );
}

#[test]
fn key_of_another_question_kind_is_named_as_such() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "id = \"pick-vision\"\nkind = \"single\"",
            "id = \"pick-vision\"\nkind = \"single\"\nanswer = true"
        ),
        [
            "error course/01-basics.toml:40:1: `answer` is not used by `single` questions [`answer` belongs to true_false questions; a `single` question takes `id`, `kind`, `prompt`, `explanation`, `revision`, `pool`, `teaches`, `allow`, `options`]"
        ]
    );
}

#[test]
fn missing_required_key() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "summary = \"The basics of the two roles.\"\n",
            ""
        ),
        [
            "error course/01-basics.toml:1:1: missing required key `summary` in a module [add `summary = \"...\"`: one or two sentences for the map's detail pane.]"
        ]
    );
}

#[test]
fn duplicate_question_id_names_both_places() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "id = \"all-plans\"",
            "id = \"pick-vision\""
        ),
        [
            "error course/01-basics.toml:49:6: duplicate question id `pick-vision` [`pick-vision` is already used on line 38; question ids must be unique in the module]"
        ]
    );
}

#[test]
fn duplicate_section_id() {
    assert_eq!(
        diags("01-basics.toml", "id = \"more\"", "id = \"intro\""),
        [
            "error course/01-basics.toml:22:6: duplicate section id `intro` [`intro` is already used on line 10; section ids must be unique in the module]"
        ]
    );
}

#[test]
fn duplicate_module_id_across_files() {
    assert_eq!(
        diags("02-exam.toml", "id = \"exam\"", "id = \"basics\""),
        [
            "error course/02-exam.toml:1:6: duplicate module id `basics` [`basics` is already the id of the module in course/01-basics.toml:1; module ids must be unique in the course]"
        ]
    );
}

#[test]
fn invalid_id_suggests_a_valid_one() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "id = \"basics\"",
            "id = \"Basics Module\""
        ),
        [
            "error course/01-basics.toml:1:6: `Basics Module` is not a valid id [ids use only a-z, 0-9 and -, 1 to 64 characters, e.g. \"basics-module\"]"
        ]
    );
}

#[test]
fn single_with_no_right_option() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "correct = true, feedback = \"Yes: a destination.\"",
            "feedback = \"Yes: a destination.\""
        ),
        [
            "error course/01-basics.toml:42:11: `single` question `pick-vision` has no correct option [mark exactly one option with `correct = true`]"
        ]
    );
}

#[test]
fn single_with_two_right_options() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "{ text = \"Hire two nurses by March.\", feedback",
            "{ text = \"Hire two nurses by March.\", correct = true, feedback"
        ),
        [
            "error course/01-basics.toml:42:11: `single` question `pick-vision` has 2 correct options [a `single` question has exactly one right answer; use kind = \"multiple\" for all-that-apply]"
        ]
    );
}

#[test]
fn multiple_with_no_right_option() {
    let r = load_edited(
        "01-basics.toml",
        "{ text = \"Steps\", correct = true,",
        "{ text = \"Steps\",",
    );
    let r2_dir = copy_fixture("mini");
    edit(
        r2_dir.path(),
        "01-basics.toml",
        "{ text = \"Steps\", correct = true,",
        "{ text = \"Steps\",",
    );
    edit(
        r2_dir.path(),
        "01-basics.toml",
        "{ text = \"Owners\", correct = true,",
        "{ text = \"Owners\",",
    );
    assert!(r.course.is_some(), "one right option is still valid");
    assert_eq!(
        lines(&load(r2_dir.path())),
        [
            "error course/01-basics.toml:54:11: `multiple` question `all-plans` has no correct option [mark at least one option with `correct = true`]"
        ]
    );
}

#[test]
fn match_category_out_of_range() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "category = \"Management\", feedback = \"Budgets",
            "category = \"Manager\", feedback = \"Budgets"
        ),
        [
            "error course/01-basics.toml:78:43: category \"Manager\" is not one of the question's categories [use one of \"Leadership\", \"Management\"]"
        ]
    );
}

#[test]
fn match_item_with_no_category() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "{ text = \"Inspires people\", category = \"Leadership\",",
            "{ text = \"Inspires people\","
        ),
        [
            "error course/01-basics.toml:79:3: missing required key `category` in a match item [add `category = \"...\"` here: the category it belongs in: one of the question's categories.]"
        ]
    );
}

#[test]
fn order_with_fewer_than_two_items() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "items = [\"Set a direction\", \"Make a plan\", \"Do the work\"]",
            "items = [\"Set a direction\"]"
        ),
        [
            "error course/01-basics.toml:88:9: `items` needs at least 2 entries, found 1 [add entries to `items`]"
        ]
    );
}

#[test]
fn pool_smaller_than_questions_per_attempt() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "questions_per_attempt = 6",
            "questions_per_attempt = 7"
        ),
        [
            "error course/01-basics.toml:33:25: the quiz asks 7 questions per attempt but its pool has only 6 [add questions to the pool or lower questions_per_attempt]"
        ]
    );
}

#[test]
fn pass_mark_out_of_range() {
    assert_eq!(
        diags("02-exam.toml", "pass_mark = 50", "pass_mark = 120"),
        [
            "error course/02-exam.toml:9:13: `pass_mark` must be between 0 and 100, found 120 [use a whole number from 0 to 100]"
        ]
    );
}

#[test]
fn misspelt_choice_of_a_fixed_set() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "feedback = \"immediate\"",
            "feedback = \"immediat\""
        ),
        [
            "error course/01-basics.toml:32:12: `feedback` must be one of \"immediate\", \"deferred\", found \"immediat\" [did you mean \"immediate\"?]"
        ]
    );
}

#[test]
fn empty_module_list() {
    assert_eq!(
        diags(
            "course.toml",
            "modules = [\"01-basics.toml\", \"02-exam.toml\"]",
            "modules = []"
        ),
        [
            "error course/course.toml:8:11: `modules` needs at least 1 entry, found 0 [add entries to `modules`]",
            "warning course/01-basics.toml: this file is not listed in course.toml and is ignored [add \"01-basics.toml\" to `modules` in course.toml if it is a module]",
            "warning course/02-exam.toml: this file is not listed in course.toml and is ignored [add \"02-exam.toml\" to `modules` in course.toml if it is a module]",
        ]
    );
}

#[test]
fn lesson_with_no_sections() {
    let dir = copy_fixture("mini");
    let path = dir.path().join("01-basics.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = text.find("[[sections]]").unwrap_or(0);
    let end = text.find("[quiz]").unwrap_or(0);
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    assert_eq!(
        lines(&load(dir.path())),
        [
            "error course/01-basics.toml:1:1: module `basics` has no sections [add at least one [[sections]] table, or set kind = \"assessment\" for a module that only tests]"
        ]
    );
}

#[test]
fn quiz_with_no_questions() {
    let dir = copy_fixture("mini");
    let path = dir.path().join("02-exam.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = text.find("[[quiz.questions]]").unwrap_or(0);
    std::fs::write(&path, &text[..start]).unwrap();
    assert_eq!(
        lines(&load(dir.path())),
        [
            "error course/02-exam.toml:8:1: missing required key `questions` in [quiz] [add `questions = [[...]] tables or [{ ... }, { ... }]` here: the question pool.]"
        ]
    );
}

#[test]
fn missing_module_file_points_at_the_manifest_line() {
    assert_eq!(
        diags(
            "course.toml",
            "\"02-exam.toml\"]",
            "\"02-exam.toml\", \"03-gone.toml\"]"
        ),
        [
            "error course/course.toml:8:46: course/03-gone.toml not found [check the file name in `modules`, or create the file]"
        ]
    );
}

#[test]
fn module_listed_twice() {
    assert_eq!(
        diags(
            "course.toml",
            "\"02-exam.toml\"]",
            "\"02-exam.toml\", \"01-basics.toml\"]"
        ),
        [
            "error course/course.toml:8:46: module file `01-basics.toml` is listed twice [remove one of the two; it is first listed on line 8]"
        ]
    );
}

#[test]
fn missing_diagram() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "![Two roles](roles.txt)",
            "![Two roles](missing.txt)"
        ),
        [
            "error course/01-basics.toml:18:14: diagram `missing.txt` not found [put the file in the course's assets/ folder, or fix the name]"
        ]
    );
}

#[test]
fn diagram_path_with_dot_dot() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "![Two roles](roles.txt)",
            "![Two roles](../course.toml)"
        ),
        [
            "error course/01-basics.toml:18:14: diagram `../course.toml` leaves the course folder (`..` in the path) [diagram paths are relative to the course's assets/ folder and must stay inside the course]"
        ]
    );
}

#[test]
fn absolute_diagram_path() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "![Two roles](roles.txt)",
            "![Two roles](/etc/passwd)"
        ),
        [
            "error course/01-basics.toml:18:14: diagram `/etc/passwd` leaves the course folder (an absolute path) [diagram paths are relative to the course's assets/ folder and must stay inside the course]"
        ]
    );
}

#[cfg(unix)]
#[test]
fn diagram_symlink_pointing_outside_the_course() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    let dir = copy_fixture("mini");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("assets/link.txt"),
    )
    .unwrap();
    edit(
        dir.path(),
        "01-basics.toml",
        "![Two roles](roles.txt)",
        "![Two roles](link.txt)",
    );
    assert_eq!(
        lines(&load(dir.path())),
        [
            "error course/01-basics.toml:18:14: diagram `link.txt` leaves the course folder (a symbolic link points outside it) [diagram paths are relative to the course's assets/ folder and must stay inside the course]"
        ]
    );
}

#[cfg(unix)]
#[test]
fn symlink_inside_the_course_is_fine() {
    let dir = copy_fixture("mini");
    std::os::unix::fs::symlink(
        dir.path().join("assets/roles.txt"),
        dir.path().join("assets/same.txt"),
    )
    .unwrap();
    edit(
        dir.path(),
        "01-basics.toml",
        "![Two roles](roles.txt)",
        "![Two roles](same.txt)",
    );
    assert_eq!(lines(&load(dir.path())), Vec::<String>::new());
}

#[test]
fn file_over_the_size_cap() {
    let dir = copy_fixture("mini");
    let big = format!(
        "{}\n# {}\n",
        std::fs::read_to_string(dir.path().join("02-exam.toml")).unwrap_or_default(),
        "x".repeat(5 * 1024 * 1024)
    );
    std::fs::write(dir.path().join("02-exam.toml"), big).unwrap();
    assert_eq!(
        lines(&load(dir.path())),
        [
            "error course/course.toml:8:30: course/02-exam.toml is 5.0 MiB; the limit is 4 MiB [split the module into smaller modules]"
        ]
    );
}

#[test]
fn invalid_utf8_says_where() {
    let dir = copy_fixture("mini");
    let path = dir.path().join("02-exam.toml");
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    let at = bytes.windows(5).position(|w| w == b"Final").unwrap_or(0);
    bytes[at] = 0xFF;
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(
        lines(&load(dir.path())),
        [
            "error course/02-exam.toml:2:10: file is not valid UTF-8 at byte 21 [save the file as UTF-8 (most editors offer this under \"Save with encoding\")]"
        ]
    );
}

#[test]
fn missing_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let lines = lines(&load(dir.path()));
    assert_eq!(
        lines,
        [
            "error course/course.toml: course/course.toml not found [a course folder needs a course.toml manifest; is course folder course/ the right folder? `syllabus new DIR` starts a course]"
        ]
    );
}

#[test]
fn control_characters_are_removed_with_a_warning_and_the_course_still_loads() {
    let report = load_edited(
        "01-basics.toml",
        "Leaders set a **direction**",
        "Leaders set a \\u001b]52;c;aGk=\\u0007**direction** \\u202e",
    );
    assert_eq!(
        lines(&report),
        [
            "warning course/01-basics.toml:12:8: removed 3 control characters from `body` [escape sequences, control characters and bidi overrides are never shown to learners; use plain text]"
        ]
    );
    let course = report.course.unwrap_or_else(|| panic!("should load"));
    let body = format!("{:?}", course.modules[0].sections[0].body);
    assert!(!body.contains('\u{1b}') && !body.contains('\u{7}') && !body.contains('\u{202e}'));
    assert!(body.contains("]52;c;aGk="));
}

#[test]
fn all_problems_are_reported_at_once_across_and_within_files() {
    let dir = copy_fixture("mini");
    edit(
        dir.path(),
        "01-basics.toml",
        "minutes = 5",
        "minutes = \"five\"",
    );
    edit(
        dir.path(),
        "01-basics.toml",
        "title = \"Basics\"",
        "titel = \"Basics\"",
    );
    edit(
        dir.path(),
        "01-basics.toml",
        "questions_per_attempt = 6",
        "questions_per_attempt = 7",
    );
    edit(
        dir.path(),
        "02-exam.toml",
        "pass_mark = 50",
        "pass_mark = 120",
    );
    edit(
        dir.path(),
        "course.toml",
        "version = \"0.1.0\"",
        "version = 1",
    );
    let got = lines(&load(dir.path()));
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got[0].starts_with("error course/course.toml:5:11: `version` should be a string"));
    assert!(got[1].starts_with("error course/01-basics.toml:2:1: unknown key `titel`"));
    assert!(got[2].starts_with("error course/01-basics.toml:5:11: `minutes` should be an integer"));
    assert!(got[3].starts_with("error course/01-basics.toml:33:25: the quiz asks 7"));
    assert!(got[4].starts_with("error course/02-exam.toml:9:13: `pass_mark` must be between"));
}

#[test]
fn duplicate_toml_key_is_a_syntax_error() {
    assert_eq!(
        diags(
            "01-basics.toml",
            "[[sections]]\nid = \"intro\"",
            "[[sections]]\nid = \"intro\"\nid = \"again\""
        ),
        [
            "error course/01-basics.toml:11:1: invalid TOML: duplicate key [a key may appear only once in a table; remove or rename one of them]"
        ]
    );
}

#[test]
fn raw_escape_in_a_toml_file_is_escaped_in_the_message() {
    let report = load_edited(
        "01-basics.toml",
        "title = \"Basics\"",
        "title = \"Bas\u{1b}]0;pwned\u{7}ics\"",
    );
    let rendered: String = report.diagnostics.iter().map(|d| d.render()).collect();
    assert!(
        !rendered.contains('\u{1b}') && !rendered.contains('\u{7}'),
        "{rendered}"
    );
    assert!(rendered.contains("\\u{1b}]0;pwned\\u{7}"), "{rendered}");
    assert!(rendered.contains("course/01-basics.toml:2:"), "{rendered}");
}

#[test]
fn wide_diagram_is_a_warning() {
    let dir = copy_fixture("mini");
    std::fs::write(
        dir.path().join("assets/roles.txt"),
        format!("{}\n", "-".repeat(80)),
    )
    .unwrap();
    assert_eq!(
        lines(&load(dir.path())),
        [
            "warning course/01-basics.toml:18:14: diagram `roles.txt` is 80 columns wide; at most 76 fit an 80-column terminal [narrow the diagram; wider lines are cut off on small terminals, never wrapped]"
        ]
    );
}

/// Modules are built on every core (`course::par`); the report must not show it. Forty
/// modules, most broken in their own way (a syntax error, a wrong type, an unknown key, a
/// duplicate id, a file listed twice, a missing file), give their diagnostics in the order
/// the manifest lists the files, the same on every load, and the same as the modules
/// loaded one at a time, each alone.
#[test]
fn diagnostics_come_in_the_listed_order_whatever_core_built_each_module() {
    let dir = fixture_dir("mini");
    let basics = std::fs::read_to_string(dir.join("01-basics.toml")).expect("fixture");
    let manifest = std::fs::read_to_string(dir.join("course.toml")).expect("fixture");
    let module = |i: usize| {
        let text = basics.replace("id = \"basics\"", &format!("id = \"m{}\"", i.min(30)));
        match i % 4 {
            0 => text.replacen("title = \"Basics\"", "title = \"Basics", 1),
            1 => text.replacen("minutes = 5", "minutes = \"five\"", 1),
            2 => text.replacen("minutes = 5", &format!("minutes = 5\nstray{i} = 1"), 1),
            _ => text,
        }
    };
    let mut names: Vec<String> = (0..40).map(|i| format!("m{i:02}.toml")).collect();
    let mut files: Vec<(String, String)> = names.iter().cloned().zip((0..40).map(module)).collect();
    names.insert(7, "m03.toml".into());
    names.insert(12, "gone.toml".into());
    let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let manifest = manifest.replace(
        "modules = [\"01-basics.toml\", \"02-exam.toml\"]",
        &format!("modules = [{}]", list.join(", ")),
    );
    files.push(("course.toml".into(), manifest));
    let whole = lines(&syllabus::course::load(&syllabus::course::MemFiles::new(
        &files,
    )));
    assert!(whole.len() > 40, "{whole:#?}");
    for _ in 0..5 {
        assert_eq!(
            lines(&syllabus::course::load(&syllabus::course::MemFiles::new(
                &files
            ))),
            whole
        );
    }
    // Each module's own diagnostics, in the listed order, are a subsequence of the whole.
    let mut rest = whole.iter();
    let mut seen = std::collections::HashSet::new();
    for name in names
        .iter()
        .filter(|n| n.as_str() != "gone.toml" && seen.insert(*n))
    {
        let alone = files
            .iter()
            .find(|(n, _)| n == name)
            .expect("listed")
            .1
            .clone();
        let base = std::fs::read_to_string(dir.join("course.toml")).expect("fixture");
        let one = [
            (name.clone(), alone),
            (
                "course.toml".into(),
                base.replace(
                    "\"01-basics.toml\", \"02-exam.toml\"",
                    &format!("\"{name}\""),
                ),
            ),
        ];
        for line in lines(&syllabus::course::load(&syllabus::course::MemFiles::new(
            &one,
        )))
        .iter()
        .filter(|l| l.contains(name.as_str()) && !l.contains("duplicate module id"))
        {
            assert!(
                rest.any(|w| w == line),
                "{line} is missing or out of order in {whole:#?}"
            );
        }
    }
}
