//! Printing diagnostics for people.

use std::io::IsTerminal;

use crate::diagnostics::{Diagnostics, Level};

/// Prints every diagnostic as `path:line:col: level: message` on stderr, coloured on a
/// terminal, then a one-line count. Returns whether there were errors.
pub fn print_diagnostics(diagnostics: Diagnostics) -> bool {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let errors = diagnostics.error_count();
    let warnings = diagnostics.warning_count();
    for d in diagnostics.sorted() {
        if colour {
            let code = if d.level == Level::Error { "31" } else { "33" };
            eprintln!("\x1b[1m{}:{}:{}:\x1b[0m \x1b[1;{code}m{}\x1b[0m: {}", d.path, d.line, d.col, d.level, d.message);
        } else {
            eprintln!("{d}");
        }
    }
    if errors + warnings > 0 {
        eprintln!("{errors} error(s), {warnings} warning(s)");
    }
    errors > 0
}
