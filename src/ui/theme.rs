//! Colours and styles. Meaning never rests on colour alone: every state also has a marker
//! or a word, so the mono theme (and NO_COLOR) loses nothing.

use ratatui::style::{Color, Modifier, Style};

use crate::cli::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Theme {
    pub base: Style,
    pub bar: Style,
    pub title: Style,
    pub dim: Style,
    pub accent: Style,
    /// The highlighted row; always paired with a `>` marker.
    pub selected: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub info: Style,
    pub key: Style,
    pub quote: Style,
    pub diagram: Style,
    pub input: Style,
}

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::default_theme(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// Terminal default colours for text, so it reads on dark and light backgrounds alike;
    /// colour only for accents that are also marked in words.
    pub fn default_theme() -> Theme {
        let b = Modifier::BOLD;
        Theme {
            base: Style::default(),
            bar: Style::default().add_modifier(Modifier::REVERSED),
            title: Style::default().add_modifier(b),
            dim: Style::default().add_modifier(Modifier::DIM),
            accent: Style::default().fg(Color::Magenta).add_modifier(b),
            selected: Style::default().add_modifier(b | Modifier::REVERSED),
            good: Style::default().fg(Color::Green).add_modifier(b),
            bad: Style::default().fg(Color::Red).add_modifier(b),
            warn: Style::default()
                .fg(Color::Yellow)
                .add_modifier(b | Modifier::REVERSED),
            info: Style::default()
                .fg(Color::Blue)
                .add_modifier(b | Modifier::REVERSED),
            key: Style::default().add_modifier(b),
            quote: Style::default().add_modifier(Modifier::ITALIC),
            diagram: Style::default().fg(Color::Cyan),
            input: Style::default().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn high_contrast() -> Theme {
        let b = Modifier::BOLD;
        Theme {
            base: Style::default().fg(Color::White).bg(Color::Black),
            bar: Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(b),
            title: Style::default()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(b),
            dim: Style::default().fg(Color::White).bg(Color::Black),
            accent: Style::default()
                .fg(Color::LightYellow)
                .bg(Color::Black)
                .add_modifier(b),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(b),
            good: Style::default()
                .fg(Color::LightGreen)
                .bg(Color::Black)
                .add_modifier(b),
            bad: Style::default()
                .fg(Color::LightRed)
                .bg(Color::Black)
                .add_modifier(b),
            warn: Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(b),
            info: Style::default()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(b),
            key: Style::default()
                .fg(Color::LightCyan)
                .bg(Color::Black)
                .add_modifier(b),
            quote: Style::default()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::ITALIC),
            diagram: Style::default().fg(Color::LightCyan).bg(Color::Black),
            input: Style::default().fg(Color::Black).bg(Color::White),
        }
    }

    /// No colour at all. Selection uses bold and the `>` marker, not reverse video: with
    /// NO_COLOR, crossterm follows REVERSED with a reset, so reverse alone would vanish.
    pub fn mono() -> Theme {
        let b = Modifier::BOLD;
        Theme {
            base: Style::default(),
            bar: Style::default().add_modifier(b),
            title: Style::default().add_modifier(b),
            dim: Style::default(),
            accent: Style::default().add_modifier(b),
            selected: Style::default().add_modifier(b),
            good: Style::default().add_modifier(b),
            bad: Style::default().add_modifier(b),
            warn: Style::default().add_modifier(b),
            info: Style::default().add_modifier(b),
            key: Style::default().add_modifier(b),
            quote: Style::default().add_modifier(Modifier::ITALIC),
            diagram: Style::default(),
            input: Style::default().add_modifier(Modifier::UNDERLINED),
        }
    }
}

/// The theme to use: `mono` whenever NO_COLOR is set to anything (see no-color.org).
pub fn choose(name: ThemeName, no_color: bool) -> Theme {
    if no_color {
        Theme::mono()
    } else {
        Theme::named(name)
    }
}
