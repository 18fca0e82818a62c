//! `firebreak search`: the site's search from a terminal, over the very index the compiler
//! writes (built in memory) and with the same ranking.

use std::collections::HashMap;

use serde::Serialize;

use super::Source;
use super::output::{Format, print_diagnostics};
use compile::load_and_check;
use search::{self, Facet, Index, MANIFEST_FILE, Query};
use views::paths;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    source: Source,
    /// What to look for, as typed into the site's search box
    query: String,
    /// Only results with this facet value, as `facet=value` (kind, severity, service, team,
    /// tag, year, status); repeat to narrow further
    #[arg(long = "filter", value_name = "FACET=VALUE", value_parser = parse_filter)]
    filters: Vec<(Facet, String)>,
    /// How many results to print
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Print JSON: the results with their sections and snippets, and the facet counts
    #[arg(long)]
    json: bool,
}

fn parse_filter(text: &str) -> Result<(Facet, String), String> {
    let (key, value) = text.split_once('=').ok_or_else(|| format!("`{text}` is not FACET=VALUE"))?;
    let facet = Facet::parse(key.trim()).ok_or_else(|| {
        let known: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
        format!("`{key}` is not a facet; use one of {}", known.join(", "))
    })?;
    Ok((facet, value.trim().to_owned()))
}

#[derive(Serialize)]
struct Output {
    query: String,
    total: usize,
    unmatched: Vec<String>,
    results: Vec<ResultRow>,
    facets: Vec<FacetRow>,
}

#[derive(Serialize)]
struct ResultRow {
    kind: &'static str,
    title: String,
    /// The page and, when a section matched, `?section=<anchor>`, as the site links it.
    url: String,
    section: Option<String>,
    score: f32,
    snippet: String,
}

#[derive(Serialize)]
struct FacetRow {
    facet: &'static str,
    value: String,
    count: usize,
    selected: bool,
}

pub fn run(args: Args) -> Result<i32, String> {
    let (repo, diagnostics) = load_and_check(&args.source.source, args.source.today());
    if diagnostics.blocks_build() {
        print_diagnostics(&diagnostics, Format::Human);
        return Ok(1);
    }
    let files: HashMap<String, Vec<u8>> = search::build(&search::documents(&repo)).into_iter().collect();
    let load = |name: &str| files.get(name).cloned().ok_or_else(|| format!("the index has no {name}"));
    let mut index = Index::open(&load(MANIFEST_FILE)?)?;
    let mut query = Query::new(&args.query);
    for (facet, value) in &args.filters {
        query = query.with(*facet, value);
    }
    // A finished query: the last word is not completed as it is while typing in the site.
    query.text.push(' ');
    let results = index.search_loading(&query, load)?;
    let mut rows = Vec::new();
    for hit in results.hits.iter().take(args.limit) {
        let name = search::format::fragment_file(hit.doc);
        index.add(&name, load(&name)?)?;
        let shown = index.shown(hit, &results.matched).ok_or("a result without its document")?;
        rows.push(ResultRow {
            kind: shown.kind.label(),
            url: shown.anchor.map_or_else(|| shown.path.clone(), |a| paths::section(&shown.path, &a)),
            title: shown.title,
            section: shown.section,
            score: hit.score,
            snippet: shown.snippet.bracketed(),
        });
    }
    let output = Output {
        query: args.query.clone(),
        total: results.hits.len(),
        unmatched: results.unmatched,
        results: rows,
        facets: results
            .facets
            .into_iter()
            .map(|f| FacetRow { facet: f.facet.key(), value: f.value, count: f.count, selected: f.selected })
            .collect(),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?);
    } else {
        print_human(&output);
    }
    Ok(0)
}

fn print_human(output: &Output) {
    if !output.unmatched.is_empty() {
        println!("Not found anywhere: {}", output.unmatched.join(", "));
    }
    println!("{} result(s) for `{}`", output.total, output.query);
    for (n, row) in output.results.iter().enumerate() {
        let section = row.section.as_deref().map(|s| format!(" › {s}")).unwrap_or_default();
        println!("\n{}. {}{section}  [{}]\n   {}\n   {}", n + 1, row.title, row.kind, row.url, row.snippet);
    }
}
