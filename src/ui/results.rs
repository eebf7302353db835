//! The results of an attempt (score, pass or not in words, each question, what to do next),
//! the review of a past attempt question by question, and the course completion page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Chrome, Theme, answer, bar, scrolled, text};
use crate::app::status::{self, pct};
use crate::app::{App, RESULT_ACTIONS, ResultsState, ReviewState};
use crate::layout;
use crate::quiz::{Mode, mastery};
use crate::report::practice::{PracticeKind, practice_set};

fn inset(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(2),
        ..r
    }
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn render(app: &App, s: &ResultsState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let attempts = app.attempts(s.module);
    let Some(attempt) = attempts.get(s.attempt) else {
        return;
    };
    let ms = app.standing().at(s.module);
    let entry = ms.and_then(|ms| ms.attempt(s.attempt));
    let label = entry.map_or_else(String::new, |e| e.label.words());
    bar(
        frame,
        c.header,
        &format!("{} · {} · Results", s.module + 1, module.title),
        &label,
        theme,
    );
    let area = inset(c.body);
    let w = area.width;
    let score = attempt.score();
    let passed = attempt.passed(module.quiz.pass_mark);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // A pass is shown only where it counts: not on a practice run, nor on a later attempt
    // when only the first counts.
    let counts = entry.is_some_and(|e| e.counts_for_grade);
    let verdict = match (passed, counts) {
        (true, true) => Span::styled("✓ Passed", theme.good),
        (false, true) => Span::styled("✗ Not passed yet", theme.bad),
        (true, false) => Span::styled(
            "Pass mark reached; this attempt does not count",
            theme.accent,
        ),
        (false, false) => Span::styled(
            "Below the pass mark; this attempt does not count",
            theme.dim,
        ),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("Score {}%", pct(score)), theme.title),
        Span::raw("  "),
        verdict,
        Span::styled(
            format!("  (pass mark {}%)", module.quiz.pass_mark),
            theme.dim,
        ),
    ]));
    let grade = ms.and_then(|ms| ms.grade);
    let (m_done, m_of) = ms.map_or((0, 0), |ms| (ms.mastered, ms.questions));
    let count = ms.map(|ms| ms.counts).unwrap_or_default().words();
    let grade_text = match (attempt.mode, grade) {
        (Mode::Missed, Some(g)) => format!(
            "Practice run ({}): your grade stays {}%. {m_done} of {m_of} questions mastered. So far: {count}.",
            PracticeKind::of(attempt).words(),
            pct(g)
        ),
        (Mode::Missed, None) => format!(
            "Practice run ({}): it does not count towards your grade. {m_done} of {m_of} questions mastered. So far: {count}.",
            PracticeKind::of(attempt).words(),
        ),
        (Mode::Full, Some(g)) => format!(
            "Module grade: {}% ({}). {m_done} of {m_of} questions mastered. So far: {count}.",
            pct(g),
            mastery::grading_rule(module.quiz.grading).0
        ),
        (Mode::Full, None) => String::new(),
    };
    for l in layout::plain(&grade_text, w) {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    lines.push(Line::from(""));
    for (i, asked) in attempt.questions.iter().enumerate() {
        let r = attempt.response(&asked.id);
        let prompt = module.question(&asked.id).map_or_else(
            || format!("({} is no longer in the course)", asked.id),
            |q| q.prompt.plain(),
        );
        let (mark, style, pts) = match r {
            Some(r) if r.correct => ("✓", theme.good, "right".to_string()),
            Some(r) if r.points > 0.0 => (
                "◐",
                theme.accent,
                format!("{} pt", answer::points(r.points)),
            ),
            Some(_) => ("✗", theme.bad, "wrong".to_string()),
            None => ("·", theme.dim, "unanswered".to_string()),
        };
        // The whole prompt, wrapped under its number; the verdict ends the last line.
        let lead = format!("{mark} {:>2}. ", i + 1);
        let text = format!("{prompt}  {pts}");
        let wrapped = layout::plain(&text, w.saturating_sub(lead.len() as u16 - 2).max(10));
        let n = wrapped.len();
        for (k, l) in wrapped.into_iter().enumerate() {
            let head = if k == 0 {
                lead.clone()
            } else {
                "      ".into()
            };
            let body = if k + 1 == n
                && let Some(before) = l.strip_suffix(pts.as_str())
            {
                vec![
                    Span::raw(before.to_string()),
                    Span::styled(pts.clone(), style),
                ]
            } else {
                vec![Span::raw(l)]
            };
            let mut spans = vec![Span::styled(head, style)];
            spans.extend(body);
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::from(""));
    let practice = practice_set(module, attempts);
    for (i, (key, a)) in RESULT_ACTIONS.iter().enumerate() {
        let sel = i == s.selected;
        let style = if sel { theme.selected } else { theme.base };
        let words = if *key == "m" {
            match &practice {
                Some((kind, ids)) => {
                    format!("Practise {} ({}, not graded)", kind.words(), ids.len())
                }
                None => "Practise: nothing left, every question answered right".into(),
            }
        } else {
            a.to_string()
        };
        for (k, l) in layout::plain(&words, w.saturating_sub(6).max(10))
            .into_iter()
            .enumerate()
        {
            lines.push(Line::from(if k == 0 {
                vec![
                    Span::styled(format!("{} ", if sel { ">" } else { " " }), style),
                    Span::styled(format!("[{key}] "), theme.key),
                    Span::styled(l, style),
                ]
            } else {
                vec![Span::raw("      "), Span::styled(l, style)]
            }));
        }
    }
    if status::course_complete(app) {
        lines.push(Line::from(""));
        for l in layout::plain(
            "Course complete: press q, then c on the map, for your completion page.",
            w,
        ) {
            lines.push(Line::from(Span::styled(l, theme.good)));
        }
    }
    scrolled::draw(frame, area, lines, &s.scroll, "PgUp PgDn", theme);
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
pub fn review(app: &App, s: &ReviewState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let Some(attempt) = app.attempts(s.module).get(s.attempt) else {
        return;
    };
    let n = attempt.questions.len();
    bar(
        frame,
        c.header,
        &format!(
            "{} · {} · Review of {}",
            s.module + 1,
            module.title,
            app.attempt_entries(s.module)
                .get(s.attempt)
                .map_or_else(String::new, |e| e.label.words().to_lowercase())
        ),
        &format!("Question {} of {n}", s.question + 1),
        theme,
    );
    let area = inset(c.body);
    let w = area.width.min(layout::MAX_TEXT_WIDTH);
    let Some(asked) = attempt.questions.get(s.question) else {
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    match module.question(&asked.id) {
        None => {
            for l in layout::plain(
                &format!(
                    "Retired: this question ({}) has been removed from the course; your answer is kept in your history.",
                    asked.id
                ),
                w,
            ) {
                lines.push(Line::from(Span::styled(l, theme.dim)));
            }
        }
        Some(q) => {
            if !q.answered_as_is(&asked.hash) {
                for l in layout::plain(
                    "Stale: this question has changed since you answered it; your answer is kept but no longer counts towards mastery.",
                    w,
                ) {
                    lines.push(Line::from(Span::styled(l, theme.accent)));
                }
            }
            lines.extend(text::lines(&layout::prose(&q.prompt, w, "", ""), theme));
            lines.extend(as_asked(q, asked, attempt.response(&asked.id), w, theme));
            lines.push(Line::from(""));
            match attempt.response(&asked.id) {
                Some(r) => {
                    for l in layout::plain(
                        &format!("Your answer: {}", answer::your_answer(q, &r.answer)),
                        w,
                    ) {
                        lines.push(Line::from(l));
                    }
                    lines.extend(answer::explain(q, r, &asked.order, w, theme));
                }
                None => {
                    lines.push(Line::from(Span::styled("Not answered.", theme.dim)));
                    for l in layout::plain(&format!("Right answer: {}", answer::right_answer(q)), w)
                    {
                        lines.push(Line::from(l));
                    }
                    lines.extend(text::lines(
                        &layout::prose(&q.explanation, w, "Why: ", "     "),
                        theme,
                    ));
                }
            }
        }
    }
    scrolled::draw(frame, area, lines, &s.scroll, "↓↑", theme);
}

/// The options (or items) as the attempt showed them, in its drawn order, numbered as
/// shown: `>` marks the learner's choice, `✓` the right ones.
fn as_asked(
    q: &crate::course::Question,
    asked: &crate::quiz::Asked,
    r: Option<&crate::quiz::Response>,
    w: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    use crate::course::QuestionKind;
    use crate::quiz::Answer;
    let n = q.kind.option_count();
    let mut order = asked.order.clone();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    if sorted != (0..n).collect::<Vec<_>>() {
        order = (0..n).collect();
    }
    let rows: Vec<(bool, bool, String)> = match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => order
            .iter()
            .filter_map(|&i| {
                let o = options.get(i)?;
                let picked = match r.map(|r| &r.answer) {
                    Some(Answer::Single(c)) => *c == i,
                    Some(Answer::Multiple(t)) => t.contains(&i),
                    _ => false,
                };
                Some((picked, o.correct, o.text.plain()))
            })
            .collect(),
        QuestionKind::Match { items, .. } => order
            .iter()
            .filter_map(|&i| items.get(i).map(|it| (false, false, it.text.to_string())))
            .collect(),
        QuestionKind::Order { items, .. } => order
            .iter()
            .filter_map(|&i| items.get(i).map(|it| (false, false, it.to_string())))
            .collect(),
        QuestionKind::TrueFalse { .. } | QuestionKind::Short { .. } => return Vec::new(),
    };
    let mut lines = vec![Line::from(Span::styled(
        if matches!(q.kind, QuestionKind::Order { .. }) {
            "As shown (in this order):"
        } else {
            "As shown:"
        },
        theme.dim,
    ))];
    for (k, (picked, right, text)) in rows.into_iter().enumerate() {
        let lead = format!(
            "{}{} {}. ",
            if picked { ">" } else { " " },
            if right { "✓" } else { " " },
            k + 1
        );
        for (j, l) in layout::plain(&text, w.saturating_sub(7).max(10))
            .into_iter()
            .enumerate()
        {
            let head = if j == 0 {
                lead.clone()
            } else {
                "      ".into()
            };
            let style = if right { theme.good } else { theme.base };
            lines.push(Line::from(vec![Span::styled(head, style), Span::raw(l)]));
        }
    }
    lines.push(Line::from(""));
    lines
}
