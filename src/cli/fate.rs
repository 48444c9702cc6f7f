//! `dpo fate list|bag|verify-bag|fingerprint|destroy|scan|certify`: the end
//! of the convention, from the inventory of every copy to the signed
//! certificate of destruction and return (Annex 1 §IV).
//!
//! The arguments and the printing only: each command is a workflow of
//! [`crate::fate`], which locks, writes, records and journals. Long hashing
//! work shows a progress bar on a terminal, and none when piped.

mod args;
mod progress;

use serde::Serialize;

pub(super) use args::FateCommand;
use args::{
    BagArgs, CertifyArgs, DestroyArgs, FingerprintArgs, ListArgs, ScanArgs, SetArgs, VerifyBagArgs,
};

use super::{print_json, CliError, Settings, EXIT_FINDING};
use crate::fate::{self, Certified, Pending};
use crate::model::Id;
use crate::signing::allowed_signers_path;
use progress::with_progress;

pub(super) fn run(settings: &Settings, cmd: &FateCommand) -> Result<i32, CliError> {
    match cmd {
        FateCommand::List(a) => list(settings, a),
        FateCommand::Bag(a) => bag(settings, a),
        FateCommand::VerifyBag(a) => verify_bag(settings, a),
        FateCommand::Fingerprint(a) => fingerprint(settings, a),
        FateCommand::Destroy(a) => destroy(settings, a),
        FateCommand::Scan(a) => scan(settings, a),
        FateCommand::Certify(a) => certify(settings, a),
        FateCommand::Set(a) => set(settings, a),
    }
}

fn set(settings: &Settings, a: &SetArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let f = fate::find_item(&ws, controller_arg(&a.controller)?.as_ref(), &a.item)?;
    let path = fate::item_field(&f, &a.item, &a.field.field)?;
    let kind = (&crate::workspace::kinds::FATE, f.controller.as_str());
    super::set::run::<crate::model::FateFile>(settings, &ws, kind, &a.field, &path)
}

fn controller_arg(s: &Option<String>) -> Result<Option<Id>, CliError> {
    s.as_deref()
        .map(Id::new)
        .transpose()
        .map_err(|e| CliError::Usage(format!("--controller: {e}")))
}

fn human_bytes(n: u64) -> String {
    indicatif::HumanBytes(n).to_string()
}

/// A value as its YAML scalar (the words of the fate file).
fn yaml_word<T: Serialize>(v: &T) -> String {
    serde_yaml::to_string(v)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn list(settings: &Settings, a: &ListArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let out = fate::overview(&ws, controller_arg(&a.controller)?.as_ref())?;
    if settings.json {
        print_json(&out)?;
        return Ok(0);
    }
    for c in &out {
        outln!("{} ({})", c.controller, c.file)?;
        for it in &c.items {
            let choice = it
                .choice
                .map(|ch| yaml_word(&ch))
                .unwrap_or_else(|| "no choice yet".into());
            let mark = if it.done { "done" } else { "to do" };
            outln!("  {}  {}  [{choice}] {mark}", it.item, it.name)?;
            for cs in &it.copies {
                let state = yaml_word(&cs.state);
                outln!(
                    "    {:<20} {:<18} {state}",
                    cs.copy.as_str(),
                    fate::kind_label(cs.kind)
                )?;
                if let Some(t) = &cs.todo {
                    outln!("      → {t}")?;
                }
            }
            for t in &it.todo {
                outln!("    → {t}")?;
            }
        }
        if c.pending.is_empty() {
            outln!(
                "  nothing pending: `dpo fate certify --controller {}` can issue the certificate",
                c.controller
            )?;
        } else {
            outln!(
                "  {} thing(s) stand in the way of the certificate",
                c.pending.len()
            )?;
            // What « à compléter » blocks, which no step above names.
            for p in c.pending.iter().filter(|p| p.field.is_some()) {
                outln!("  → {p}")?;
            }
        }
    }
    Ok(0)
}

fn fingerprint(settings: &Settings, a: &FingerprintArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let req = fate::FingerprintRequest {
        controller: controller_arg(&a.controller)?,
        item: a.item.clone(),
        paths: a.paths.clone(),
    };
    let act = settings.act(ws.tz)?;
    let done = with_progress(&a.paths, "fingerprint", |p| {
        fate::fingerprint(&ws, &act, &req, p)
    })?;
    let r = &done.record;
    if settings.json {
        print_json(r)?;
    } else {
        outln!(
            "fingerprint of item `{}`: {} file(s), {}",
            r.item,
            r.files,
            human_bytes(r.bytes)
        )?;
        outln!("manifest: {} (SHA-256 {})", r.manifest, r.manifest_sha256)?;
        outln!(
            "check it any time with: sha256sum -c '{}'",
            done.manifest_path.display()
        )?;
    }
    Ok(0)
}

fn scan(settings: &Settings, a: &ScanArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let req = fate::ScanRequest {
        controller: controller_arg(&a.controller)?,
        item: a.item.clone(),
        paths: a.paths.clone(),
        copy: a.copy.clone(),
    };
    let act = settings.act(ws.tz)?;
    let s = with_progress(&a.paths, "scan", |p| fate::scan(&ws, &act, &req, p))?;
    let r = &s.record;
    if settings.json {
        print_json(&s)?;
    } else if r.clean {
        outln!(
            "clean: none of the {} file(s) ({}) under {} is a file of item `{}` ({} fingerprinted content(s))",
            r.files,
            human_bytes(r.bytes),
            r.paths.join(", "),
            r.item,
            s.contents
        )?;
        outln!("recorded in {} as verification evidence", s.file)?;
        if r.files == 0 {
            errln!("note: no file at all was found under these paths; make sure they are the locations the copy was on");
        }
    } else {
        errln!("found {} file(s) of item `{}`:", s.matches.len(), r.item);
        for m in &s.matches {
            outln!(
                "{}\t(content of `{}`, SHA-256 {})",
                m.path,
                m.known_as,
                m.sha256
            )?;
        }
        errln!(
            "recorded in {}; destroy these files, then scan again",
            s.file
        );
    }
    Ok(if r.clean { 0 } else { EXIT_FINDING })
}

fn destroy(settings: &Settings, a: &DestroyArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let controller = controller_arg(&a.controller)?;
    let at =
        a.at.as_deref()
            .map(|s| crate::time::parse_user_time(s, ws.tz))
            .transpose()
            .map_err(|source| CliError::Time {
                flag: "--at",
                source: Box::new(source),
            })?;
    let act = settings.act(ws.tz)?;
    let d = fate::destroy(
        &ws,
        &act,
        &fate::DestroyRequest {
            controller,
            item: a.item.clone(),
            copy: a.copy.clone(),
            method: a.method.into(),
            technique: a.technique.clone(),
            tool: a.tool.clone(),
            operator: a.operator.clone(),
            at,
            verification: a.verification.clone(),
            validated_by: a.validated_by.clone(),
            media_destination: a.media_destination.clone(),
            backup: a.backup.clone(),
        },
    )?;
    let r = &d.record;
    if settings.json {
        print_json(r)?;
    } else {
        outln!(
            "recorded: copy `{}` of item `{}` destroyed ({}) on {}",
            r.copy,
            r.item,
            r.method.as_str(),
            crate::render::words::show_in(r.at, ws.tz)
        )?;
        if !d.fingerprinted {
            errln!(
                "note: item `{}` has no fingerprint, so no residual scan can prove the destruction\n  hint: next time, `dpo fate fingerprint {} PATH…` before destroying",
                r.item, r.item
            );
        }
    }
    Ok(0)
}

fn bag(settings: &Settings, a: &BagArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let req = fate::BagRequest {
        controller: controller_arg(&a.controller)?,
        item: a.item.clone(),
        copy: a.copy.clone(),
        from: a.from.clone(),
        out: a.out.clone(),
        key: a.key.key.clone(),
    };
    let act = settings.act(ws.tz)?;
    let b = with_progress(std::slice::from_ref(&a.from), "bag", |p| {
        fate::bag(&ws, &act, &req, p)
    })?;
    if settings.json {
        print_json(&b)?;
    } else {
        let r = &b.record;
        outln!(
            "bag of item `{}` written to {}: {} file(s), {} (Payload-Oxum {})",
            r.item,
            a.out.display(),
            r.files,
            human_bytes(r.bytes),
            r.payload_oxum
        )?;
        outln!(
            "tag manifest SHA-256 {} signed: {}",
            r.tagmanifest_sha256,
            b.signature_path.display()
        )?;
        outln!(
            "next: `dpo fate verify-bag {}` once the medium is ready to hand over",
            a.out.display()
        )?;
        outln!("the controller checks it with `sha256sum -c manifest-sha256.txt` inside the bag, or any BagIt validator")?;
    }
    Ok(0)
}

fn verify_bag(settings: &Settings, a: &VerifyBagArgs) -> Result<i32, CliError> {
    let ws = settings.load().ok();
    let tz = ws.as_ref().map(|w| w.tz).unwrap_or(crate::time::DEFAULT_TZ);
    let req = fate::VerifyBagRequest {
        dir: a.dir.clone(),
        allowed_signers: a
            .allowed_signers
            .clone()
            .unwrap_or_else(|| allowed_signers_path(settings.root())),
    };
    let act = settings.act(tz)?;
    let c = fate::verify_bag(ws.as_ref(), &act, &req)?;
    if settings.json {
        print_json(&c)?;
        return Ok(if c.valid { 0 } else { EXIT_FINDING });
    }
    if c.valid {
        outln!(
            "bag {} is complete and valid: {} payload file(s), every SHA-256 checked",
            a.dir.display(),
            c.files
        )?;
        if let crate::signing::Verdict::Good {
            principal,
            fingerprint,
            ..
        } = &c.signature
        {
            outln!("tag manifest signed by {principal} (key {fingerprint})")?;
        }
    } else {
        errln!("bag {} does NOT verify:", a.dir.display());
        for p in &c.problems {
            outln!("{p}")?;
        }
    }
    match &c.recorded_in {
        Some(file) => errln!("recorded in {file}"),
        None if c.in_workspace => {
            errln!("note: this bag is not in the workspace's fate files; nothing recorded")
        }
        None => {}
    }
    Ok(if c.valid { 0 } else { EXIT_FINDING })
}

#[derive(Serialize)]
struct CertifyRefusal<'a> {
    controller: &'a Id,
    refused: bool,
    pending: &'a [Pending],
}

fn certify(settings: &Settings, a: &CertifyArgs) -> Result<i32, CliError> {
    let ws = settings.load()?;
    let req = fate::CertifyRequest {
        controller: controller_arg(&a.controller)?,
        output: a.output.clone(),
        key: a.key.key.clone(),
        lang: settings.lang(Some(&ws)),
    };
    let act = settings.act(ws.tz)?;
    let issued = match fate::certify(&ws, &act, &req)? {
        Certified::Issued(i) => i,
        Certified::Refused {
            controller,
            pending,
        } => {
            if settings.json {
                print_json(&CertifyRefusal {
                    controller: &controller,
                    refused: true,
                    pending: &pending,
                })?;
            }
            errln!(
                "refusing to certify for `{controller}`: {} thing(s) remain to do",
                pending.len()
            );
            for p in &pending {
                errln!("  - {p}");
            }
            errln!("  hint: `dpo fate list --controller {controller}` says what to do for each");
            return Ok(EXIT_FINDING);
        }
    };
    if settings.json {
        print_json(&issued.record)?;
    } else {
        let p = &issued.paths;
        outln!("certificate for `{}` kept in evidence:", issued.controller)?;
        for p in [&p.pdf, &p.pdf_sig, &p.json, &p.json_sig] {
            outln!("  {}", p.display())?;
        }
        if let Some(p) = &issued.copy {
            outln!("and copied to:")?;
            for p in [&p.pdf, &p.pdf_sig, &p.json, &p.json_sig] {
                outln!("  {}", p.display())?;
            }
        }
        outln!("the controller checks it, with `allowed_signers` holding the line printed on the certificate:")?;
        let s = &issued.certificate.signature;
        outln!("  {}", s.pdf_command)?;
        outln!("  {}", s.json_command)?;
    }
    Ok(0)
}
