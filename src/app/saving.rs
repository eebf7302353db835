//! Saving, quitting and the prompts about them: `update` asks for saves as effects, hears
//! how they went, and asks the learner what to do when saving fails on the way out.
//!
//! A signal (`Action::Stop`: the terminal closed, `kill`) leaves the same way but asks
//! nobody, since nobody may be at the screen: if the save fails, the progress is written to
//! the copy path instead, and the exit message (printed on stderr) says where, or that the
//! copy failed too.

use super::action::Effect;
use super::{App, BannerKind, Prompt};

/// Whether the app is on its way out, waiting to hear how the last save went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) enum Quitting {
    #[default]
    No,
    /// The learner quit: if the save fails, ask them what to do.
    Asking,
    /// A signal: if the save fails, write a copy without asking. `failed` is the save's error,
    /// once it came back.
    Unattended { failed: Option<String> },
}

impl App {
    pub(super) fn save(&mut self) -> Vec<Effect> {
        if self.read_only.is_some() || matches!(self.prompt, Some(Prompt::Damaged { .. })) {
            Vec::new()
        } else {
            vec![Effect::Save]
        }
    }

    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.read_only.is_some() || matches!(self.prompt, Some(Prompt::Damaged { .. })) {
            self.running = false;
            return vec![Effect::Quit];
        }
        self.quitting = Quitting::Asking;
        vec![Effect::SaveAndQuit]
    }

    /// A signal: save and leave, asking nothing (see the module notes).
    pub(super) fn stop(&mut self) -> Vec<Effect> {
        self.help = false;
        let effects = self.quit();
        if self.running {
            self.quitting = Quitting::Unattended { failed: None };
        }
        effects
    }

    pub(super) fn saved(&mut self, result: Result<(), String>) -> Vec<Effect> {
        self.banners
            .retain(|b| !b.text.starts_with("Progress not saved"));
        match result {
            Ok(()) => {
                self.dirty = false;
                if self.quitting != Quitting::No {
                    self.running = false;
                    return vec![Effect::Quit];
                }
            }
            Err(e) => match &mut self.quitting {
                Quitting::Asking => {
                    self.quitting = Quitting::No;
                    self.prompt = Some(Prompt::SaveFailedOnQuit {
                        error: e,
                        copy_path: self.copy_path.clone(),
                    });
                }
                Quitting::Unattended { failed } => {
                    *failed = Some(e);
                    return vec![Effect::WriteCopy(self.copy_path.clone())];
                }
                Quitting::No => {
                    self.banner(
                        BannerKind::Error,
                        format!("Progress not saved: {e}. It is kept in memory and saved again after your next step."),
                    );
                }
            },
        }
        Vec::new()
    }

    pub(super) fn copy_written(
        &mut self,
        result: Result<std::path::PathBuf, String>,
    ) -> Vec<Effect> {
        if let Quitting::Unattended { failed } = &self.quitting {
            let failed = failed.clone().unwrap_or_default();
            self.exit_message = Some(match result {
                Ok(path) => format!(
                    "Progress not saved ({failed}); it was written to {} instead.",
                    path.display()
                ),
                Err(e) => format!(
                    "Progress not saved ({failed}), and writing a copy to {} failed too ({e}): what was done since the last save is lost.",
                    self.copy_path.display()
                ),
            });
            self.running = false;
            return vec![Effect::Quit];
        }
        match result {
            Ok(path) => {
                self.exit_message =
                    Some(format!("Your progress was written to {}.", path.display()));
                self.running = false;
                vec![Effect::Quit]
            }
            Err(e) => {
                if let Some(Prompt::SaveFailedOnQuit { error, .. }) = &mut self.prompt {
                    *error = format!("{error}; writing the copy failed too: {e}");
                }
                Vec::new()
            }
        }
    }

    pub(super) fn prompt_key(&mut self, c: char, now: jiff::Timestamp) -> Vec<Effect> {
        match self.prompt.clone() {
            Some(Prompt::UnreadLessons { module, .. }) => {
                self.prompt = None;
                if c == 'y' {
                    self.start_quiz(module, crate::quiz::Mode::Full, None, now)
                } else {
                    Vec::new()
                }
            }
            Some(Prompt::Damaged { .. }) => match c {
                's' => {
                    self.prompt = None;
                    self.dirty = true;
                    vec![Effect::StartFresh, Effect::Save]
                }
                'q' | '\u{1b}' => {
                    self.running = false;
                    vec![Effect::Quit]
                }
                _ => Vec::new(),
            },
            Some(Prompt::SaveFailedOnQuit { copy_path, .. }) => match c {
                'r' => {
                    self.prompt = None;
                    self.quitting = Quitting::Asking;
                    vec![Effect::SaveAndQuit]
                }
                'w' => vec![Effect::WriteCopy(copy_path)],
                'd' => {
                    self.exit_message = Some(
                        "Not saved: you chose to discard what was done since the last save.".into(),
                    );
                    self.running = false;
                    vec![Effect::Quit]
                }
                '\u{1b}' => {
                    self.prompt = None;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            None => Vec::new(),
        }
    }
}
