//! A module's `[quiz]` into a `Quiz`: the attempt rules, the blueprint, and each question
//! with the checks its kind needs (one right option, categories that exist).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeTable;

use super::Cx;
use crate::course::model::*;
use crate::course::spec::question::{self as key, choice, item};
use crate::course::spec::{self, quiz as quiz_key};

pub(super) fn quiz(cx: &mut Cx, q: &DeTable, span: Range<usize>, course_pass_mark: u8) -> Quiz {
    let mut questions = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let tables = quiz_key::QUESTIONS.tables(q);
    for (qt, qspan) in &tables {
        let (id, id_span) = key::ID.str(qt).unwrap_or_default();
        super::unique(&mut cx.sink, &mut seen, id, id_span.clone(), "question");
        if let Some(question) = question(cx, qt, qspan.clone(), id.to_string()) {
            questions.push(question);
        }
    }
    let (draw, per_attempt) = crate::course::blueprint::attempt_size(&mut cx.sink, q, &tables);
    crate::course::review::codes::check_allow(&mut cx.sink, q);
    Quiz {
        pass_mark: quiz_key::PASS_MARK
            .int(q)
            .map_or(course_pass_mark, |(n, _)| n.clamp(0, 100) as u8),
        feedback: match quiz_key::FEEDBACK.str(q) {
            Some((f, _)) if f == spec::FEEDBACK_MODES[1] => Feedback::Deferred,
            _ => Feedback::Immediate,
        },
        per_attempt,
        grading: match quiz_key::GRADING.str(q).map(|g| g.0) {
            Some(g) if g == spec::GRADING_METHODS[1] => Grading::Latest,
            Some(g) if g == spec::GRADING_METHODS[2] => Grading::Average,
            Some(g) if g == spec::GRADING_METHODS[3] => Grading::First,
            _ => Grading::Highest,
        },
        shuffle: quiz_key::SHUFFLE.bool(q).unwrap_or(true),
        questions,
        draw,
        allow: crate::course::review::codes::allowed(q),
        span,
    }
}

fn choices(cx: &mut Cx, qt: &DeTable) -> Vec<Choice> {
    key::OPTIONS
        .tables(qt)
        .into_iter()
        .map(|(o, _)| Choice {
            text: cx.prose(o, &choice::TEXT),
            feedback: cx.prose(o, &choice::FEEDBACK),
            correct: choice::CORRECT.bool(o).unwrap_or(false),
        })
        .collect()
}

fn question(cx: &mut Cx, qt: &DeTable, qspan: Range<usize>, id: String) -> Option<Question> {
    let kind_name = key::KIND.str(qt)?.0;
    let options_span = key::OPTIONS.span(qt).unwrap_or(qspan.clone());
    let partial_credit = key::PARTIAL_CREDIT.bool(qt).unwrap_or(false);
    // A `correct` that is not a boolean has its own error; counting it as false would add one.
    let typed = key::OPTIONS.tables(qt).iter().all(|(o, _)| {
        choice::CORRECT
            .value(o)
            .is_none_or(|c| c.get_ref().as_bool().is_some())
    });
    let kind = match kind_name {
        "single" => {
            let options = choices(cx, qt);
            let right = options.iter().filter(|o| o.correct).count();
            if typed && !options.is_empty() && right != 1 {
                let (msg, hint) = if right == 0 {
                    (
                        format!("`single` question `{id}` has no correct option"),
                        "mark exactly one option with `correct = true`".to_string(),
                    )
                } else {
                    (
                        format!("`single` question `{id}` has {right} correct options"),
                        "a `single` question has exactly one right answer; use kind = \"multiple\" for all-that-apply".to_string(),
                    )
                };
                cx.sink.error(options_span, msg, hint);
            }
            QuestionKind::Single { options }
        }
        "multiple" => {
            let options = choices(cx, qt);
            let right = options.iter().filter(|o| o.correct).count();
            if typed && !options.is_empty() && right == 0 {
                cx.sink.error(
                    options_span,
                    format!("`multiple` question `{id}` has no correct option"),
                    "mark at least one option with `correct = true`",
                );
            } else if !options.is_empty() && right == options.len() {
                cx.sink.warning(
                    options_span,
                    format!("every option of `multiple` question `{id}` is correct"),
                    "learners can pass by ticking everything; add a wrong option",
                );
            }
            QuestionKind::Multiple {
                options,
                partial_credit,
            }
        }
        "true_false" => QuestionKind::TrueFalse {
            answer: key::ANSWER.bool(qt).unwrap_or(false),
            true_feedback: cx.prose(qt, &key::TRUE_FEEDBACK),
            false_feedback: cx.prose(qt, &key::FALSE_FEEDBACK),
        },
        "match" => match_question(cx, qt, partial_credit),
        "order" => QuestionKind::Order {
            items: cx.texts(qt, &key::ORDER_ITEMS),
            partial_credit,
        },
        "short" => QuestionKind::Short {
            accept: cx.texts(qt, &key::ACCEPT),
        },
        _ => return None,
    };
    let prompt = cx.prose(qt, &key::PROMPT);
    let explanation = cx.prose(qt, &key::EXPLANATION);
    let revision = key::REVISION
        .int(qt)
        .map_or(1, |(n, _)| n.clamp(1, 1_000_000) as u32);
    let hash = crate::course::hash::fingerprint(&prompt, &kind, revision);
    let legacy_hash = if revision == 1 {
        crate::course::hash::legacy(&prompt, &kind)
    } else {
        String::new()
    };
    crate::course::review::codes::check_allow(&mut cx.sink, qt);
    Some(Question {
        id: id.into(),
        prompt,
        explanation,
        kind,
        hash: hash.into(),
        pool: key::POOL.str(qt).map(|s| s.0.to_string()),
        teaches: key::TEACHES.str(qt).map(|(s, span)| (s.to_string(), span)),
        allow: crate::course::review::codes::allowed(qt),
        span: qspan,
        legacy_hash: legacy_hash.into(),
    })
}

/// A `match` question: its categories (each distinct) and its items, each in one of them.
fn match_question(cx: &mut Cx, qt: &DeTable, partial_credit: bool) -> QuestionKind {
    let categories = cx.texts(qt, &key::CATEGORIES);
    let cat_spans = key::CATEGORIES.strs(qt);
    for (i, (c, span)) in cat_spans.iter().enumerate() {
        if cat_spans[..i].iter().any(|(d, _)| d == c) {
            cx.sink.error(
                span.clone(),
                format!("category \"{c}\" is listed twice"),
                "each category must be distinct",
            );
        }
    }
    let mut items = Vec::new();
    for (it, _) in key::MATCH_ITEMS.tables(qt) {
        let text = cx.text(it, &item::TEXT);
        let feedback = cx.prose(it, &item::FEEDBACK);
        let category = match item::CATEGORY.str(it) {
            Some((c, cspan)) => match cat_spans.iter().position(|(d, _)| *d == c) {
                Some(i) => i,
                None => {
                    let known: Vec<String> =
                        cat_spans.iter().map(|(d, _)| format!("\"{d}\"")).collect();
                    let hint =
                        match crate::course::suggest::suggest(c, cat_spans.iter().map(|(d, _)| *d))
                        {
                            Some(s) => format!(
                                "did you mean \"{s}\"? The categories are {}",
                                known.join(", ")
                            ),
                            None => format!("use one of {}", known.join(", ")),
                        };
                    cx.sink.error(
                        cspan,
                        format!("category \"{c}\" is not one of the question's categories"),
                        hint,
                    );
                    0
                }
            },
            None => 0,
        };
        items.push(MatchItem {
            text,
            category,
            feedback,
        });
    }
    QuestionKind::Match {
        categories,
        items,
        partial_credit,
    }
}
