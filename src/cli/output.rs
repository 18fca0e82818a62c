//! Printing diagnostics for people.

use std::io::IsTerminal;

use crate::diagnostics::{Diagnostics, Level};

/// Prints every diagnostic as `path:line:col: level: message [rule]` on stderr, coloured on
/// a terminal, then a one-line count.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let errors = diagnostics.error_count();
    let warnings = diagnostics.warning_count();
    for d in diagnostics.clone().sorted() {
        if colour {
            let code = if d.level == Level::Error { "31" } else { "33" };
            let rule = d.rule.as_ref().map(|r| format!(" \x1b[2m[{r}]\x1b[0m")).unwrap_or_default();
            eprintln!(
                "\x1b[1m{}:{}:{}:\x1b[0m \x1b[1;{code}m{}\x1b[0m: {}{rule}",
                d.path, d.line, d.col, d.level, d.message
            );
        } else {
            eprintln!("{d}");
        }
    }
    if errors + warnings > 0 {
        eprintln!("{errors} error(s), {warnings} warning(s)");
    }
}
