//! Output formats. Each renderer writes a whole [`Report`]; findings arrive sorted.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::Write;

use crate::lint::Report;

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `FILE:LINE:COL: error[RULE]: message`, the line and a caret.
    Human,
    /// Versioned JSON (RULES.md).
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

impl Format {
    /// Parses `--format`'s argument.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "human" | "text" => Some(Format::Human),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "github" => Some(Format::Github),
            _ => None,
        }
    }
}

/// Writes `report` in `format`; `color` only affects the human format.
pub fn write(
    report: &Report,
    format: Format,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let text = match format {
        Format::Human => human::render(report, color),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
    };
    out.write_all(text.as_bytes())
}
