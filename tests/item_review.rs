//! The item-writing review of `syllabus check`: each warning code fires on a module that has
//! the cue and stays silent on one that does not; `allow` silences it per question and per
//! quiz; an unknown code in `allow` is rejected.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use syllabus::course::{self, Course, DirFiles, LoadReport, review};

const MANIFEST: &str = "format = 1\nid = \"c\"\ntitle = \"C\"\ndescription = \"D.\"\nversion = \"1\"\nauthors = [\"A\"]\nmodules = [\"m.toml\"]\n";

/// A module with `quiz` keys and `questions`, as a file.
fn module(quiz: &str, questions: &[String]) -> String {
    format!(
        "id = \"m\"\ntitle = \"M\"\nsummary = \"S.\"\nobjectives = [\"O.\"]\nminutes = 5\nkind = \"assessment\"\n\n[quiz]\n{quiz}\n{}",
        questions.concat()
    )
}

fn head(id: &str, kind: &str, prompt: &str, extra: &str) -> String {
    format!(
        "\n[[quiz.questions]]\nid = \"{id}\"\nkind = \"{kind}\"\nprompt = \"{prompt}\"\nexplanation = \"Because of reason {id}.\"\n{extra}"
    )
}

/// A `single` question: the right option and wrong ones, each with its own feedback.
fn single(id: &str, prompt: &str, right: &str, wrong: &[&str], extra: &str) -> String {
    let mut opts = format!("  {{ text = \"{right}\", correct = true, feedback = \"Yes.\" }},\n");
    for w in wrong {
        opts.push_str(&format!("  {{ text = \"{w}\", feedback = \"No.\" }},\n"));
    }
    head(
        id,
        "single",
        prompt,
        &format!("{extra}options = [\n{opts}]\n"),
    )
}

fn multiple(id: &str, right: &[&str], wrong: &[&str]) -> String {
    let mut opts = String::new();
    for r in right {
        opts.push_str(&format!(
            "  {{ text = \"{r}\", correct = true, feedback = \"Yes.\" }},\n"
        ));
    }
    for w in wrong {
        opts.push_str(&format!("  {{ text = \"{w}\", feedback = \"No.\" }},\n"));
    }
    head(
        id,
        "multiple",
        &format!("Tick each one of set {id}."),
        &format!("options = [\n{opts}]\n"),
    )
}

fn tf(id: &str, prompt: &str, answer: bool) -> String {
    head(
        id,
        "true_false",
        prompt,
        &format!("answer = {answer}\ntrue_feedback = \"T.\"\nfalse_feedback = \"F.\"\n"),
    )
}

/// A match question with two categories, the first `left` of `words` in the first.
fn matching(id: &str, prompt: &str, words: &[&str], left: usize) -> String {
    let mut items = String::new();
    for (i, w) in words.iter().enumerate() {
        let cat = if i < left { "Left" } else { "Right" };
        items.push_str(&format!(
            "  {{ text = \"{w}\", category = \"{cat}\", feedback = \"It is {cat}.\" }},\n"
        ));
    }
    head(
        id,
        "match",
        prompt,
        &format!("categories = [\"Left\", \"Right\"]\nitems = [\n{items}]\n"),
    )
}

fn two_matches(second_left: usize) -> [String; 2] {
    [
        matching(
            "s1",
            "Sort these fruits.",
            &["Apple", "Pear", "Kiwi", "Plum"],
            2,
        ),
        matching(
            "s2",
            "Sort these tools.",
            &["Hammer", "Saw", "Drill", "Chisel"],
            second_left,
        ),
    ]
}

fn short(id: &str, prompt: &str, accept: &str) -> String {
    head(id, "short", prompt, &format!("accept = [\"{accept}\"]\n"))
}

/// Load a one-module course from `text`.
fn load(text: &str) -> (LoadReport, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "course.toml", MANIFEST);
    write(dir.path(), "m.toml", text);
    (course::load(&DirFiles::new(dir.path())), dir)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn loaded(text: &str) -> (Course, tempfile::TempDir) {
    let (report, dir) = load(text);
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.render()).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
    (report.course.unwrap_or_else(|| panic!("did not load")), dir)
}

/// The codes the review reports for a module, in order.
fn codes(quiz: &str, questions: &[String]) -> Vec<&'static str> {
    let (c, _dir) = loaded(&module(quiz, questions));
    review::findings(&c).into_iter().map(|f| f.code).collect()
}

// ---- Fixtures: each cue, and the same questions without it.

/// Five single questions on unrelated topics: (prompt, short right, long right, wrong,
/// wrong, long wrong).
const SINGLES: [[&str; 6]; 5] = [
    [
        "A bakery runs short of flour on Fridays. What helps?",
        "Order flour on Tuesdays",
        "Order flour on Tuesdays and keep a spare sack for the weekend rush",
        "Close the shop",
        "Bake smaller loaves",
        "Ask the miller to deliver a second load whenever possible",
    ],
    [
        "Two nurses argue about weekend shifts. What helps?",
        "Publish a fair rota",
        "Publish a fair rota that rotates weekends and shows who covers which ward",
        "Pick a favourite",
        "Ignore the dispute",
        "Tell both nurses to settle it between themselves by tomorrow",
    ],
    [
        "An audit finds missing receipts. What helps?",
        "Scan receipts daily",
        "Scan receipts daily into one shared folder that finance checks each month",
        "Blame the cashier",
        "Shred old files",
        "Hire an outside accountant to reconstruct the records from bank statements",
    ],
    [
        "A volunteer quits after a week. What helps?",
        "Hold exit chats",
        "Hold short exit chats and act on what leavers say about their first week",
        "Recruit faster",
        "Cut the training",
        "Offer a gift voucher to anyone who stays longer than a month",
    ],
    [
        "Prices confuse customers at the till. What helps?",
        "Print clear labels",
        "Print clear shelf labels that show the unit price beside the total price",
        "Raise prices",
        "Remove labels",
        "Train cashiers to explain each discount aloud during checkout",
    ],
];

fn longest_right(right_longest: bool, allow_first: bool) -> Vec<String> {
    SINGLES
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let extra = if allow_first && i < 3 {
                "allow = [\"item-longest-right\"]\n"
            } else {
                ""
            };
            let (right, wrong) = if right_longest {
                (q[2], [q[3], q[4]])
            } else {
                (q[1], [q[3], q[5]])
            };
            single(&format!("q{i}"), q[0], right, &wrong, extra)
        })
        .collect()
}

#[test]
fn longest_right_fires_when_the_right_option_is_mostly_the_longest() {
    assert_eq!(
        codes("", &longest_right(true, false)),
        ["item-longest-right"]
    );
}

#[test]
fn longest_right_is_silent_when_lengths_do_not_give_it_away() {
    assert_eq!(codes("", &longest_right(false, false)), Vec::<&str>::new());
}

#[test]
fn longest_right_silenced_per_question_leaves_those_questions_out_of_the_count() {
    // Two of five left: too few to be more than chance.
    assert_eq!(codes("", &longest_right(true, true)), Vec::<&str>::new());
}

#[test]
fn longest_right_silenced_for_the_whole_quiz() {
    let allow = "allow = [\"item-longest-right\"]";
    assert_eq!(
        codes(allow, &longest_right(true, false)),
        Vec::<&str>::new()
    );
}

fn absolute(right_too: bool) -> Vec<String> {
    let right = if right_too {
        "Always check the cash first"
    } else {
        "Check the cash first"
    };
    vec![
        single(
            "abs-a",
            "What comes first at the till?",
            right,
            &["You must count coins", "Lock the door"],
            "",
        ),
        single(
            "abs-b",
            "What comes first on a delivery?",
            "Sign for the boxes",
            &["Never sign anything", "Read the label"],
            "",
        ),
        tf(
            "abs-c",
            "A supervisor can only act with written approval.",
            false,
        ),
    ]
}

#[test]
fn absolute_words_fire_when_only_wrong_options_use_them() {
    assert_eq!(codes("", &absolute(false)), ["item-absolute-words"]);
}

#[test]
fn absolute_words_are_silent_when_right_options_use_them_too() {
    assert_eq!(codes("", &absolute(true)), Vec::<&str>::new());
}

fn true_false(answers: &[bool]) -> Vec<String> {
    const STATEMENTS: [&str; 4] = [
        "Budgets are drawn up yearly.",
        "Visions describe a destination.",
        "Rotas assign shifts to staff.",
        "Mentors coach newcomers patiently.",
    ];
    answers
        .iter()
        .zip(STATEMENTS)
        .enumerate()
        .map(|(i, (a, s))| tf(&format!("tf-{i}"), s, *a))
        .collect()
}

#[test]
fn tf_balance_fires_when_the_answers_are_mostly_one_way() {
    assert_eq!(
        codes("", &true_false(&[false, false, false, false])),
        ["item-tf-balance"]
    );
}

#[test]
fn tf_balance_is_silent_on_a_mix() {
    assert_eq!(
        codes("", &true_false(&[false, true, false, true])),
        Vec::<&str>::new()
    );
}

#[test]
fn tick_count_fires_when_every_tick_all_question_wants_the_same_number() {
    let qs = [
        multiple("t1", &["Ant", "Bee"], &["Cat", "Dog"]),
        multiple("t2", &["Elk", "Fox"], &["Gnu", "Hen"]),
    ];
    assert_eq!(codes("", &qs), ["item-tick-count"]);
}

#[test]
fn tick_count_is_silent_when_the_numbers_vary() {
    let qs = [
        multiple("t1", &["Ant"], &["Bee", "Cat", "Dog"]),
        multiple("t2", &["Elk", "Fox", "Gnu"], &["Hen"]),
    ];
    assert_eq!(codes("", &qs), Vec::<&str>::new());
}

#[test]
fn match_split_fires_when_the_splits_are_even() {
    assert_eq!(codes("", &two_matches(2)), ["item-match-split"]);
}

#[test]
fn match_split_is_silent_when_the_splits_vary() {
    assert_eq!(codes("", &two_matches(3)), Vec::<&str>::new());
}

fn leak(feedback: &str) -> Vec<String> {
    vec![
        single(
            "budget-owner",
            "A clinic overspends. Which step is management's?",
            "Draw up the quarterly budget",
            &["Describe a bold future", "Praise the whole team"],
            "",
        ),
        head(
            "later",
            "true_false",
            "Leaders need a title.",
            &format!(
                "answer = false\ntrue_feedback = \"{feedback}\"\nfalse_feedback = \"Right.\"\n"
            ),
        ),
    ]
}

#[test]
fn leak_fires_when_a_question_repeats_another_right_answer() {
    let qs = leak("No: titles are for managers, who draw up the quarterly budget.");
    assert_eq!(codes("", &qs), ["item-leak"]);
    let (c, dir) = loaded(&module("", &qs));
    let d = review::review(&c, &DirFiles::new(dir.path()));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "item-leak");
    assert!(
        d[0].location().ends_with("m.toml:22:1"),
        "{}",
        d[0].location()
    );
    assert_eq!(
        d[0].message,
        "this question's feedback gives away the answer to `budget-owner`: it repeats \"draw quarterly budget\" from that question's right answer"
    );
    assert!(d[0].render().starts_with("warning[item-leak]: "));
}

#[test]
fn leak_is_silent_when_no_distinctive_phrase_is_repeated() {
    assert_eq!(
        codes("", &leak("No: influence needs no title.")),
        Vec::<&str>::new()
    );
}

#[test]
fn leak_silenced_on_either_question() {
    let mut qs = leak("No: titles are for managers, who draw up the quarterly budget.");
    qs[1] = qs[1].replace("answer = false", "allow = [\"item-leak\"]\nanswer = false");
    assert_eq!(codes("", &qs), Vec::<&str>::new());
}

fn duplicate(second_prompt: &str) -> Vec<String> {
    vec![
        short(
            "functions",
            "Name the fourth management function after planning, organising and directing.",
            "controlling",
        ),
        short("again", second_prompt, "controlling"),
    ]
}

#[test]
fn near_duplicate_fires_on_the_same_question_reworded() {
    let qs = duplicate(
        "After planning, organising and directing, which management function comes fourth?",
    );
    assert_eq!(codes("", &qs), ["item-near-duplicate"]);
}

#[test]
fn near_duplicate_is_silent_on_different_questions() {
    let qs = duplicate("Which word names checking results against the plan and correcting course?");
    assert_eq!(codes("", &qs), Vec::<&str>::new());
}

fn blanks(second: &str) -> Vec<String> {
    vec![
        short(
            "b1",
            "Managers keep the status quo; leaders ____ it.",
            "challenge",
        ),
        short("b2", "Leaders sell a ____ of the future.", "picture"),
        short("b3", second, "budgets"),
    ]
}

#[test]
fn blank_marker_fires_on_the_odd_marker_out() {
    let (c, _dir) = loaded(&module("", &blanks("Managers draw up ... for each year.")));
    let f = review::findings(&c);
    assert_eq!(
        f.iter().map(|f| f.code).collect::<Vec<_>>(),
        ["item-blank-marker"]
    );
    assert_eq!(f[0].question, 2);
}

#[test]
fn blank_marker_is_silent_when_every_blank_is_marked_alike() {
    assert_eq!(
        codes("", &blanks("Managers draw up ____ for each year.")),
        Vec::<&str>::new()
    );
    // An ellipsis after a word is not a blank.
    assert_eq!(
        codes("", &blanks("Managers plan, budget, staff... and so on.")),
        Vec::<&str>::new()
    );
}

#[test]
fn an_unknown_code_in_allow_is_rejected_with_a_suggestion() {
    let qs = longest_right(true, false);
    let text = module("allow = [\"item-longest-rigth\"]", &qs);
    let (report, _dir) = load(&text);
    assert!(report.course.is_none());
    let d: Vec<String> = report
        .errors()
        .map(|d| {
            format!(
                "{}:{} {} [{}]",
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message,
                d.hint.clone().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        d,
        [
            "9:10 unknown review code \"item-longest-rigth\" in `allow` [did you mean \"item-longest-right\"?]"
        ]
    );
}

#[test]
fn an_unknown_code_on_a_question_lists_the_codes() {
    let qs = vec![
        tf("x", "Statement.", true).replace("answer = true", "allow = [\"loud\"]\nanswer = true"),
    ];
    let (report, _dir) = load(&module("", &qs));
    let hint = report
        .errors()
        .next()
        .and_then(|d| d.hint.clone())
        .unwrap_or_default();
    assert!(
        hint.starts_with("the codes are \"item-longest-right\", \"item-absolute-words\""),
        "{hint}"
    );
}
