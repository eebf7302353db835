//! A quiz question in lines: what kind it is, its options or items numbered, what the
//! learner has chosen so far, what to type; and the feedback on an answer, in words. The
//! answer typed is turned into the same `Action`s the keys send (`answer_actions`), so the
//! drafts, the two steps (choose, then Enter submits) and the grading are the app's own.

use super::words::{Text, count, stop};
use crate::app::{Action, Draft};
use crate::course::markup::Prose;
use crate::course::{Question, QuestionKind};
use crate::quiz::Asked;

/// "choose one", "tick all that apply", ...
pub fn kind_words(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single { .. } => "choose one",
        QuestionKind::Multiple { .. } => "tick all that apply",
        QuestionKind::TrueFalse { .. } => "true or false",
        QuestionKind::Match { .. } => "sort each item into a category",
        QuestionKind::Order { .. } => "put the items in order",
        QuestionKind::Short { .. } => "type a short answer",
    }
}

/// The options of a choice question as shown (display order).
fn shown_options<'a>(q: &'a Question, asked: &Asked) -> Vec<&'a Prose> {
    match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => asked
            .order
            .iter()
            .filter_map(|&i| options.get(i))
            .map(|o| &o.text)
            .collect(),
        _ => Vec::new(),
    }
}

fn numbered(t: &mut Text, n: usize, text: &str) {
    let label = format!("{n}. ");
    t.lead(&stop(text), &label, &" ".repeat(label.len()));
}

/// The question: its number and kind, the prompt, and the options or items.
pub fn question(t: &mut Text, q: &Question, asked: &Asked, draft: &Draft, k: usize, total: usize) {
    t.say(&format!(
        "Question {} of {total}, {}.",
        k + 1,
        kind_words(&q.kind)
    ));
    t.prose(&q.prompt, "", "");
    match (&q.kind, draft) {
        (QuestionKind::Single { .. } | QuestionKind::Multiple { .. }, _) => {
            for (i, o) in shown_options(q, asked).iter().enumerate() {
                numbered(t, i + 1, &o.plain());
            }
        }
        (QuestionKind::TrueFalse { .. }, _) => {
            numbered(t, 1, "True");
            numbered(t, 2, "False");
        }
        (QuestionKind::Match { categories, .. }, _) => {
            let cats: Vec<String> = categories
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}. {}", i + 1, stop(c)))
                .collect();
            t.say(&format!("Categories: {}", cats.join(" ")));
            t.say(&format!("Items, {}:", count(asked.order.len(), "item")));
            for (i, item) in match_items(q, asked).iter().enumerate() {
                numbered(t, i + 1, item);
            }
        }
        (QuestionKind::Order { items, .. }, Draft::Order { arrangement, .. }) => {
            t.say(&format!(
                "Items, {}, as they stand:",
                count(items.len(), "item")
            ));
            for (i, &a) in arrangement.iter().enumerate() {
                numbered(
                    t,
                    i + 1,
                    items.get(a).map_or("?", crate::course::text::Text::as_str),
                );
            }
        }
        _ => {}
    }
}

fn match_items(q: &Question, asked: &Asked) -> Vec<String> {
    match &q.kind {
        QuestionKind::Match { items, .. } => asked
            .order
            .iter()
            .filter_map(|&i| items.get(i))
            .map(|it| it.text.to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// What the draft holds, in words, or None when nothing is chosen yet.
pub fn chosen(q: &Question, asked: &Asked, draft: &Draft) -> Option<String> {
    match (&q.kind, draft) {
        (
            QuestionKind::Single { .. },
            Draft::Choice {
                chosen: Some(k), ..
            },
        ) => {
            let text = shown_options(q, asked).get(*k).map(|o| o.plain())?;
            Some(format!("Chosen: {}. {}", k + 1, stop(&text)))
        }
        (
            QuestionKind::TrueFalse { .. },
            Draft::TrueFalse {
                chosen: Some(k), ..
            },
        ) => Some(format!(
            "Chosen: {}.",
            if *k == 0 { "True" } else { "False" }
        )),
        (QuestionKind::Multiple { .. }, Draft::Multiple { ticked, .. }) => {
            let options = shown_options(q, asked);
            let on: Vec<String> = (0..ticked.len())
                .filter(|&i| ticked[i])
                .filter_map(|i| Some(format!("{}. {}", i + 1, stop(&options.get(i)?.plain()))))
                .collect();
            (!on.is_empty()).then(|| format!("Ticked: {}", on.join(" ")))
        }
        (QuestionKind::Match { categories, .. }, Draft::Match { chosen, .. }) => {
            if chosen.iter().all(Option::is_none) {
                return None;
            }
            let items = match_items(q, asked);
            let rows: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let cat = chosen
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|c| categories.get(c))
                        .map_or("no category yet", crate::course::text::Text::as_str);
                    format!("{}. {item}: {cat}.", i + 1)
                })
                .collect();
            Some(format!("Sorted: {}", rows.join(" ")))
        }
        (QuestionKind::Order { items, .. }, Draft::Order { arrangement, .. }) => {
            if *arrangement == asked.order {
                return None;
            }
            let rows: Vec<String> = arrangement
                .iter()
                .enumerate()
                .map(|(i, &a)| format!("{}. {}", i + 1, stop(items.get(a).map_or("?", |s| s))))
                .collect();
            Some(format!("Your order: {}", rows.join(" ")))
        }
        (QuestionKind::Short { .. }, Draft::Short { text, .. }) if !text.is_empty() => {
            Some(format!("Your answer: \"{text}\"."))
        }
        _ => None,
    }
}

/// What to type to answer.
pub fn instruction(q: &Question, asked: &Asked) -> String {
    let n = asked.order.len();
    match &q.kind {
        QuestionKind::Single { .. } => format!("Type a number from 1 to {n}, then Enter."),
        QuestionKind::Multiple { .. } => {
            "Type the numbers of every option that applies, separated by spaces, then Enter.".into()
        }
        QuestionKind::TrueFalse { .. } => "Type true or false (or 1 or 2), then Enter.".into(),
        QuestionKind::Match { categories, .. } => format!(
            "Type a category number (1 to {}) for each of the {n} items, in order, separated by spaces, then Enter.",
            categories.len()
        ),
        QuestionKind::Order { .. } => format!(
            "Type the item numbers 1 to {n} in the right order, separated by spaces, then Enter."
        ),
        QuestionKind::Short { .. } => "Type your answer, then Enter.".into(),
    }
}

fn numbers(line: &str) -> Option<Vec<usize>> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').parse::<usize>().ok())
        .collect()
}

/// The actions that make the draft hold the answer typed, or what was expected instead.
pub fn answer_actions(q: &Question, draft: &Draft, line: &str) -> Result<Vec<Action>, String> {
    let n = match draft {
        Draft::Multiple { ticked, .. } => ticked.len(),
        Draft::Match { chosen, .. } => chosen.len(),
        Draft::Order { arrangement, .. } => arrangement.len(),
        _ => q.kind.option_count(),
    };
    let word = line.trim().to_lowercase();
    match draft {
        Draft::Choice { .. } => match numbers(line).as_deref() {
            Some([k]) if (1..=n).contains(k) => Ok(vec![Action::Choose(*k)]),
            _ => Err(format!("Type one number from 1 to {n}.")),
        },
        Draft::TrueFalse { .. } => match word.as_str() {
            "1" | "t" | "true" => Ok(vec![Action::Choose(1)]),
            "2" | "f" | "false" => Ok(vec![Action::Choose(2)]),
            _ => Err("Type true or false (or 1 or 2).".into()),
        },
        Draft::Multiple { ticked, .. } => {
            let want = numbers(line)
                .filter(|v| !v.is_empty() && v.iter().all(|k| (1..=n).contains(k)))
                .ok_or_else(|| {
                    format!("Type the numbers of the options that apply, from 1 to {n}, separated by spaces.")
                })?;
            Ok((1..=n)
                .filter(|k| ticked[k - 1] != want.contains(k))
                .map(Action::Choose)
                .collect())
        }
        Draft::Match { cursor, .. } => {
            let cats = match &q.kind {
                QuestionKind::Match { categories, .. } => categories.len(),
                _ => 0,
            };
            let given = numbers(line)
                .filter(|v| {
                    !v.is_empty() && v.len() <= n && v.iter().all(|c| (1..=cats).contains(c))
                })
                .ok_or_else(|| {
                    format!("Type one category number (1 to {cats}) for each of the {n} items, in order, separated by spaces.")
                })?;
            let mut actions = vec![Action::Up; *cursor];
            actions.extend(given.into_iter().map(Action::Choose));
            Ok(actions)
        }
        Draft::Order {
            cursor,
            arrangement,
            held,
        } => {
            let want = numbers(line)
                .filter(|v| {
                    let mut s = v.clone();
                    s.sort_unstable();
                    s == (1..=n).collect::<Vec<_>>()
                })
                .ok_or_else(|| {
                    format!("Type each item number from 1 to {n} once, in the order you want, separated by spaces.")
                })?;
            Ok(order_actions(arrangement, *cursor, *held, &want))
        }
        Draft::Short { text, .. } => {
            let typed = line.trim();
            if typed.is_empty() {
                return Err("Type your answer, then Enter.".into());
            }
            let mut actions = vec![Action::CursorEnd];
            actions.extend(std::iter::repeat_n(Action::Backspace, text.chars().count()));
            actions.extend(typed.chars().map(Action::Type));
            Ok(actions)
        }
    }
}

/// The key presses that rearrange `arrangement` into `want` (positions as listed, 1-based):
/// for each place from the top, go to the item that belongs there, pick it up, carry it up,
/// put it down, exactly as a learner would with the arrow keys and Space.
fn order_actions(arrangement: &[usize], cursor: usize, held: bool, want: &[usize]) -> Vec<Action> {
    let target: Vec<usize> = want.iter().map(|&k| arrangement[k - 1]).collect();
    let mut arr = arrangement.to_vec();
    let mut cur = cursor;
    let mut out = Vec::new();
    if held {
        out.push(Action::Toggle);
    }
    for (place, item) in target.iter().enumerate() {
        let Some(at) = arr.iter().position(|a| a == item) else {
            continue;
        };
        if at == place {
            continue;
        }
        while cur > at {
            out.push(Action::Up);
            cur -= 1;
        }
        while cur < at {
            out.push(Action::Down);
            cur += 1;
        }
        out.push(Action::Toggle);
        while cur > place {
            out.push(Action::Up);
            arr.swap(cur, cur - 1);
            cur -= 1;
        }
        out.push(Action::Toggle);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Carrying items up with the keys' own moves ends in the order asked for.
    #[test]
    fn order_actions_reach_every_permutation() {
        let start = vec![2, 0, 3, 1];
        let perms = [[1, 2, 3, 4], [4, 3, 2, 1], [2, 4, 1, 3], [3, 1, 4, 2]];
        for want in perms {
            let mut arr = start.clone();
            let mut cur = 1;
            let mut held = false;
            for a in order_actions(&start, 1, false, &want) {
                match a {
                    Action::Toggle => held = !held,
                    Action::Up => {
                        if held {
                            arr.swap(cur, cur - 1);
                        }
                        cur -= 1;
                    }
                    Action::Down => {
                        if held {
                            arr.swap(cur, cur + 1);
                        }
                        cur += 1;
                    }
                    other => panic!("unexpected {other:?}"),
                }
            }
            let expected: Vec<usize> = want.iter().map(|&k| start[k - 1]).collect();
            assert_eq!(arr, expected, "for {want:?}");
            assert!(!held);
        }
    }
}
