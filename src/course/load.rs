//! Loading a course: read the manifest and every module it lists (`source`), parse and
//! check each against the key tables, build the model (`build`), then apply the rules that
//! span files (unique module ids, `requires`, files nobody lists). Every problem in every
//! file is collected; the course is returned only when there are no errors.

use std::collections::HashMap;
use std::ops::Range;

use super::build;
use super::check::check_table;
use super::diagnostic::{Diagnostic, Severity};
use super::doc::Doc;
use super::files::CourseFiles;
use super::model::*;
use super::sink::Sink;
use super::source::{self, MANIFEST};
use super::spec;

pub use super::build::DIAGRAM_MAX_WIDTH;

/// What loading produced: the course, when there were no errors, and every diagnostic.
#[derive(Debug)]
pub struct LoadReport {
    /// The course, when no file has an error.
    pub course: Option<Course>,
    /// Every error and warning, file by file, in the order found.
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
    let mut diagnostics = Vec::new();
    let course = load_all(files, &mut diagnostics);
    super::codes::assign(&mut diagnostics);
    LoadReport {
        course,
        diagnostics,
    }
}

fn load_all(files: &dyn CourseFiles, diags: &mut Vec<Diagnostic>) -> Option<Course> {
    let budget = super::files::Budget::new(files);
    let files: &dyn CourseFiles = &budget;
    let manifest = source::read(files, MANIFEST, diags, None)?;
    let mut sink = Sink::new(&manifest, diags);
    let errors_before = sink.errors();
    let root = super::syntax::parse(&mut sink, &manifest.text)?;
    check_table(&mut sink, root.get_ref(), root.span(), &spec::COURSE);
    let t = root.get_ref();
    build::check_manifest(&mut sink, t);

    let (modules, listed) = modules(files, &manifest, t, diags);
    for name in files.toml_files() {
        if name != MANIFEST && !listed.contains_key(name.as_str()) {
            diags.push(
                Diagnostic::file_level(
                    Severity::Warning,
                    &files.display(&name),
                    "this file is not listed in course.toml and is ignored",
                )
                .with_hint(format!(
                    "add \"{name}\" to `{}` in course.toml if it is a module",
                    spec::course::MODULES.name
                )),
            );
        }
    }
    let mut sink = Sink::new(&manifest, diags);
    if sink.errors() > errors_before {
        return None;
    }
    Some(build::course(&mut sink, t, modules))
}

/// One entry of the manifest's `modules`, in order.
enum Listed<'t> {
    /// A file listed again: the error saying so.
    Twice(Vec<Diagnostic>),
    /// A file read: its name, its text (unless it could not be read) and what reading said.
    Read(&'t str, Option<Doc>, Vec<Diagnostic>),
}

/// Read and build every module the manifest lists, even when the manifest has other errors;
/// then check what spans modules. Returns the modules that loaded and the files listed.
///
/// The files are read in the order listed, on this thread (so a course over the size limit
/// is cut at the same file every time); the modules are then parsed and built on every core
/// (`par::map`), each into its own diagnostics, which are put back in the order listed: the
/// report is the same as one thread would give.
fn modules<'t>(
    files: &dyn CourseFiles,
    manifest: &Doc,
    t: &'t toml::de::DeTable,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Module>, HashMap<&'t str, Range<usize>>) {
    let pass_mark = build::pass_mark(t);
    let mut listed: HashMap<&str, Range<usize>> = HashMap::new();
    let mut entries: Vec<Listed> = Vec::new();
    for (rel, span) in spec::course::MODULES.strs(t) {
        let mut own = Vec::new();
        if let Some(first) = listed.get(rel) {
            let first_line = manifest.line_of(first.start);
            Sink::new(manifest, &mut own).error(
                span,
                format!("module file `{rel}` is listed twice"),
                format!("remove one of the two; it is first listed on line {first_line}"),
            );
            entries.push(Listed::Twice(own));
            continue;
        }
        listed.insert(rel, span.clone());
        let doc = source::read(files, rel, &mut own, Some((manifest, span)));
        entries.push(Listed::Read(rel, doc, own));
    }
    let built = super::par::map(&entries, 2, |entry| match entry {
        Listed::Read(rel, Some(doc), _) => {
            let mut own = Vec::new();
            let module = build::module(files, rel, doc, pass_mark, &mut own);
            (module, own)
        }
        _ => (None, Vec::new()),
    });
    let mut modules = Vec::new();
    let mut docs = Vec::new();
    let mut module_ids: HashMap<String, (usize, usize)> = HashMap::new();
    for (entry, (module, built_diags)) in entries.into_iter().zip(built) {
        let (doc, read_diags) = match entry {
            Listed::Twice(own) => {
                diags.extend(own);
                continue;
            }
            Listed::Read(_, doc, own) => (doc, own),
        };
        diags.extend(read_diags);
        diags.extend(built_diags);
        let (Some(doc), Some((module, id_span))) = (doc, module) else {
            continue;
        };
        if let Some(&(other, at)) = module_ids.get(module.id.as_str()) {
            let (other_file, other_line) = docs
                .get(other)
                .map_or(("", 0), |d: &Doc| (d.file.as_str(), d.line_of(at)));
            Sink::new(&doc, diags).error(
                id_span,
                format!("duplicate module id `{}`", module.id),
                format!(
                    "`{}` is already the id of the module in {other_file}:{other_line}; module ids must be unique in the course",
                    module.id
                ),
            );
        } else {
            // Where the id is, as a byte offset: the line is looked up only for a message.
            module_ids.insert(module.id.to_string(), (docs.len(), id_span.start));
        }
        modules.push(module);
        docs.push(doc);
    }
    super::requires::check(&modules, &docs, diags);
    (modules, listed)
}
