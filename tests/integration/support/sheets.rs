//! An ODS or XLSX file read back by independent readers — Python's
//! `openpyxl` (XLSX) and `odfpy` (ODS) through `sheets.py` beside this file —
//! as plain values: sheet names, frozen rows, each cell's text, whether it
//! is typed as a date, and its mark (the fill of a « à compléter » or
//! « à confirmer » cell). `tests/run.sh` installs both readers.

use std::path::Path;
use std::process::Command;

use serde::Deserialize;

/// One cell as the reader saw it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Cell {
    /// Its text (a date `YYYY-MM-DD`); `None` when empty.
    pub(crate) v: Option<String>,
    /// Typed as a date (openpyxl `is_date`, ODF `office:value-type="date"`).
    pub(crate) date: bool,
    /// `missing` (orange, italic), `assumed` (pale yellow), or `None`;
    /// `missing-not-italic` when the fill is there without the italic.
    pub(crate) mark: Option<String>,
    /// Bold.
    pub(crate) bold: bool,
}

/// One sheet.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) frozen_rows: u32,
    /// The rows, the header first; trailing empty cells dropped.
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// A whole file.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Book {
    pub(crate) title: Option<String>,
    pub(crate) created: Option<String>,
    pub(crate) sheets: Vec<Sheet>,
}

impl Sheet {
    /// The header row's texts.
    pub(crate) fn headers(&self) -> Vec<String> {
        self.rows[0]
            .iter()
            .map(|c| c.v.clone().unwrap_or_default())
            .collect()
    }

    /// The cell of data row `row` (0: the first after the header) under
    /// the header `header`.
    pub(crate) fn at(&self, row: usize, header: &str) -> Cell {
        let col = self
            .headers()
            .iter()
            .position(|h| h == header)
            .unwrap_or_else(|| {
                panic!(
                    "no column `{header}` in {}: {:?}",
                    self.name,
                    self.headers()
                )
            });
        self.rows[row + 1].get(col).cloned().unwrap_or(Cell {
            v: None,
            date: false,
            mark: None,
            bold: false,
        })
    }

    /// Every data cell.
    pub(crate) fn cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().skip(1).flatten()
    }
}

impl Book {
    /// The sheet named `name`.
    pub(crate) fn sheet(&self, name: &str) -> &Sheet {
        self.sheets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no sheet `{name}`: {:?}", self.names()))
    }

    /// The sheet names, in order.
    pub(crate) fn names(&self) -> Vec<String> {
        self.sheets.iter().map(|s| s.name.clone()).collect()
    }
}

/// `path` (`.xlsx` or `.ods`) read back.
pub(crate) fn read(path: &Path) -> Book {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/support/sheets.py");
    let out = super::tools::run(Command::new("python3").arg(script).arg(path));
    assert!(
        out.success(),
        "sheets.py {}: {}",
        path.display(),
        out.stderr()
    );
    serde_json::from_str(&out.stdout_utf8()).expect("sheets.py prints JSON")
}
