//! CSV output, written with the `csv` crate (quoting, embedded newlines and
//! separators are its job, not ours).

use super::catalog::{Msg, Told};

/// Writing CSV failed.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.told())]
pub struct CsvError(#[from] csv::Error);

impl CsvError {
    /// What the error says, as a catalog message.
    pub fn told(&self) -> Told {
        Told::new(Msg::new("errors-csv"))
    }
}

crate::render::catalog::told_localize!(CsvError);

/// A CSV document: a header row then the rows, RFC 4180, UTF-8 with CRLF.
pub fn to_csv(headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, CsvError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(headers)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.into_inner().map_err(|e| CsvError(e.into_error().into()))
}
