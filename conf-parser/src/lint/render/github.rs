//! GitHub Actions workflow commands: one `::error file=F,line=L,col=C,...::MESSAGE` line per
//! finding (`::warning`, `::notice` for the other severities). Data is escaped as the
//! runner expects (`%`, CR, LF; in properties also `:` and `,`).

use crate::diag::Severity;
use crate::lint::Report;

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The report as workflow commands.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let l = &f.loc;
        let mut msg = f.message.clone();
        for h in &f.hints {
            msg.push_str(&format!("\nhint: {h}"));
        }
        for r in &f.related {
            msg.push_str(&format!(
                "\n{}:{}:{}: {}",
                r.loc.file, r.loc.line, r.loc.col, r.message
            ));
        }
        msg.push_str(&format!("\nfix: {}", f.fix));
        let end = if l.end_line == l.line && l.end_col > l.col {
            format!(",endColumn={}", l.end_col)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "::{cmd} file={},line={},col={}{end},title={}::{}\n",
            property(&l.file),
            l.line,
            l.col,
            property(&format!("{} {}", f.rule.id, f.rule.name)),
            data(&msg)
        ));
    }
    out
}
