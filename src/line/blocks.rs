//! A lesson body in reading order, its structure said in words: "Heading, level 2", "List,
//! 3 items", "Table, 4 rows" then each row as "Row 2 of 4: Focus: Leadership: vision;
//! Management: tasks", a diagram's caption before the diagram, which is printed exactly as
//! drawn, and code the same way. Nested blocks are indented under their list item.

use unicode_width::UnicodeWidthStr;

use super::words::{Text, count, stop};
use crate::course::markup::{Block, Para, Prose};

impl Text {
    /// A lesson body, block by block.
    pub fn blocks(&mut self, body: &[Block]) {
        self.nested(body, "");
    }

    fn para(&mut self, p: &Para, first: &str, rest: &str) {
        self.prose(&Prose(smallvec::smallvec![p.clone()]), first, rest);
    }

    fn nested(&mut self, body: &[Block], indent: &str) {
        for (i, block) in body.iter().enumerate() {
            if i > 0 || indent.is_empty() {
                self.blank();
            }
            self.block(block, indent, indent);
        }
    }

    /// One block; `first` leads its first line (a list item's marker), `rest` the others.
    fn block(&mut self, block: &Block, first: &str, rest: &str) {
        let say = |t: &mut Text, text: &str, lead: &str| t.lead(text, lead, rest);
        match block {
            Block::Paragraph(p) => self.para(p, first, rest),
            Block::Heading { level, text } => say(
                self,
                &format!("Heading, level {level}: {}", stop(&text.plain())),
                first,
            ),
            Block::List {
                start,
                items,
                tight,
                ..
            } => {
                let kind = if start.is_some() {
                    "Numbered list"
                } else {
                    "List"
                };
                say(
                    self,
                    &format!("{kind}, {}.", count(items.len(), "item")),
                    first,
                );
                for (n, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(s) => format!("{}. ", s + n as u64),
                        None => "- ".into(),
                    };
                    let inner = format!("{rest}{}", " ".repeat(marker.width()));
                    if !tight && n > 0 {
                        self.blank();
                    }
                    for (k, b) in item.iter().enumerate() {
                        let lead = if k == 0 {
                            format!("{rest}{marker}")
                        } else {
                            inner.clone()
                        };
                        self.block(b, &lead, &inner);
                    }
                    if item.is_empty() {
                        self.lines.push(format!("{rest}{}", marker.trim_end()));
                    }
                }
                say(self, "End of list.", rest);
            }
            Block::Quote(blocks) => {
                say(self, "Quote:", first);
                for b in blocks {
                    self.block(b, rest, rest);
                }
                say(self, "End of quote.", rest);
            }
            Block::Code { info, lines } => {
                let lang = info.split_whitespace().next().unwrap_or("");
                let what = if lang.is_empty() {
                    "Code".to_string()
                } else {
                    format!("Code in {lang}")
                };
                say(
                    self,
                    &format!("{what}, {}:", count(lines.len(), "line")),
                    first,
                );
                // Exactly as written: never re-wrapped.
                self.lines
                    .extend(lines.iter().map(|l| format!("{rest}{}", l.trim_end())));
                say(self, "End of code.", rest);
            }
            Block::Table { head, rows, .. } => {
                let names: Vec<String> = head.iter().map(Para::plain).collect();
                say(
                    self,
                    &format!(
                        "Table, {}, {}: {}.",
                        count(rows.len(), "row"),
                        count(names.len(), "column"),
                        names.join(", ")
                    ),
                    first,
                );
                for (r, row) in rows.iter().enumerate() {
                    self.lead(&table_row(&names, row, r, rows.len()), rest, rest);
                }
                say(self, "End of table.", rest);
            }
            Block::Rule => say(self, "Separator.", first),
            Block::Diagram { caption, lines, .. } => {
                let caption = caption.trim().trim_end_matches('.');
                say(
                    self,
                    &format!("Diagram, {}: {caption}.", count(lines.len(), "line")),
                    first,
                );
                // Drawn exactly as the author drew it: never re-wrapped.
                self.lines
                    .extend(lines.iter().map(|l| format!("{rest}{}", l.trim_end())));
                say(self, "End of diagram.", rest);
            }
            Block::Links(urls) => {
                say(
                    self,
                    &format!("Links, {}:", count(urls.len(), "item")),
                    first,
                );
                for (k, url) in urls.iter().enumerate() {
                    self.lead(url, &format!("{rest}[{}] ", k + 1), rest);
                }
            }
        }
    }
}

/// "Row 2 of 5: Focus: Leadership: vision; Management: tasks": the first cell names the
/// row, each other cell is said with its column's heading.
fn table_row(names: &[String], row: &[Para], r: usize, total: usize) -> String {
    let cells: Vec<String> = row.iter().map(Para::plain).collect();
    let mut parts = Vec::new();
    for (i, cell) in cells.iter().enumerate().skip(1) {
        let cell = if cell.trim().is_empty() {
            "empty"
        } else {
            cell
        };
        match names.get(i).filter(|n| !n.trim().is_empty()) {
            Some(name) => parts.push(format!("{name}: {cell}")),
            None => parts.push(cell.to_string()),
        }
    }
    let label = cells.first().map_or("", String::as_str);
    if parts.is_empty() {
        format!("Row {} of {total}: {label}", r + 1)
    } else {
        format!("Row {} of {total}: {label}: {}", r + 1, parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use crate::course::markup::parse_blocks;
    use crate::line::words::Text;

    fn said(md: &str) -> Vec<String> {
        let mut t = Text::new(80);
        t.blocks(&parse_blocks(md));
        t.lines
    }

    #[test]
    fn lists_are_announced_with_their_size_and_nest() {
        assert_eq!(
            said("- one\n- two\n  1. deep\n"),
            [
                "List, 2 items.",
                "- one",
                "- two",
                "  Numbered list, 1 item.",
                "  1. deep",
                "  End of list.",
                "End of list."
            ]
        );
    }

    #[test]
    fn tables_are_read_row_by_row_with_their_headings() {
        let md = "| Aspect | Leadership | Management |\n|---|---|---|\n| Focus | vision | tasks |\n| Time | long | short |\n";
        assert_eq!(
            said(md),
            [
                "Table, 2 rows, 3 columns: Aspect, Leadership, Management.",
                "Row 1 of 2: Focus: Leadership: vision; Management: tasks",
                "Row 2 of 2: Time: Leadership: long; Management: short",
                "End of table."
            ]
        );
    }

    #[test]
    fn headings_and_code_are_said_and_code_kept_as_written() {
        assert_eq!(
            said("## Why\n\n```sh\nls   -l\n```\n"),
            [
                "Heading, level 2: Why.",
                "",
                "Code in sh, 1 line:",
                "ls   -l",
                "End of code."
            ]
        );
    }
}
