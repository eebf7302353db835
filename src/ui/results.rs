//! The results of an attempt (score, pass or not in words, each question, what to do next),
//! the review of a past attempt question by question, and the course completion page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Chrome, Theme, answer, bar, text};
use crate::app::status::{self, pct};
use crate::app::{App, RESULT_ACTIONS, ResultsState, ReviewState};
use crate::course::{Grading, ModuleKind};
use crate::layout;
use crate::quiz::{Mode, mastery};

fn inset(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(2),
        ..r
    }
}

pub fn render(app: &App, s: &ResultsState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    let module = &app.course.modules[s.module];
    let attempts = app.attempts(s.module);
    let Some(attempt) = attempts.get(s.attempt) else {
        return;
    };
    bar(
        frame,
        c.header,
        &format!("{} · {} · Results", s.module + 1, module.title),
        &format!("Attempt {}", attempt.number),
        theme,
    );
    let area = inset(c.body);
    let w = area.width;
    let score = attempt.score();
    let passed = attempt.passed(module.quiz.pass_mark);
    let mut lines: Vec<Line> = Vec::new();
    // A pass is shown only where it counts: not on a practice run, nor on a later attempt
    // when only the first counts.
    let first_full = attempts
        .iter()
        .find(|a| a.counts_for_grade())
        .map(|a| a.number);
    let counts = attempt.mode == Mode::Full
        && (module.quiz.grading != Grading::First || first_full == Some(attempt.number));
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
    let grade = mastery::module_grade(module.quiz.grading, attempts);
    let (m_done, m_of) = mastery::mastered(module, attempts, app.progress.reviews(&module.id));
    let grade_text = match (attempt.mode, grade) {
        (Mode::Missed, Some(g)) => format!(
            "Practice retake: your grade stays {}%. {m_done} of {m_of} questions mastered.",
            pct(g)
        ),
        (Mode::Missed, None) => format!(
            "Practice retake: it does not count towards your grade. {m_done} of {m_of} questions mastered."
        ),
        (Mode::Full, Some(g)) if module.quiz.grading == Grading::First => format!(
            "Module grade: {}%. {} {m_done} of {m_of} questions mastered.",
            pct(g),
            mastery::grading_rule(Grading::First).1
        ),
        (Mode::Full, Some(g)) => format!(
            "Module grade ({:?} attempt): {}%. {m_done} of {m_of} questions mastered.",
            module.quiz.grading,
            pct(g)
        )
        .replace("(Highest", "(highest")
        .replace("(Latest", "(latest")
        .replace("(First", "(first")
        .replace("(Average attempt)", "(average of attempts)"),
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
        let lead = format!("{mark} {:>2}. ", i + 1);
        let room = usize::from(w).saturating_sub(lead.len() + pts.len() + 3);
        lines.push(Line::from(vec![
            Span::styled(lead, style),
            Span::raw(text::truncate(&prompt, room)),
            Span::styled(format!("  {pts}"), style),
        ]));
    }
    lines.push(Line::from(""));
    for (i, a) in RESULT_ACTIONS.iter().enumerate() {
        let sel = i == s.selected;
        let key = ["r", "t", "m", "q"][i];
        let style = if sel { theme.selected } else { theme.base };
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", if sel { ">" } else { " " }), style),
            Span::styled(format!("[{key}] "), theme.key),
            Span::styled(a.to_string(), style),
        ]));
    }
    if status::course_complete(app) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Course complete: press q, then c on the map, for your completion page.",
            theme.good,
        )));
    }
    // Keep the actions in view on short terminals: drop question rows from the top.
    let overflow = lines.len().saturating_sub(usize::from(area.height));
    let lines: Vec<Line> = if overflow > 0 {
        let keep_head = 3.min(lines.len());
        let mut v: Vec<Line> = lines[..keep_head].to_vec();
        v.extend(
            lines[keep_head + overflow.min(lines.len() - keep_head)..]
                .iter()
                .cloned(),
        );
        v
    } else {
        lines
    };
    frame.render_widget(Paragraph::new(lines), area);
}

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
            "{} · {} · Review of attempt {}",
            s.module + 1,
            module.title,
            attempt.number
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
        None => lines.push(Line::from(Span::styled(format!("This question ({}) has been removed from the course; your answer is kept in your history.", asked.id), theme.dim))),
        Some(q) => {
            if !q.answered_as_is(&asked.hash) {
                lines.push(Line::from(Span::styled("This question has changed since you answered it; your answer is kept but no longer counts towards mastery.", theme.accent)));
            }
            lines.extend(text::lines(&layout::prose(&q.prompt, w, "", ""), theme));
            lines.push(Line::from(""));
            match attempt.response(&asked.id) {
                Some(r) => {
                    for l in layout::plain(&format!("Your answer: {}", answer::your_answer(q, &r.answer)), w) {
                        lines.push(Line::from(l));
                    }
                    lines.extend(answer::explain(q, r, &asked.order, w, theme));
                }
                None => {
                    lines.push(Line::from(Span::styled("Not answered.", theme.dim)));
                    for l in layout::plain(&format!("Right answer: {}", answer::right_answer(q)), w) {
                        lines.push(Line::from(l));
                    }
                    lines.extend(text::lines(&layout::prose(&q.explanation, w, "Why: ", "     "), theme));
                }
            }
        }
    }
    let skip = s.scroll.report(lines.len(), usize::from(area.height));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
        area,
    );
}

pub fn completion(app: &App, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    bar(frame, c.header, &app.course.title, "Completion", theme);
    let area = inset(c.body);
    let mut lines = vec![];
    let done = status::course_complete(app);
    lines.push(Line::from(Span::styled(
        if done {
            "✓ Course complete"
        } else {
            "Course not complete yet"
        },
        if done { theme.good } else { theme.accent },
    )));
    if let Some(date) = crate::app::status::completion_date(app) {
        lines.push(Line::from(format!("Completed on {date}")));
    }
    lines.push(Line::from(""));
    // The page does not scroll: modules past the bottom row cannot show, so they are not
    // worked out (each line is at least one row).
    let room = usize::from(area.height).saturating_sub(lines.len());
    for (m, module) in app.course.modules.iter().enumerate().take(room) {
        let grade = mastery::module_grade(module.quiz.grading, app.progress.attempts(&module.id));
        let label = if module.kind == ModuleKind::Assessment {
            format!("{} (assessment)", module.title)
        } else {
            module.title.clone()
        };
        let g = grade.map_or("no grade".to_string(), |g| format!("{}%", pct(g)));
        lines.push(Line::from(format!(
            "{} {:>2}. {label}: {g}",
            status::module_state(app, m).marker(),
            m + 1
        )));
    }
    let secs: u64 = app
        .progress
        .modules
        .values()
        .map(|m| m.active_seconds)
        .sum();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            "Active time: {} min. Print a certificate with `syllabus progress certificate`.",
            secs / 60
        ),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}
