//! `dpo register`: the register of the categories of processing (GDPR
//! Art. 30(2)) as PDF, Markdown, CSV, or a spreadsheet (ODS, XLSX: the
//! layout of [`crate::register::sheets`]).

use crate::render::catalog::{Msg, Told};
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{eprint_diagnostics, CliError, Settings};
use crate::model::Id;
use crate::register::{self, RegisterRequest};
use crate::render::{self, pdf::PdfMeta, Templates};
use crate::workspace::{self, WorkspaceError};

/// Output formats of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A paginated PDF with an embedded Unicode font.
    Pdf,
    /// Markdown (the same text as the PDF).
    Md,
    /// CSV: one row per category of processing per controller.
    Csv,
    /// OpenDocument spreadsheet: the processor, the controllers, one sheet
    /// per controller, the sub-processors, the security measures.
    Ods,
    /// Excel workbook, the same sheets as ODS.
    Xlsx,
}

impl Format {
    /// The name of a binary format and a file name for the hint, or `None`
    /// for a text format that may go to the terminal.
    fn binary(self) -> Option<(&'static str, &'static str)> {
        match self {
            Format::Pdf => Some(("PDF", "registre.pdf")),
            Format::Ods => Some(("ODS", "registre.ods")),
            Format::Xlsx => Some(("XLSX", "registre.xlsx")),
            Format::Md | Format::Csv => None,
        }
    }
}

impl From<crate::sheet::SheetError> for CliError {
    fn from(e: crate::sheet::SheetError) -> Self {
        CliError::Said(e.told())
    }
}

/// Refuses to write a binary `format` to a terminal (`file`: the hint's
/// example).
pub(super) fn refuse_on_terminal(
    format: &str,
    file: &str,
    output: Option<&std::path::Path>,
) -> Result<(), CliError> {
    if output.is_none() && std::io::stdout().is_terminal() {
        let said = if format == "PDF" {
            Msg::new("errors-pdf-on-terminal")
        } else {
            Msg::new("sheets-on-terminal").arg("format", format)
        };
        return Err(CliError::Said(
            Told::new(said).hint(Msg::new("errors-pdf-on-terminal-hint").arg("file", file)),
        ));
    }
    Ok(())
}

/// Options of `dpo register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: Format,
    /// Only this controller (repeatable; default: all).
    #[arg(long, value_name = "ID")]
    pub controller: Vec<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub(super) fn run(settings: &Settings, args: &RegisterArgs) -> Result<i32, CliError> {
    if let Some((format, file)) = args.format.binary() {
        refuse_on_terminal(format, file, args.output.as_deref())?;
    }
    let ids = args
        .controller
        .iter()
        .map(|s| Id::new(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CliError::option("--controller", e.told()))?;
    let ws = settings.load()?;
    let clock = settings.clock(ws.tz)?;
    let diags = workspace::validate(&ws, clock.now().with_timezone(&ws.tz).date_naive());
    if diags.iter().any(|d| d.is_error()) {
        return Err(WorkspaceError::Invalid {
            root: ws.root.clone(),
            diagnostics: diags,
        }
        .into());
    }
    let warnings = diags.len();
    let lang = settings.lang(Some(&ws));
    let templates = Templates::new(lang)?;
    let req = RegisterRequest {
        controllers: (!ids.is_empty()).then_some(ids),
        now: clock.now(),
    };
    let reg = register::build(&ws, &req)?;
    let strings = templates.strings();
    let bytes = match args.format {
        Format::Md => templates.render("register.md", &reg)?.into_bytes(),
        Format::Pdf => {
            let md = templates.render("register.md", &reg)?;
            let title = format!("{} — {}", strings.get("register_title"), ws.processor.name);
            let footer = strings
                .get("register_footer")
                .replace("{processor}", ws.processor.display_name());
            let created = crate::time::in_tz(clock.now(), ws.tz);
            let meta = PdfMeta::new(&templates, title, &ws.processor.name, created, footer);
            render::pdf::markdown_to_pdf(&md, &meta)?
        }
        Format::Csv => {
            let rows = register::csv_rows(
                &reg,
                register::CsvLabels {
                    todo: strings.get("todo"),
                    none: strings.get("none"),
                    to_confirm: strings.get("to_confirm"),
                },
            );
            render::csv::to_csv(&strings.list("csv_headers"), &rows)?
        }
        Format::Ods => {
            crate::sheet::ods::write(&register::sheets::workbook(&reg, strings, clock.now()))?
        }
        Format::Xlsx => {
            let wb = register::sheets::workbook(&reg, strings, clock.now());
            say_cut(settings, &wb);
            crate::sheet::xlsx::write(&wb)?
        }
    };
    super::write_output(settings, args.output.as_deref(), &bytes)?;
    if args.output.is_some() && !reg.edition.recorded {
        // A new edition issued to a file is recorded, so that its number
        // and date stay what this document says.
        let recorded = settings.act(ws.tz).and_then(|act| {
            let lock = ws.lock()?;
            ws.journal()
                .append_text(
                    &lock,
                    &act,
                    (register::ISSUE_ACTION, "register"),
                    &reg.content_sha256,
                )
                .map_err(CliError::from)
        });
        if let Err(e) = recorded {
            // Why, in the run's language, on the note's one line.
            use crate::render::catalog::Localize;
            let strings = settings.strings();
            let why = e.message(&strings);
            // Its lines on one, parted as each language parts clauses.
            let sep = match strings.lang() {
                crate::model::Lang::Fr => "\u{202f}; ",
                crate::model::Lang::En => "; ",
            };
            let why = why
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(sep);
            let n = reg.edition.number;
            warn_say!(
                settings.strings(),
                "register-edition-not-recorded",
                n = n,
                why = why
            );
        }
    }
    if warnings > 0 {
        if settings.verbose {
            eprint_diagnostics(settings, &diags);
        }
        // The values marked as assumptions are not missing: say them apart.
        let assumed = diags
            .iter()
            .filter(|d| d.field.contains("to_confirm["))
            .count();
        let (missing, todo, to_confirm) = (
            warnings - assumed,
            strings.get("todo"),
            strings.get("to_confirm"),
        );
        warn_say!(
            strings,
            "register-gaps",
            missing = missing,
            todo = todo,
            assumed = assumed,
            to_confirm = to_confirm
        );
    }
    Ok(0)
}

/// Says each cell of `wb` that the XLSX file holds cut (a text longer than
/// an XLSX cell holds): its sheet, row, column and header, and its length.
pub(super) fn say_cut(settings: &Settings, wb: &crate::sheet::Workbook) {
    let s = settings.strings();
    for (sheet, row, col, header, chars) in crate::sheet::xlsx::cut_cells(wb) {
        warn_say!(
            s,
            "sheets-f14b-cut",
            sheet = sheet,
            row = row,
            column = crate::sheet::read::column_letters(col),
            header = header,
            chars = chars,
            max = crate::sheet::xlsx::MAX_CHARS,
            mark = crate::sheet::xlsx::CUT_MARK.trim(),
        );
    }
}
