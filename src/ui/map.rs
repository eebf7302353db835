//! The course map (home): overall progress, every module with its state in words and a
//! marker, and a detail pane for the selected module.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::LineGauge;
use unicode_width::UnicodeWidthStr;

use super::{Chrome, Theme, bar, scrolled, text};
use crate::app::status::{self, Step, module_state, pct};
use crate::app::{App, MapState};
use crate::course::ModuleKind;

pub fn render(app: &App, s: &MapState, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    bar(frame, c.header, &app.course.title, "Course map", theme);
    let next = Line::from(vec![
        Span::styled(" Next: ", theme.dim),
        Span::raw(next_text(app)),
    ]);
    text::draw(frame.buffer_mut(), c.sub, [&next]);

    // The course's description, on one line under the counts (cut with … when narrow).
    use super::split::{self, Part::Len, Part::Rest};
    let [gauge, about, rest] = split::rows(c.body, [Len(1), Len(1), Rest(1)]);
    // Once questions have been answered, the review line comes first on it.
    let review = review_text(app);
    let room = usize::from(about.width)
        .saturating_sub(2)
        .saturating_sub(review.as_ref().map_or(0, |r| r.width() + 3));
    let line = text::truncate(&app.course.description, room);
    let mut spans = vec![Span::raw(" ")];
    if let Some(r) = review {
        spans.push(Span::styled(r, theme.accent));
        if room > 1 {
            spans.push(Span::styled(" · ", theme.dim));
        }
    }
    if room > 1 {
        spans.push(Span::styled(line, theme.dim));
    }
    text::draw(frame.buffer_mut(), about, [&Line::from(spans)]);
    let (done, total, mastered, questions) = status::course_totals(app);
    let ratio = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    // The counts in words, then a bar in whatever room is left (heavy for done, light for
    // to do, so it reads without colour too).
    let label = format!(
        " {done} of {total} modules complete · {mastered} of {questions} questions mastered "
    );
    // Narrow screens get the counts in short, whole rather than cut.
    let label = if label.width() > usize::from(gauge.width) {
        format!(" {done}/{total} modules done · {mastered}/{questions} mastered ")
    } else {
        label
    };
    let label_w = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
    text::draw_str(frame.buffer_mut(), gauge, theme.title, &label);
    if gauge.width > label_w + 12 {
        let bar = Rect {
            x: gauge.x + label_w + 1,
            width: gauge.width - label_w - 2,
            ..gauge
        };
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio)
                .label("")
                .filled_symbol("━")
                .unfilled_symbol("─")
                .filled_style(theme.accent)
                .unfilled_style(theme.dim),
            bar,
        );
    }

    let n = app.course.modules.len() as u16;
    let side_by_side = rest.width >= 100;
    let (list, detail) = if side_by_side {
        let [l, d] = split::columns(rest, 55);
        (l, d)
    } else {
        let list_h = n
            .min(rest.height.saturating_sub(6).max(rest.height / 2))
            .max(1);
        let [l, d] = split::rows(rest, [Len(list_h), Rest(0)]);
        (l, d)
    };
    modules(app, s, theme, frame, list);
    if detail.height > 0 {
        let inner = Rect {
            x: detail.x + 1,
            width: detail.width.saturating_sub(2),
            ..detail
        };
        details(app, s, theme, frame, inner, !side_by_side);
    }
}

/// The detail pane's first lines: the title (ruled across the pane when it has room),
/// then the summary.
fn head_lines(
    title: &str,
    summary: &str,
    w: u16,
    ruled: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let fits = title.width() + 6 <= usize::from(w);
    let mut lines: Vec<Line<'static>> = if ruled && fits {
        let t = text::truncate(title, usize::from(w).saturating_sub(6));
        let rest =
            usize::from(w).saturating_sub(unicode_width::UnicodeWidthStr::width(t.as_str()) + 4);
        vec![Line::from(vec![
            Span::styled("── ", theme.dim),
            Span::styled(t, theme.title),
            Span::styled(format!(" {}", "─".repeat(rest)), theme.dim),
        ])]
    } else {
        crate::layout::plain(title, w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.title)))
            .collect()
    };
    for l in crate::layout::plain(summary, w) {
        lines.push(Line::from(l));
    }
    lines
}

/// The detail pane's last lines: the objectives, then the sources.
fn tail_lines(
    objectives: &[crate::course::markup::Prose],
    sources: &[crate::course::text::Text],
    w: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !objectives.is_empty() {
        for l in crate::layout::plain("You will be able to:", w) {
            lines.push(Line::from(Span::styled(l, theme.title)));
        }
        for o in objectives {
            lines.extend(text::lines(&crate::layout::prose(o, w, "• ", "  "), theme));
        }
    }
    if !sources.is_empty() {
        lines.push(Line::from(""));
        let src = format!("Sources: {}", sources.join(", "));
        for l in crate::layout::plain(&src, w) {
            lines.push(Line::from(Span::styled(l, theme.dim)));
        }
    }
    lines
}

/// "Review: 7 due now, 12 more this week (v)", once any question has a card.
fn review_text(app: &App) -> Option<String> {
    let c = app.queue().counts(app.clock);
    if c.cards == 0 {
        return None;
    }
    Some(format!(
        "Review: {} due now, {} more this week (v)",
        c.now, c.week
    ))
}

fn next_text(app: &App) -> String {
    let name = |m: usize| format!("{} {}", m + 1, app.course.modules[m].title);
    match status::next_step(app) {
        Step::ResumeQuiz(m) => format!("finish the quiz of {} (c)", name(m)),
        Step::Lesson(m, page) => {
            let sections = app.course.modules[m].sections.len();
            format!("{}, section {} of {sections} (c)", name(m), page + 1)
        }
        Step::StartQuiz(m) => format!("the quiz of {} (c)", name(m)),
        Step::Completion => "the course is complete: see your results (c)".into(),
    }
}

fn modules(app: &App, s: &MapState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let h = usize::from(area.height.max(1));
    let n = app.course.modules.len();
    // Keep the selection in view, with a marker row when more is above or below.
    let (start, view) = scrolled::list_start(s.selected, n, h);
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    for m in start..n.min(start + view) {
        let module = &app.course.modules[m];
        let state = module_state(app, m);
        let selected = m == s.selected;
        let locked = status::is_locked(app, m);
        let words = if locked {
            "locked".to_string()
        } else {
            state.words()
        };
        let label = if module.kind == ModuleKind::Assessment {
            format!("{} (assessment)", module.title)
        } else {
            module.title.to_string()
        };
        let lead = format!(
            "{} {} {:>2}. ",
            if selected { ">" } else { " " },
            state.marker(),
            m + 1
        );
        let room = width.saturating_sub(lead.width() + words.width() + 2);
        let title = text::truncate(&label, room);
        let pad = width.saturating_sub(lead.width() + title.width() + words.width() + 1);
        let style = if selected { theme.selected } else { theme.base };
        let state_style = match state {
            status::ModuleState::Complete(_) | status::ModuleState::Passed(_) => theme.good,
            status::ModuleState::Below(_) => theme.bad,
            _ => theme.dim,
        };
        lines.push(Line::from(vec![
            Span::styled(lead, style),
            Span::styled(title, style),
            Span::styled(" ".repeat(pad), style),
            Span::styled(words, if selected { style } else { state_style }),
            Span::styled(" ", style),
        ]));
    }
    if view < h {
        // `window` skips `start` lines: these are already the visible ones.
        scrolled::window(frame, area, lines, 0, view, n - start, "↑↓", theme);
        if start > 0 {
            let above = Line::from(Span::styled(
                format!("{} ({start} more, ↑)", scrolled::MORE_ABOVE),
                theme.dim,
            ));
            text::draw(frame.buffer_mut(), Rect { height: 1, ..area }, [&above]);
        }
    } else {
        text::draw(frame.buffer_mut(), area, &lines);
    }
}

/// The selected module: title, summary, facts, objectives, sources. Stacked under the list,
/// the title sits in a rule that also separates the two.
fn details(app: &App, s: &MapState, theme: &Theme, frame: &mut Frame, area: Rect, ruled: bool) {
    let m = s.selected;
    let Some(module) = app.course.modules.get(m) else {
        return;
    };
    let Some(ms) = app.standing().at(m) else {
        return;
    };
    let w = area.width;
    // The title and summary, wrapped once per module, width and theme (`memo`).
    // The theme goes into both keys as one hash: hashing its fourteen styles field by
    // field was a hundredth of a key press.
    let theme_key = super::memo::key_of(theme);
    let key = (w, ruled, &module.title, &module.summary, theme_key);
    let mut lines = super::memo::lines(key, || {
        head_lines(&module.title, &module.summary, w, ruled, theme)
    });
    let count = ms.counts;
    let graded = count.graded;
    let grade = ms.grade;
    let (done, of) = (ms.mastered, ms.questions);
    let opened = ms.opened;
    let mut facts = vec![format!("about {} min", module.minutes)];
    if !module.sections.is_empty() {
        facts.push(format!(
            "{opened} of {} sections read",
            module.sections.len()
        ));
    }
    facts.push(format!("pass mark {}%", module.quiz.pass_mark));
    let best = grade.map_or("no grade yet".to_string(), |g| {
        let n = if graded == 1 {
            "1 attempt".to_string()
        } else {
            format!("{graded} attempts")
        };
        match module.quiz.grading {
            // Later attempts do not count: the grade is the first one's for good.
            crate::course::Grading::First => {
                format!("grade {}% (only the first attempt counts)", pct(g))
            }
            other => format!(
                "grade {}% ({} of {n})",
                pct(g),
                format!("{other:?}").to_lowercase()
            ),
        }
    });
    facts.push(best);
    if count.practice > 0 {
        facts.push(match count.practice {
            1 => "1 practice run (not graded)".to_string(),
            n => format!("{n} practice runs (not graded)"),
        });
    }
    facts.push(format!("{done} of {of} questions mastered"));
    for l in crate::layout::plain(&facts.join(" · "), w) {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    let changed = ms.changed;
    if changed > 0 {
        let note = match changed {
            1 => "1 question changed since you answered it: your answer is kept but no longer counts. Take the quiz again to answer it anew.".to_string(),
            n => format!("{n} questions changed since you answered them: your answers are kept but no longer count. Take the quiz again to answer them anew."),
        };
        for l in crate::layout::plain(&note, w) {
            lines.push(Line::from(Span::styled(l, theme.accent)));
        }
    }
    if let Some(why) = status::locked_reason(app, m) {
        for l in crate::layout::plain(&why, w) {
            lines.push(Line::from(Span::styled(l, theme.accent)));
        }
    }
    if ms.open_attempt {
        for l in crate::layout::plain("A quiz attempt is open: Enter resumes it.", w) {
            lines.push(Line::from(Span::styled(l, theme.accent)));
        }
    }
    let key = (w, &module.objectives, &module.sources, theme_key);
    lines.extend(super::memo::lines(key, || {
        tail_lines(&module.objectives, &module.sources, w, theme)
    }));
    scrolled::draw(frame, area, lines, &s.detail, "Space b", theme);
}
