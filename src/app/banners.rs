//! The messages at the top of the screen, wrapped to the width (never cut at the edge):
//! how many rows they take, and whether they had to be shortened (then `!` shows them
//! whole).

use super::{App, Banner, BannerKind};
use crate::layout;

/// The banners wrapped to the width: each as many rows as it needs, all of them together
/// leaving the body at least 2 rows, so a banner's paths are never cut at the edge. Each
/// line comes with the banner's kind.
pub fn banner_lines(banners: &[Banner], width: u16, height: u16) -> Vec<(BannerKind, String)> {
    let room = usize::from(height.saturating_sub(6));
    let w = width.saturating_sub(2).max(10);
    let mut out = Vec::new();
    for (i, b) in banners.iter().enumerate() {
        let label = match b.kind {
            BannerKind::Info => "note",
            BannerKind::Warning => "warning",
            BannerKind::Error => "error",
        };
        let more = if i == 0 { "  (x hides)" } else { "" };
        for l in layout::plain(&format!("{label}: {}{more}", b.text), w) {
            out.push((b.kind, l));
        }
    }
    let room = room.max(1);
    if out.len() > room {
        out.truncate(room);
        if let Some(last) = out.last_mut() {
            last.1 = "… (! shows the whole message)".into();
        }
    }
    out
}

/// Whether the banners are cut to fit (then `!` shows them whole).
pub fn banners_cut(app: &App) -> bool {
    let lines = banner_lines(&app.banners, app.width, app.height);
    lines.last().is_some_and(|l| l.1.starts_with("… (!"))
}
