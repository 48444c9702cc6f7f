//! Baseline for `benches/register.sh`: parse every YAML file of a workspace
//! into `serde_yaml::Value` and nothing else — the floor `dpo check` is
//! compared against. Usage: `bare_parse DIR [REPEAT]`.

use std::path::Path;

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bare_parse DIR [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut files = Vec::new();
    yaml_files(Path::new(dir), &mut files);
    files.sort();
    let mut nodes = 0usize;
    for _ in 0..repeat {
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            match serde_yaml::from_str::<serde_yaml::Value>(&text) {
                Ok(v) => nodes += usize::from(!v.is_null()),
                Err(e) => {
                    eprintln!("{}: {e}", f.display());
                    std::process::exit(2);
                }
            }
        }
    }
    println!("parsed {} files ({nodes} documents)", files.len());
}
