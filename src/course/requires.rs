//! Course-wide rules the loader checks once every module is read: `requires` names modules
//! that exist, never the module itself, and never in a circle (no learner could open any of
//! them); and a warning where `grading = "first"` can make the course impossible to finish.

use std::collections::HashMap;

use super::diagnostic::Diagnostic;
use super::doc::Doc;
use super::model::{Grading, Module};
use super::sink::Sink;
use super::spec;
use super::suggest::suggest;

/// `docs[i]` is `modules[i]`'s file.
pub fn check(modules: &[Module], docs: &[Doc], diags: &mut Vec<Diagnostic>) {
    let index: HashMap<&str, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); modules.len()];
    for (i, (m, doc)) in modules.iter().zip(docs).enumerate() {
        let mut sink = Sink::new(doc, diags);
        for (k, id) in m.requires.iter().enumerate() {
            let span = m.requires_spans.get(k).cloned().unwrap_or(0..0);
            if id == &m.id {
                sink.error(
                    span,
                    format!("module `{id}` requires itself"),
                    "remove it from `requires`: a module cannot wait for itself",
                );
            } else if let Some(&j) = index.get(id.as_str()) {
                edges[i].push((j, k));
            } else {
                let hint = match suggest(id, modules.iter().map(|m| m.id.as_str())) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "the module ids are: {}",
                        modules
                            .iter()
                            .map(|m| format!("`{}`", m.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                sink.error(
                    span,
                    format!("`requires` names `{id}`, which is not a module of this course"),
                    hint,
                );
            }
        }
    }
    for cycle in cycles(&edges) {
        let (first, k) = cycle[0];
        let span = modules[first]
            .requires_spans
            .get(k)
            .cloned()
            .unwrap_or(0..0);
        let mut names: Vec<&str> = cycle.iter().map(|&(i, _)| modules[i].id.as_str()).collect();
        names.push(&modules[first].id);
        Sink::new(&docs[first], diags).error(
            span,
            format!(
                "modules require each other in a circle: {}",
                names.join(" → ")
            ),
            "remove one of these requirements: as it is, no learner can open any of them",
        );
    }
    for (m, doc) in modules.iter().zip(docs) {
        if m.quiz.grading != Grading::First {
            continue;
        }
        let text = &doc.text;
        let at = text
            .find(spec::quiz::GRADING.name)
            .and_then(|g| text[g..].find("\"first\"").map(|s| g + s))
            .map_or(0..0, |s| s..s + 7);
        let needed_by: Vec<&str> = modules
            .iter()
            .filter(|o| o.requires.iter().any(|r| *r == m.id))
            .map(|o| o.id.as_str())
            .collect();
        let also = if needed_by.is_empty() {
            String::new()
        } else {
            format!(", nor open {}", needed_by.join(", "))
        };
        Sink::new(doc, diags).warning(
            at,
            format!(
                "grading = \"first\" on `{}`: a learner whose first attempt is below the pass mark can never complete this module, so never the course{also}",
                m.id
            ),
            "use \"highest\" or \"latest\" unless a single attempt is the point; the learner is told before starting",
        );
    }
}

/// Each cycle once, as (module, index of its `requires` entry that leads on), starting at
/// its first module in course order.
fn cycles(edges: &[Vec<(usize, usize)>]) -> Vec<Vec<(usize, usize)>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; edges.len()];
    let mut found = Vec::new();
    for start in 0..edges.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, next edge to try, edge taken into it).
        let mut path: Vec<(usize, usize)> = Vec::new();
        let mut stack = vec![(start, 0usize)];
        marks[start] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(to, k)) = edges[node].get(*next) {
                *next += 1;
                match marks[to] {
                    Mark::New => {
                        marks[to] = Mark::Open;
                        path.push((node, k));
                        stack.push((to, 0));
                    }
                    Mark::Open => {
                        let mut cycle: Vec<(usize, usize)> = path.clone();
                        cycle.push((node, k));
                        let from = cycle.iter().position(|&(n, _)| n == to).unwrap_or(0);
                        let mut cycle = cycle.split_off(from);
                        let least = (0..cycle.len()).min_by_key(|&i| cycle[i].0).unwrap_or(0);
                        cycle.rotate_left(least);
                        found.push(cycle);
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
                path.pop();
            }
        }
    }
    found
}
