//! Reporting to an organisation with xAPI 1.0.3: the statements a learner's progress implies
//! (`statements`), questions as `cmi.interaction` activities (`interaction`), and sending them
//! to a Learning Record Store without ever losing or duplicating one (`sync`). The mapping is
//! in docs/xapi.md.

pub mod interaction;
pub mod statements;
pub mod sync;

pub use statements::{Actor, ActorId, Context};

use crate::config::Config;

/// The learner as the settings file names them, or a message saying what to set.
pub fn actor(config: &Config, config_path: &std::path::Path) -> Result<Actor, String> {
    let name = config.learner.name.clone();
    let id = match (&config.learner.email, &config.learner.account) {
        (Some(e), _) => ActorId::Email(e.clone()),
        (None, Some(a)) => ActorId::Account {
            home_page: a.home_page.clone(),
            name: a.name.clone(),
        },
        (None, None) => {
            return Err(format!(
                "xAPI statements need to say who the learner is: set `email` (or `account`) under [learner] in {} (`syllabus config show` prints an example)",
                config_path.display()
            ));
        }
    };
    Ok(Actor { name, id })
}
