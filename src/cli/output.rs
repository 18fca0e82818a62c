//! Printing diagnostics: for people, for GitHub Actions, or as JSON.

use std::collections::HashMap;
use std::io::IsTerminal;

use ingest::diagnostics::{Diagnostic, Diagnostics, Level};
use ingest::rule_ids::RuleId;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col: level: message [rule]` with the source line, coloured on a terminal
    #[default]
    Human,
    /// GitHub Actions workflow commands, so findings appear on the pull request's diff
    Github,
    /// A JSON array of diagnostics on standard output
    Json,
}

/// Prints every diagnostic in `format`: human and GitHub output on stderr (GitHub reads
/// workflow commands from either stream), JSON on stdout for tools.
pub fn print_diagnostics(diagnostics: &Diagnostics, format: Format) {
    let sorted = diagnostics.clone().sorted();
    match format {
        Format::Human => print_human(&sorted),
        Format::Github => sorted.iter().for_each(|d| eprintln!("{}", github(d))),
        Format::Json => println!("{}", serde_json::to_string_pretty(&sorted).expect("diagnostics serialise")),
    }
}

fn print_human(diagnostics: &[Diagnostic]) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() };
    let mut files: HashMap<&str, Option<String>> = HashMap::new();
    for d in diagnostics {
        let level = paint(if d.level == Level::Error { "1;31" } else { "1;33" }, &d.level.to_string());
        let rule = d.rule.as_ref().map(|r| paint("2", &format!(" [{r}]"))).unwrap_or_default();
        eprintln!("{}: {level}: {}{rule}", paint("1", &format!("{}:{}:{}", d.path, d.line, d.col)), d.message);
        // The offending line, so the fix is obvious without opening the file.
        let text = files.entry(&d.path).or_insert_with(|| std::fs::read_to_string(&d.path).ok());
        if let Some(line) = text.as_deref().and_then(|t| t.lines().nth(d.line.saturating_sub(1))) {
            let number = d.line.to_string();
            let gutter = " ".repeat(number.len());
            let (line, caret) = printable(line, d.col);
            eprintln!(" {} {line}", paint("2", &format!("{number} |")));
            eprintln!(" {} {}{}", paint("2", &format!("{gutter} |")), " ".repeat(caret), paint("1;36", "^"));
        }
    }
    let errors = diagnostics.iter().filter(|d| d.level == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        eprintln!("{errors} error(s), {warnings} warning(s)");
    }
}

/// A source line as `check` prints it, and how many characters precede column `col` in it.
/// Characters that would reorder the terminal's line (bidi controls) or drive the terminal
/// (control characters but the tab) are shown as `<U+202E>`, not sent to it.
fn printable(line: &str, col: usize) -> (String, usize) {
    let mut shown = String::new();
    let mut caret = None;
    for (index, c) in line.chars().enumerate() {
        if index + 1 == col {
            caret = Some(shown.chars().count());
        }
        if (c.is_control() && c != '\t') || compile::rules::is_bidi_control(c) {
            shown.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    // A column past the line's end (a finding at its end) stays past it.
    let caret = caret.unwrap_or_else(|| shown.chars().count() + col.saturating_sub(line.chars().count() + 1));
    (shown, caret)
}

/// `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax
/// requires.
fn github(d: &Diagnostic) -> String {
    let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let command = if d.level == Level::Error { "error" } else { "warning" };
    let title = d.rule.as_ref().map_or("firebreak", RuleId::name);
    format!(
        "::{command} file={},line={},col={},title={}::{}",
        property(&d.path),
        d.line,
        d.col,
        property(title),
        data(&d.message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_lines_show_controls_as_code_points_and_keep_the_caret_under_the_column() {
        assert_eq!(printable("rm /tmp/\u{202E}hs.doc", 9), ("rm /tmp/<U+202E>hs.doc".to_owned(), 8));
        assert_eq!(printable("\u{2066}a\u{1b}[31mb", 3), ("<U+2066>a<U+001B>[31mb".to_owned(), 9));
        assert_eq!(printable("\tab", 2), ("\tab".to_owned(), 1));
        assert_eq!(printable("ab", 4), ("ab".to_owned(), 3));
    }

    #[test]
    fn github_commands_escape_their_properties_and_data() {
        let d = Diagnostic::warning("a,b:c.md", 3, 4, "50% done\nnext").rule(RuleId::BlamelessLanguage);
        assert_eq!(github(&d), "::warning file=a%2Cb%3Ac.md,line=3,col=4,title=blameless-language::50%25 done%0Anext");
    }
}
