//! Turning laid-out lines (`crate::layout`) into ratatui lines in the theme's styles, and
//! small text helpers for narrow spaces.

use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Theme, run_style};
use crate::layout::{self, LineKind};

pub fn line(l: &layout::Line, theme: &Theme) -> Line<'static> {
    let base = match l.kind {
        LineKind::Text | LineKind::Blank => theme.base,
        LineKind::Quote => theme.quote,
        LineKind::Diagram => theme.diagram,
        LineKind::Caption => theme.dim,
        LineKind::Heading => theme.title,
        LineKind::Code => theme.diagram,
        LineKind::Table => theme.base,
    };
    Line::from(
        l.segs
            .iter()
            .map(|s| {
                // Markers (backticks, link numbers, box lines) are dimmed; code takes the
                // code style. Both are text too, so the mono theme keeps every distinction.
                let b = if s.style.mark {
                    base.patch(theme.dim)
                } else if s.style.code {
                    base.patch(theme.diagram)
                } else {
                    base
                };
                Span::styled(s.text.clone(), run_style(b, s.style))
            })
            .collect::<Vec<_>>(),
    )
}

pub fn lines(ls: &[layout::Line], theme: &Theme) -> Vec<Line<'static>> {
    ls.iter().map(|l| line(l, theme)).collect()
}

/// Cut `s` to at most `width` columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
