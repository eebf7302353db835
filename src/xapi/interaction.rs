//! A question as an xAPI `cmi.interaction` activity definition, and a recorded answer in
//! xAPI's response format (xAPI 1.0.3, Data 2.4.4.1): choice ids joined by `[,]`, matching
//! pairs as `source[.]target`, sequencing steps in the learner's order, fill-in text.
//! Option, item and category ids are their authored positions (`o1`, `i1`, `c1`, ...), so an
//! answer means the same thing however the options were shuffled on screen.

use serde_json::{Value, json};

use crate::course::{Question, QuestionKind};
use crate::quiz::Answer;

/// xAPI's `interactionType` for each kind of question.
pub fn interaction_type(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => "choice",
        QuestionKind::TrueFalse { .. } => "true-false",
        QuestionKind::Match { .. } => "matching",
        QuestionKind::Order { .. } => "sequencing",
        QuestionKind::Short { .. } => "fill-in",
    }
}

/// The interactionType a recorded answer implies, for a question no longer in the course.
pub fn answer_type(answer: &Answer) -> &'static str {
    match answer {
        Answer::Single(_) | Answer::Multiple(_) => "choice",
        Answer::TrueFalse(_) => "true-false",
        Answer::Match(_) => "matching",
        Answer::Order(_) => "sequencing",
        Answer::Short(_) => "fill-in",
    }
}

fn lang(text: &str) -> Value {
    json!({ "en": text })
}

fn component(id: String, text: &str) -> Value {
    json!({ "id": id, "description": lang(text) })
}

fn option_id(i: usize) -> String {
    format!("o{}", i + 1)
}

fn item_id(i: usize) -> String {
    format!("i{}", i + 1)
}

fn category_id(i: usize) -> String {
    format!("c{}", i + 1)
}

/// The activity definition of a question: its prompt, its components and the right answer.
pub fn definition(question: &Question) -> Value {
    let mut def = json!({
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "name": lang(&question.id),
        "description": lang(&question.prompt.plain()),
        "interactionType": interaction_type(&question.kind),
    });
    let pattern = match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
            def["choices"] = options
                .iter()
                .enumerate()
                .map(|(i, o)| component(option_id(i), &o.text.plain()))
                .collect();
            let right: Vec<String> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| option_id(i))
                .collect();
            right.join("[,]")
        }
        QuestionKind::TrueFalse { answer, .. } => answer.to_string(),
        QuestionKind::Match {
            categories, items, ..
        } => {
            def["source"] = items
                .iter()
                .enumerate()
                .map(|(i, it)| component(item_id(i), &it.text))
                .collect();
            def["target"] = categories
                .iter()
                .enumerate()
                .map(|(i, c)| component(category_id(i), c))
                .collect();
            let pairs: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, it)| format!("{}[.]{}", item_id(i), category_id(it.category)))
                .collect();
            pairs.join("[,]")
        }
        QuestionKind::Order { items, .. } => {
            def["choices"] = items
                .iter()
                .enumerate()
                .map(|(i, it)| component(item_id(i), it))
                .collect();
            let steps: Vec<String> = (0..items.len()).map(item_id).collect();
            steps.join("[,]")
        }
        QuestionKind::Short { accept } => {
            accept.first().map(ToString::to_string).unwrap_or_default()
        }
    };
    def["correctResponsesPattern"] = json!([pattern]);
    def
}

/// The learner's answer in xAPI's response format.
pub fn response(answer: &Answer) -> String {
    match answer {
        Answer::Single(i) => option_id(*i),
        Answer::Multiple(ticks) => ticks
            .iter()
            .map(|&i| option_id(i))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::TrueFalse(b) => b.to_string(),
        Answer::Match(placed) => placed
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| format!("{}[.]{}", item_id(i), category_id(c))))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::Order(items) => items
            .iter()
            .map(|&i| item_id(i))
            .collect::<Vec<_>>()
            .join("[,]"),
        Answer::Short(text) => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_use_xapi_delimiters_and_authored_ids() {
        assert_eq!(response(&Answer::Single(1)), "o2");
        assert_eq!(response(&Answer::Multiple(vec![0, 2])), "o1[,]o3");
        assert_eq!(response(&Answer::TrueFalse(false)), "false");
        assert_eq!(
            response(&Answer::Match(vec![Some(1), None, Some(0)])),
            "i1[.]c2[,]i3[.]c1"
        );
        assert_eq!(response(&Answer::Order(vec![2, 0, 1])), "i3[,]i1[,]i2");
        assert_eq!(response(&Answer::Short("Control".into())), "Control");
    }
}
