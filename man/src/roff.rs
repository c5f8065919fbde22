//! Minimal roff helpers for the hand-written parts of the pages.

/// Escapes text for a roff text line: backslashes, hyphens (so they stay ASCII hyphens in
/// every output device), and a leading `.` or `'` (which would start a request).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            _ => out.push(c),
        }
    }
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

/// Bold text.
pub fn b(text: &str) -> String {
    format!("\\fB{}\\fR", esc(text))
}

/// Italic text.
pub fn i(text: &str) -> String {
    format!("\\fI{}\\fR", esc(text))
}

/// A collector of roff lines.
#[derive(Default)]
pub struct Page {
    out: String,
}

impl Page {
    /// A new, empty page.
    pub fn new() -> Page {
        Page::default()
    }

    /// A request line, e.g. `.SH "NAME"`, written as given.
    pub fn req(&mut self, line: &str) -> &mut Page {
        self.out.push_str(line);
        self.out.push('\n');
        self
    }

    /// A section heading.
    pub fn sh(&mut self, title: &str) -> &mut Page {
        self.req(&format!(".SH \"{}\"", title.replace('-', "\\-")))
    }

    /// A subsection heading.
    pub fn ss(&mut self, title: &str) -> &mut Page {
        self.req(&format!(".SS \"{}\"", title.replace('-', "\\-")))
    }

    /// A paragraph of plain text (escaped); may contain several sentences.
    pub fn para(&mut self, text: &str) -> &mut Page {
        self.req(".PP");
        self.text(text)
    }

    /// A line of plain text (escaped).
    pub fn text(&mut self, text: &str) -> &mut Page {
        let t = esc(text);
        self.raw(&t)
    }

    /// A line of already formatted roff text (only a leading `.`/`'` is protected).
    pub fn raw(&mut self, text: &str) -> &mut Page {
        if text.starts_with('.') || text.starts_with('\'') {
            self.out.push_str("\\&");
        }
        self.out.push_str(text);
        self.out.push('\n');
        self
    }

    /// A tagged paragraph: `tag` is already formatted roff, `body` plain text.
    pub fn tp(&mut self, tag: &str, body: &str) -> &mut Page {
        self.req(".TP");
        self.raw(tag);
        if !body.is_empty() {
            self.text(body);
        }
        self
    }

    /// A literal block (no filling), for examples and configuration snippets.
    pub fn example(&mut self, lines: &str) -> &mut Page {
        self.req(".PP").req(".RS 4").req(".nf");
        for l in lines.lines() {
            self.text(l);
        }
        self.req(".fi").req(".RE")
    }

    /// The text so far.
    pub fn finish(self) -> String {
        self.out
    }

    /// Appends text produced elsewhere (e.g. by clap_mangen).
    pub fn append(&mut self, roff: &str) -> &mut Page {
        self.out.push_str(roff);
        if !roff.ends_with('\n') && !roff.is_empty() {
            self.out.push('\n');
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(esc("--force"), "\\-\\-force");
        assert_eq!(esc(".x"), "\\&.x");
        assert_eq!(esc("a\\b"), "a\\eb");
    }
}
