//! Drawing. `render` borrows the app and draws one frame; nothing here changes state.
//! One file per screen; this one draws what every screen shares (header, banners, status,
//! footer, help and prompts) and the "terminal too small" message.

mod answer;
mod completion;
mod history;
mod lesson;
mod map;
mod memo;
pub mod overlay;
mod question;
mod quiz;
mod quiz_summary;
mod results;
pub mod scrolled;
mod spaced;
pub mod split;
mod stats;
mod stats_forecast;
mod stats_panels;
mod stats_weak;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, BannerKind, MIN_HEIGHT, MIN_WIDTH, Prompt, Screen, keymap};
pub use theme::Theme;

/// The parts of the screen every view shares.
pub struct Chrome {
    pub header: Rect,
    pub sub: Rect,
    pub banners: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// Split the frame: header, sub-header, banners, body, status and footer rows.
pub fn chrome(app: &App, area: Rect) -> Chrome {
    use split::Part::{Len, Rest};
    let [header, sub, banners, body, status, footer] = split::rows(
        area,
        [
            Len(1),
            Len(1),
            Len(app.banner_rows()),
            Rest(1),
            Len(1),
            Len(1),
        ],
    );
    Chrome {
        header,
        sub,
        banners,
        body,
        status,
        footer,
    }
}

/// Draw the whole app.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    // Patching every cell with an empty style changes nothing (the default theme's base),
    // and costs a pass over the whole screen each frame.
    if theme.base != Style::default() {
        frame.buffer_mut().set_style(area, theme.base);
    }
    if app.too_small() {
        too_small(app, theme, frame, area);
        return;
    }
    let c = chrome(app, area);
    match &app.screen {
        Screen::Map(s) => map::render(app, s, theme, frame, &c),
        Screen::Lesson(s) => lesson::render(app, s, theme, frame, &c),
        Screen::Quiz(s) => quiz::render(app, s, theme, frame, &c),
        Screen::Results(s) => results::render(app, s, theme, frame, &c),
        Screen::Review(s) => results::review(app, s, theme, frame, &c),
        Screen::History(s) => history::render(app, s, theme, frame, &c),
        Screen::Stats(s) => stats::render(app, s, theme, frame, &c),
        Screen::Spaced(s) => spaced::render(app, s, theme, frame, &c),
        Screen::Completion => completion::render(app, theme, frame, &c),
    }
    banners(app, theme, frame, c.banners);
    status_and_footer(app, theme, frame, &c);
    if app.help {
        help(app, theme, frame, area);
    }
    if app.banners_open {
        overlay_banners(app, theme, frame, area);
    }
    if let Some(p) = &app.prompt {
        prompt(p, theme, frame, area);
    }
}

/// A one-row bar: `left` text and `right` text on the bar style.
pub fn bar(frame: &mut Frame, area: Rect, left: &str, right: &str, theme: &Theme) {
    frame.buffer_mut().set_style(area, theme.bar);
    let width = usize::from(area.width);
    let right_w = unicode_width::UnicodeWidthStr::width(right);
    let left = text::truncate(left, width.saturating_sub(right_w + 2).max(1));
    text::draw_str(frame.buffer_mut(), area, theme.bar, &format!(" {left}"));
    if right_w + 2 < width {
        let r = Rect {
            x: area.x + area.width - right_w as u16 - 1,
            width: right_w as u16,
            ..area
        };
        text::draw_str(frame.buffer_mut(), r, theme.bar, right);
    }
}

fn banners(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines = crate::app::banner_lines(&app.banners, app.width, app.height);
    for (i, (kind, text)) in lines.iter().take(area.height as usize).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        let style = match kind {
            BannerKind::Info => theme.info,
            BannerKind::Warning => theme.warn,
            BannerKind::Error => theme.bad,
        };
        frame.buffer_mut().set_style(row, style);
        text::draw_str(frame.buffer_mut(), row, style, &format!(" {text}"));
    }
}

/// Every banner whole, in a box over the screen (any key closes it).
#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
fn overlay_banners(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(2);
    let mut lines = Vec::new();
    for b in &app.banners {
        for l in crate::layout::plain(&b.text, w.saturating_sub(2)) {
            lines.push(Line::from(l));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled("any key closes this", theme.dim)));
    let r = centered(area, w, lines.len() as u16 + 2);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" Messages ").style(theme.base)),
        r,
    );
}

fn status_and_footer(app: &App, theme: &Theme, frame: &mut Frame, c: &Chrome) {
    if let Some(s) = &app.status {
        text::draw_str(frame.buffer_mut(), c.status, theme.accent, &format!(" {s}"));
    } else if app.read_only.is_some() {
        text::draw_str(
            frame.buffer_mut(),
            c.status,
            theme.dim,
            " read-only: this window does not save",
        );
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (k, what)) in keymap::footer(app).iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.dim));
        }
        spans.push(Span::styled(*k, theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.dim));
    }
    text::draw(frame.buffer_mut(), c.footer, [&Line::from(spans)]);
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
fn too_small(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines = vec![
        Line::from("Terminal too small:"),
        Line::from(format!(
            "need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}.",
            app.width, app.height
        )),
        Line::from("Enlarge the window; q quits."),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.title)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A box in the middle of `area`, at most `w` x `h`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let rows = keymap::help(app);
    let key_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let w = (area.width.saturating_sub(4)).min(72);
    // Each row wrapped under its own text, the keys in a column of their own, so the box is
    // exactly as tall as what it shows.
    // In a narrow window the text goes under its keys instead of beside them.
    let inner = usize::from(w.saturating_sub(2));
    let stacked = inner.saturating_sub(key_w + 2) < 16;
    let (indent, text_w) = if stacked {
        (3, inner.saturating_sub(3).max(8))
    } else {
        (key_w + 2, inner.saturating_sub(key_w + 2))
    };
    let mut body = vec![Line::from("")];
    for (k, what) in &rows {
        let pad = key_w.saturating_sub(k.width());
        if stacked {
            body.push(Line::from(Span::styled(format!(" {k}"), theme.key)));
        }
        for (i, part) in crate::layout::plain(what, text_w as u16)
            .into_iter()
            .enumerate()
        {
            let keys = if i == 0 && !stacked {
                format!(" {k}{} ", " ".repeat(pad))
            } else {
                " ".repeat(indent)
            };
            body.push(Line::from(vec![
                Span::styled(keys, theme.key),
                Span::styled(part, theme.base),
            ]));
        }
    }
    body.push(Line::from(""));
    let h = (body.len() as u16 + 3).min(area.height);
    let shown = usize::from(h.saturating_sub(3));
    let close = if body.len() > shown {
        " ↓↑ more · ? q Esc close"
    } else {
        " ? q Esc close this help"
    };
    let top = app.help_scroll.report(body.len(), shown);
    let mut lines: Vec<Line> = body.into_iter().skip(top).take(shown).collect();
    lines.push(Line::from(Span::styled(close, theme.dim)));
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Keys on this screen ")
                .style(theme.base),
        ),
        r,
    );
}

#[inline(never)] // off the start path: docs/performance.md, "Fifth pass"
fn prompt(p: &Prompt, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (title, body, keys): (&str, String, Vec<(&str, String)>) = match p {
        Prompt::Damaged { message } => (
            " Progress file damaged ",
            message.clone(),
            vec![
                (
                    "s",
                    "start fresh (the damaged files stay where they are)".into(),
                ),
                ("q", "quit without writing anything".into()),
            ],
        ),
        Prompt::SaveFailedOnQuit { error, copy_path } => (
            " Progress not saved ",
            format!("{error}\n\nYour progress is still in memory."),
            vec![
                ("r", "try saving again".into()),
                ("w", format!("write it to {}", copy_path.display())),
                ("d", "quit and discard unsaved progress".into()),
                ("Esc", "go back to the course".into()),
            ],
        ),
        Prompt::UnreadLessons {
            unread, lessons, ..
        } => (
            " Lessons not read yet ",
            format!(
                "{unread} of the {lessons} lessons have sections you have not read yet. The assessment covers the whole course. Start it anyway?"
            ),
            vec![
                ("y", "start the assessment".into()),
                ("n", "not now: go back (Esc too)".into()),
            ],
        ),
    };
    let w = area.width.saturating_sub(4).min(76);
    let inner_w = w.saturating_sub(4);
    let mut lines: Vec<Line> = Vec::new();
    for para in body.split('\n') {
        for l in crate::layout::plain(para, inner_w) {
            lines.push(Line::from(l));
        }
    }
    lines.push(Line::from(""));
    for (k, what) in keys {
        for (i, l) in crate::layout::plain(&what, inner_w.saturating_sub(6))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 {
                format!("{k:>4}  ")
            } else {
                "      ".into()
            };
            lines.push(Line::from(vec![Span::styled(key, theme.key), Span::raw(l)]));
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(title)
                .border_style(theme.accent)
                .style(theme.base),
        ),
        r,
    );
}

/// Style for a markup run.
pub fn run_style(base: Style, s: crate::course::markup::Style) -> Style {
    let mut st = base;
    if s.bold {
        st = st.add_modifier(ratatui::style::Modifier::BOLD);
    }
    if s.emph {
        st = st.add_modifier(ratatui::style::Modifier::ITALIC);
    }
    if s.strike {
        st = st.add_modifier(ratatui::style::Modifier::CROSSED_OUT);
    }
    if s.link {
        st = st.add_modifier(ratatui::style::Modifier::UNDERLINED);
    }
    st
}
