use std::path::PathBuf;

use super::Source;
use super::output::{Format, print_diagnostics};
use compile::{PublicUrl, load_and_check, write_bundle};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// Directory to write the app's data into (replaced on each build)
    #[arg(long, default_value = "target/site/data")]
    out: PathBuf,
    /// Where the site is served: `/pr-123/` for a preview under a sub-path (trunk's
    /// `--public-url` reaches its pre-build hook as TRUNK_PUBLIC_URL)
    #[arg(long, env = "TRUNK_PUBLIC_URL", default_value = "/")]
    public_url: String,
}

pub fn run(args: Args) -> Result<i32, String> {
    let public_url =
        PublicUrl::parse(&args.public_url, "from --public-url, or trunk's --public-url as TRUNK_PUBLIC_URL")?;
    let (repo, diagnostics) = load_and_check(&args.source.source, args.source.today());
    print_diagnostics(&diagnostics, Format::Human);
    // An error that keeps content out stops the build: a site silently missing a postmortem
    // is worse than none. Findings about content that is still shown (an invalid action
    // item, a dead link) do not, so a PR preview renders while `check` fails.
    if diagnostics.blocks_build() {
        eprintln!("build stopped: fix the errors above (`firebreak check` lists them too)");
        return Ok(1);
    }
    let site =
        write_bundle(&repo, &args.out, &public_url).map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    eprintln!(
        "built {} postmortem(s), {} runbook(s), {} deployment(s) into {}",
        site.postmortems.len(),
        site.runbooks.len(),
        site.deploys.len(),
        args.out.display()
    );
    Ok(0)
}
