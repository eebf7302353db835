//! `syllabus sync`: send the statements an LRS has not acknowledged, in batches, and record
//! each acknowledged batch at once in the sync record beside the progress file
//! (`PROGRESS.xapi.toml`, written atomically). Statements are derived from the progress, which
//! stays the one source of truth, so nothing can be lost: offline, a timeout, a 5xx or a
//! kill -9 in the middle only leaves statements unacknowledged, and the next sync sends them
//! again. Ids are deterministic and an LRS answers an identical statement sent twice with
//! success, so a resend never duplicates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::progress::paths::sidecar;
use crate::progress::store::write_atomic;

/// Statements per POST: small enough that a lost batch costs little, large enough to be quick.
pub const BATCH: usize = 50;

/// What has been acknowledged, per LRS endpoint (the record survives a change of LRS).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    #[serde(default)]
    pub sent: BTreeMap<String, BTreeSet<String>>,
}

impl SyncRecord {
    pub fn path(progress: &Path) -> PathBuf {
        sidecar(progress, ".xapi.toml")
    }

    /// Read the record; a missing one is empty, a damaged one is set aside (its statements
    /// are simply sent again) with a note.
    pub fn load(path: &Path) -> (SyncRecord, Option<String>) {
        match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (SyncRecord::fresh(), None),
            Err(e) => (
                SyncRecord::fresh(),
                Some(format!(
                    "cannot read the sync record {}: {e}; every statement will be sent again",
                    path.display()
                )),
            ),
            Ok(text) => match toml::from_str::<SyncRecord>(&text) {
                Ok(r) => (r, None),
                Err(e) => {
                    let aside = sidecar(path, ".corrupt");
                    let _ = std::fs::rename(path, &aside);
                    (
                        SyncRecord::fresh(),
                        Some(format!(
                            "the sync record {} was damaged ({}); moved it to {} and will send every statement again (the LRS ignores repeats)",
                            path.display(),
                            e.message().trim(),
                            aside.display()
                        )),
                    )
                }
            },
        }
    }

    fn fresh() -> SyncRecord {
        SyncRecord {
            version: 1,
            ..SyncRecord::default()
        }
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text = toml::to_string(self).map_err(|e| e.to_string())?;
        write_atomic(path, text.as_bytes(), None).map_err(|e| e.to_string())
    }

    pub fn acknowledged(&self, endpoint: &str) -> usize {
        self.sent.get(endpoint).map_or(0, BTreeSet::len)
    }
}

/// Where and as whom to send.
pub struct Target {
    /// The xAPI endpoint; statements go to `ENDPOINT/statements`.
    pub endpoint: String,
    pub user: Option<String>,
    pub password: Option<String>,
    pub timeout: Duration,
}

/// How a sync ended.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub sent: usize,
    pub already: usize,
    pub waiting: usize,
    /// Statements the LRS refused (4xx other than auth), with its reason: they are not
    /// marked sent, so a fixed course or LRS can take them later.
    pub refused: Vec<(String, String)>,
    /// Why the sync stopped early (unreachable, timeout, 5xx, credentials), if it did.
    pub stopped: Option<String>,
}

/// Send every statement of `all` not yet acknowledged by `target`, saving `record` after
/// each acknowledged batch.
pub fn sync(
    all: &[Value],
    target: &Target,
    record: &mut SyncRecord,
    record_path: &Path,
) -> Outcome {
    let done = record
        .sent
        .get(&target.endpoint)
        .cloned()
        .unwrap_or_default();
    let pending: Vec<&Value> = all
        .iter()
        .filter(|s| !done.contains(statement_id(s)))
        .collect();
    let mut outcome = Outcome {
        sent: 0,
        already: all.len() - pending.len(),
        waiting: pending.len(),
        refused: Vec::new(),
        stopped: None,
    };
    let agent = agent(target.timeout);
    for batch in pending.chunks(BATCH) {
        match post(&agent, target, batch) {
            Posted::Ok => acknowledge(record, target, batch, record_path, &mut outcome),
            Posted::Refused(_) | Posted::Conflict if batch.len() > 1 => {
                // One refused or already-held statement must not hold back the others.
                for one in batch {
                    match post(&agent, target, std::slice::from_ref(one)) {
                        Posted::Ok => {
                            acknowledge(record, target, &[one], record_path, &mut outcome)
                        }
                        Posted::Conflict => {
                            acknowledge(record, target, &[one], record_path, &mut outcome);
                            outcome.sent -= 1;
                            outcome.already += 1;
                        }
                        Posted::Refused(r) => outcome.refused.push((describe(one), r)),
                        Posted::Stop(why) => {
                            outcome.stopped = Some(why);
                            return outcome;
                        }
                    }
                }
            }
            Posted::Conflict => {
                acknowledge(record, target, batch, record_path, &mut outcome);
                outcome.sent -= batch.len();
                outcome.already += batch.len();
            }
            Posted::Refused(reason) => outcome.refused.push((describe(batch[0]), reason)),
            Posted::Stop(why) => {
                outcome.stopped = Some(why);
                return outcome;
            }
        }
    }
    outcome
}

fn acknowledge(
    record: &mut SyncRecord,
    target: &Target,
    batch: &[&Value],
    path: &Path,
    outcome: &mut Outcome,
) {
    let set = record.sent.entry(target.endpoint.clone()).or_default();
    for s in batch {
        set.insert(statement_id(s).to_string());
    }
    outcome.sent += batch.len();
    outcome.waiting -= batch.len();
    if let Err(e) = record.save(path) {
        // The LRS has them; a later sync resends and the LRS ignores the repeats.
        outcome.stopped = Some(format!("cannot save the sync record: {e}"));
    }
}

pub fn statement_id(s: &Value) -> &str {
    s["id"].as_str().unwrap_or_default()
}

/// "answered https://.../q1 (id ...)": enough for an author or admin to find it.
fn describe(s: &Value) -> String {
    format!(
        "{} {} (statement {})",
        s["verb"]["display"]["en"].as_str().unwrap_or("?"),
        s["object"]["id"].as_str().unwrap_or("?"),
        statement_id(s)
    )
}

enum Posted {
    Ok,
    /// 409: the LRS already holds a statement with this id. Ids are derived from what a
    /// statement records, so it is ours from an earlier sync whose acknowledgement was lost
    /// (the LRS may have added a timestamp): counted as acknowledged.
    Conflict,
    Refused(String),
    Stop(String),
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .build()
        .into()
}

fn post(agent: &ureq::Agent, target: &Target, batch: &[&Value]) -> Posted {
    let url = format!("{}/statements", target.endpoint.trim_end_matches('/'));
    let body = serde_json::to_string(batch).unwrap_or_default();
    let mut request = agent
        .post(&url)
        .header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json");
    if let Some(user) = &target.user {
        let pass = target.password.as_deref().unwrap_or("");
        request = request.header("Authorization", basic(user, pass));
    }
    let mut response = match request.send(body) {
        Ok(r) => r,
        Err(e) => {
            return Posted::Stop(format!(
                "cannot reach the LRS at {url}: {e}; nothing is lost, run `syllabus sync` again when it is reachable"
            ));
        }
    };
    let status = response.status().as_u16();
    let reason = response
        .body_mut()
        .read_to_string()
        .ok()
        .and_then(|t| {
            serde_json::from_str::<Value>(&t)
                .ok()
                .and_then(|v| v["detail"].as_str().map(str::to_string))
                .or(Some(t))
        })
        .unwrap_or_default();
    let reason = crate::course::diagnostic::escape_controls(reason.trim());
    match status {
        200..=299 => Posted::Ok,
        409 => Posted::Conflict,
        401 | 403 => Posted::Stop(format!(
            "the LRS at {url} refused the credentials ({status}: {reason}); check lrs.username and SYLLABUS_LRS_PASSWORD (nothing was marked sent)"
        )),
        400..=499 => Posted::Refused(format!("{status}: {reason}")),
        _ => Posted::Stop(format!(
            "the LRS at {url} failed ({status}: {reason}); nothing is lost, run `syllabus sync` again later"
        )),
    }
}

fn basic(user: &str, pass: &str) -> String {
    format!("Basic {}", base64(format!("{user}:{pass}").as_bytes()))
}

/// Standard base64 with padding (RFC 4648), for the Basic auth header.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
            ("ada:secret", "YWRhOnNlY3JldA=="),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
    }

    #[test]
    fn a_damaged_record_is_set_aside_and_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml.xapi.toml");
        std::fs::write(&path, "sent = [[[").unwrap();
        let (record, note) = SyncRecord::load(&path);
        assert_eq!(record.acknowledged("x"), 0);
        assert!(note.unwrap_or_default().contains("damaged"));
        assert!(sidecar(&path, ".corrupt").exists());
    }
}
