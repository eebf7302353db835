//! Every xAPI statement a learner's progress implies (docs/xapi.md has the mapping table):
//! sections experienced, questions answered, module attempts passed or failed, practice runs
//! completed, and the course completed. Pure: the same course and progress always give the
//! same statements with the same ids (UUID v5 of what each records), so sending twice never
//! duplicates anything in the LRS.

use jiff::Timestamp;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::course::{Course, Module, ModuleKind};
use crate::progress::Progress;
use crate::quiz::{Attempt, Mode, Response};

use super::interaction;

/// The namespace of every id syllabus derives (a fixed random UUID; never change it).
const NAMESPACE: Uuid = Uuid::from_u128(0x5b1e_7a3c_9d24_4f0e_8c61_2a9f_d3b7_4e10);

const VERB: &str = "http://adlnet.gov/expapi/verbs/";
const ACTIVITY: &str = "http://adlnet.gov/expapi/activities/";

/// Who the statements are about, as xAPI writes an Agent.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: Option<String>,
    pub id: ActorId,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ActorId {
    Email(String),
    Account { home_page: String, name: String },
}

impl Actor {
    fn json(&self) -> Value {
        let mut a = json!({ "objectType": "Agent" });
        if let Some(n) = &self.name {
            a["name"] = json!(n);
        }
        match &self.id {
            ActorId::Email(e) => a["mbox"] = json!(format!("mailto:{e}")),
            ActorId::Account { home_page, name } => {
                a["account"] = json!({ "homePage": home_page, "name": name });
            }
        }
        a
    }

    /// A stable key for ids: the inverse functional identifier, never the display name.
    fn key(&self) -> String {
        match &self.id {
            ActorId::Email(e) => format!("mailto:{}", e.to_lowercase()),
            ActorId::Account { home_page, name } => format!("{home_page}|{name}"),
        }
    }
}

/// What every statement shares: the course, where its activity ids start, the learner.
pub struct Context<'a> {
    pub course: &'a Course,
    /// Activity ids are `BASE/MODULE`, `BASE/MODULE/QUESTION`, ...
    pub base_iri: &'a str,
    pub actor: &'a Actor,
    /// One registration per learner and course.
    pub registration: Uuid,
}

/// The documented default when a course names no `base_iri`: the reserved `.invalid` domain,
/// so an id can never collide with a real site.
pub fn default_base_iri(course_id: &str) -> String {
    format!("https://syllabus.invalid/courses/{course_id}")
}

/// The registration of a learner in a course when the progress records none yet: derived, so
/// that every export and sync of the same learner and course agree on it.
pub fn derived_registration(course_id: &str, actor: &Actor) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("registration|{course_id}|{}", actor.key()).as_bytes(),
    )
}

impl Context<'_> {
    fn id(&self, parts: &[&str]) -> String {
        let mut seed = format!(
            "{}|{}|{}",
            self.course.id,
            self.actor.key(),
            self.registration
        );
        for p in parts {
            seed.push('|');
            seed.push_str(p);
        }
        Uuid::new_v5(&NAMESPACE, seed.as_bytes()).to_string()
    }

    fn course_activity(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": self.base_iri,
            "definition": {
                "type": format!("{ACTIVITY}course"),
                "name": { "en": self.course.title },
                "description": { "en": self.course.description },
            }
        })
    }

    fn module_activity(&self, m: &Module) -> Value {
        let kind = match m.kind {
            ModuleKind::Lesson => "module",
            ModuleKind::Assessment => "assessment",
        };
        json!({
            "objectType": "Activity",
            "id": format!("{}/{}", self.base_iri, m.id),
            "definition": {
                "type": format!("{ACTIVITY}{kind}"),
                "name": { "en": m.title },
                "description": { "en": m.summary },
            }
        })
    }

    /// Context for a statement inside module `m` (or about the course, when `m` is None).
    fn context(&self, m: Option<&Module>, attempt: Option<&Attempt>) -> Value {
        let mut c = json!({
            "registration": self.registration.to_string(),
            "platform": "syllabus",
            "language": "en",
            "revision": self.course.version,
            "contextActivities": { "grouping": [ self.course_activity() ] },
        });
        if let Some(m) = m {
            c["contextActivities"]["parent"] = json!([self.module_activity(m)]);
        }
        if let Some(a) = attempt {
            c["extensions"] = json!({
                format!("{}/xapi/attempt", self.base_iri): a.number,
                format!("{}/xapi/mode", self.base_iri): mode_name(a.mode),
            });
        }
        c
    }

    fn statement(&self, id: String, verb: &str, object: Value, context: Value) -> Value {
        json!({
            "id": id,
            "actor": self.actor.json(),
            "verb": { "id": format!("{VERB}{verb}"), "display": { "en": verb } },
            "object": object,
            "context": context,
        })
    }
}

/// "full" or "practice", as docs/progress.md names attempts.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Full => "full",
        Mode::Missed => "practice",
    }
}

fn at(t: Timestamp) -> String {
    t.to_string()
}

/// Every statement the progress implies, in course order, then time order within a module.
pub fn all(cx: &Context, progress: &Progress) -> Vec<Value> {
    let mut out = Vec::new();
    for m in &cx.course.modules {
        let Some(mp) = progress.module(&m.id) else {
            continue;
        };
        for section in m.sections.iter().filter(|s| mp.has_opened(&s.id)) {
            let object = json!({
                "objectType": "Activity",
                "id": format!("{}/{}/{}", cx.base_iri, m.id, section.id),
                "definition": {
                    "type": format!("{ACTIVITY}lesson"),
                    "name": { "en": section.title },
                },
            });
            let id = cx.id(&["experienced", &m.id, &section.id]);
            out.push(cx.statement(id, "experienced", object, cx.context(Some(m), None)));
        }
        for attempt in &mp.attempts {
            for r in &attempt.responses {
                out.push(answered(cx, m, attempt, r));
            }
            if let Some(finished) = attempt.finished {
                out.push(attempt_result(cx, m, attempt, finished));
            }
        }
        for r in &mp.reviews {
            out.push(reviewed(cx, m, r));
        }
    }
    if let Some(done) = completion(cx.course, progress) {
        let id = cx.id(&["completed", &cx.course.version, &at(done)]);
        let mut s = cx.statement(
            id,
            "completed",
            cx.course_activity(),
            cx.context(None, None),
        );
        s["result"] = json!({ "completion": true });
        s["timestamp"] = json!(at(done));
        out.push(s);
    }
    out
}

fn answered(cx: &Context, m: &Module, attempt: &Attempt, r: &Response) -> Value {
    let number = attempt.number.to_string();
    let id = cx.id(&["answered", &m.id, &number, &r.question, &r.hash, &at(r.at)]);
    answer_statement(cx, m, r, id, cx.context(Some(m), Some(attempt)))
}

/// A spaced review is an `answered` statement too, with the extension `.../xapi/mode` set
/// to "review" and the FSRS rating and schedule beside it.
fn reviewed(cx: &Context, m: &Module, r: &crate::spaced::Review) -> Value {
    let response = Response {
        question: r.card.clone(),
        hash: r.hash.clone(),
        answer: r.answer.clone(),
        points: r.points,
        correct: r.correct,
        at: r.at,
        extra: toml::Table::new(),
    };
    let id = cx.id(&["reviewed", &m.id, &r.card, &r.hash, &at(r.at)]);
    let mut context = cx.context(Some(m), None);
    context["extensions"] = json!({
        format!("{}/xapi/mode", cx.base_iri): "review",
        format!("{}/xapi/review", cx.base_iri): {
            "rating": r.rating.name(),
            "elapsed_days": r.elapsed,
            "scheduled_days": r.scheduled,
        },
    });
    answer_statement(cx, m, &response, id, context)
}

fn answer_statement(cx: &Context, m: &Module, r: &Response, id: String, context: Value) -> Value {
    let definition = match m.question(&r.question) {
        Some(q) if q.hash == r.hash => interaction::definition(q),
        // Changed or removed since: say what kind it was, not what it says now.
        _ => json!({
            "type": format!("{ACTIVITY}cmi.interaction"),
            "name": { "en": r.question },
            "interactionType": interaction::answer_type(&r.answer),
        }),
    };
    let object = json!({
        "objectType": "Activity",
        "id": format!("{}/{}/{}", cx.base_iri, m.id, r.question),
        "definition": definition,
    });
    let mut s = cx.statement(id, "answered", object, context);
    s["result"] = json!({
        "success": r.correct,
        "response": interaction::response(&r.answer),
        "score": { "scaled": round4(r.points), "raw": round4(r.points), "min": 0, "max": 1 },
    });
    s["timestamp"] = json!(at(r.at));
    s
}

fn attempt_result(cx: &Context, m: &Module, attempt: &Attempt, finished: Timestamp) -> Value {
    let score = attempt.score();
    let passed = attempt.passed(m.quiz.pass_mark);
    let verb = match attempt.mode {
        Mode::Full if passed => "passed",
        Mode::Full => "failed",
        Mode::Missed => "completed",
    };
    let number = attempt.number.to_string();
    let id = cx.id(&["attempt", &m.id, &number, &at(finished)]);
    let mut s = cx.statement(
        id,
        verb,
        cx.module_activity(m),
        cx.context(None, Some(attempt)),
    );
    let mut result = json!({
        "completion": true,
        "score": { "scaled": round4(score / 100.0), "raw": round4(score), "min": 0, "max": 100 },
        "duration": duration(attempt.started, finished),
    });
    if attempt.mode == Mode::Full {
        result["success"] = json!(passed);
    }
    s["result"] = result;
    s["timestamp"] = json!(at(finished));
    s
}

/// When the course was completed (every section read, every quiz passed): the latest
/// finish among its attempts, as the certificate dates it; None while incomplete.
pub fn completion(course: &Course, progress: &Progress) -> Option<Timestamp> {
    crate::standing::Standing::new(course, progress).completed_at()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// ISO 8601 duration in whole seconds, as xAPI wants it.
fn duration(from: Timestamp, to: Timestamp) -> String {
    let secs = to.as_second().saturating_sub(from.as_second()).max(0);
    format!("PT{secs}S")
}
