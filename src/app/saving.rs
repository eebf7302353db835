//! Saving, quitting and the prompts about them: `update` asks for saves as effects, hears
//! how they went, and asks the learner what to do when saving fails on the way out.

use super::action::Effect;
use super::{App, BannerKind, Prompt};

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
        self.quitting = true;
        vec![Effect::SaveAndQuit]
    }

    pub(super) fn saved(&mut self, result: Result<(), String>) -> Vec<Effect> {
        self.banners
            .retain(|b| !b.text.starts_with("Progress not saved"));
        match result {
            Ok(()) => {
                self.dirty = false;
                if self.quitting {
                    self.running = false;
                    return vec![Effect::Quit];
                }
            }
            Err(e) => {
                if self.quitting {
                    self.quitting = false;
                    self.prompt = Some(Prompt::SaveFailedOnQuit {
                        error: e,
                        copy_path: self.copy_path.clone(),
                    });
                } else {
                    self.banner(
                        BannerKind::Error,
                        format!("Progress not saved: {e}. It is kept in memory and saved again after your next step."),
                    );
                }
            }
        }
        Vec::new()
    }

    pub(super) fn copy_written(
        &mut self,
        result: Result<std::path::PathBuf, String>,
    ) -> Vec<Effect> {
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
                    self.quitting = true;
                    vec![Effect::SaveAndQuit]
                }
                'w' => vec![Effect::WriteCopy(copy_path)],
                'd' => {
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
