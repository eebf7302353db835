//! The TOML and table-header mistakes a prose author makes (research/author-walk.md), each
//! from one edit of the mini fixture: exactly one error, at the line of the mistake, with a
//! hint that says what to type.

mod common;

use common::*;

/// The diagnostics after one edit of `01-basics.toml`.
fn after(from: &str, to: &str) -> Vec<String> {
    lines(&load_edited("01-basics.toml", from, to))
}

fn one_error_at(diags: &[String], at: &str, words: &[&str]) {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert!(
        d.starts_with(&format!("error course/01-basics.toml:{at}")),
        "{d}"
    );
    for w in words {
        assert!(d.contains(w), "{d} lacks {w:?}");
    }
}

#[test]
fn a_quote_inside_a_string_is_one_error_at_that_quote() {
    let d = after(
        "feedback = \"Yes: a destination.\"",
        "feedback = \"Yes: a \"destination\".\"",
    );
    one_error_at(&d, "43:78:", &["ends the string", "\\\"", "'''"]);
}

#[test]
fn a_closing_triple_quote_typed_as_two_is_one_error_at_that_line() {
    let d = after(
        "![Two roles](roles.txt)\n\"\"\"",
        "![Two roles](roles.txt)\n\"\"",
    );
    one_error_at(
        &d,
        "19:1:",
        &["ends with `\"\"`", "line 12", "three quotes"],
    );
}

#[test]
fn a_triple_quote_never_closed_is_reported_where_it_opens() {
    let d = after(
        "![Two roles](roles.txt)\n\"\"\"",
        "![Two roles](roles.txt)\n",
    );
    one_error_at(&d, "12:8:", &["opens here", "runs on to line 24"]);
}

#[test]
fn an_unclosed_string_is_reported_where_it_opens() {
    let d = after("title = \"Basics\"", "title = \"Basics");
    one_error_at(&d, "2:9:", &["not closed on its line"]);
}

#[test]
fn a_backslash_that_is_no_escape_says_how_to_write_one() {
    let d = after("sources = [\"fixture\"]", "sources = [\"C:\\docs\"]");
    one_error_at(&d, "6:15:", &["`\\d` is not an escape", "\\\\", "'...'"]);
}

#[test]
fn the_markdown_escape_for_a_star_says_to_double_the_backslash() {
    let d = after("Leaders set a **direction**", "Leaders set a \\*direction");
    one_error_at(&d, "13:15:", &["\\\\*"]);
}

#[test]
fn a_raw_control_character_is_one_error_at_it() {
    let d = after("Vision answers why.", "Vision \u{1b}answers why.");
    one_error_at(&d, "15:10:", &["U+001B", "delete it"]);
}

#[test]
fn a_path_with_a_tab_escape_is_a_warning_not_silence() {
    let d = after("sources = [\"fixture\"]", "sources = [\"C:\\temp\"]");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("warning course/01-basics.toml:6:15: `\\t` in this text is a tab"),
        "{}",
        d[0]
    );
    // A deliberate new line in ordinary text is left alone.
    assert_eq!(
        after("sources = [\"fixture\"]", "sources = [\"one\\ntwo\"]"),
        Vec::<String>::new()
    );
}

#[test]
fn single_bracket_sections_next_to_double_ones_is_one_error() {
    let d = after("[[sections]]\nid = \"intro\"", "[sections]\nid = \"intro\"");
    one_error_at(&d, "9:1:", &["write `[[sections]]`"]);
}

#[test]
fn the_only_section_in_single_brackets_is_one_error() {
    let report = {
        let tmp = copy_fixture("mini");
        let p = tmp.path().join("01-basics.toml");
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let cut = text.find("[[sections]]\nid = \"more\"").unwrap_or(0);
        let end = text.find("[quiz]").unwrap_or(0);
        let text =
            format!("{}{}", &text[..cut], &text[end..]).replacen("[[sections]]", "[sections]", 1);
        std::fs::write(&p, text).unwrap();
        load(tmp.path())
    };
    one_error_at(&lines(&report), "9:2:", &["write `[[sections]]`"]);
}

#[test]
fn questions_without_quiz_prefix_is_one_error_naming_the_right_header() {
    let d = after(
        "[[quiz.questions]]\nid = \"pick-vision\"",
        "[[questions]]\nid = \"pick-vision\"",
    );
    one_error_at(&d, "37:3:", &["write `[[quiz.questions]]`"]);
}

#[test]
fn a_module_key_after_the_quiz_header_says_move_it_above() {
    let d = after("minutes = 5\n", "");
    assert!(
        d.iter()
            .any(|l| l.contains("missing required key `minutes`"))
    );
    let d = after("shuffle = true\n", "shuffle = true\nminutes = 5\n");
    // Now `minutes` is there twice: once above, once in [quiz]; the one in [quiz] is the slip.
    one_error_at(
        &d,
        "36:1:",
        &["belongs to the module", "move it above the `[quiz]` line"],
    );
}

#[test]
fn a_quiz_key_after_a_question_says_move_it_above_the_questions() {
    let d = after(
        "accept = [\"how\"]",
        "accept = [\"how\"]\nquestions_per_attempt = 3",
    );
    one_error_at(
        &d,
        "96:1:",
        &["belongs to the quiz", "first `[[quiz.questions]]`"],
    );
}

#[test]
fn near_miss_and_alias_kinds_get_one_error_with_did_you_mean() {
    for (from, to, meant) in [
        ("kind = \"multiple\"", "kind = \"multi\"", "multiple"),
        ("kind = \"order\"", "kind = \"ordering\"", "order"),
        ("kind = \"order\"", "kind = \"sort\"", "order"),
        ("kind = \"match\"", "kind = \"sort\"", "match"),
        ("kind = \"match\"", "kind = \"categorize\"", "match"),
        ("kind = \"true_false\"", "kind = \"tf\"", "true_false"),
        ("kind = \"true_false\"", "kind = \"boolean\"", "true_false"),
        (
            "kind = \"true_false\"",
            "kind = \"true-false\"",
            "true_false",
        ),
        ("kind = \"short\"", "kind = \"text\"", "short"),
        ("kind = \"short\"", "kind = \"fill\"", "short"),
    ] {
        let d = after(from, to);
        assert_eq!(d.len(), 1, "{to}: {d:#?}");
        assert!(d[0].contains("is not a question kind"), "{}", d[0]);
        assert!(
            d[0].contains(&format!("did you mean \"{meant}\"?")),
            "{to}: {}",
            d[0]
        );
    }
}

#[test]
fn a_missing_kind_is_one_error_naming_the_kind_its_keys_fit() {
    let d = after("id = \"steps\"\nkind = \"order\"", "id = \"steps\"");
    one_error_at(
        &d,
        "82:1:",
        &["question `steps` has no `kind`", "add `kind = \"order\"`"],
    );
    let d = after("id = \"sort\"\nkind = \"match\"", "id = \"sort\"");
    one_error_at(&d, "69:1:", &["add `kind = \"match\"`"]);
    let d = after(
        "id = \"all-plans\"\nkind = \"multiple\"",
        "id = \"all-plans\"",
    );
    one_error_at(&d, "48:1:", &["add `kind = \"multiple\"`"]);
}

#[test]
fn categories_differing_only_in_case_are_an_error() {
    let d = after(
        "categories = [\"Leadership\", \"Management\"]",
        "categories = [\"Leadership\", \"Management\", \"leadership\"]",
    );
    one_error_at(&d, "75:43:", &["differ only in case"]);
}

#[test]
fn a_category_no_item_uses_is_a_warning() {
    let d = after(
        "categories = [\"Leadership\", \"Management\"]",
        "categories = [\"Leadership\", \"Management\", \"Neither\"]",
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("warning course/01-basics.toml:75:43: no item of question `sort` belongs in category \"Neither\""), "{}", d[0]);
}

#[test]
fn identical_options_and_order_items_are_errors() {
    let d = after(
        "{ text = \"Cut the budget by 5%.\"",
        "{ text = \"Be the best clinic  in town\"",
    );
    one_error_at(
        &d,
        "45:12:",
        &["options 1 and 3 of question `pick-vision` say the same thing"],
    );
    let d = after("\"Do the work\"]", "\"make a plan.\"]");
    one_error_at(&d, "88:44:", &["items 2 and 3 of question `steps`"]);
}

#[test]
fn a_diagram_inside_a_sentence_is_a_warning() {
    let d = after(
        "![Two roles](roles.txt)",
        "See ![Two roles](roles.txt) here.",
    );
    assert!(
        d.iter()
            .any(|l| l
                .starts_with("warning course/01-basics.toml:18:5: a diagram inside a sentence")),
        "{d:#?}"
    );
}
