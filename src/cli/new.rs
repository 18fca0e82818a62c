use chrono::{Days, NaiveDate};
use std::path::{Path, PathBuf};

use super::Source;
use super::output::{Format, print_diagnostics};
use ingest::{load_config, slug};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    kind: Kind,
}

#[derive(clap::Subcommand)]
enum Kind {
    /// postmortems/<date>-<slug>.md from the blameless template
    Postmortem {
        title: String,
        #[command(flatten)]
        source: Source,
    },
    /// content/runbooks/<slug>.md from the runbook template
    Runbook {
        title: String,
        #[command(flatten)]
        source: Source,
    },
    /// content/drills/<date>-<slug>.md from the drill template (a planned game day)
    Drill {
        title: String,
        #[command(flatten)]
        source: Source,
    },
}

const POSTMORTEM: &str = include_str!("templates/postmortem.md");
const RUNBOOK: &str = include_str!("templates/runbook.md");
const DRILL: &str = include_str!("templates/drill.md");

/// Action items are due two weeks out by default, the SEV1 policy most teams start from.
const DEFAULT_DUE_DAYS: u64 = 14;

pub fn run(args: Args) -> Result<i32, String> {
    let (Kind::Postmortem { source, .. } | Kind::Runbook { source, .. } | Kind::Drill { source, .. }) = &args.kind;
    let today = source.today();
    let (source, title, dir, name, template) = match &args.kind {
        Kind::Postmortem { title, source } => {
            let config = config(&source.source)?;
            (source, title, config.paths.postmortems, format!("{today}-{}", slug(title)), POSTMORTEM)
        }
        Kind::Runbook { title, source } => {
            let config = config(&source.source)?;
            (source, title, config.paths.runbooks, slug(title), RUNBOOK)
        }
        Kind::Drill { title, source } => {
            let config = config(&source.source)?;
            (source, title, config.paths.drills, format!("{today}-{}", slug(title)), DRILL)
        }
    };
    if slug(title).is_empty() {
        return Err("the title needs at least one letter or digit".into());
    }
    let path: PathBuf = source.source.join(dir).join(format!("{name}.md"));
    if path.exists() {
        return Err(format!("{} already exists; choose another title", path.display()));
    }
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
    std::fs::write(&path, fill(template, title, today)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("{}", path.display());
    Ok(0)
}

fn config(root: &Path) -> Result<model::Config, String> {
    load_config(root).map_err(|d| {
        print_diagnostics(&d, Format::Human);
        "fix firebreak.toml first".to_owned()
    })
}

fn fill(template: &str, title: &str, today: NaiveDate) -> String {
    let due = today + Days::new(DEFAULT_DUE_DAYS);
    // The title goes inside a double-quoted YAML string.
    let quoted = title.replace('\\', "\\\\").replace('"', "\\\"");
    template.replace("{{title}}", &quoted).replace("{{date}}", &today.to_string()).replace("{{due}}", &due.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_quotes_stay_valid_yaml() {
        let text = fill(POSTMORTEM, r#"The "cache" \ incident"#, NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
        assert!(text.contains(r#"title: "The \"cache\" \\ incident""#));
        assert!(text.contains("| 2026-01-16 | Pending |"));
    }
}
