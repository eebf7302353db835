//! Synthetic courses for the benchmarks and for `examples/gen_course.rs`: any number of
//! modules, each about the size of a real one (5 sections of about 200 words, a pool of 10
//! questions of every kind, 6 asked per attempt). Deterministic: the same count always
//! gives the same files. Every generated course passes `syllabus check`.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

pub use syllabus::course::MemFiles;

const WORDS: &[&str] = &[
    "team",
    "plan",
    "vision",
    "leader",
    "manager",
    "goal",
    "budget",
    "people",
    "system",
    "change",
    "stability",
    "authority",
    "influence",
    "direction",
    "task",
    "process",
    "result",
    "week",
    "project",
    "customer",
    "report",
    "meeting",
    "decision",
    "priority",
    "risk",
    "trust",
    "schedule",
    "resource",
    "target",
    "review",
    "feedback",
    "purpose",
    "strategy",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "when",
    "why",
    "how",
    "what",
    "sets",
    "keeps",
    "turns",
    "asks",
    "builds",
    "checks",
    "shares",
    "explains",
    "measures",
    "clear",
    "shared",
    "daily",
    "long",
    "short",
    "small",
    "careful",
    "steady",
    "bold",
    "new",
    "every",
    "each",
    "some",
    "most",
    "their",
    "its",
    "our",
    "better",
    "simple",
    "whole",
];

/// A small deterministic generator (so no bench depends on a crate's random stream).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    /// A sentence of `n` words, some in **bold** or *italics*, capitalised, with a full stop.
    fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.word();
            let w = if i == 0 {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else {
                w.to_string()
            };
            match self.below(20) {
                0 if i > 0 => {
                    let _ = write!(s, "**{w}**");
                }
                1 if i > 0 => {
                    let _ = write!(s, "*{w}*");
                }
                _ => s.push_str(&w),
            }
        }
        s.push('.');
        s
    }

    /// Sentences adding up to about `words` words.
    fn prose(&mut self, words: usize) -> (String, usize) {
        let mut out = String::new();
        let mut n = 0;
        while n < words {
            let k = 8 + self.below(9);
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.sentence(k));
            n += k;
        }
        (out, n)
    }

    /// Plain text for strings that are not markup (titles, match items, accepted answers).
    fn plain(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }
}

/// A section body of about 200 words: three paragraphs and a four-item list.
fn body(g: &mut Gen) -> String {
    let mut b = String::new();
    let (p1, _) = g.prose(70);
    let (p2, _) = g.prose(50);
    let (p3, _) = g.prose(50);
    let _ = writeln!(b, "{p1}\n");
    for _ in 0..4 {
        let _ = writeln!(b, "- {}", g.sentence(7));
    }
    let _ = writeln!(b, "\n{p2}\n\n{p3}");
    b
}

/// One module file, `i` counting from 1.
pub fn module_toml(i: usize) -> String {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15 ^ (i as u64).wrapping_mul(0x1000_0000_01b3));
    let mut m = String::new();
    let _ = writeln!(m, "id = \"module-{i:04}\"");
    let _ = writeln!(m, "title = \"Module {i}: {}\"", g.plain(3));
    let _ = writeln!(m, "summary = \"{}\"", g.sentence(18));
    let objectives: Vec<String> = (0..4).map(|_| format!("\"{}\"", g.sentence(10))).collect();
    let _ = writeln!(m, "objectives = [{}]", objectives.join(", "));
    let _ = writeln!(m, "minutes = 8");
    let _ = writeln!(m, "sources = [\"synthetic-{i:04}.txt\"]");
    let takeaways: Vec<String> = (0..5).map(|_| format!("\"{}\"", g.sentence(16))).collect();
    let _ = writeln!(m, "takeaways = [\n  {},\n]", takeaways.join(",\n  "));
    for s in 1..=5 {
        let _ = writeln!(
            m,
            "\n[[sections]]\nid = \"section-{s}\"\ntitle = \"{}\"\nbody = \"\"\"\n{}\"\"\"",
            g.plain(4),
            body(&mut g)
        );
    }
    let _ = writeln!(
        m,
        "\n[quiz]\nfeedback = \"immediate\"\nquestions_per_attempt = 6\ngrading = \"highest\"\nshuffle = true"
    );
    // 10 questions: 4 single, 2 multiple, and one each of true_false, match, order, short.
    let kinds = [
        "single",
        "multiple",
        "true_false",
        "match",
        "single",
        "order",
        "short",
        "single",
        "multiple",
        "single",
    ];
    for (q, kind) in kinds.iter().enumerate() {
        let _ = writeln!(
            m,
            "\n[[quiz.questions]]\nid = \"q{}\"\nkind = \"{kind}\"\nprompt = \"{}\"\nexplanation = \"{}\"",
            q + 1,
            g.sentence(22),
            g.sentence(26)
        );
        match *kind {
            "single" | "multiple" => {
                if *kind == "multiple" {
                    let _ = writeln!(m, "partial_credit = true");
                }
                let n = 4;
                let _ = writeln!(m, "options = [");
                for o in 0..n {
                    let correct = if *kind == "single" { o == 1 } else { o != 2 };
                    let c = if correct { ", correct = true" } else { "" };
                    let _ = writeln!(
                        m,
                        "  {{ text = \"{}\"{c}, feedback = \"{}\" }},",
                        g.sentence(12),
                        g.sentence(14)
                    );
                }
                let _ = writeln!(m, "]");
            }
            "true_false" => {
                let _ = writeln!(
                    m,
                    "answer = true\ntrue_feedback = \"{}\"\nfalse_feedback = \"{}\"",
                    g.sentence(14),
                    g.sentence(14)
                );
            }
            "match" => {
                let _ = writeln!(
                    m,
                    "partial_credit = true\ncategories = [\"Leadership\", \"Management\"]\nitems = ["
                );
                for it in 0..6 {
                    let cat = if it % 2 == 0 {
                        "Leadership"
                    } else {
                        "Management"
                    };
                    let _ = writeln!(
                        m,
                        "  {{ text = \"{}\", category = \"{cat}\", feedback = \"{}\" }},",
                        g.plain(6),
                        g.sentence(13)
                    );
                }
                let _ = writeln!(m, "]");
            }
            "order" => {
                let items: Vec<String> = (0..5)
                    .map(|k| format!("\"Step {}: {}\"", k + 1, g.plain(5)))
                    .collect();
                let _ = writeln!(m, "partial_credit = true\nitems = [{}]", items.join(", "));
            }
            _ => {
                let w = g.word();
                let _ = writeln!(m, "accept = [\"{w}\", \"the {w}\", \"{w}s\"]");
            }
        }
    }
    m
}

/// The name of module `i`'s file.
pub fn module_file(i: usize) -> String {
    format!("{i:04}-module.toml")
}

/// The manifest of a course of `n` modules.
pub fn manifest(n: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "format = 1");
    let _ = writeln!(s, "id = \"synthetic-{n}\"");
    let _ = writeln!(s, "title = \"Synthetic course of {n} modules\"");
    let _ = writeln!(
        s,
        "description = \"Generated for benchmarks: {n} modules of about the size of a real one.\""
    );
    let _ = writeln!(s, "version = \"1.0.0\"");
    let _ = writeln!(s, "authors = [\"syllabus benchmarks\"]");
    let _ = writeln!(s, "pass_mark = 70");
    let _ = writeln!(s, "modules = [");
    for i in 1..=n {
        let _ = writeln!(s, "  \"{}\",", module_file(i));
    }
    let _ = writeln!(s, "]");
    s
}

/// Every file of a course of `n` modules, as (path relative to the course folder, text).
pub fn course_files(n: usize) -> Vec<(String, String)> {
    let mut v = vec![("course.toml".to_string(), manifest(n))];
    v.extend((1..=n).map(|i| (module_file(i), module_toml(i))));
    v
}

/// Write a course of `n` modules into `dir` (which must exist).
pub fn write_course(dir: &Path, n: usize) -> std::io::Result<()> {
    for (rel, text) in course_files(n) {
        std::fs::write(dir.join(rel), text)?;
    }
    Ok(())
}

/// A course of `n` modules served from memory, so a bench times the loader and not the disk.
pub fn in_memory(n: usize) -> MemFiles {
    MemFiles::new(&course_files(n))
}
