//! The shortcut for text without any CommonMark syntax: most prompts and options.

use super::{Para, Run, Style};

/// Bytes that can start inline markup or a character reference anywhere in a line.
fn is_inline_special(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'_' | b'`' | b'[' | b'<' | b'&' | b'\\' | b'~' | b'|'
    )
}

/// The paragraphs of a text that holds no CommonMark syntax at all (most prompts and
/// options): the same result as the parser, without it. `None` when the parser is needed.
pub fn plain_paragraphs(text: &str) -> Option<Vec<Para>> {
    // No early exit, so the check compiles to a vector loop.
    let special = text
        .bytes()
        .fold(false, |any, b| any | is_inline_special(b));
    if special {
        return None;
    }
    let mut paras = Vec::new();
    let mut cur = String::new();
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        if body.is_empty() {
            if !cur.is_empty() {
                paras.push(plain_para(std::mem::take(&mut cur)));
            }
            continue;
        }
        let indent = line.len() - body.len();
        let starts_block = matches!(body.as_bytes()[0], b'-' | b'+' | b'=' | b'#' | b'>' | b':')
            || body.as_bytes()[0].is_ascii_digit();
        if indent >= 4 || starts_block || line.ends_with("  ") {
            return None;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(body.trim_end_matches(' '));
    }
    if !cur.is_empty() {
        paras.push(plain_para(cur));
    }
    Some(paras)
}

fn plain_para(text: String) -> Para {
    Para(vec![Run {
        text,
        style: Style::default(),
    }])
}

#[cfg(test)]
mod tests {
    use super::super::Block;
    use super::super::parse::{Mode, parse};
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_plain_text_shortcut_gives_what_the_parser_gives(
            text in "( {0,5}[a-c0-9 .,é!()'\"?-]{0,12}\n?){0,6}"
        ) {
            if let Some(fast) = plain_paragraphs(&text) {
                let blocks: Vec<Block> = fast.into_iter().map(Block::Paragraph).collect();
                proptest::prop_assert_eq!(blocks, parse(&text, Mode::Body).0);
            }
        }
    }

    #[test]
    fn the_shortcut_is_taken_for_plain_prose_and_not_for_markup() {
        assert!(plain_paragraphs("Hire two nurses by March.\nThen more.\n\nNext.").is_some());
        for text in [
            "a *b*",
            "- item",
            "1. item",
            "# h",
            "    code",
            "a  \nb",
            "a &amp; b",
            "x\n===",
            "<b>",
        ] {
            assert!(plain_paragraphs(text).is_none(), "{text:?}");
        }
    }
}
