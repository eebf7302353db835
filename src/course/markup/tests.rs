use super::*;

fn run(text: &str, style: Style) -> Run {
    Run {
        text: text.into(),
        style,
    }
}

const PLAIN: Style = Style {
    bold: false,
    emph: false,
    strike: false,
    code: false,
    link: false,
    mark: false,
};

fn para(text: &str) -> Para {
    Para(smallvec::smallvec![run(text, PLAIN)])
}

fn inline(text: &str) -> Para {
    match parse_blocks(text).into_iter().next() {
        Some(Block::Paragraph(p)) => p,
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn bold_emphasis_and_strikethrough_become_styled_runs() {
    let p = inline("a **b** and *c* d ~~e~~");
    let emph = Style {
        emph: true,
        ..PLAIN
    };
    let strike = Style {
        strike: true,
        ..PLAIN
    };
    assert_eq!(
        p.0.to_vec(),
        vec![
            run("a ", PLAIN),
            run("b", Style::BOLD),
            run(" and ", PLAIN),
            run("c", emph),
            run(" d ", PLAIN),
            run("e", strike)
        ]
    );
}

#[test]
fn unpaired_markers_are_shown_as_written() {
    assert_eq!(inline("5 * 3 = 15").plain(), "5 * 3 = 15");
    assert_eq!(inline("a ** b").plain(), "a ** b");
    assert_eq!(inline("*open only").plain(), "*open only");
    assert_eq!(inline(r"\*literal\*").plain(), "*literal*");
    assert_eq!(
        inline("formal ______. (one word)").plain(),
        "formal ______. (one word)"
    );
}

#[test]
fn emphasis_inside_bold() {
    let p = inline("**a *b* c**");
    let both = Style {
        emph: true,
        ..Style::BOLD
    };
    assert_eq!(
        p.0.to_vec(),
        vec![
            run("a ", Style::BOLD),
            run("b", both),
            run(" c", Style::BOLD)
        ]
    );
}

#[test]
fn inline_code_keeps_its_backticks_as_markers() {
    let p = inline("run `cargo  test` now");
    let mark = Style {
        mark: true,
        ..PLAIN
    };
    let code = Style {
        code: true,
        ..PLAIN
    };
    assert_eq!(
        p.0.to_vec(),
        vec![
            run("run ", PLAIN),
            run("`", mark),
            run("cargo  test", code),
            run("`", mark),
            run(" now", PLAIN)
        ]
    );
}

#[test]
fn blocks_of_every_kind() {
    let body = "First line\njoined.\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n> quoted\n> more\n\n![The roles](roles.txt)\nAfter.";
    let blocks = parse_blocks(body);
    assert_eq!(blocks.len(), 6, "{blocks:#?}");
    assert_eq!(blocks[0], Block::Paragraph(para("First line joined.")));
    assert_eq!(
        blocks[1],
        Block::List {
            start: None,
            tight: true,
            items: vec![
                vec![Block::Paragraph(para("one"))],
                vec![Block::Paragraph(para("two continued"))]
            ]
        }
    );
    assert!(matches!(&blocks[2], Block::List { start: Some(3), items, .. } if items.len() == 2));
    assert_eq!(
        blocks[3],
        Block::Quote(vec![Block::Paragraph(para("quoted more"))])
    );
    assert_eq!(
        blocks[4],
        Block::Diagram {
            caption: "The roles".into(),
            path: "roles.txt".into(),
            lines: vec![]
        }
    );
    assert_eq!(blocks[5], Block::Paragraph(para("After.")));
}

#[test]
fn star_at_line_start_without_space_is_emphasis_not_a_bullet() {
    let blocks = parse_blocks("*Note* this.");
    assert_eq!(blocks.len(), 1);
    assert!(matches!(&blocks[0], Block::Paragraph(p) if p.0[0].style.emph));
}

#[test]
fn headings_keep_their_level() {
    let blocks = parse_blocks("# One\n\n## Two\n\n### Three\n\nSetext\n------");
    let levels: Vec<u8> = blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, .. } => *level,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(levels, [1, 2, 3, 2]);
}

#[test]
fn lists_nest_and_loose_lists_are_marked() {
    let blocks = parse_blocks("- a\n  - b\n    1. c\n- d\n\n\n1. x\n\n2. y");
    let Block::List { items, tight, .. } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert!(*tight);
    let Block::List { items: inner, .. } = &items[0][1] else {
        panic!("{items:?}")
    };
    assert!(matches!(&inner[0][1], Block::List { start: Some(1), .. }));
    assert!(matches!(&blocks[1], Block::List { tight: false, .. }));
}

#[test]
fn code_blocks_are_kept_exactly() {
    let blocks =
        parse_blocks("```rust title\nfn main() {\n    *x* <b>\n}\n```\n\n    indented  code\n");
    assert_eq!(
        blocks[0],
        Block::Code {
            info: "rust".into(),
            lines: vec!["fn main() {".into(), "    *x* <b>".into(), "}".into()]
        }
    );
    assert_eq!(
        blocks[1],
        Block::Code {
            info: String::new(),
            lines: vec!["indented  code".into()]
        }
    );
}

#[test]
fn tables_have_a_head_rows_and_alignment() {
    let blocks = parse_blocks("| Food | Temp |\n|:---|---:|\n| Chicken | 75 °C |\n| Fish |");
    let Block::Table { align, head, rows } = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(align, &[Align::Left, Align::Right]);
    assert_eq!(head, &[para("Food"), para("Temp")]);
    assert_eq!(rows[0], [para("Chicken"), para("75 °C")]);
    assert_eq!(rows[1][0], para("Fish"));
}

#[test]
fn links_are_numbered_and_listed_at_the_end() {
    let blocks = parse_blocks(
        "See [the guide](https://a.example) and [more](https://b.example).\n\nAgain [the guide](https://a.example), and <https://c.example>.",
    );
    assert_eq!(
        blocks.last(),
        Some(&Block::Links(vec![
            "https://a.example".into(),
            "https://b.example".into()
        ]))
    );
    assert_eq!(
        blocks[0].clone(),
        Block::Paragraph(Para(smallvec::smallvec![
            run("See ", PLAIN),
            run(
                "the guide",
                Style {
                    link: true,
                    ..PLAIN
                }
            ),
            run(
                "[1]",
                Style {
                    mark: true,
                    ..PLAIN
                }
            ),
            run(" and ", PLAIN),
            run(
                "more",
                Style {
                    link: true,
                    ..PLAIN
                }
            ),
            run(
                "[2]",
                Style {
                    mark: true,
                    ..PLAIN
                }
            ),
            run(".", PLAIN),
        ]))
    );
    let Block::Paragraph(again) = &blocks[1] else {
        panic!()
    };
    assert_eq!(again.plain(), "Again the guide[1], and https://c.example.");
}

#[test]
fn prose_shows_link_addresses_inline_and_flattens_lists() {
    let p = Prose::parse("Read [this](https://x.example).\n\n- one\n- two");
    assert_eq!(
        p.plain(),
        "Read this (https://x.example).\n\n• one\n\n• two"
    );
}

#[test]
fn a_diagram_in_a_line_of_text_shows_its_caption_and_is_noted() {
    let (blocks, notes) = parse_body("Look: ![Roles](roles.txt) here.");
    assert_eq!(
        blocks,
        [Block::Paragraph(Para(smallvec::smallvec![
            run("Look: ", PLAIN),
            run(
                "Roles",
                Style {
                    emph: true,
                    ..PLAIN
                }
            ),
            run(" here.", PLAIN)
        ]))]
    );
    assert_eq!(notes[0].kind, NoteKind::InlineDiagram("roles.txt".into()));
}

#[test]
fn html_is_shown_as_text_and_noted() {
    let (blocks, notes) = parse_body("Intro.\n\n<div>\n<b>x</b>\n</div>\n\nA <br> here.");
    assert_eq!(
        blocks[1],
        Block::Code {
            info: "html".into(),
            lines: vec!["<div>".into(), "<b>x</b>".into(), "</div>".into()]
        }
    );
    assert_eq!(blocks[2], Block::Paragraph(para("A <br> here.")));
    let kinds: Vec<_> = notes.iter().map(|n| (n.line, n.kind.clone())).collect();
    assert_eq!(
        kinds,
        [
            (3, NoteKind::HtmlBlock),
            (7, NoteKind::InlineHtml("<br>".into()))
        ]
    );
    assert_eq!(notes[0].snippet, "<div>");
}

#[test]
fn a_table_too_wide_for_any_terminal_is_noted() {
    let row = |c: &str| format!("|{}\n", [c; 12].join("|"));
    let body = format!("{}{}{}", row("heading"), row("---"), row("cell text"));
    let (_, notes) = parse_body(&body);
    assert_eq!(
        notes.iter().map(|n| n.kind.clone()).collect::<Vec<_>>(),
        [NoteKind::WideTable {
            columns: 12,
            needs: 12 * (TABLE_MIN_COLUMN + 3) + 1
        }]
    );
    let (_, narrow) = parse_body("| a | b |\n|---|---|\n| 1 | 2 |");
    assert!(narrow.is_empty());
}

#[test]
fn character_references_cannot_bring_back_controls() {
    let body = "&#27;]0;x&#7; **&#x9b;2J** [a&#x202e;](u&#27;rl) `&#27;`\n\n| &#27;h |\n|---|\n| &#155;c |\n\n# &#27;head";
    let mut texts = Vec::new();
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Paragraph(p) | Block::Heading { text: p, .. } => out.push(p.plain()),
                Block::Table { head, rows, .. } => {
                    out.extend(head.iter().chain(rows.iter().flatten()).map(Para::plain))
                }
                Block::Links(l) => out.extend(l.iter().cloned()),
                Block::Code { lines, .. } => out.extend(lines.iter().cloned()),
                _ => {}
            }
        }
    }
    walk(&parse_blocks(body), &mut texts);
    assert_eq!(texts.len(), 5, "{texts:?}");
    for t in &texts {
        assert!(crate::course::sanitize::is_clean(t), "{t:?}");
    }
    assert!(texts[0].starts_with("]0;x"), "{texts:?}");
    assert!(
        Prose::parse(body)
            .0
            .iter()
            .all(|p| crate::course::sanitize::is_clean(&p.plain()))
    );
}

#[test]
fn a_hard_break_is_a_newline_in_the_run() {
    assert_eq!(inline("one\\\ntwo").plain(), "one\ntwo");
    assert_eq!(inline("one  \ntwo").plain(), "one\ntwo");
}

#[test]
fn prose_splits_paragraphs_on_blank_lines() {
    let p = Prose::parse("one\ntwo\n\nthree");
    assert_eq!(p.0.len(), 2);
    assert_eq!(p.plain(), "one two\n\nthree");
}

#[test]
fn diagrams_nested_in_lists_and_quotes_are_all_visited() {
    let mut blocks = parse_blocks("![a](a.txt)\n\n- ![b](b.txt)\n\n> ![c](c.txt)");
    let mut seen = Vec::new();
    for_each_diagram(&mut blocks, &mut |path, lines| {
        seen.push(path.to_string());
        lines.push("x".into());
    });
    assert_eq!(seen, ["a.txt", "b.txt", "c.txt"]);
}
