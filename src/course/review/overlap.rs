//! Questions that overlap: one question's prompt, options or feedback repeating a phrase
//! that is distinctive of another's right answer (`item-leak`), and two questions that are
//! nearly the same (`item-near-duplicate`). Pairs are compared within a module, and between
//! an assessment and every other module. Both use an index from phrase to the questions that
//! show it, so a large course is not compared pair by pair.

use std::collections::{HashMap, HashSet};

use super::codes::{LEAK, NEAR_DUPLICATE};
use super::text::{Place, content, content_words, grams, right_texts, shown_texts, wrong_texts};
use super::{At, Finding, all, counts, is_assessment, name};
use crate::course::model::{Course, QuestionKind};

/// A phrase is distinctive when at most this many questions of the course contain it (one
/// word: at most two, the answer's and the one that gives it away).
const PHRASE_MAX_QUESTIONS: usize = 3;
/// A single word must be at least this long (in characters, stemmed) to be distinctive.
const WORD_MIN_CHARS: usize = 5;
/// Near-duplicates share at least this share of their content words (Jaccard similarity of
/// the sets of stemmed content words of prompt, right answers and items). Measured on the
/// built-in course: the pairs that asked the same fact scored 0.40 to 0.69, unrelated pairs
/// of the same module at most 0.33.
const DUPLICATE_SIMILARITY: f64 = 0.4;
/// Questions need this many content words to be compared at all.
const DUPLICATE_MIN_WORDS: usize = 4;
/// Words in more questions than this do not make two questions candidates (they are still
/// counted in the similarity of candidates).
const COMMON_WORD: usize = 50;

fn in_scope(course: &Course, a: At, b: At) -> bool {
    a != b && (a.module == b.module || is_assessment(course, a) || is_assessment(course, b))
}

pub fn check(course: &Course, out: &mut Vec<Finding>) {
    let qs = all(course);
    let question = |at: At| &course.modules[at.module].quiz.questions[at.question];
    // What each question shows, phrase by phrase, with the first place it shows it.
    let shown: Vec<HashMap<String, Place>> = qs
        .iter()
        .map(|&at| {
            let mut m = HashMap::new();
            for (place, t) in shown_texts(question(at)) {
                for g in grams(&t) {
                    m.entry(g).or_insert(place);
                }
            }
            m
        })
        .collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut df: HashMap<String, usize> = HashMap::new();
    for (i, &at) in qs.iter().enumerate() {
        let mut all_grams: HashSet<String> = shown[i].keys().cloned().collect();
        for t in right_texts(question(at)) {
            all_grams.extend(grams(&t));
        }
        for g in all_grams {
            *df.entry(g).or_insert(0) += 1;
        }
        for g in shown[i].keys() {
            index.entry(g.as_str()).or_default().push(i);
        }
    }

    let duplicates = near_duplicates(course, &qs, out);
    for (ai, &a) in qs.iter().enumerate() {
        if !counts(course, a, LEAK) {
            continue;
        }
        let qa = question(a);
        let mut not_distinctive: HashSet<String> = grams(&qa.prompt.plain()).into_iter().collect();
        for t in wrong_texts(qa) {
            not_distinctive.extend(grams(&t));
        }
        let mut reported: HashSet<usize> = HashSet::new();
        for right in right_texts(qa) {
            for (phrase, written) in phrases(&right) {
                let single = !phrase.contains(' ');
                let limit = if single { 2 } else { PHRASE_MAX_QUESTIONS };
                if not_distinctive.contains(&phrase)
                    || df.get(&phrase).copied().unwrap_or(0) > limit
                    || single && phrase.chars().count() < WORD_MIN_CHARS
                {
                    continue;
                }
                for &bi in index.get(phrase.as_str()).map_or(&[][..], Vec::as_slice) {
                    let b = qs[bi];
                    if !in_scope(course, a, b)
                        || reported.contains(&bi)
                        || duplicates.contains(&(ai.min(bi), ai.max(bi)))
                    {
                        continue;
                    }
                    reported.insert(bi);
                    let place = shown[bi].get(&phrase).map_or("text gives", |p| p.gives());
                    out.push(Finding {
                        code: LEAK,
                        module: b.module,
                        question: b.question,
                        message: format!(
                            "this question's {place} away the answer to {}: it repeats \"{written}\" from that question's right answer",
                            name(course, a, b.module)
                        ),
                        hint: "reword one of the two: a learner who meets this question first can answer the other without the lesson".to_string(),
                    });
                }
            }
        }
    }
}

/// The phrases of a right answer that could give it away, stemmed and as written: the whole
/// answer when it has one to three content words, otherwise each run of three.
fn phrases(answer: &str) -> Vec<(String, String)> {
    let words = content_words(answer);
    let n = if words.len() <= 3 { words.len() } else { 3 };
    if n == 0 {
        return Vec::new();
    }
    words
        .windows(n)
        .map(|w| {
            let stems: Vec<&str> = w.iter().map(|(_, s)| s.as_str()).collect();
            let written: Vec<&str> = w.iter().map(|(o, _)| o.as_str()).collect();
            (stems.join(" "), written.join(" "))
        })
        .collect()
}

/// The content words a question is made of: its prompt, its right answers and its items.
fn vocabulary(course: &Course, at: At) -> HashSet<String> {
    let q = &course.modules[at.module].quiz.questions[at.question];
    let mut texts = vec![q.prompt.plain()];
    texts.extend(right_texts(q));
    match &q.kind {
        QuestionKind::Match { items, .. } => texts.extend(items.iter().map(|i| i.text.to_string())),
        QuestionKind::Order { items, .. } => texts.extend(items.iter().map(|i| i.to_string())),
        _ => {}
    }
    texts.iter().flat_map(|t| content(t)).collect()
}

/// Report near-duplicate pairs (at the later question); returns them as index pairs.
fn near_duplicates(course: &Course, qs: &[At], out: &mut Vec<Finding>) -> HashSet<(usize, usize)> {
    let sets: Vec<HashSet<String>> = qs.iter().map(|&at| vocabulary(course, at)).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in sets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.len() >= DUPLICATE_MIN_WORDS)
    {
        for p in s {
            index.entry(p.as_str()).or_default().push(i);
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for list in index.values().filter(|l| l.len() <= COMMON_WORD) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                candidates.insert((i, j));
            }
        }
    }
    let mut found: Vec<(usize, usize, f64)> = candidates
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (sets[i].len(), sets[j].len());
            let n = sets[i].intersection(&sets[j]).count();
            let similarity = n as f64 / (a + b - n).max(1) as f64;
            (a >= DUPLICATE_MIN_WORDS
                && b >= DUPLICATE_MIN_WORDS
                && similarity >= DUPLICATE_SIMILARITY
                && in_scope(course, qs[i], qs[j])
                && counts(course, qs[i], NEAR_DUPLICATE))
            .then_some((i, j, similarity))
        })
        .collect();
    found.sort_by_key(|&(i, j, _)| (i, j));
    for &(i, j, similarity) in &found {
        let (a, b) = (qs[i], qs[j]);
        out.push(Finding {
            code: NEAR_DUPLICATE,
            module: b.module,
            question: b.question,
            message: format!(
                "this question is nearly the same as {}: {:.0}% of their content words are shared",
                name(course, a, b.module),
                similarity * 100.0
            ),
            hint: "ask each thing once; if both are meant, ask the second about a different case, in new words".to_string(),
        });
    }
    found.into_iter().map(|(i, j, _)| (i, j)).collect()
}
