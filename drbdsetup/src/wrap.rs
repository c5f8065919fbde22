//! Upstream's `wrap_printf()` and `wrap_printf_wordwise()` (`user/shared/wrap_printf.c`):
//! help text written piece by piece, each piece moved to a new, indented line when it would
//! pass the terminal width. The quirks are kept, because our help must be theirs byte for
//! byte: after an indentation the column counter is one too low, and the width test counts
//! the leading blanks that a fresh line then drops.

/// A text being built the way upstream prints its help.
#[derive(Debug)]
pub struct Wrap {
    columns: isize,
    col: isize,
    text: String,
}

impl Wrap {
    /// Wraps at `columns` (0: not a terminal, 80 as upstream).
    pub fn new(columns: u16) -> Wrap {
        Wrap {
            columns: if columns == 0 {
                80
            } else {
                isize::from(i16::try_from(columns).unwrap_or(i16::MAX))
            },
            col: 0,
            text: String::new(),
        }
    }

    /// One `wrap_printf(indent, ...)` call with its formatted `piece`.
    pub fn put(&mut self, indent: usize, piece: &str) {
        let mut piece = piece;
        while let Some(rest) = piece.strip_prefix('\n') {
            self.text.push('\n');
            self.col = 0;
            piece = rest;
        }
        if piece.is_empty() {
            return;
        }
        let width = piece.len() as isize;
        if self.col > 0 && self.col + width > self.columns {
            self.text.push('\n');
            self.col = 0;
        }
        if self.col == 0 {
            piece = piece.trim_start_matches(' ');
            self.text.extend(std::iter::repeat_n(' ', indent));
            // Upstream counts its indentation down to -1 and keeps that as the column.
            self.col = -1;
        }
        self.text.push_str(piece);
        self.col += piece.len() as isize;
        if piece.ends_with('\n') {
            self.col = 0;
        }
    }

    /// `wrap_printf_wordwise(indent, text)`: one piece per word, each with the blanks
    /// before it folded into one.
    pub fn put_words(&mut self, indent: usize, text: &str) {
        let mut rest = text;
        loop {
            let blank = rest.starts_with(' ');
            rest = rest.trim_start_matches(' ');
            let end = rest.find(' ').unwrap_or(rest.len());
            let word = &rest[..end];
            if blank {
                self.put(indent, &format!(" {word}"));
            } else {
                self.put(indent, word);
            }
            rest = &rest[end..];
            if rest.is_empty() {
                break;
            }
        }
    }

    /// Plain text (upstream's `printf` between the wrapped pieces); the column is kept.
    pub fn raw(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// The text so far.
    pub fn into_string(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_that_does_not_fit_starts_an_indented_line_without_its_blank() {
        let mut w = Wrap::new(20);
        w.put(0, "0123456789");
        w.put(4, " abcdefghijk");
        assert_eq!(w.into_string(), "0123456789\n    abcdefghijk");
    }

    #[test]
    fn the_column_after_an_indentation_is_one_short() {
        // 4 blanks and 10 characters are 14 columns, counted as 9: a piece of 11
        // (20 - 9) still fits, although the line becomes 25 wide.
        let mut w = Wrap::new(20);
        w.put(4, "0123456789");
        w.put(4, " abcdefghij");
        assert_eq!(w.into_string(), "    0123456789 abcdefghij");
        let mut w = Wrap::new(20);
        w.put(4, "0123456789");
        w.put(4, " abcdefghijk");
        assert_eq!(w.into_string(), "    0123456789\n    abcdefghijk");
    }

    #[test]
    fn leading_newlines_reset_and_a_trailing_one_ends_the_line() {
        let mut w = Wrap::new(10);
        w.put(4, "abc\n");
        w.put(4, "\n\ndef");
        assert_eq!(w.into_string(), "    abc\n\n\n    def");
    }

    #[test]
    fn words_wrap_one_by_one() {
        let mut w = Wrap::new(16);
        w.put(4, "cmd - ");
        w.put_words(8, "one two three four");
        w.put(4, "\n");
        assert_eq!(w.into_string(), "    cmd - one two\n        three four\n");
    }
}
