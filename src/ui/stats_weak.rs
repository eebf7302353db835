//! The weakest panel of the stats screen: the questions missed most and the objectives
//! least mastered, as a list; Enter reads the section that teaches the chosen row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::stats_panels::para;
use super::{Theme, text};
use crate::app::{App, StatsState};

/// The questions missed most and the objectives least mastered; Enter reads the section
/// that teaches the chosen one.
pub fn weakest(
    app: &App,
    s: &StatsState,
    focused: bool,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let st = &s.stats;
    if s.weak_rows() == 0 {
        frame.render_widget(
            para(vec![Line::from(
                "Nothing weak yet. Questions you answer wrong show here, most often wrong first, then longest unseen, with the objectives of the modules you have not mastered; Enter opens the section that teaches one.",
            )]),
            area,
        );
        return;
    }
    let title = |m: usize| app.course.modules.get(m).map_or("", |m| m.title.as_str());
    let mut items: Vec<ListItem> = Vec::new();
    let mut rows: Vec<usize> = Vec::new();
    items.push(ListItem::new(Line::from(Span::styled(
        "Questions (wrong of answered, last seen)",
        theme.title,
    ))));
    for w in &st.weak_questions {
        let mark = if w.mastered {
            "✓ now right"
        } else {
            "✗ missed"
        };
        rows.push(items.len());
        let seen = match w.days_since {
            0 => "today".to_string(),
            1 => "1 day ago".to_string(),
            d => format!("{d} days ago"),
        };
        items.push(ListItem::new(format!(
            "{mark} · {}/{} · {seen} · {} {} · {}",
            w.wrong,
            w.answered,
            w.module + 1,
            title(w.module),
            w.prompt
        )));
    }
    if st.weak_questions.is_empty() {
        items.push(ListItem::new(Span::styled(
            "  none answered wrong",
            theme.dim,
        )));
    }
    items.push(ListItem::new(Line::from(Span::styled(
        "Objectives (module questions mastered)",
        theme.title,
    ))));
    for o in &st.weak_objectives {
        rows.push(items.len());
        items.push(ListItem::new(format!(
            "{}/{} · {} {} · {}",
            o.mastered,
            o.questions,
            o.module + 1,
            title(o.module),
            o.text
        )));
    }
    if st.weak_objectives.is_empty() {
        items.push(ListItem::new(Span::styled(
            "  every answered module mastered",
            theme.dim,
        )));
    }
    let [list, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut state = ListState::default().with_selected(rows.get(s.weak).copied());
    frame.render_stateful_widget(
        List::new(items)
            .highlight_symbol("> ")
            .highlight_style(if focused {
                theme.selected
            } else {
                Style::default()
            }),
        list,
        &mut state,
    );
    if let Some((m, page)) = s.weak_target() {
        let section = app
            .course
            .modules
            .get(m)
            .and_then(|module| module.sections.get(page))
            .map_or("the start page".to_string(), |sec| {
                format!("“{}”", sec.title)
            });
        frame.render_widget(
            Paragraph::new(text::truncate(
                &format!("Enter: read {section} in {} {}", m + 1, title(m)),
                usize::from(hint.width),
            ))
            .style(theme.dim),
            hint,
        );
    }
}
