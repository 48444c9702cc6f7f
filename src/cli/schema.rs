//! `dpo schema -o DIR`: a JSON Schema for each kind of YAML file, so an
//! editor's YAML extension completes and checks the files.

use std::path::PathBuf;

use clap::Args;

use super::CliError;
use crate::model::{
    Breach, Controller, FateFile, Instruction, People, Processor, Request, SecurityMeasures,
    SubProcessors,
};
use crate::workspace;

/// Options of `dpo schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Folder to write the schemas to.
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: PathBuf,
}

pub(super) fn run(args: &SchemaArgs) -> Result<i32, CliError> {
    let schemas = [
        ("processor.schema.json", schemars::schema_for!(Processor)),
        ("controller.schema.json", schemars::schema_for!(Controller)),
        (
            "subprocessors.schema.json",
            schemars::schema_for!(SubProcessors),
        ),
        (
            "security-measures.schema.json",
            schemars::schema_for!(SecurityMeasures),
        ),
        ("people.schema.json", schemars::schema_for!(People)),
        ("breach.schema.json", schemars::schema_for!(Breach)),
        ("fate.schema.json", schemars::schema_for!(FateFile)),
        ("request.schema.json", schemars::schema_for!(Request)),
        (
            "instruction.schema.json",
            schemars::schema_for!(Instruction),
        ),
        (
            "subprocessor-notice.schema.json",
            schemars::schema_for!(crate::annex1::subprocessor::SubProcessorNotice),
        ),
    ];
    for (name, schema) in schemas {
        let path = args.output.join(name);
        let mut text = serde_json::to_string_pretty(&schema).map_err(|e| CliError::Output {
            path: path.clone(),
            source: Box::new(e),
        })?;
        text.push('\n');
        workspace::write_atomic(&path, text.as_bytes()).map_err(|e| CliError::Output {
            path: path.clone(),
            source: Box::new(e),
        })?;
        outln!("{}", path.display());
    }
    Ok(0)
}
