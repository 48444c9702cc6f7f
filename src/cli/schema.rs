//! `dpo schema -o DIR`: a JSON Schema for each kind of YAML file
//! ([`kinds::FILE_KINDS`]), so an editor's YAML extension completes and
//! checks the files.

use std::path::PathBuf;

use clap::Args;

use super::CliError;
use crate::workspace::kinds;

/// Options of `dpo schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Folder to write the schemas to.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
}

pub(super) fn run(args: &SchemaArgs) -> Result<i32, CliError> {
    for kind in kinds::FILE_KINDS {
        let (name, schema) = (kind.schema_file(), (kind.schema)());
        let path = args.output.join(name);
        let mut text = serde_json::to_string_pretty(&schema).map_err(|e| CliError::Output {
            path: path.clone(),
            source: Box::new(e),
        })?;
        text.push('\n');
        super::write_file(&path, text.as_bytes())?;
        outln!("{}", path.display())?;
    }
    Ok(0)
}
