//! `dpo timestamp`: RFC 3161 time-stamps of files by a time-stamping
//! authority (`DPO_TSA_URL`), taken back from elsewhere (`--import`), and
//! checked (`verify`) up to a trusted CA (`keys/tsa/*.pem`, `DPO_TSA_CA`).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use super::stamp_times::warn_gap;
use super::EXIT_FINDING;
use super::{print_json, CliError, Settings};
use crate::render::catalog::Msg;
use crate::render::words;
use crate::timestamp::{
    self, issue, keep, response::Response, tsq_path, tsr_path, verify, Request, Stamp,
    TimestampError,
};
use crate::workspace::{Act, Workspace};

/// Options of `dpo timestamp`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TimestampArgs {
    /// `verify`.
    #[command(subcommand)]
    pub action: Option<TimestampAction>,
    /// Files to time-stamp: writes FILE.tsq, and FILE.tsr when DPO_TSA_URL is set.
    /// A file whose FILE.tsr verifies is refused: a proof is never replaced.
    #[arg(required_unless_present_any = ["import", "pending"], conflicts_with = "import")]
    pub files: Vec<PathBuf>,
    /// Take back a response got elsewhere (FILE.tsr, beside FILE and FILE.tsq);
    /// one that does not verify is moved to FILE.tsr.refused.
    #[arg(long, value_name = "FILE.tsr")]
    pub import: Vec<PathBuf>,
    /// Time-stamp again every file of the workspace whose .tsq has no .tsr yet.
    #[arg(long, conflicts_with_all = ["files", "import"])]
    pub pending: bool,
}

/// `dpo timestamp verify`.
#[derive(Debug, Subcommand)]
pub enum TimestampAction {
    /// Check FILE.tsr: imprint, nonce, signature, TSA certificate, trusted CA.
    Verify(VerifyArgs),
}

/// Options of `dpo timestamp verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The time-stamped file (FILE.tsq and FILE.tsr beside it).
    pub file: PathBuf,
}

pub(super) fn run(settings: &Settings, args: &TimestampArgs) -> Result<i32, CliError> {
    if let Some(TimestampAction::Verify(v)) = &args.action {
        return run_verify(settings, &v.file);
    }
    if args.pending {
        return pending(settings);
    }
    for tsr in &args.import {
        import(settings, tsr)?;
    }
    for file in &args.files {
        issue(settings, file)?;
    }
    Ok(0)
}

/// The workspace, when there is one, and the act when `file` is in it.
fn place(settings: &Settings, file: &Path) -> Result<Option<(Workspace, Act)>, CliError> {
    let Ok(ws) = settings.load() else {
        return Ok(None);
    };
    if keep::in_workspace(&ws.root, file).is_none() {
        return Ok(None);
    }
    let act = settings.act(ws.tz)?;
    Ok(Some((ws, act)))
}

fn refused(path: &Path, refusal: timestamp::Refusal) -> CliError {
    CliError::Timestamp(TimestampError::Refused {
        path: path.to_path_buf(),
        refusal,
    })
}

/// Reads a `.tsr` given to `--import`: a refusal of the authority is a
/// refusal (exit 1), and so is a DER structure that does not read as a
/// response (a response changed on its way); what is not DER at all (a
/// text, an HTML error page) is bad input (exit 2).
fn read_response(path: &Path, bytes: &[u8]) -> Result<Response, CliError> {
    use der::{Decode, Tagged};
    Response::read(bytes).map_err(|e| match e {
        Ok(refusal) => refused(path, refusal),
        Err(why) if der::Any::from_der(bytes).is_ok_and(|a| a.tag() == der::Tag::Sequence) => {
            refused(path, timestamp::Refusal::Unreadable(why))
        }
        Err(why) => CliError::Timestamp(TimestampError::NotResponse {
            path: path.to_path_buf(),
            why,
        }),
    })
}

fn read_request(path: &Path) -> Result<Request, CliError> {
    Request::from_der(&timestamp::read(path)?).map_err(|why| {
        CliError::Timestamp(TimestampError::NotRequest {
            path: path.to_path_buf(),
            why,
        })
    })
}

/// `dpo timestamp FILE`: the request, sent when a URL is set.
fn issue(settings: &Settings, file: &Path) -> Result<(), CliError> {
    let place = place(settings, file)?;
    let ws = place.as_ref().map(|(w, a)| (w, a));
    let url = settings.tsa_url.as_deref();
    let (tsq_file, tsr_file) = (tsq_path(file), tsr_path(file));
    let cas = trusted(settings)?;
    let stamped = issue::stamp_file(ws, url, &cas, file).inspect_err(|e| {
        // The authority's answer that does not verify, kept aside.
        if let TimestampError::Refused { path, .. } = e {
            let aside = path.display().to_string();
            errln!(
                "{}",
                tr!(settings.strings(), "timestamp-set-aside", file = aside)
            );
        }
    })?;
    if let Some(stamp) = stamped {
        return say_stamped(settings, &tsr_file, &stamp, ws.map(|(w, _)| w));
    }
    let s = settings.strings();
    let q = |p: &Path| crate::workspace::git::shell_quoted(&p.display().to_string());
    let command = format!(
        "curl -sS -H 'Content-Type: application/timestamp-query' --data-binary @{} -o {} URL",
        q(&tsq_file),
        q(&tsr_file)
    );
    say!(
        s,
        "timestamp-wrote-tsq",
        file = tsq_file.display().to_string()
    )?;
    say!(s, "timestamp-next-curl", command = command)?;
    say!(
        s,
        "timestamp-next-import",
        command = format!("dpo timestamp --import {}", q(&tsr_file))
    )?;
    Ok(())
}

/// `dpo timestamp --pending`: every file of the workspace whose `.tsq` has
/// no `.tsr` yet, time-stamped again (a new request).
fn pending(settings: &Settings) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let cas = issue::trusted_in(&ws)?;
    let waiting = issue::waiting(&ws.root, &cas);
    let s = settings.strings();
    if waiting.is_empty() {
        say!(s, "timestamp-none-waiting")?;
        return Ok(0);
    }
    let Some(url) = settings.tsa_url.as_deref() else {
        return Err(CliError::Said(
            Msg::new("timestamp-pending-no-url")
                .arg("count", waiting.len())
                .into(),
        ));
    };
    let act = settings.act(ws.tz)?;
    let (mut failed, mut kept) = (0, 0);
    for file in &waiting {
        match issue::stamp_file(Some((&ws, &act)), Some(url), &cas, file) {
            Ok(Some(stamp)) => {
                kept += 1;
                say_stamped(settings, &tsr_path(file), &stamp, Some(&ws))?;
            }
            Ok(None) => {}
            Err(e) => {
                failed += 1;
                errln!("{}", e.told().say(&s));
            }
        }
    }
    // Its own writes are journaled: the journal head after them, dated too.
    if kept > 0 {
        stamp_then_head(settings, &ws, &[]);
    }
    Ok(if failed > 0 { EXIT_FINDING } else { 0 })
}

/// The evidence a workflow just wrote, and then the journal head,
/// time-stamped when `DPO_TSA_URL` is set; a failure is said, never
/// returned: the evidence stays, waiting (`dpo timestamp --pending`).
pub(super) fn auto(settings: &Settings, ws: &Workspace, files: &[PathBuf]) {
    if !files.is_empty() {
        stamp_then_head(settings, ws, files);
    }
}

/// [`auto`], `files` possibly none: the journal head alone.
fn stamp_then_head(settings: &Settings, ws: &Workspace, files: &[PathBuf]) {
    let Some(url) = settings.tsa_url.as_deref() else {
        return;
    };
    let Ok(act) = settings.act(ws.tz) else {
        return;
    };
    let s = settings.strings();
    for (file, result) in issue::auto(ws, &act, url, files) {
        let shown = file
            .strip_prefix(&ws.root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let line = match result {
            Ok(stamp) => tr!(
                s,
                "timestamp-auto-done",
                file = shown,
                local = words::show_seconds_in(stamp.gen_time, ws.tz),
                utc = words::show_utc_seconds(stamp.gen_time)
            ),
            Err(e) => tr!(
                s,
                "timestamp-auto-waiting",
                file = shown,
                why = e.told().say(&s)
            ),
        };
        // Beside JSON on stdout, the lines go to stderr.
        if settings.json {
            errln!("{line}");
        } else {
            let _ = outln!("{line}");
        }
    }
}

/// The time-stamps of kept files (`FILE.tsq`, `FILE.tsr`) copied beside
/// their copies (`-o`), so that what is handed over carries its date; a
/// failure is said, never returned (the kept files stay); the files
/// copied.
pub(super) fn copy_beside(settings: &Settings, pairs: &[(&PathBuf, &PathBuf)]) -> Vec<PathBuf> {
    let s = settings.strings();
    let mut copied = Vec::new();
    for (kept, copy) in pairs {
        for (from, to) in [
            (tsq_path(kept), tsq_path(copy)),
            (tsr_path(kept), tsr_path(copy)),
        ] {
            let Ok(bytes) = std::fs::read(&from) else {
                continue;
            };
            match crate::workspace::write_atomic(&to, &bytes) {
                Ok(()) => copied.push(to),
                Err(e) => errln!("{}", e.told().say(&s)),
            }
        }
    }
    copied
}

/// `dpo timestamp --import FILE.tsr`.
fn import(settings: &Settings, tsr_file: &Path) -> Result<(), CliError> {
    let Some(file) = timestamp::stamped_file(tsr_file, "tsr") else {
        return Err(TimestampError::NotResponse {
            path: tsr_file.to_path_buf(),
            why: "the name does not end in .tsr".into(),
        }
        .into());
    };
    let tsr = timestamp::read(tsr_file)?;
    let req = checked_request(&file)?;
    let cas = trusted(settings)?;
    let checked = read_response(tsr_file, &tsr)
        .and_then(|resp| verify::verify(&resp, &req, &cas).map_err(|r| refused(tsr_file, r)));
    let stamp = match checked {
        Ok(stamp) => stamp,
        Err(e) => {
            // Never left as FILE.tsr: it would count as a time-stamp.
            let aside = keep::set_aside(tsr_file)?;
            errln!(
                "{}",
                tr!(
                    settings.strings(),
                    "timestamp-set-aside",
                    file = aside.display().to_string()
                )
            );
            return Err(e);
        }
    };
    let place = place(settings, &file)?;
    let ws = place.as_ref().map(|(w, a)| (w, a));
    keep::keep(
        ws,
        "timestamp.response",
        &file,
        &[(tsr_file.to_path_buf(), tsr)],
    )?;
    say_stamped(settings, tsr_file, &stamp, ws.map(|(w, _)| w))
}

/// The request of `file` (`FILE.tsq`), refused when it is not for `file`.
fn checked_request(file: &Path) -> Result<Request, CliError> {
    let imprint = timestamp::sha256(&timestamp::read(file)?);
    let tsq_file = tsq_path(file);
    let req = read_request(&tsq_file)?;
    if req.imprint != imprint {
        return Err(refused(&tsq_file, timestamp::Refusal::OtherFile));
    }
    Ok(req)
}

fn say_stamped(
    settings: &Settings,
    tsr_file: &Path,
    stamp: &Stamp,
    ws: Option<&Workspace>,
) -> Result<(), CliError> {
    let s = settings.strings();
    let tz = ws.map(|w| w.tz).unwrap_or(crate::time::DEFAULT_TZ);
    say!(
        s,
        "timestamp-kept",
        file = tsr_file.display().to_string(),
        local = words::show_seconds_in(stamp.gen_time, tz),
        utc = words::show_utc_seconds(stamp.gen_time)
    )?;
    Ok(())
}

/// The trusted CA certificates: `DPO_TSA_CA`, else `keys/tsa/*.pem`.
fn trusted(settings: &Settings) -> Result<Vec<x509_cert::Certificate>, CliError> {
    Ok(verify::trusted(
        settings.root(),
        settings.tsa_ca.as_deref(),
    )?)
}

#[derive(Serialize)]
struct VerifyReport<'a> {
    file: String,
    tsr: String,
    verified: bool,
    /// False when the request had no nonce (nothing to compare).
    nonce_checked: bool,
    #[serde(flatten)]
    stamp: &'a Stamp,
}

/// `dpo timestamp verify FILE`.
fn run_verify(settings: &Settings, file: &Path) -> Result<i32, CliError> {
    let tsr_file = tsr_path(file);
    let cas = trusted(settings)?;
    let stamp = issue::check_kept(file, &cas)?;
    // A request made without a nonce (`openssl ts -query -no_nonce`): there
    // was none to check.
    let nonce_checked = !read_request(&tsq_path(file))?.nonce.is_empty();
    if settings.json {
        print_json(&VerifyReport {
            file: file.display().to_string(),
            tsr: tsr_file.display().to_string(),
            verified: true,
            nonce_checked,
            stamp: &stamp,
        })?;
        return Ok(0);
    }
    let tz = settings
        .load()
        .map(|w| w.tz)
        .unwrap_or(crate::time::DEFAULT_TZ);
    let s = settings.strings();
    let tsr_shown = tsr_file.display().to_string();
    if nonce_checked {
        say!(s, "timestamp-verified", file = tsr_shown)?;
    } else {
        say!(s, "timestamp-verified-no-nonce", file = tsr_shown)?;
    }
    say!(
        s,
        "timestamp-verified-time",
        local = words::show_seconds_in(stamp.gen_time, tz),
        utc = words::show_utc_seconds(stamp.gen_time)
    )?;
    say!(s, "timestamp-verified-tsa", tsa = stamp.tsa.as_str())?;
    say!(
        s,
        "timestamp-verified-serial",
        serial = stamp.serial.as_str()
    )?;
    // The processor's clock when it made the request, against the authority's.
    if let Some(asked) = settings
        .load()
        .ok()
        .and_then(|ws| timestamp::requested_at(&ws, file))
    {
        let shown = file.display().to_string();
        warn_gap(settings, tz, &shown, asked, stamp.gen_time);
    }
    Ok(0)
}
