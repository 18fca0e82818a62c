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
            eprintln!(" {} {line}", paint("2", &format!("{number} |")));
            eprintln!(
                " {} {}{}",
                paint("2", &format!("{gutter} |")),
                " ".repeat(d.col.saturating_sub(1)),
                paint("1;36", "^")
            );
        }
    }
    let errors = diagnostics.iter().filter(|d| d.level == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        eprintln!("{errors} error(s), {warnings} warning(s)");
    }
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
    fn github_commands_escape_their_properties_and_data() {
        let d = Diagnostic::warning("a,b:c.md", 3, 4, "50% done\nnext").rule(RuleId::BlamelessLanguage);
        assert_eq!(github(&d), "::warning file=a%2Cb%3Ac.md,line=3,col=4,title=blameless-language::50%25 done%0Anext");
    }
}
