//! `syllabus progress stats`: the stats screen's figures as text or JSON, from the same
//! domain queries (`crate::stats`), so the two never disagree.

use std::io::Write;

use jiff::Zoned;
use serde_json::json;

use crate::cli::Format;
use crate::course::Course;
use crate::course::diagnostic::{escape_controls, json_safe};
use crate::stats::{self, Forecast, Stats, WINDOW_DAYS};

pub fn run(
    course: &Course,
    progress: &crate::progress::Progress,
    now: &Zoned,
    format: Format,
    path: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let st = stats::compute(course, progress, now);
    match format {
        Format::Json => {
            let doc = json!({
                "course": course.id,
                "as_of": now.timestamp().to_string(),
                "time_zone": now.time_zone().iana_name().unwrap_or("local"),
                "stats": st,
            });
            writeln!(
                out,
                "{}",
                json_safe(&serde_json::to_string_pretty(&doc).unwrap_or_default())
            )
        }
        Format::Human => human(course, &st, path, out),
    }
}

/// Columns padded to their widest cell, two spaces apart.
fn table(rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| unicode_width::UnicodeWidthStr::width(c.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i] - unicode_width::UnicodeWidthStr::width(c.as_str());
                format!("{c}{}", " ".repeat(pad))
            })
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

/// The figures as the text `progress stats` prints; the line mode says the same.
pub fn human(course: &Course, st: &Stats, path: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let t = &st.totals;
    let title = |m: usize| {
        course
            .modules
            .get(m)
            .map_or(String::new(), |m| escape_controls(&m.title))
    };
    writeln!(
        out,
        "{}: stats on {} ({path})",
        escape_controls(&course.title),
        st.today
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Streak {} (longest {}); {} active",
        days(t.streak),
        t.longest_streak,
        days(t.days_active)
    )?;
    let accuracy = t.accuracy.map_or("no answers yet".to_string(), |a| {
        format!("{a}% right ({} of {})", t.correct, t.answered)
    });
    writeln!(out, "Answered {}; accuracy {accuracy}", t.answered)?;
    writeln!(
        out,
        "{} of {} questions mastered; {} of {} modules complete; {} attempts finished; {} min active",
        t.mastered, t.questions, t.modules_complete, t.modules, t.attempts, t.minutes
    )?;

    writeln!(out)?;
    writeln!(out, "Modules (time counts reading and quizzes)")?;
    let mut rows = vec![
        [
            "#",
            "module",
            "mastered",
            "grade",
            "pass",
            "time",
            "scores (p: practice)",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for m in &st.modules {
        let scores: Vec<String> = m
            .scores
            .iter()
            .map(|p| {
                let practice = if p.practice { "p" } else { "" };
                format!("#{}{practice} {}%", p.attempt, p.score)
            })
            .collect();
        rows.push(vec![
            m.number.to_string(),
            escape_controls(&m.title),
            format!("{}/{} {}%", m.mastered, m.questions, m.mastery),
            m.grade.map_or("-".into(), |g| {
                format!("{g}% {}", if m.passed { "passed" } else { "below" })
            }),
            format!("{}%", m.pass_mark),
            format!("{} min", m.minutes),
            if scores.is_empty() {
                "-".into()
            } else {
                scores.join(", ")
            },
        ]);
    }
    table(&rows, out)?;

    writeln!(out)?;
    let first = st.days.first().map_or("", |d| d.date.as_str());
    writeln!(
        out,
        "Per day, last {WINDOW_DAYS} days ({first} to {}); quiz time only, reading has no date",
        st.today
    )?;
    let active: Vec<Vec<String>> = st
        .days
        .iter()
        .filter(|d| d.answered > 0 || d.minutes > 0)
        .map(|d| {
            vec![
                d.date.clone(),
                format!("{} answered", d.answered),
                format!("{} right", d.correct),
                format!("{} min", d.minutes),
            ]
        })
        .collect();
    if active.is_empty() {
        writeln!(out, "no answers in these days")?;
    } else {
        table(&active, out)?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "Weakest questions (wrong of answered, last seen, the section that teaches it)"
    )?;
    let mut rows = Vec::new();
    for w in &st.weak_questions {
        rows.push(vec![
            if w.mastered { "now right" } else { "missed" }.to_string(),
            format!("{}/{}", w.wrong, w.answered),
            ago(w.days_since),
            format!("{} {}", w.module + 1, title(w.module)),
            escape_controls(&w.prompt),
            format!("-> {}", escape_controls(&w.section_title)),
        ]);
    }
    if rows.is_empty() {
        writeln!(out, "none answered wrong")?;
    } else {
        table(&rows, out)?;
    }
    writeln!(out)?;
    writeln!(out, "Weakest objectives (the module's questions mastered)")?;
    let mut rows = Vec::new();
    for o in &st.weak_objectives {
        rows.push(vec![
            format!("{}/{}", o.mastered, o.questions),
            format!("{} {}", o.module + 1, title(o.module)),
            escape_controls(&o.text),
            format!("-> {}", escape_controls(&o.section_title)),
        ]);
    }
    if rows.is_empty() {
        writeln!(out, "none: every module answered so far is mastered")?;
    } else {
        table(&rows, out)?;
    }

    writeln!(out)?;
    writeln!(out, "Review forecast")?;
    match &st.forecast {
        Forecast::NotSetUp { message } => writeln!(out, "{message}")?,
        Forecast::Ready {
            due,
            retention,
            overdue,
        } => {
            let due: Vec<String> = due.iter().map(u64::to_string).collect();
            writeln!(out, "due per day from today: {}", due.join(" "))?;
            writeln!(out, "overdue today: {overdue}")?;
            writeln!(
                out,
                "retention: {}",
                retention.map_or("no reviews yet".into(), |r| format!("{r}% recalled"))
            )?;
        }
    }
    Ok(())
}

fn days(n: usize) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn ago(d: i64) -> String {
    match d {
        0 => "today".into(),
        1 => "1 day ago".into(),
        d => format!("{d} days ago"),
    }
}
