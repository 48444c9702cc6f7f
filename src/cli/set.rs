//! `dpo breach set`, `dpo request set`, `dpo fate set`: one field of a
//! record set from the command line and journaled, through the one
//! generic path-set of the store ([`crate::workspace::store::set_record`]).

use clap::Args;

use super::{print_json, CliError, Settings};
use crate::workspace::kinds::FileKind;
use crate::workspace::store::{self, FieldSet, FieldValue};
use crate::workspace::Workspace;

/// A field and its new value.
#[derive(Debug, Args)]
pub struct FieldArgs {
    /// The field: keys joined by dots, list entries by index, e.g.
    /// `nature.description`, `subject_categories`, `decision.reference`.
    pub field: String,
    /// The new value, as text; read as YAML when the field does not take text
    /// (a number, a date, a list in flow syntax `[a, b]`, a mapping `{k: v}`).
    pub value: String,
    /// Read the value as YAML only (`--yaml null` empties a field).
    #[arg(long)]
    pub yaml: bool,
}

impl FieldArgs {
    /// The field at `path` in the file, with this value.
    pub fn at<'a>(&'a self, path: &'a str) -> FieldValue<'a> {
        FieldValue {
            field: path,
            shown: &self.field,
            item: None,
            value: &self.value,
            yaml: self.yaml,
        }
    }
}

/// Options of `dpo breach set` and `dpo request set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The record, e.g. `2021-001`.
    pub id: String,
    /// The field and its value.
    #[command(flatten)]
    pub field: FieldArgs,
}

/// `dpo <kind> set`: sets `field` of the record `id` of `kind`, as its
/// kind allows ([`store::Settable`]), and prints it.
pub(super) fn run<T: store::Settable>(
    settings: &Settings,
    ws: &Workspace,
    (kind, id): (&FileKind, &str),
    field: FieldValue<'_>,
) -> Result<i32, CliError> {
    let act = settings.act(ws.tz)?;
    let set = store::set_record::<T>(ws, &act, kind, id, field)?;
    print(settings, &set).map(|()| 0)
}

/// Prints what was set.
fn print(settings: &Settings, set: &FieldSet) -> Result<(), CliError> {
    if settings.json {
        return print_json(set);
    }
    let s = settings.strings();
    say!(
        s,
        "set-done",
        file = set.file.as_str(),
        field = set.field.as_str(),
        seq = set.journal_seq
    )?;
    if !set.comments_kept {
        say!(s, "set-comments-lost")?;
    }
    Ok(())
}
