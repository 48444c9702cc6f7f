//! `dpo fate verify-bag DIR`: the two verdicts of [`fate::verify_bag`] said
//! in the run's language — the bag's (complete and valid, valid but with
//! files still to fetch, or every problem by file; then the warnings) and
//! its signature's — and what they mean together: exit 0 only when both
//! hold, or the bag's alone with `--unsigned-ok` for a bag `dpo` did not make.

use super::args::VerifyBagArgs;
use crate::cli::{print_json, CliError, Settings, EXIT_FINDING};
use crate::fate;
use crate::render::catalog::{Localize, Msg};
use crate::signing::allowed_signers_path;

pub(super) fn run(settings: &Settings, a: &VerifyBagArgs) -> Result<i32, CliError> {
    let ws = settings.load().ok();
    let tz = ws.as_ref().map(|w| w.tz).unwrap_or(crate::time::DEFAULT_TZ);
    let req = fate::VerifyBagRequest {
        dir: a.dir.clone(),
        allowed_signers: a
            .allowed_signers
            .clone()
            .unwrap_or_else(|| allowed_signers_path(settings.root())),
        unsigned_ok: a.unsigned_ok,
    };
    // Who acts matters only when the check is recorded: on a bag a fate
    // file of the workspace records.
    let recorded = match &ws {
        Some(ws) => fate::knows_bag(ws, &a.dir)?,
        None => false,
    };
    let act = if recorded {
        settings.act(tz)?
    } else {
        crate::workspace::Act {
            now: settings.clock(tz)?.now(),
            actor: settings.actor().unwrap_or_default(),
        }
    };
    let c = fate::verify_bag(ws.as_ref(), &act, &req)?;
    let code = if c.valid { 0 } else { EXIT_FINDING };
    if settings.json {
        print_json(&c)?;
        return Ok(code);
    }
    let s = settings.strings();
    let dir = a.dir.display().to_string();
    // The bag's verdict.
    let r = &c.report;
    if !r.is_valid() {
        let n = r.problems.len();
        warn_say!(s, "bag-verdict-invalid", dir = dir, n = n);
        for p in &r.problems {
            outln!("{}", p.message(&s))?;
        }
    } else if !r.is_complete() {
        let n = r.to_fetch.len();
        say!(s, "bag-verdict-incomplete", dir = dir, n = n)?;
        for e in &r.to_fetch {
            let (path, url) = (e.path.as_str(), e.url.as_str());
            say!(s, "bag-not-fetched", path = path, url = url)?;
        }
    } else {
        let algorithms = c.algorithms.join(", ");
        let files = c.files;
        say!(
            s,
            "bag-verdict-valid",
            dir = dir,
            files = files,
            algorithms = algorithms
        )?;
    }
    for w in &r.warnings {
        outln!("{}", w.message(&s))?;
    }
    // The signature's verdict, and what it means for this bag.
    let said = s.msg(&c.signature.msg());
    if c.signature.is_good() {
        outln!("{said}")?;
    } else {
        errln!("{said}");
    }
    let unsigned = matches!(
        c.signature,
        fate::SignatureVerdict::Unsigned | fate::SignatureVerdict::NoKeys { .. }
    );
    let keys = req.allowed_signers.display().to_string();
    match (&c.known_in, unsigned) {
        // A bag dpo made: --unsigned-ok does not waive its signature.
        (Some(file), true) if a.unsigned_ok => {
            warn_say!(s, "bag-signature-required", file = file.as_str());
        }
        (Some(_), true) => warn_say!(s, "bag-refused-unsigned", file = keys),
        (None, true) if c.signature_required => {
            warn_say!(s, "bag-refused-unsigned", file = keys);
            let hint = s.msg(&Msg::new("bag-refused-unsigned-hint"));
            errln!("  {}", tr!(s, "cli-hint", hint = hint));
        }
        (None, true) if c.bag_valid && c.complete => {
            say!(s, "bag-accepted-unsigned")?;
        }
        _ => {}
    }
    match &c.recorded_in {
        Some(file) => warn_say!(s, "fate-recorded-in", file = file.as_str()),
        None if c.in_workspace => warn_say!(s, "fate-bag-not-recorded"),
        None => {}
    }
    Ok(code)
}
