//! CommonMark's emphasis rules for `*` alone, in one ASCII paragraph: the shortcut that
//! spares most prompts and options a full parse (loading a 1,000-module course spends most of
//! its markup time there). It follows the spec's "process emphasis" procedure (delimiter
//! runs, left- and right-flanking, the rule of three, and the openers' lower bounds that keep
//! it linear); a property test checks it against pulldown-cmark.

use super::{Para, Run, Style};

/// Nothing: the end of the delimiter list.
const NONE: usize = usize::MAX;

struct Delim {
    /// What is left of the run of `*`: closers use it up from the left, openers from the
    /// right.
    lo: usize,
    hi: usize,
    /// The length of the run as written.
    orig: usize,
    open: bool,
    close: bool,
    prev: usize,
    next: usize,
}

fn is_space(b: Option<u8>) -> bool {
    b.is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
}

fn is_punct(b: Option<u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_punctuation())
}

/// One paragraph of ASCII text (lines already joined) with `*` emphasis, as styled runs.
pub fn paragraph(text: &str) -> Para {
    let bytes = text.as_bytes();
    let mut delims: Vec<Delim> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'*' {
            i += 1;
        }
        let before = start.checked_sub(1).map(|k| bytes[k]);
        let after = bytes.get(i).copied();
        let left = !is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before));
        let right = !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after));
        let k = delims.len();
        delims.push(Delim {
            lo: start,
            hi: i,
            orig: i - start,
            open: left,
            close: right,
            prev: k.checked_sub(1).unwrap_or(NONE),
            next: k + 1,
        });
    }
    if let Some(last) = delims.last_mut() {
        last.next = NONE;
    }
    // Consumed stretches of `*`: (start, end, change to bold depth, change to emphasis depth).
    let mut marks: Vec<(usize, usize, i32, i32)> = Vec::new();
    // The spec's openers_bottom, by the closer's length mod 3 and whether it can open.
    let mut bottom = [[NONE; 2]; 3];
    let unlink = |d: &mut Vec<Delim>, k: usize| {
        let (p, n) = (d[k].prev, d[k].next);
        if p != NONE {
            d[p].next = n;
        }
        if n != NONE {
            d[n].prev = p;
        }
    };
    let mut c = if delims.is_empty() { NONE } else { 0 };
    while c != NONE {
        if !delims[c].close {
            c = delims[c].next;
            continue;
        }
        let slot = (delims[c].orig % 3, usize::from(delims[c].open));
        let floor = bottom[slot.0][slot.1];
        let mut o = delims[c].prev;
        let mut found = NONE;
        while o != NONE && (floor == NONE || o > floor) {
            let (od, cd) = (&delims[o], &delims[c]);
            let odd = (od.close || cd.open)
                && (od.orig + cd.orig) % 3 == 0
                && !(od.orig % 3 == 0 && cd.orig % 3 == 0);
            if od.open && !odd {
                found = o;
                break;
            }
            o = od.prev;
        }
        if found == NONE {
            bottom[slot.0][slot.1] = delims[c].prev;
            let next = delims[c].next;
            if !delims[c].open {
                unlink(&mut delims, c);
            }
            c = next;
            continue;
        }
        let o = found;
        let left = |d: &Delim| d.hi - d.lo;
        let strong = left(&delims[o]) >= 2 && left(&delims[c]) >= 2;
        let used = if strong { 2 } else { 1 };
        let (b, e) = if strong { (1, 0) } else { (0, 1) };
        delims[o].hi -= used;
        marks.push((delims[o].hi, delims[o].hi + used, b, e));
        marks.push((delims[c].lo, delims[c].lo + used, -b, -e));
        delims[c].lo += used;
        // Delimiters between the two can no longer match anything.
        delims[o].next = c;
        delims[c].prev = o;
        if delims[o].hi == delims[o].lo {
            unlink(&mut delims, o);
        }
        if delims[c].hi == delims[c].lo {
            let next = delims[c].next;
            unlink(&mut delims, c);
            c = next;
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    let mut runs: smallvec::SmallVec<[Run; 1]> = smallvec::SmallVec::new();
    let (mut bold, mut emph) = (0i32, 0i32);
    let mut at = 0;
    let mut push = |text: &str, bold: i32, emph: i32| {
        if text.is_empty() {
            return;
        }
        let style = Style {
            bold: bold > 0,
            emph: emph > 0,
            ..Style::default()
        };
        match runs.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => runs.push(Run {
                text: text.to_string().into(),
                style,
            }),
        }
    };
    for (start, end, b, e) in marks {
        push(&text[at..start], bold, emph);
        bold += b;
        emph += e;
        at = end;
    }
    push(&text[at..], bold, emph);
    Para(runs)
}
