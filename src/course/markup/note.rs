//! What a body holds that a terminal cannot show well: `check` turns these into warnings.

/// What a body holds that the screen cannot show well, for `check` to warn about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    /// The line of the body it starts on, from 1.
    pub line: usize,
    /// That line, trimmed, to find it in the course file.
    pub snippet: String,
    pub kind: NoteKind,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NoteKind {
    /// An HTML block: shown as its source text.
    HtmlBlock,
    /// Inline HTML, such as `<br>`: shown as written.
    InlineHtml(String),
    /// `![caption](file)` inside a line of text (or a heading or cell): shown as its caption.
    InlineDiagram(String),
    /// A table that needs `needs` columns even with every column at its narrowest.
    WideTable { columns: usize, needs: usize },
}

impl Note {
    pub fn message(&self) -> String {
        match &self.kind {
            NoteKind::HtmlBlock => "an HTML block is shown as plain text".to_string(),
            NoteKind::InlineHtml(tag) => format!("inline HTML `{tag}` is shown as written"),
            NoteKind::InlineDiagram(path) => {
                format!("the diagram `{path}` is inside a line of text, so only its caption shows")
            }
            NoteKind::WideTable { columns, needs } => format!(
                "a table of {columns} columns needs {needs} columns even with its columns at their narrowest; lesson text is at most {} wide, so it always shows one record at a time",
                crate::layout::MAX_TEXT_WIDTH
            ),
        }
    }

    pub fn hint(&self) -> &'static str {
        match self.kind {
            NoteKind::HtmlBlock | NoteKind::InlineHtml(_) => {
                "a terminal cannot draw HTML: write it in CommonMark, or put it in a code block to show it as code"
            }
            NoteKind::InlineDiagram(_) => "put `![caption](file)` on a line of its own",
            NoteKind::WideTable { .. } => "split the table, or turn some columns into rows",
        }
    }
}
