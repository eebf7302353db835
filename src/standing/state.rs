//! A module's state in words and a marker, and how scores are rounded for people.

/// A module's state as every view shows it (always in words as well as a marker).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ModuleState {
    NotStarted,
    InProgress,
    /// Quiz passed (with the module grade), but some sections not yet opened.
    Passed(f64),
    /// Every section opened and the quiz passed.
    Complete(f64),
    /// Graded, but below the pass mark.
    Below(f64),
}

impl ModuleState {
    pub fn words(&self) -> String {
        match self {
            ModuleState::NotStarted => "not started".into(),
            ModuleState::InProgress => "in progress".into(),
            ModuleState::Passed(g) => format!("passed {}%, sections unread", pct(*g)),
            ModuleState::Complete(g) => format!("complete {}%", pct(*g)),
            ModuleState::Below(g) => format!("below pass mark {}%", pct(*g)),
        }
    }

    /// A marker that works without colour.
    pub fn marker(&self) -> &'static str {
        match self {
            ModuleState::NotStarted => "·",
            ModuleState::InProgress => "…",
            ModuleState::Passed(_) | ModuleState::Complete(_) => "✓",
            ModuleState::Below(_) => "✗",
        }
    }

    pub fn is_complete(&self) -> bool {
        matches!(self, ModuleState::Complete(_))
    }
}

/// A score rounded for display; never shows 100 for less than 100.
pub fn pct(score: f64) -> u32 {
    let r = score.round();
    if r >= 100.0 && score < 100.0 - 1e-9 {
        99
    } else {
        r.clamp(0.0, 100.0) as u32
    }
}
