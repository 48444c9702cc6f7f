//! `dpo fate list|bag|verify-bag|fingerprint|destroy|scan|certify`: the end
//! of the convention, from the inventory of every copy to the signed
//! certificate of destruction and return (Annex 1 §IV).
//!
//! The arguments and the printing only: each command is a workflow of
//! [`crate::fate`], which locks, writes, records and journals. Long hashing
//! work shows a progress bar on a terminal, and none when piped.

mod args;
mod destroy;
mod progress;
mod verify_bag;

use serde::Serialize;

pub(super) use args::FateCommand;
use args::{BagArgs, CertifyArgs, FingerprintArgs, ListArgs, ScanArgs, SetArgs};

use super::{hashed, print_json, CliError, Settings, EXIT_FINDING};
use crate::fate::{self, Certified, Pending};
use crate::model::Id;
use progress::with_progress;

pub(super) fn run(settings: &Settings, cmd: &FateCommand) -> Result<i32, CliError> {
    match cmd {
        FateCommand::List(a) => list(settings, a),
        FateCommand::Bag(a) => bag(settings, a),
        FateCommand::VerifyBag(a) => verify_bag::run(settings, a),
        FateCommand::Fingerprint(a) => fingerprint(settings, a),
        FateCommand::Destroy(a) => destroy::run(settings, a),
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
    let field = crate::workspace::store::FieldValue {
        item: Some(&a.item),
        ..a.field.at(&path)
    };
    super::set::run::<crate::model::FateFile>(settings, &ws, kind, field)
}

fn controller_arg(s: &Option<String>) -> Result<Option<Id>, CliError> {
    s.as_deref()
        .map(Id::new)
        .transpose()
        .map_err(|e| CliError::option("--controller", e.told()))
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
    let s = settings.strings();
    let out = fate::overview(&ws, controller_arg(&a.controller)?.as_ref(), &s)?;
    if settings.json {
        print_json(&out)?;
        return Ok(0);
    }
    for c in &out {
        outln!("{} ({})", ws.controller_name(&c.controller), c.file)?;
        // The copy and kind columns as wide as their widest cell (in
        // characters), two spaces between columns.
        let copies = c.items.iter().flat_map(|it| &it.copies);
        let copy_w = copies
            .clone()
            .map(|cs| cs.copy.as_str().chars().count())
            .max();
        let kind_w = copies
            .map(|cs| fate::kind_label(cs.kind, &s).chars().count())
            .max();
        let (copy_w, kind_w) = (copy_w.unwrap_or(0), kind_w.unwrap_or(0));
        for it in &c.items {
            let choice = it
                .choice
                .map(|ch| {
                    s.get(&format!("fate-choice-{}", yaml_word(&ch)))
                        .to_string()
                })
                .unwrap_or_else(|| tr!(s, "fate-no-choice"));
            let mark = if it.done {
                tr!(s, "fate-done")
            } else {
                tr!(s, "fate-to-do")
            };
            outln!("  {}  {}  [{choice}] {mark}", it.item, it.name)?;
            for cs in &it.copies {
                let state = s
                    .get(&format!("copy-state-{}", yaml_word(&cs.state)))
                    .to_string();
                outln!(
                    "    {:<copy_w$}  {:<kind_w$}  {state}",
                    cs.copy.as_str(),
                    fate::kind_label(cs.kind, &s)
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
                "  {}",
                tr!(s, "next-fate-certify", controller = c.controller.as_str())
            )?;
        } else {
            outln!("  {}", tr!(s, "fate-blocking", n = c.pending.len()))?;
            // What « à compléter » blocks, which no step above names.
            for p in c.pending.iter().filter(|p| p.field.is_some()) {
                outln!("  → {}", p.text(&s))?;
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
        let s = settings.strings();
        let (item, size) = (r.item.as_str(), crate::render::words::bytes(&s, r.bytes));
        say!(
            s,
            "fate-fingerprinted",
            item = item,
            files = r.files,
            size = size
        )?;
        outln!(
            "{}",
            hashed(&s, "fate-manifest", &r.manifest, &r.manifest_sha256)
        )?;
        let path = done.manifest_path.display().to_string();
        say!(s, "next-fate-manifest-check", file = path)?;
        if let Some(k) = &r.hashdeep {
            outln!("{}", hashed(&s, "scan-hashdeep", &k.file, &k.sha256))?;
            let path = settings.root().join(&k.file).display().to_string();
            say!(s, "next-scan-hashdeep-audit", file = path)?;
        }
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
    let t = settings.strings();
    let (item, file) = (r.item.as_str(), s.file.as_str());
    if settings.json {
        print_json(&s)?;
    } else if r.clean {
        say!(
            t,
            "fate-scan-clean",
            files = r.files,
            size = crate::render::words::bytes(&t, r.bytes),
            paths = r.paths.join(", "),
            item = item,
            contents = s.contents
        )?;
        if let Some(n) = r.hashed {
            say!(t, "scan-hashed", hashed = n)?;
        }
        say!(t, "fate-scan-recorded", file = file)?;
        if r.files == 0 {
            warn_say!(t, "fate-scan-nothing");
        }
    } else {
        warn_say!(t, "fate-scan-found", n = s.matches.len(), item = item);
        for m in &s.matches {
            let known = tr!(
                t,
                "fate-scan-match",
                name = m.known_as.as_str(),
                sha256 = m.sha256.as_str()
            );
            outln!("{}\t{known}", m.path)?;
        }
        warn_say!(t, "next-fate-scan-again", file = file);
    }
    Ok(if r.clean { 0 } else { EXIT_FINDING })
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
        let s = settings.strings();
        say!(
            s,
            "fate-bagged",
            item = r.item.as_str(),
            dir = a.out.display().to_string(),
            files = r.files,
            size = crate::render::words::bytes(&s, r.bytes),
            oxum = r.payload_oxum.as_str()
        )?;
        let sig = b.signature_path.display().to_string();
        say!(
            s,
            "fate-bag-signed",
            sha256 = r.tagmanifest_sha256.as_str(),
            file = sig
        )?;
        let dir = a.out.display().to_string();
        say!(s, "next-fate-verify-bag", dir = dir)?;
        say!(s, "fate-bag-how-to-check")?;
    }
    Ok(0)
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
            let s = settings.strings();
            let c = controller.as_str();
            let said = ws.controller_said(&controller, s.lang());
            warn_say!(
                s,
                "fate-certify-refused",
                controller = said.as_str(),
                n = pending.len()
            );
            for p in &pending {
                errln!("  - {}", p.text(&s));
            }
            errln!("  {}", tr!(s, "next-fate-list", controller = c));
            return Ok(EXIT_FINDING);
        }
    };
    if settings.json {
        print_json(&issued.record)?;
    } else {
        let p = &issued.paths;
        let t = settings.strings();
        let controller = ws.controller_said(&issued.controller, t.lang());
        say!(t, "fate-certificate-kept", controller = controller.as_str())?;
        for p in [&p.pdf, &p.pdf_sig, &p.json, &p.json_sig] {
            outln!("  {}", p.display())?;
        }
        say!(t, "fate-certificate-how-to-check")?;
        let s = &issued.certificate.signature;
        outln!("  {}", s.pdf_command)?;
        outln!("  {}", s.json_command)?;
    }
    let p = &issued.paths;
    super::timestamp::auto(settings, &ws, &[p.pdf.clone(), p.json.clone()]);
    if let Some(c) = &issued.copy {
        // Every file copied, the time-stamps too (copied once made).
        let stamps =
            super::timestamp::copy_beside(settings, &[(&p.pdf, &c.pdf), (&p.json, &c.json)]);
        if !settings.json {
            let t = settings.strings();
            say!(t, "fate-certificate-copied")?;
            for f in [&c.pdf, &c.pdf_sig, &c.json, &c.json_sig]
                .into_iter()
                .chain(&stamps)
            {
                outln!("  {}", f.display())?;
            }
        }
    }
    Ok(0)
}
