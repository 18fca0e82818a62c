//! `fuzz-seeds TARGET DIR`: writes TARGET's seed corpus into DIR, one file per seed, for
//! `afl-fuzz -i DIR`. Seeds are cut to their first 16 KiB (at a line end): AFL++ mutates
//! small inputs far faster, and the example repo's exports run to hundreds of kilobytes.

use std::path::Path;
use std::process::ExitCode;

const MAX_SEED_BYTES: usize = 16 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, dir] = args.as_slice() else {
        eprintln!("usage: fuzz-seeds TARGET DIR (targets: {})", names());
        return ExitCode::FAILURE;
    };
    let Some(target) = firebreak_fuzz::TARGETS.iter().find(|t| t.name == name) else {
        eprintln!("no target `{name}`; targets: {}", names());
        return ExitCode::FAILURE;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match write(target, &root, Path::new(dir)) {
        Ok(count) => {
            println!("{count} seeds for {name} in {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the seeds of {name} to {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn names() -> String {
    firebreak_fuzz::TARGETS.iter().map(|t| t.name).collect::<Vec<_>>().join(", ")
}

fn write(target: &firebreak_fuzz::Target, root: &Path, dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let seeds = firebreak_fuzz::seeds(target, root)?;
    for seed in &seeds {
        std::fs::write(dir.join(seed.path.replace('/', "_")), cut(&seed.bytes))?;
    }
    Ok(seeds.len())
}

fn cut(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= MAX_SEED_BYTES {
        return bytes;
    }
    let end = bytes[..MAX_SEED_BYTES].iter().rposition(|b| *b == b'\n').map_or(MAX_SEED_BYTES, |i| i + 1);
    &bytes[..end]
}
