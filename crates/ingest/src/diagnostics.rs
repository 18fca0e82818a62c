//! Problems found in a repo, each pinned to `path:line:col`.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::rule_ids::RuleId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

/// One finding. `line` and `col` are 1-based, as editors and GitHub annotations expect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub level: Level,
    pub message: String,
    /// The rule that found a problem in content that is still published (an invalid action
    /// item is shown marked invalid). `None` for problems that keep content out of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
}

impl Diagnostic {
    pub fn new(level: Level, path: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), line, col, level, message: message.into(), rule: None }
    }

    /// Marks this as a finding of `rule` about content that is kept and published anyway.
    pub fn rule(mut self, rule: RuleId) -> Self {
        self.rule = Some(rule);
        self
    }

    /// An error that means some content could not be read: building would lose it.
    pub fn blocks_build(&self) -> bool {
        self.level == Level::Error && self.rule.is_none()
    }

    pub fn error(path: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Error, path, line, col, message)
    }

    pub fn warning(path: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Warning, path, line, col, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}: {}", self.path, self.line, self.col, self.level, self.message)?;
        match &self.rule {
            Some(rule) => write!(f, " [{rule}]"),
            None => Ok(()),
        }
    }
}

/// Every diagnostic of a run, so one bad file never hides the problems of another.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.level == Level::Error)
    }

    /// Whether any error means content could not be read (see [`Diagnostic::blocks_build`]).
    pub fn blocks_build(&self) -> bool {
        self.0.iter().any(Diagnostic::blocks_build)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.level == Level::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.iter().filter(|d| d.level == Level::Warning).count()
    }

    /// Keeps the diagnostics `f` returns, changed as it likes.
    pub fn retain_map(&mut self, f: impl FnMut(Diagnostic) -> Option<Diagnostic>) {
        self.0 = std::mem::take(&mut self.0).into_iter().filter_map(f).collect();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorted by file, then position, so output is stable across runs and platforms.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}
