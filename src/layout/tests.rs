use super::*;
use crate::course::markup::parse_blocks;

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::plain).collect()
}

fn lay(body: &str, width: u16) -> Vec<String> {
    texts(&blocks(&parse_blocks(body), width))
}

#[test]
fn list_items_hang_under_their_bullet() {
    assert_eq!(
        lay("- one two three four", 10),
        ["• one two", "  three", "  four"]
    );
    assert_eq!(
        lay("9. a b c d e f\n10. g", 9),
        [" 9. a b c", "    d e f", "10. g"]
    );
}

#[test]
fn nested_lists_take_a_bullet_per_depth_and_indent_again() {
    assert_eq!(
        lay("- a\n  - b\n    - c\n      - d\n- e\n  1. f", 40),
        ["• a", "  ◦ b", "    ▪ c", "      • d", "• e", "  1. f"]
    );
}

#[test]
fn a_marker_too_wide_for_the_line_goes_on_its_own() {
    let l = lay("123456789. item text", 12);
    assert_eq!(l, ["123456789.", "item text"]);
}

#[test]
fn headings_are_told_apart_by_markers_not_only_bold() {
    let l = blocks(
        &parse_blocks("# One\n\n## Two\n\n### Three\n\n#### Four"),
        40,
    );
    assert_eq!(
        texts(&l),
        ["One", "═══", "", "Two", "───", "", "▸ Three", "", "▹ Four"]
    );
    assert!(
        l.iter()
            .filter(|x| !x.segs.is_empty())
            .all(|x| x.kind == LineKind::Heading)
    );
    assert!(l[0].segs[0].style.bold);
}

#[test]
fn code_lines_keep_their_spaces_and_continue_behind_a_marker() {
    let l = blocks(&parse_blocks("```sh\nab  cd\n\n0123456789abcdef\n```"), 10);
    assert_eq!(
        texts(&l),
        ["╭─ sh", "│ ab  cd", "│", "│ 01234567", "↪ 89abcdef", "╰─"]
    );
    assert!(l.iter().all(|x| x.kind == LineKind::Code));
    assert!(l[1].segs[1].style.code && l[1].segs[0].style.mark);
}

#[test]
fn quotes_keep_their_bar_on_every_line() {
    assert_eq!(
        lay("> one two three\n>\n> four", 10),
        ["│ one two", "│ three", "│", "│ four"]
    );
}

const TABLE: &str =
    "| Food | Keeps |\n|---|--:|\n| Cooked rice | 1 day |\n| Raw chicken, whole | 2 days |";

#[test]
fn a_table_that_fits_gets_columns_as_wide_as_its_cells() {
    assert_eq!(
        lay(TABLE, 60),
        [
            "┌────────────────────┬────────┐",
            "│ Food               │  Keeps │",
            "╞════════════════════╪════════╡",
            "│ Cooked rice        │  1 day │",
            "│ Raw chicken, whole │ 2 days │",
            "└────────────────────┴────────┘",
        ]
    );
}

#[test]
fn a_narrower_table_wraps_its_cells_and_rules_its_rows() {
    assert_eq!(
        lay(TABLE, 22),
        [
            "┌───────────┬────────┐",
            "│ Food      │  Keeps │",
            "╞═══════════╪════════╡",
            "│ Cooked    │  1 day │",
            "│ rice      │        │",
            "├───────────┼────────┤",
            "│ Raw       │ 2 days │",
            "│ chicken,  │        │",
            "│ whole     │        │",
            "└───────────┴────────┘",
        ]
    );
}

#[test]
fn a_table_too_narrow_for_its_columns_shows_one_record_at_a_time() {
    assert_eq!(
        lay(TABLE, 18),
        [
            "┌─ 1 of 2",
            "│ Food: Cooked",
            "│   rice",
            "│ Keeps: 1 day",
            "├─ 2 of 2",
            "│ Food: Raw",
            "│   chicken, whole",
            "│ Keeps: 2 days",
            "└─",
        ]
    );
}

#[test]
fn link_addresses_are_listed_last_with_a_hanging_indent() {
    assert_eq!(
        lay("See [a](https://example.org/a/long/path).", 20),
        [
            "See a[1].",
            "",
            "Links",
            "[1] https://example.",
            "    org/a/long/path"
        ]
    );
}

#[test]
fn diagrams_are_never_wrapped() {
    let mut b = parse_blocks("![cap](d.txt)");
    if let Block::Diagram { lines, .. } = &mut b[0] {
        *lines = vec!["+------------+".into()];
    }
    let l = blocks(&b, 5);
    assert_eq!(l[0].plain(), "+------------+");
    assert_eq!(l[0].kind, LineKind::Diagram);
    assert_eq!(l[1].kind, LineKind::Caption);
}

/// Pieces of CommonMark that the property below strings together.
const PIECES: &[&str] = &[
    "# A heading with several words in it\n",
    "#### Deep heading\n",
    "Plain words of a paragraph that wraps across lines, with **bold** and `code`.\n",
    "- item one\n  - nested item with more words\n    1. numbered deep\n",
    "123456789. a long number\n",
    "> quoted text that goes on\n> > and a quote in a quote\n",
    "| h1 | h2 | h3 |\n|---|:-:|--:|\n| cell one | 漢字かな | x |\n| a very long cell that must wrap | b | c |\n",
    "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|\n",
    "```\nfn main() { let wide = \"漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字\"; }\n```\n",
    "    indented code line that is fairly long indeed\n",
    "[a link](https://example.org/a/very/long/address/that/must/wrap/somewhere)\n",
    "---\n",
    "Line one\\\nline two\n",
    "<div>html block</div>\n",
    "👋👋👋 emoji and wide 漢字 text\n",
];

proptest::proptest! {
    #[test]
    fn no_line_is_wider_than_the_width_at_any_width(
        picks in proptest::collection::vec(0..PIECES.len(), 1..8),
        width in 8u16..120,
    ) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join("\n");
        for l in blocks(&parse_blocks(&body), width) {
            proptest::prop_assert!(
                l.kind == LineKind::Diagram || l.width() <= usize::from(width),
                "{:?} is wider than {}", l.plain(), width
            );
        }
    }
}

proptest::proptest! {
    /// `plain`'s narrow path gives the general wrap's lines: runs of spaces, spaces first and
    /// last, words wider than the line, every width down to one column.
    #[test]
    fn plain_narrow_text_wraps_as_the_general_path_does(
        text in "[ a-z.,!·]{0,12}( {1,3}[a-zA-Z0-9'·é—→-]{0,30}){0,12} {0,2}",
        width in 1u16..50,
    ) {
        proptest::prop_assert_eq!(
            super::plain(&text, width),
            super::plain_wrapped(&text, width),
            "{:?} at {}", text, width
        );
    }
}

#[test]
fn plain_text_of_wide_joined_or_spacing_characters_takes_the_general_path() {
    for text in [
        "tab\there",
        "naïve café",
        "",
        "   ",
        "a\u{a0}b c",
        "漢字 かな",
        "e\u{301} x",
    ] {
        assert_eq!(
            super::plain(text, 6),
            super::plain_wrapped(text, 6),
            "{text:?}"
        );
    }
    assert_eq!(super::plain("", 10), vec![String::new()]);
    assert_eq!(super::plain("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
}
