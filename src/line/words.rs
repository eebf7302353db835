//! Text for the line mode: wrapping with a lead (lesson blocks are in `blocks.rs`), and the
//! last guard that keeps every control character (and so every escape sequence) out of the
//! output.

use crate::course::markup::Prose;
use crate::layout;

/// Lines of output under construction, wrapped to one width.
pub struct Text {
    pub width: u16,
    pub lines: Vec<String>,
}

impl Text {
    pub fn new(width: u16) -> Text {
        Text {
            width: width.max(20),
            lines: Vec::new(),
        }
    }

    /// A plain sentence or paragraph, wrapped.
    pub fn say(&mut self, text: &str) {
        self.lead(text, "", "");
    }

    /// `text` after `first` on its first line, continuation lines indented by `rest`.
    pub fn lead(&mut self, text: &str, first: &str, rest: &str) {
        self.prose(&Prose::parse(&escape_markup(text)), first, rest);
    }

    /// Prose from the course (its emphasis is dropped: a screen reader would not say it).
    pub fn prose(&mut self, p: &Prose, first: &str, rest: &str) {
        let lines = layout::prose(p, self.width, first, rest);
        if lines.is_empty() {
            self.lines.push(first.trim_end().to_string());
        }
        for l in lines {
            self.lines.push(l.plain().trim_end().to_string());
        }
    }

    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }
}

/// "1 item", "3 items".
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Our own messages are not markup: a `*` in them must stay a `*`.
fn escape_markup(text: &str) -> String {
    text.replace('\\', "\\\\").replace('*', "\\*")
}

/// A sentence ends with a full stop unless it ends with its own punctuation.
pub fn stop(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '?', '!', ':', ')', '"']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Every control character except the line break becomes a space (a tab) or a visible
/// `\u{..}`, so nothing the course, a file name or an error says can move a cursor or start
/// an escape sequence (C1 controls included: some terminals read U+009B as CSI).
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_every_control_character() {
        let s = clean("a\u{1b}[31mb\u{9b}c\td\r\ne");
        assert_eq!(s, "a\\u{1b}[31mb\\u{9b}c    d\\u{d}\ne");
    }

    #[test]
    fn messages_keep_their_stars() {
        let mut t = Text::new(80);
        t.say("Type *, then Enter");
        assert_eq!(t.lines, ["Type *, then Enter"]);
    }
}
