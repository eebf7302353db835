//! Property tests (proptest).
//!
//! - Random courses within the format, written out as TOML text from random structures
//!   (every question kind; text with CJK, emoji, markup, control and bidi characters): the
//!   loader never panics and gives a course exactly when it reports no error; a course built
//!   to the rules always loads, and one broken in a known way never does.
//! - Random sequences of every `Action` on the app (tiny sizes and failed saves included)
//!   never panic, keep the state's invariants after every step, and draw at any size.
//!
//! The invariants are the fuzz harness's (`fuzz/src/harness.rs`), so both check the same.

mod common;

#[path = "../fuzz/src/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::PathBuf;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use syllabus::app::{Action, App};
use syllabus::course::{self, Course};
use syllabus::progress::Progress;
use syllabus::ui::{self, Theme};

// ---- Random courses.

/// Text that is never blank (the format requires that) but may hold anything after its
/// first letter.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[a-zA-Z0-9 ,.?]{1,12}",
        2 => "[\u{4e00}-\u{4e40}\u{3041}-\u{3093}]{1,6}",
        1 => prop::sample::select(vec!["👋🏽", "👨‍👩‍👧", "🇫🇷", "e\u{301}", "\u{200d}", "ｗｉｄｅ"])
            .prop_map(String::from),
        2 => prop::sample::select(vec!["**", "*", "\\*", "\\", "\n\n", "\n- ", "\n1. ", "\n> ", "\n  ", "999999999. "])
            .prop_map(String::from),
        1 => prop::sample::select(vec![
            "\u{1b}]0;t\u{7}", "\u{1b}[2J", "\u{9b}", "\u{202e}", "\u{2066}", "\t", "\r\n", "\r",
            "\u{0}", "\u{7f}", "\u{85}", "\u{feff}",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|parts| format!("x{}", parts.concat()))
}

fn texts(min: usize, max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), min..=max)
}

/// An id of the format; made unique where needed by a suffix.
fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,10}"
}

#[derive(Debug, Clone)]
enum Kind {
    Single {
        options: Vec<(String, String)>,
        right: usize,
    },
    Multiple {
        options: Vec<(String, String, bool)>,
        partial: bool,
    },
    TrueFalse {
        answer: bool,
        feedback: (String, String),
    },
    Match {
        categories: Vec<String>,
        items: Vec<(String, usize, String)>,
        partial: bool,
    },
    Order {
        items: Vec<String>,
        partial: bool,
    },
    Short {
        accept: Vec<String>,
    },
}

#[derive(Debug, Clone)]
struct QuestionSpec {
    id: String,
    prompt: String,
    explanation: String,
    kind: Kind,
}

#[derive(Debug, Clone)]
struct ModuleSpec {
    id: String,
    title: String,
    summary: String,
    objectives: Vec<String>,
    minutes: u32,
    assessment: bool,
    sources: Vec<String>,
    takeaways: Vec<String>,
    /// (id, title, body, with a diagram)
    sections: Vec<(String, String, String, bool)>,
    feedback: &'static str,
    grading: &'static str,
    shuffle: bool,
    pass_mark: Option<u8>,
    /// As a share of the pool, so it never exceeds it.
    per_attempt: Option<usize>,
    questions: Vec<QuestionSpec>,
}

#[derive(Debug, Clone)]
struct CourseSpec {
    id: String,
    title: String,
    description: String,
    version: String,
    authors: Vec<String>,
    pass_mark: Option<u8>,
    modules: Vec<ModuleSpec>,
}

fn kind() -> impl Strategy<Value = Kind> {
    let fb = || (text(), text());
    prop_oneof![
        (
            prop::collection::vec(fb(), 2..=10),
            any::<prop::sample::Index>()
        )
            .prop_map(|(options, i)| {
                let right = i.index(options.len());
                Kind::Single { options, right }
            }),
        (
            prop::collection::vec((text(), text(), any::<bool>()), 2..=10),
            any::<prop::sample::Index>(),
            any::<bool>()
        )
            .prop_map(|(mut options, i, partial)| {
                let k = i.index(options.len());
                options[k].2 = true;
                Kind::Multiple { options, partial }
            }),
        (any::<bool>(), fb()).prop_map(|(answer, feedback)| Kind::TrueFalse { answer, feedback }),
        (
            texts(2, 6),
            prop::collection::vec((text(), any::<prop::sample::Index>(), text()), 2..=10),
            any::<bool>()
        )
            .prop_map(|(cats, items, partial)| {
                // Categories must be distinct.
                let categories: Vec<String> = cats
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c} {i}"))
                    .collect();
                let items = items
                    .into_iter()
                    .map(|(t, c, f)| (t, c.index(categories.len()), f))
                    .collect();
                Kind::Match {
                    categories,
                    items,
                    partial,
                }
            }),
        (texts(2, 10), any::<bool>()).prop_map(|(items, partial)| Kind::Order { items, partial }),
        texts(1, 20).prop_map(|accept| Kind::Short { accept }),
    ]
}

fn question() -> impl Strategy<Value = QuestionSpec> {
    (id(), text(), text(), kind()).prop_map(|(id, prompt, explanation, kind)| QuestionSpec {
        id,
        prompt,
        explanation,
        kind,
    })
}

fn module() -> impl Strategy<Value = ModuleSpec> {
    (
        (id(), text(), text(), texts(1, 3), 1u32..=600, any::<bool>()),
        (texts(0, 2), texts(0, 3)),
        prop::collection::vec((id(), text(), text(), any::<bool>()), 0..=4),
        (
            prop::sample::select(vec!["immediate", "deferred"]),
            prop::sample::select(vec!["highest", "latest", "average", "first"]),
            any::<bool>(),
            prop::option::of(0u8..=100),
            prop::option::of(any::<prop::sample::Index>()),
        ),
        prop::collection::vec(question(), 1..=6),
    )
        .prop_map(
            |(
                (id, title, summary, objectives, minutes, assessment),
                (sources, takeaways),
                sections,
                (feedback, grading, shuffle, pass_mark, per),
                questions,
            )| {
                let mut questions = questions;
                for (i, q) in questions.iter_mut().enumerate() {
                    q.id = format!("{}-{i}", q.id);
                }
                let mut sections: Vec<(String, String, String, bool)> = sections
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, t, b, d))| (format!("{id}-{i}"), t, b, d))
                    .collect();
                if !assessment && sections.is_empty() {
                    sections.push(("only".into(), "Only".into(), "Text.".into(), false));
                }
                ModuleSpec {
                    id,
                    title,
                    summary,
                    objectives,
                    minutes,
                    assessment,
                    sources,
                    takeaways,
                    sections,
                    feedback,
                    grading,
                    shuffle,
                    pass_mark,
                    per_attempt: per.map(|i| i.index(questions.len()) + 1),
                    questions,
                }
            },
        )
}

fn course_spec() -> impl Strategy<Value = CourseSpec> {
    (
        (id(), text(), text(), text(), texts(1, 2)),
        prop::option::of(0u8..=100),
        prop::collection::vec(module(), 1..=3),
    )
        .prop_map(
            |((id, title, description, version, authors), pass_mark, modules)| {
                let mut modules = modules;
                for (i, m) in modules.iter_mut().enumerate() {
                    m.id = format!("{}-{i}", m.id);
                }
                CourseSpec {
                    id,
                    title,
                    description,
                    version,
                    authors,
                    pass_mark,
                    modules,
                }
            },
        )
}

/// One way to break a course that the rules say must be an error.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Break {
    DuplicateModuleId,
    DuplicateQuestionId,
    TwoRightInSingle,
    NoneRightInMultiple,
    CategoryNotListed,
    PerAttemptOverPool,
    LessonWithoutSections,
    BadId,
    PassMarkOver100,
    UnknownKey,
    MissingDiagram,
    OneOption,
    BlankTitle,
}

const BREAKS: [Break; 13] = [
    Break::DuplicateModuleId,
    Break::DuplicateQuestionId,
    Break::TwoRightInSingle,
    Break::NoneRightInMultiple,
    Break::CategoryNotListed,
    Break::PerAttemptOverPool,
    Break::LessonWithoutSections,
    Break::BadId,
    Break::PassMarkOver100,
    Break::UnknownKey,
    Break::MissingDiagram,
    Break::OneOption,
    Break::BlankTitle,
];

/// A TOML string literal holding exactly `s`.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn lits(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The course as files: `course.toml`, one file per module, and the diagram.
fn files(spec: &CourseSpec, brk: Option<Break>) -> Vec<(String, String)> {
    let mut spec = spec.clone();
    let mut extra_key = "";
    let mut diagram = "roles.txt";
    let mut title = spec.title.clone();
    match brk {
        Some(Break::DuplicateModuleId) => {
            let copy = spec.modules[0].clone();
            spec.modules.push(ModuleSpec {
                title: "copy".into(),
                ..copy
            });
        }
        Some(Break::DuplicateQuestionId) => {
            let q = spec.modules[0].questions[0].clone();
            spec.modules[0].questions.push(q);
        }
        Some(Break::TwoRightInSingle) => spec.modules[0].questions.push(QuestionSpec {
            id: "two-right".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            kind: Kind::Single {
                options: vec![("a".into(), "f".into()), ("b".into(), "f".into())],
                right: usize::MAX,
            },
        }),
        Some(Break::NoneRightInMultiple) => spec.modules[0].questions.push(QuestionSpec {
            id: "none-right".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            kind: Kind::Multiple {
                options: vec![
                    ("a".into(), "f".into(), false),
                    ("b".into(), "f".into(), false),
                ],
                partial: false,
            },
        }),
        Some(Break::CategoryNotListed) => spec.modules[0].questions.push(QuestionSpec {
            id: "bad-category".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            kind: Kind::Match {
                categories: vec!["A".into(), "B".into()],
                items: vec![("x".into(), 0, "f".into()), ("y".into(), 2, "f".into())],
                partial: false,
            },
        }),
        Some(Break::PerAttemptOverPool) => {
            spec.modules[0].per_attempt = Some(spec.modules[0].questions.len() + 1);
        }
        Some(Break::LessonWithoutSections) => {
            spec.modules[0].assessment = false;
            spec.modules[0].sections.clear();
        }
        Some(Break::BadId) => spec.modules[0].id = "Bad Id!".into(),
        Some(Break::PassMarkOver100) => spec.pass_mark = Some(101),
        Some(Break::UnknownKey) => extra_key = "titel = \"x\"\n",
        Some(Break::MissingDiagram) => {
            diagram = "missing.txt";
            spec.modules[0]
                .sections
                .push(("diagram".into(), "D".into(), "D".into(), true));
        }
        Some(Break::OneOption) => spec.modules[0].questions.push(QuestionSpec {
            id: "one-option".into(),
            prompt: "p".into(),
            explanation: "e".into(),
            kind: Kind::Single {
                options: vec![("a".into(), "f".into())],
                right: 0,
            },
        }),
        Some(Break::BlankTitle) => title = "  ".into(),
        None => {}
    }
    let mut out = Vec::new();
    let names: Vec<String> = (0..spec.modules.len())
        .map(|i| format!("m{i}.toml"))
        .collect();
    let mut manifest = format!(
        "format = 1\nid = {}\ntitle = {}\ndescription = {}\nversion = {}\nauthors = {}\nmodules = {}\n",
        lit(&spec.id),
        lit(&title),
        lit(&spec.description),
        lit(&spec.version),
        lits(&spec.authors),
        lits(&names)
    );
    if let Some(p) = spec.pass_mark {
        manifest.push_str(&format!("pass_mark = {p}\n"));
    }
    out.push(("course.toml".to_string(), manifest));
    for (name, m) in names.iter().zip(&spec.modules) {
        out.push((name.clone(), module_toml(m, extra_key, diagram)));
    }
    out
}

fn module_toml(m: &ModuleSpec, extra_key: &str, diagram: &str) -> String {
    let mut t = format!(
        "{extra_key}id = {}\ntitle = {}\nsummary = {}\nobjectives = {}\nminutes = {}\nkind = {}\nsources = {}\ntakeaways = {}\n",
        lit(&m.id),
        lit(&m.title),
        lit(&m.summary),
        lits(&m.objectives),
        m.minutes,
        lit(if m.assessment { "assessment" } else { "lesson" }),
        lits(&m.sources),
        lits(&m.takeaways),
    );
    for (id, title, body, with_diagram) in &m.sections {
        let body = if *with_diagram {
            format!("{body}\n\n![A diagram]({diagram})\n\nAfter.")
        } else {
            body.clone()
        };
        t.push_str(&format!(
            "\n[[sections]]\nid = {}\ntitle = {}\nbody = {}\n",
            lit(id),
            lit(title),
            lit(&body)
        ));
    }
    t.push_str(&format!(
        "\n[quiz]\nfeedback = {}\ngrading = {}\nshuffle = {}\n",
        lit(m.feedback),
        lit(m.grading),
        m.shuffle
    ));
    if let Some(p) = m.pass_mark {
        t.push_str(&format!("pass_mark = {p}\n"));
    }
    if let Some(n) = m.per_attempt {
        t.push_str(&format!("questions_per_attempt = {n}\n"));
    }
    for q in &m.questions {
        t.push_str(&format!(
            "\n[[quiz.questions]]\nid = {}\nprompt = {}\nexplanation = {}\n",
            lit(&q.id),
            lit(&q.prompt),
            lit(&q.explanation)
        ));
        let option = |text: &str, fb: &str, right: bool| {
            format!(
                "{{ text = {}, feedback = {}, correct = {right} }}",
                lit(text),
                lit(fb)
            )
        };
        match &q.kind {
            Kind::Single { options, right } => {
                let o: Vec<String> = options
                    .iter()
                    .enumerate()
                    .map(|(i, (tx, fb))| {
                        option(&distinct(tx, i), fb, i == *right || *right == usize::MAX)
                    })
                    .collect();
                t.push_str(&format!("kind = \"single\"\noptions = [{}]\n", o.join(", ")));
            }
            Kind::Multiple { options, partial } => {
                let o: Vec<String> = options
                    .iter()
                    .enumerate()
                    .map(|(i, (tx, fb, r))| option(&distinct(tx, i), fb, *r))
                    .collect();
                t.push_str(&format!(
                    "kind = \"multiple\"\npartial_credit = {partial}\noptions = [{}]\n",
                    o.join(", ")
                ));
            }
            Kind::TrueFalse { answer, feedback } => t.push_str(&format!(
                "kind = \"true_false\"\nanswer = {answer}\ntrue_feedback = {}\nfalse_feedback = {}\n",
                lit(&feedback.0),
                lit(&feedback.1)
            )),
            Kind::Match {
                categories,
                items,
                partial,
            } => {
                let categories: Vec<String> = categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| distinct(c, i))
                    .collect();
                let it: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, (tx, c, fb))| {
                        let cat = categories.get(*c).cloned().unwrap_or_else(|| "Z".into());
                        format!(
                            "{{ text = {}, category = {}, feedback = {} }}",
                            lit(&distinct(tx, i)),
                            lit(&cat),
                            lit(fb)
                        )
                    })
                    .collect();
                t.push_str(&format!(
                    "kind = \"match\"\npartial_credit = {partial}\ncategories = {}\nitems = [{}]\n",
                    lits(&categories),
                    it.join(", ")
                ));
            }
            Kind::Order { items, partial } => t.push_str(&format!(
                "kind = \"order\"\npartial_credit = {partial}\nitems = {}\n",
                lits(
                    &items
                        .iter()
                        .enumerate()
                        .map(|(i, x)| distinct(x, i))
                        .collect::<Vec<_>>()
                )
            )),
            Kind::Short { accept } => t.push_str(&format!(
                "kind = \"short\"\naccept = {}\n",
                lits(accept)
            )),
        }
    }
    t
}

/// Options, items and categories a learner can tell apart, as the rules require.
fn distinct(text: &str, i: usize) -> String {
    format!("{text} #{i}")
}

fn load_files(files: &[(String, String)]) -> course::LoadReport {
    let mut all: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    all.push(("assets/roles.txt", harness::MINI_DIAGRAM));
    course::load(&harness::MemFiles::new(&all))
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_course_built_to_the_rules_always_loads(spec in course_spec()) {
        let report = load_files(&files(&spec, None));
        harness::check_report(&report);
        let Some(course) = &report.course else {
            return Err(TestCaseError::fail(format!(
                "a valid course did not load:\n{}",
                common::lines(&report).join("\n")
            )));
        };
        prop_assert_eq!(course.modules.len(), spec.modules.len());
        for (m, s) in course.modules.iter().zip(&spec.modules) {
            prop_assert_eq!(m.quiz.questions.len(), s.questions.len());
            prop_assert_eq!(m.sections.len(), s.sections.len());
        }
        harness::exercise(course.clone(), Progress::new(&course.id), true);
    }

    #[test]
    fn a_course_broken_by_a_rule_never_loads(
        spec in course_spec(),
        brk in prop::sample::select(BREAKS.to_vec()),
    ) {
        let report = load_files(&files(&spec, Some(brk)));
        harness::check_report(&report);
        prop_assert!(report.course.is_none(), "{:?} was accepted", brk);
        prop_assert!(report.errors().count() >= 1);
    }

    #[test]
    fn any_damage_to_a_course_file_gives_a_course_or_errors_never_a_panic(
        spec in course_spec(),
        file in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        junk in prop::collection::vec(any::<u8>(), 0..8),
    ) {
        let files = files(&spec, None);
        let f = file.index(files.len());
        let text = files[f].1.clone().into_bytes();
        let at = cut.index(text.len() + 1);
        let mut broken = text[..at].to_vec();
        broken.extend_from_slice(&junk);
        broken.extend_from_slice(&text[at..]);
        let mut all: Vec<(&str, &[u8])> = files
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != f)
            .map(|(_, (n, t))| (n.as_str(), t.as_bytes()))
            .collect();
        all.push((files[f].0.as_str(), &broken));
        all.push(("assets/roles.txt", harness::MINI_DIAGRAM));
        let report = course::load(&harness::MemFiles::new(&all));
        harness::check_report(&report);
    }
}

// ---- Random action sequences.

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Quit),
        Just(Action::Back),
        Just(Action::ToggleHelp),
        (0u16..200, 0u16..60).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..12, 0u16..8).prop_map(|(w, h)| Action::Resize(w, h)),
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Top),
        Just(Action::Bottom),
        any::<i16>().prop_map(Action::Scroll),
        Just(Action::NextPage),
        Just(Action::PrevPage),
        Just(Action::Open),
        Just(Action::Continue),
        Just(Action::StartReview),
        Just(Action::OpenLesson),
        Just(Action::StartQuiz),
        (0usize..13).prop_map(Action::Choose),
        Just(Action::Toggle),
        Just(Action::CategoryPrev),
        Just(Action::CategoryNext),
        Just(Action::Submit),
        any::<char>().prop_map(Action::Type),
        "[a-z]".prop_map(|s| Action::Type(s.chars().next().unwrap_or('a'))),
        Just(Action::Backspace),
        Just(Action::Delete),
        Just(Action::CursorLeft),
        Just(Action::CursorRight),
        Just(Action::CursorHome),
        Just(Action::CursorEnd),
        Just(Action::Review),
        Just(Action::Retake),
        Just(Action::RetakeMissed),
        Just(Action::Dismiss),
        any::<char>().prop_map(Action::PromptKey),
        prop::sample::select(vec!['s', 'q', 'r', 'w', 'd', '\u{1b}']).prop_map(Action::PromptKey),
        Just(Action::Saved(Ok(()))),
        text().prop_map(|e| Action::Saved(Err(e))),
        Just(Action::CopyWritten(Ok(PathBuf::from("/tmp/copy.toml")))),
        text().prop_map(|e| Action::CopyWritten(Err(e))),
    ]
}

/// Apply `steps`, checking the invariants and drawing at the given size after each.
fn run_actions(mut app: App, steps: &[(Action, u16, u16)]) -> Result<(), TestCaseError> {
    let theme = Theme::default_theme();
    let mut now = common::t0();
    for (action, w, h) in steps {
        now += jiff::SignedDuration::from_secs(7);
        app.update(action.clone(), now);
        harness::check_app(&app, true);
        let mut terminal = Terminal::new(TestBackend::new(*w, *h))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        terminal
            .draw(|f| ui::render(&app, &theme, f))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
    }
    Ok(())
}

fn steps() -> impl Strategy<Value = Vec<(Action, u16, u16)>> {
    prop::collection::vec((action(), 1u16..=120, 1u16..=50), 0..120)
}

fn mini_app() -> App {
    let course: Course = harness::mini_course().clone();
    let progress = Progress::new(&course.id);
    App::new(course, progress, 7)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_actions_on_the_mini_course_keep_the_app_sound(steps in steps()) {
        run_actions(mini_app(), &steps)?;
    }

    #[test]
    fn any_actions_on_a_random_course_keep_the_app_sound(
        spec in course_spec(),
        steps in steps(),
    ) {
        let report = load_files(&files(&spec, None));
        let Some(course) = report.course else {
            return Err(TestCaseError::fail("a valid course did not load"));
        };
        let progress = Progress::new(&course.id);
        run_actions(App::new(course, progress, 3), &steps)?;
    }

    /// Mostly the keys that move through a course, so runs get deep into quizzes, results
    /// and reviews rather than wandering the map.
    #[test]
    fn purposeful_actions_reach_every_screen_soundly(
        steps in prop::collection::vec(
            (
                prop_oneof![
                    4 => Just(Action::Open),
                    3 => Just(Action::Submit),
                    3 => (1usize..4).prop_map(Action::Choose),
                    2 => Just(Action::NextPage),
                    2 => Just(Action::Toggle),
                    2 => Just(Action::Down),
                    1 => Just(Action::Type('h')),
                    1 => Just(Action::Continue),
                    1 => Just(Action::Review),
                    1 => Just(Action::Retake),
                    1 => Just(Action::RetakeMissed),
                    1 => Just(Action::Back),
                    1 => Just(Action::Saved(Err("disk full".into()))),
                ],
                prop_oneof![Just((80u16, 24u16)), (1u16..=120, 1u16..=50)],
            ),
            0..200,
        ),
    ) {
        let steps: Vec<(Action, u16, u16)> =
            steps.into_iter().map(|(a, (w, h))| (a, w, h)).collect();
        run_actions(mini_app(), &steps)?;
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// A diagnostic at any span (even past the end, or between a CR and its LF) of any text
    /// prints, without a control character, with its caret inside or just after the snippet.
    #[test]
    fn a_diagnostic_anywhere_in_any_text_prints(
        source in "[a \r\n\té漢👋\u{1b}\u{202e}]{0,400}",
        start in 0usize..420,
        len in 0usize..30,
    ) {
        let d = course::Diagnostic::at(
            course::Severity::Error,
            "f.toml",
            &source,
            start..start + len,
            "message",
        );
        let shown = d.render();
        prop_assert!(syllabus::course::sanitize::is_clean(&shown), "{:?}", shown);
        let snip = d.snippet.clone().unwrap_or_else(|| unreachable!());
        let width = unicode_width::UnicodeWidthStr::width(snip.text.as_str());
        prop_assert!(snip.caret_start <= width + 1, "{:?}", snip);
        prop_assert!(snip.text.chars().count() <= 8 * 162, "{:?}", snip);
    }
}
