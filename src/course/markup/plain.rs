//! The shortcut for text without any CommonMark syntax: most prompts and options.

use super::{Para, Run, Style};

/// Bytes that can start inline markup or a character reference anywhere in a line, but
/// `*` (which the shortcut handles).
fn is_inline_special(b: u8) -> bool {
    matches!(b, b'_' | b'`' | b'[' | b'<' | b'&' | b'\\' | b'~' | b'|')
}

/// The paragraphs of a text that holds no CommonMark syntax but `*` emphasis (most prompts,
/// options and feedback): the same result as the parser, without it (a property test checks
/// it). `None` when the parser is needed. Emphasis is worked out only in ASCII text, where
/// "punctuation" and "white space" are simple to tell.
pub fn plain_paragraphs(text: &str) -> Option<smallvec::SmallVec<[Para; 1]>> {
    // Block syntax first (a section body usually has a list), then inline syntax; nothing
    // is built until both are known to be absent.
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        let Some(&first) = body.as_bytes().first() else {
            continue;
        };
        let starts_block = matches!(first, b'-' | b'+' | b'=' | b'#' | b'>' | b':' | b'*')
            || first.is_ascii_digit();
        if line.len() - body.len() >= 4 || starts_block || line.ends_with("  ") {
            return None;
        }
    }
    if text.bytes().any(is_inline_special) {
        return None;
    }
    let star = text.contains('*');
    if star && !text.is_ascii() {
        return None;
    }
    let mut paras = smallvec::SmallVec::new();
    let mut cur = String::new();
    let finish = |cur: &mut String, paras: &mut smallvec::SmallVec<[Para; 1]>| {
        let text = std::mem::take(cur);
        paras.push(if star {
            super::emphasis::paragraph(&text)
        } else {
            plain_para(text)
        });
    };
    for line in text.split('\n') {
        let body = line.trim_matches(' ');
        if body.is_empty() {
            if !cur.is_empty() {
                finish(&mut cur, &mut paras);
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(body);
    }
    if !cur.is_empty() {
        finish(&mut cur, &mut paras);
    }
    Some(paras)
}

fn plain_para(text: String) -> Para {
    Para(smallvec::smallvec![Run {
        text: text.into(),
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
            text in "( {0,5}[a-c0-9 .,é!()'\"?*-]{0,12}\n?){0,6}"
        ) {
            if let Some(fast) = plain_paragraphs(&text) {
                let blocks: Vec<Block> = fast.into_iter().map(Block::Paragraph).collect();
                proptest::prop_assert_eq!(blocks, parse(&text, Mode::Body).0);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn star_emphasis_matches_the_parser(text in "[ab *.!(\"),?0]{0,32}( [ab*]{0,6}\n[ab *.]{0,8})?") {
            if let Some(fast) = plain_paragraphs(&text) {
                let blocks: Vec<Block> = fast.into_iter().map(Block::Paragraph).collect();
                proptest::prop_assert_eq!(blocks, parse(&text, Mode::Body).0);
            }
        }
    }

    #[test]
    fn the_shortcut_is_taken_for_plain_prose_and_not_for_markup() {
        assert!(plain_paragraphs("Hire two nurses by March.\nThen more.\n\nNext.").is_some());
        assert!(plain_paragraphs("A **vision** is *not* a plan.").is_some());
        for text in [
            "* item",
            "a _b_",
            "é *b*",
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
