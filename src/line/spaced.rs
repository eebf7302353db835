//! A spaced-review session in words: the card on screen (`app::spaced`), its question read
//! out as in a quiz, and after the answer the same feedback in words, with the way to the
//! section that teaches it after a wrong answer.

use super::words::Text;
use super::{feedback, quiz};
use crate::app::{App, SpacedState};
use crate::course::Question;
use crate::quiz::Asked;

/// The card on screen: (module index, question, as asked, its index, cards in the session).
pub fn card<'a>(
    app: &'a App,
    s: &SpacedState,
) -> Option<(usize, &'a Question, Asked, usize, usize)> {
    let (done, total) = app.review_progress();
    let session = app.progress.review_session.as_ref()?;
    // Once answered, `done` already counts the card on screen.
    let index = if s.reveal.is_some() {
        done.saturating_sub(1)
    } else {
        done
    };
    let card = session.cards.get(index)?;
    let (m, q) = card.locate(&app.course)?;
    let asked = card.asked(&app.course)?;
    Some((
        m,
        &app.course.modules[m].quiz.questions[q],
        asked,
        index,
        total,
    ))
}

pub fn page(t: &mut Text, app: &App, s: &SpacedState) {
    let Some((m, q, asked, index, total)) = card(app, s) else {
        t.say("Spaced review: nothing on screen. Type map for the course map.");
        return;
    };
    match &s.reveal {
        None => {
            t.blank();
            t.say(&format!(
                "Spaced review, card {} of {total}, from {}. It updates mastery, never grades.",
                index + 1,
                super::view::module_name(app, m)
            ));
            quiz::question(t, q, &asked, &s.draft, index, total);
        }
        Some(r) => {
            feedback::feedback(t, q, r, &asked.order);
            if let Some(rating) = s.rating {
                t.say(&format!("Rated {} for the schedule.", rating.name()));
            }
            if !r.correct {
                t.say(
                    "Type lesson to read the section that teaches it, then back to come back here.",
                );
            }
        }
    }
}

/// What can be typed on the card.
pub fn ask(app: &App, s: &SpacedState) -> String {
    let Some((_, q, asked, ..)) = card(app, s) else {
        return "Type map for the course map.".into();
    };
    match &s.reveal {
        Some(r) if !r.correct => {
            "Press Enter for the next card, or type lesson, or map to pause the session.".into()
        }
        Some(_) => "Press Enter for the next card, or type map to pause the session.".into(),
        None if quiz::chosen(q, &asked, &s.draft).is_some() => {
            "Press Enter to submit it, or type another answer.".into()
        }
        None => format!(
            "{} Type map to pause the session.",
            quiz::instruction(q, &asked)
        ),
    }
}

/// What is chosen now, said back after an answer is typed.
pub fn chosen(app: &App, s: &SpacedState) -> Option<String> {
    let (_, q, asked, ..) = card(app, s)?;
    quiz::chosen(q, &asked, &s.draft)
}

/// Said when something else is typed after a review answer.
pub fn ask_after_answer() -> String {
    "Press Enter for the next card, type lesson for the section that teaches it, or map to pause."
        .into()
}
