//! Loading a course: read each file, parse it, check it against the key tables, then build
//! the model and apply the rules that need more than one key (unique ids, one right option,
//! categories that exist, diagrams that exist inside the course). Every problem in every file
//! is collected; the course is returned only when there are no errors.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::check::{Sink, check_table};
use super::diagnostic::{Diagnostic, Severity};
use super::files::{CourseFiles, ReadError};
use super::markup::{self, Prose};
use super::model::*;
use super::sanitize::sanitize_owned;
use super::spec;

/// Diagrams wider than this do not fit an 80-column terminal with the lesson's margins.
pub const DIAGRAM_MAX_WIDTH: usize = 76;

/// What loading produced: the course, when there were no errors, and every diagnostic.
#[derive(Debug)]
pub struct LoadReport {
    pub course: Option<Course>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Load and validate the course in `files`. Every diagnostic has its code.
pub fn load(files: &dyn CourseFiles) -> LoadReport {
    let mut report = load_all(files);
    super::codes::assign(&mut report.diagnostics);
    report
}

fn load_all(files: &dyn CourseFiles) -> LoadReport {
    let budget = super::files::Budget::new(files);
    let files: &dyn CourseFiles = &budget;
    let mut diags = Vec::new();
    let manifest_name = "course.toml";
    let Some(text) = read_text(files, manifest_name, &mut diags, None) else {
        return LoadReport {
            course: None,
            diagnostics: diags,
        };
    };
    let file = files.display(manifest_name);
    let errors_before = count_errors(&diags);
    let Some(root) = super::syntax::parse(&file, &text, &mut diags) else {
        return LoadReport {
            course: None,
            diagnostics: diags,
        };
    };
    let mut sink = Sink {
        file: &file,
        source: &text,
        diagnostics: &mut diags,
    };
    check_table(&mut sink, root.get_ref(), root.span(), &spec::COURSE);
    let t = root.get_ref();
    let pass_mark = int(t, "pass_mark").map_or(70, |(n, _)| n.clamp(0, 100) as u8);
    if let Some((iri, span)) = string(t, "base_iri")
        && (!(iri.starts_with("https://") || iri.starts_with("http://")) || iri.contains(' '))
    {
        {
            sink_error(
                &mut diags,
                &file,
                &text,
                span,
                "`base_iri` must be an http or https address".into(),
                "use an address the organisation controls, e.g. \"https://learning.example.org/courses/safety\"".into(),
            );
        }
    }

    // Modules: read every listed file, even when the manifest has other errors.
    let mut modules = Vec::new();
    let mut listed: HashMap<String, Range<usize>> = HashMap::new();
    let mut module_ids: HashMap<String, (String, usize)> = HashMap::new();
    let mut sources: Vec<(String, String)> = Vec::new();
    for (rel, span) in str_array(t, "modules") {
        if let Some(first) = listed.get(&rel) {
            let first_line = line_of(&text, first.start);
            sink_error(
                &mut diags,
                &file,
                &text,
                span,
                format!("module file `{rel}` is listed twice"),
                format!("remove one of the two; it is first listed on line {first_line}"),
            );
            continue;
        }
        listed.insert(rel.clone(), span.clone());
        let Some(mtext) = read_text(files, &rel, &mut diags, Some((&file, &text, span.clone())))
        else {
            continue;
        };
        let mfile = files.display(&rel);
        if let Some(module) = load_module(files, &rel, &mfile, &mtext, pass_mark, &mut diags) {
            let (module, id_span) = module;
            if let Some((other_file, other_line)) = module_ids.get(&module.id) {
                sink_error(
                    &mut diags,
                    &mfile,
                    &mtext,
                    id_span,
                    format!("duplicate module id `{}`", module.id),
                    format!(
                        "`{}` is already the id of the module in {other_file}:{other_line}; module ids must be unique in the course",
                        module.id
                    ),
                );
            } else {
                module_ids.insert(
                    module.id.clone(),
                    (mfile.clone(), line_of(&mtext, id_span.start)),
                );
            }
            modules.push(module);
            sources.push((mfile, mtext));
        }
    }
    super::requires::check(&modules, &sources, &mut diags);
    for name in files.toml_files() {
        if name != manifest_name && !listed.contains_key(&name) {
            diags.push(
                Diagnostic::file_level(
                    Severity::Warning,
                    &files.display(&name),
                    "this file is not listed in course.toml and is ignored",
                )
                .with_hint(format!(
                    "add \"{name}\" to `modules` in course.toml if it is a module"
                )),
            );
        }
    }

    let failed = count_errors(&diags) > errors_before;
    let course = if failed {
        None
    } else {
        Some(Course {
            id: string(t, "id").map(|s| s.0).unwrap_or_default(),
            title: clean_str(t, "title", &file, &text, &mut diags),
            description: clean_str(t, "description", &file, &text, &mut diags),
            version: clean_str(t, "version", &file, &text, &mut diags),
            authors: clean_str_array(t, "authors", &file, &text, &mut diags),
            base_iri: string(t, "base_iri").map(|(s, span)| {
                clean(s, span, "base_iri", &file, &text, &mut diags)
                    .trim_end_matches('/')
                    .to_string()
            }),
            pass_mark,
            modules,
        })
    };
    LoadReport {
        course,
        diagnostics: diags,
    }
}

fn count_errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

fn sink_error(
    diags: &mut Vec<Diagnostic>,
    file: &str,
    source: &str,
    span: Range<usize>,
    msg: String,
    hint: String,
) {
    let d = Diagnostic::at_after(diags, Severity::Error, file, source, span, msg).with_hint(hint);
    diags.push(d);
}

fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Read a file as UTF-8 text, reporting why not. `referrer` is where the file was named
/// (the manifest's `modules` entry), so a missing module points at the line that lists it.
fn read_text(
    files: &dyn CourseFiles,
    rel: &str,
    diags: &mut Vec<Diagnostic>,
    referrer: Option<(&str, &str, Range<usize>)>,
) -> Option<String> {
    let shown = files.display(rel);
    match files.read(rel) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                diags.push(
                    Diagnostic::at(Severity::Error, &shown, &lossy, at..at + 1, format!("file is not valid UTF-8 at byte {at}"))
                        .with_hint("save the file as UTF-8 (most editors offer this under \"Save with encoding\")"),
                );
                None
            }
        },
        Err(err) => {
            let hint = match &err {
                ReadError::NotFound if rel == "course.toml" => format!(
                    "a course folder needs a course.toml manifest; is {} the right folder? `syllabus new DIR` starts a course",
                    files.describe()
                ),
                ReadError::NotFound => "check the file name in `modules`, or create the file".to_string(),
                ReadError::TooLarge(_) => "split the module into smaller modules".to_string(),
                ReadError::OutsideCourse(_) => "module files must be inside the course folder; use a relative path without `..`".to_string(),
                ReadError::NotAFile => "point at a regular file".to_string(),
                ReadError::CourseTooLarge => "make the course smaller; diagrams count each time a section shows them".to_string(),
                ReadError::Io(e) if e.contains("os error 20") => {
                    "point at the course folder, the one that holds course.toml, not at a file".to_string()
                }
                ReadError::Io(_) => "check the file's permissions".to_string(),
            };
            let message = format!("{shown} {}", err.describe());
            let d = match referrer {
                Some((file, source, span)) => {
                    Diagnostic::at_after(diags, Severity::Error, file, source, span, message)
                }
                None => Diagnostic::file_level(Severity::Error, &shown, message),
            };
            diags.push(d.with_hint(hint));
            None
        }
    }
}

// ---- Accessors. The key-table check has already reported wrong types, so these just
// return None for anything absent or malformed.

fn get<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    t.get(key)
}

fn string(t: &DeTable, key: &str) -> Option<(String, Range<usize>)> {
    let v = get(t, key)?;
    v.get_ref().as_str().map(|s| (s.to_string(), v.span()))
}

fn int(t: &DeTable, key: &str) -> Option<(i64, Range<usize>)> {
    let v = get(t, key)?;
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| (n, v.span())),
        _ => None,
    }
}

fn boolean(t: &DeTable, key: &str) -> Option<bool> {
    get(t, key)?.get_ref().as_bool()
}

fn str_array(t: &DeTable, key: &str) -> Vec<(String, Range<usize>)> {
    let Some(DeValue::Array(a)) = get(t, key).map(Spanned::get_ref) else {
        return Vec::new();
    };
    a.iter()
        .filter_map(|v| v.get_ref().as_str().map(|s| (s.to_string(), v.span())))
        .collect()
}

fn tables<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
    let Some(DeValue::Array(a)) = get(t, key).map(Spanned::get_ref) else {
        return Vec::new();
    };
    a.iter()
        .filter_map(|v| v.get_ref().as_table().map(|t| (t, v.span())))
        .collect()
}

/// Sanitize one loaded string, warning (at the string) when anything had to go.
fn clean(
    text: String,
    span: Range<usize>,
    key: &str,
    file: &str,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let c = sanitize_owned(text);
    if c.removed > 0 {
        let plural = if c.removed == 1 { "" } else { "s" };
        let d = Diagnostic::at_after(
            diags,
            Severity::Warning,
            file,
            source,
            span,
            format!("removed {} control character{plural} from `{key}`", c.removed),
        )
        .with_hint("escape sequences, control characters and bidi overrides are never shown to learners; use plain text");
        diags.push(d);
    }
    c.text
}

fn clean_str(
    t: &DeTable,
    key: &str,
    file: &str,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    string(t, key)
        .map(|(s, span)| clean(s, span, key, file, source, diags))
        .unwrap_or_default()
}

fn clean_str_array(
    t: &DeTable,
    key: &str,
    file: &str,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    str_array(t, key)
        .into_iter()
        .map(|(s, span)| clean(s, span, key, file, source, diags))
        .collect()
}

/// Everything needed to turn one module file into a `Module`.
struct ModuleCx<'a> {
    files: &'a dyn CourseFiles,
    file: &'a str,
    source: &'a str,
    diags: &'a mut Vec<Diagnostic>,
}

impl ModuleCx<'_> {
    fn error(&mut self, span: Range<usize>, msg: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::at_after(
            self.diags,
            Severity::Error,
            self.file,
            self.source,
            span,
            msg,
        )
        .with_hint(hint);
        self.diags.push(d);
    }

    fn warning(&mut self, span: Range<usize>, msg: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::at_after(
            self.diags,
            Severity::Warning,
            self.file,
            self.source,
            span,
            msg,
        )
        .with_hint(hint);
        self.diags.push(d);
    }

    fn text(&mut self, t: &DeTable, key: &str) -> String {
        clean_str(t, key, self.file, self.source, self.diags)
    }

    fn prose(&mut self, t: &DeTable, key: &str) -> Prose {
        Prose::parse(&self.text(t, key))
    }

    fn texts(&mut self, t: &DeTable, key: &str) -> Vec<String> {
        clean_str_array(t, key, self.file, self.source, self.diags)
    }
}

/// Load one module file; returns the module (if it has no errors) and the span of its id.
fn load_module(
    files: &dyn CourseFiles,
    rel: &str,
    file: &str,
    source: &str,
    course_pass_mark: u8,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Module, Range<usize>)> {
    let errors_before = count_errors(diags);
    let mut root = super::syntax::parse(file, source, diags)?;
    let mut sink = Sink {
        file,
        source,
        diagnostics: diags,
    };
    super::slips::repair(&mut sink, root.get_mut());
    check_table(&mut sink, root.get_ref(), root.span(), &spec::MODULE);
    super::lint::module(&mut sink, root.get_ref());
    let t = root.get_ref();
    let mut cx = ModuleCx {
        files,
        file,
        source,
        diags,
    };
    let (id, id_span) = string(t, "id").unwrap_or_default();
    let kind = match string(t, "kind").map(|s| s.0).as_deref() {
        Some("assessment") => ModuleKind::Assessment,
        _ => ModuleKind::Lesson,
    };

    let sections = sections(&mut cx, t);
    if kind == ModuleKind::Lesson
        && sections.is_empty()
        && t.get("sections").is_none_or(|v| v.get_ref().is_array())
    {
        let span = t.get("sections").map_or(0..0, |v| v.span());
        cx.error(
            span,
            format!("module `{id}` has no sections"),
            "add at least one [[sections]] table, or set kind = \"assessment\" for a module that only tests",
        );
    }
    let quiz = match t.get("quiz").map(|v| (v.get_ref(), v.span())) {
        Some((DeValue::Table(q), span)) => quiz(&mut cx, q, span, course_pass_mark),
        _ => None,
    };
    for (span, msg, hint) in quiz
        .iter()
        .flat_map(|q| super::teaches::check(q, &sections))
    {
        cx.error(span, msg, hint);
    }

    let module = Module {
        id: id.clone(),
        title: cx.text(t, "title"),
        summary: cx.text(t, "summary"),
        objectives: cx
            .texts(t, "objectives")
            .iter()
            .map(|s| Prose::parse(s))
            .collect(),
        minutes: int(t, "minutes").map_or(1, |(n, _)| n.clamp(1, 600) as u32),
        kind,
        requires: str_array(t, "requires").into_iter().map(|r| r.0).collect(),
        requires_spans: str_array(t, "requires").into_iter().map(|r| r.1).collect(),
        sources: cx.texts(t, "sources"),
        takeaways: cx
            .texts(t, "takeaways")
            .iter()
            .map(|s| Prose::parse(s))
            .collect(),
        sections,
        quiz: quiz?,
        file: rel.to_string(),
    };
    if count_errors(cx.diags) > errors_before {
        return None;
    }
    Some((module, id_span))
}

fn sections(cx: &mut ModuleCx, t: &DeTable) -> Vec<Section> {
    // First use of each id, as a byte offset: the line is counted only for a message, since
    // counting it for every id scans the file once per section.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (s, _) in tables(t, "sections") {
        let (id, id_span) = string(s, "id").unwrap_or_default();
        if let Some(&at) = seen.get(&id) {
            let line = line_of(cx.source, at);
            cx.error(
                id_span.clone(),
                format!("duplicate section id `{id}`"),
                format!("`{id}` is already used on line {line}; section ids must be unique in the module"),
            );
        } else if !id.is_empty() {
            seen.insert(id.clone(), id_span.start);
        }
        let title = cx.text(s, "title");
        let (mut body, notes) = markup::parse_body(&cx.text(s, "body"));
        let body_span = s.get("body").map_or(0..0, |v| v.span());
        for note in notes {
            let span = markup::locate(cx.source, body_span.clone(), &note.snippet);
            let message = format!(
                "section `{id}`, line {} of its body: {}",
                note.line,
                note.message()
            );
            cx.warning(span, message, note.hint());
        }
        let mut search = Some(body_span.start);
        markup::for_each_diagram(&mut body, &mut |path, lines| {
            *lines = diagram(cx, path, body_span.clone(), &mut search);
        });
        out.push(Section { id, title, body });
    }
    out
}

/// Read a diagram from `assets/`, or report why it cannot be shown. `search` is where in the
/// source to look for the diagram's line: diagrams come in order, so each search starts past
/// the last one found (searching the whole body for each made a body of 50,000 diagrams take
/// 17 seconds to check; found by fuzzing). After a miss it stays `None`.
fn diagram(
    cx: &mut ModuleCx,
    path: &str,
    body_span: Range<usize>,
    search: &mut Option<usize>,
) -> Vec<String> {
    // Point at the diagram's own line inside the body when it can be found there.
    let found = search.and_then(|from| {
        let at = cx
            .source
            .get(from..body_span.end)?
            .find(&format!("]({path})"))?;
        Some(from + at + 2)
    });
    *search = found.map(|start| start + path.len());
    let span = found.map_or(body_span.clone(), |start| start..start + path.len());
    let rel = format!("assets/{path}");
    let read = super::files::check_relative(path).and_then(|()| cx.files.read(&rel));
    match read {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let text = clean(text, span.clone(), "diagram", cx.file, cx.source, cx.diags);
            let lines: Vec<String> = text
                .trim_end_matches('\n')
                .lines()
                .map(|l| l.trim_end().to_string())
                .collect();
            let widest = lines
                .iter()
                .map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()))
                .max()
                .unwrap_or(0);
            if widest > DIAGRAM_MAX_WIDTH {
                cx.warning(
                    span,
                    format!("diagram `{path}` is {widest} columns wide; at most {DIAGRAM_MAX_WIDTH} fit an 80-column terminal"),
                    "narrow the diagram; wider lines are cut off on small terminals, never wrapped",
                );
            }
            lines
        }
        Err(err) => {
            let hint = match err {
                ReadError::OutsideCourse(_) => {
                    "diagram paths are relative to the course's assets/ folder and must stay inside the course"
                }
                ReadError::NotFound => {
                    "put the file in the course's assets/ folder, or fix the name"
                }
                _ => "diagrams are small UTF-8 text files in the course's assets/ folder",
            };
            cx.error(span, format!("diagram `{path}` {}", err.describe()), hint);
            Vec::new()
        }
    }
}

fn quiz(cx: &mut ModuleCx, q: &DeTable, span: Range<usize>, course_pass_mark: u8) -> Option<Quiz> {
    let mut questions = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (qt, qspan) in tables(q, "questions") {
        let (id, id_span) = string(qt, "id").unwrap_or_default();
        if let Some(&at) = seen.get(&id) {
            let line = line_of(cx.source, at);
            cx.error(
                id_span.clone(),
                format!("duplicate question id `{id}`"),
                format!("`{id}` is already used on line {line}; question ids must be unique in the module"),
            );
        } else if !id.is_empty() {
            seen.insert(id.clone(), id_span.start);
        }
        if let Some(question) = question(cx, qt, qspan, id) {
            questions.push(question);
        }
    }
    let mut sink = Sink {
        file: cx.file,
        source: cx.source,
        diagnostics: cx.diags,
    };
    let (draw, per_attempt) = super::blueprint::attempt_size(&mut sink, q, &tables(q, "questions"));
    super::review::codes::check_allow(&mut sink, q);
    Some(Quiz {
        pass_mark: int(q, "pass_mark").map_or(course_pass_mark, |(n, _)| n.clamp(0, 100) as u8),
        feedback: match string(q, "feedback").map(|s| s.0).as_deref() {
            Some("deferred") => Feedback::Deferred,
            _ => Feedback::Immediate,
        },
        per_attempt,
        grading: match string(q, "grading").map(|s| s.0).as_deref() {
            Some("latest") => Grading::Latest,
            Some("average") => Grading::Average,
            Some("first") => Grading::First,
            _ => Grading::Highest,
        },
        shuffle: boolean(q, "shuffle").unwrap_or(true),
        questions,
        draw,
        allow: super::review::codes::allowed(q),
        span,
    })
}

fn choices(cx: &mut ModuleCx, qt: &DeTable) -> Vec<Choice> {
    tables(qt, "options")
        .into_iter()
        .map(|(o, _)| Choice {
            text: cx.prose(o, "text"),
            feedback: cx.prose(o, "feedback"),
            correct: boolean(o, "correct").unwrap_or(false),
        })
        .collect()
}

fn question(cx: &mut ModuleCx, qt: &DeTable, qspan: Range<usize>, id: String) -> Option<Question> {
    let kind_name = string(qt, "kind")?.0;
    let options_span = qt.get("options").map_or(qspan.clone(), |v| v.span());
    let partial_credit = boolean(qt, "partial_credit").unwrap_or(false);
    // A `correct` that is not a boolean has its own error; counting it as false would add one.
    let typed = tables(qt, "options").iter().all(|(o, _)| {
        o.get("correct")
            .is_none_or(|c| c.get_ref().as_bool().is_some())
    });
    let kind = match kind_name.as_str() {
        "single" => {
            let options = choices(cx, qt);
            let right = options.iter().filter(|o| o.correct).count();
            if typed && !options.is_empty() && right != 1 {
                let (msg, hint) = if right == 0 {
                    (
                        format!("`single` question `{id}` has no correct option"),
                        "mark exactly one option with `correct = true`".to_string(),
                    )
                } else {
                    (
                        format!("`single` question `{id}` has {right} correct options"),
                        "a `single` question has exactly one right answer; use kind = \"multiple\" for all-that-apply".to_string(),
                    )
                };
                cx.error(options_span, msg, hint);
            }
            QuestionKind::Single { options }
        }
        "multiple" => {
            let options = choices(cx, qt);
            let right = options.iter().filter(|o| o.correct).count();
            if typed && !options.is_empty() && right == 0 {
                cx.error(
                    options_span,
                    format!("`multiple` question `{id}` has no correct option"),
                    "mark at least one option with `correct = true`",
                );
            } else if !options.is_empty() && right == options.len() {
                cx.warning(
                    options_span,
                    format!("every option of `multiple` question `{id}` is correct"),
                    "learners can pass by ticking everything; add a wrong option",
                );
            }
            QuestionKind::Multiple {
                options,
                partial_credit,
            }
        }
        "true_false" => QuestionKind::TrueFalse {
            answer: boolean(qt, "answer").unwrap_or(false),
            true_feedback: cx.prose(qt, "true_feedback"),
            false_feedback: cx.prose(qt, "false_feedback"),
        },
        "match" => {
            let categories = cx.texts(qt, "categories");
            let cat_spans = str_array(qt, "categories");
            for (i, (c, span)) in cat_spans.iter().enumerate() {
                if cat_spans[..i].iter().any(|(d, _)| d == c) {
                    cx.error(
                        span.clone(),
                        format!("category \"{c}\" is listed twice"),
                        "each category must be distinct",
                    );
                }
            }
            let mut items = Vec::new();
            for (it, ispan) in tables(qt, "items") {
                let text = cx.text(it, "text");
                let feedback = cx.prose(it, "feedback");
                let category = match string(it, "category") {
                    Some((c, cspan)) => match cat_spans.iter().position(|(d, _)| *d == c) {
                        Some(i) => i,
                        None => {
                            let known: Vec<String> =
                                cat_spans.iter().map(|(d, _)| format!("\"{d}\"")).collect();
                            let hint = match super::check::suggest(
                                &c,
                                cat_spans.iter().map(|(d, _)| d.as_str()),
                            ) {
                                Some(s) => format!(
                                    "did you mean \"{s}\"? The categories are {}",
                                    known.join(", ")
                                ),
                                None => format!("use one of {}", known.join(", ")),
                            };
                            cx.error(
                                cspan,
                                format!("category \"{c}\" is not one of the question's categories"),
                                hint,
                            );
                            0
                        }
                    },
                    None => {
                        let _ = ispan;
                        0
                    }
                };
                items.push(MatchItem {
                    text,
                    category,
                    feedback,
                });
            }
            QuestionKind::Match {
                categories,
                items,
                partial_credit,
            }
        }
        "order" => QuestionKind::Order {
            items: cx.texts(qt, "items"),
            partial_credit,
        },
        "short" => QuestionKind::Short {
            accept: cx.texts(qt, "accept"),
        },
        _ => return None,
    };
    let prompt = cx.prose(qt, "prompt");
    let explanation = cx.prose(qt, "explanation");
    let revision = int(qt, "revision").map_or(1, |(n, _)| n.clamp(1, 1_000_000) as u32);
    let hash = super::hash::fingerprint(&prompt, &kind, revision);
    let legacy_hash = if revision == 1 {
        super::hash::legacy(&prompt, &kind)
    } else {
        String::new()
    };
    let mut sink = Sink {
        file: cx.file,
        source: cx.source,
        diagnostics: cx.diags,
    };
    super::review::codes::check_allow(&mut sink, qt);
    Some(Question {
        id,
        prompt,
        explanation,
        kind,
        hash,
        pool: string(qt, "pool").map(|s| s.0),
        teaches: string(qt, "teaches"),
        allow: super::review::codes::allowed(qt),
        span: qspan,
        legacy_hash,
    })
}
