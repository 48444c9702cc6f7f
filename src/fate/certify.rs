//! `dpo fate certify`: issues the certificate of destruction and return once
//! nothing is pending — the PDF and its JSON twin, both signed, each
//! signature checked as the controller will check it before anything is
//! written — then keeps it in `evidence/` (always, with a write-ahead note:
//! a command killed before its journal entry leaves no half certificate),
//! records it, journals it, and writes the copy `-o` asked for. A
//! certificate is never written over an existing file.

use std::path::{Path, PathBuf};

use super::{
    build_certificate, certificate_paths, evidence_stem, local_second, Certificate,
    CertificatePaths, FateError, Payload, Pending,
};
use crate::hashing::sha256_hex;
use crate::model::{CertificateRecord, FateRecord, Id, Lang};
use crate::render::catalog::Msg;
use crate::render::said::Refusal;
use crate::render::{pdf::PdfMeta, OutputError, Templates};
use crate::signing::{self, Signer, NS_CERTIFICATE};
use crate::workspace::{self, Act, Workspace};

/// What `dpo fate certify` needs.
#[derive(Debug, Clone)]
pub struct CertifyRequest {
    /// The controller (`None`: the only one with a fate file).
    pub controller: Option<Id>,
    /// A copy of the PDF to write besides the one always kept under
    /// `evidence/fate/<controller>/` (then in a folder of its own, under this
    /// file name); the signatures and the JSON twin go beside it.
    pub output: Option<PathBuf>,
    /// The key the user named (`None`: the default key).
    pub key: Option<PathBuf>,
    /// The language of the PDF.
    pub lang: Lang,
}

/// The outcome of `dpo fate certify`.
#[derive(Debug)]
pub enum Certified {
    /// Work remains: no certificate.
    Refused {
        /// The controller.
        controller: Id,
        /// What stands in the way.
        pending: Vec<Pending>,
    },
    /// The certificate was issued.
    Issued(Box<Issued>),
}

/// A certificate issued.
#[derive(Debug)]
pub struct Issued {
    /// The controller.
    pub controller: Id,
    /// The record appended to the fate file.
    pub record: CertificateRecord,
    /// The four files kept in `evidence/`.
    pub paths: CertificatePaths,
    /// The four files of the copy `-o` asked for.
    pub copy: Option<CertificatePaths>,
    /// What the certificate states.
    pub certificate: Certificate,
}

/// The controller asked for, else the only one with a fate file.
fn which_controller(ws: &Workspace, asked: Option<&Id>) -> Result<Id, FateError> {
    if let Some(c) = asked {
        return Ok(c.clone());
    }
    let ids = super::list_fate_files(&ws.root)?;
    match ids.as_slice() {
        [] => Err(FateError::NoFateFiles),
        [one] => Ok(one.clone()),
        _ => Err(super::refused(
            Msg::new("duties-fate-which-controller").arg(
                "ids",
                ids.iter().map(Id::as_str).collect::<Vec<_>>().join("|"),
            ),
        )),
    }
}

/// `p` relative to the workspace when it is inside, else as given.
fn shown(root: &Path, p: &Path) -> String {
    match (root.canonicalize(), p.canonicalize()) {
        (Ok(r), Ok(c)) if c.starts_with(&r) => c
            .strip_prefix(&r)
            .map(|x| x.display().to_string())
            .unwrap_or_default(),
        _ => p.display().to_string(),
    }
}

fn output_error(path: &Path, e: impl std::error::Error + Send + Sync + 'static) -> FateError {
    OutputError::write(path, e).into()
}

/// Issues the certificate, or says what is pending.
pub fn certify(ws: &Workspace, act: &Act, req: &CertifyRequest) -> Result<Certified, FateError> {
    let controller = which_controller(ws, req.controller.as_ref())?;
    // Under the lock from the start: the records, the pending list and the
    // journal head the certificate states are those of one moment.
    let lock = ws.lock()?;
    let f = super::load(ws, &controller)?;
    // Never a certificate built on a record changed outside dpo.
    workspace::integrity::require_vouched(&ws.root, &f.rel())?;
    super::status::refuse_if_interrupted(ws, &controller)?;
    let s = crate::render::catalog::Catalog::of(req.lang);
    let mut pending = super::pending(&f, &s);
    pending.extend(super::unsigned(ws, &s));
    if !pending.is_empty() {
        return Ok(Certified::Refused {
            controller,
            pending,
        });
    }
    let signer = Signer::open(ws, req.key.as_deref())?;
    let issued_at = local_second(act.now, ws.tz);
    let stem = evidence_stem(&controller, None, "certificate", issued_at);
    // The certificate is always kept in evidence/, under the file name it
    // prints; `-o` writes one more copy, so the names printed on it are the
    // ones the controller receives.
    let (pdf_path, copy) = match &req.output {
        Some(p) if p.extension().is_none_or(|e| e != "pdf") || p.file_name().is_none() => {
            return Err(super::refused(
                Msg::new("duties-fate-output-pdf").arg("path", p.display().to_string()),
            ))
        }
        Some(p) => {
            // Never among the workspace's own records, journal or keys.
            workspace::atomic::check_output(p)?;
            let dir = ws.root.join(workspace::fresh_name(&ws.root, &stem, ""));
            let name = p.file_name().unwrap_or_default();
            (dir.join(name), Some(certificate_paths(p)))
        }
        None => (
            ws.root.join(workspace::fresh_name(&ws.root, &stem, "pdf")),
            None,
        ),
    };
    let paths = certificate_paths(&pdf_path);
    if let Some(p) = copy
        .iter()
        .flat_map(|c| [&c.pdf, &c.pdf_sig, &c.json, &c.json_sig])
        .find(|p| p.exists())
    {
        return Err(FateError::Refused(
            Refusal::new(
                Msg::new("duties-fate-certificate-exists").arg("path", p.display().to_string()),
            )
            .hint(Msg::new("duties-fate-certificate-exists-hint")),
        ));
    }
    let head = ws.journal().head()?;
    let cert = build_certificate(ws, &f, req.lang.code(), issued_at, head, &signer, &paths);
    let pdf = render_pdf(ws, &cert, req.lang)?;
    let mut json = serde_json::to_vec_pretty(&cert).map_err(|e| output_error(&paths.json, e))?;
    json.push(b'\n');
    let pdf_sig = signing::sign_reader(&signer.key, NS_CERTIFICATE, &pdf[..], &paths.pdf)?;
    let json_sig = signing::sign_reader(&signer.key, NS_CERTIFICATE, &json[..], &paths.json)?;
    // Check our own work as the controller will, before anything is written.
    for (bytes, sig, path) in [
        (&pdf, &pdf_sig, &paths.pdf),
        (&json, &json_sig, &paths.json),
    ] {
        let accept = signing::Acceptance {
            allowed: &signer.allowed,
            namespaces: &[NS_CERTIFICATE],
            identity: Some(&signer.principal),
            now: issued_at.to_utc(),
        };
        let v = signing::verify_reader(&accept, sig, &bytes[..], path)?;
        if !v.is_good() {
            return Err(super::refused(
                Msg::new("duties-fate-signature-unverified")
                    .arg("path", path.display().to_string())
                    .arg("why", format!("{v:?}")),
            ));
        }
    }
    let files = [
        (&paths.pdf, &pdf[..]),
        (&paths.pdf_sig, pdf_sig.as_bytes()),
        (&paths.json, &json[..]),
        (&paths.json_sig, json_sig.as_bytes()),
    ];
    // Write-ahead: each evidence file is noted before it is written, so a
    // command killed before the journal entry has them all removed by the
    // next one; the entry names them with their SHA-256, as `check` expects.
    for (path, bytes) in files {
        let rel = path.strip_prefix(&ws.root).unwrap_or(path);
        lock.intend(&rel.to_string_lossy(), None, sha256_hex(bytes))?;
        workspace::write_atomic(path, bytes).map_err(|e| output_error(path, e))?;
    }
    let record = CertificateRecord {
        at: issued_at,
        by: act.actor.clone(),
        pdf: shown(&ws.root, &paths.pdf),
        pdf_sha256: sha256_hex(&pdf),
        json: shown(&ws.root, &paths.json),
        json_sha256: sha256_hex(&json),
        journal_seq: cert.journal_head.seq,
        journal_sha256: cert.journal_head.sha256.clone(),
        key_fingerprint: signer.key.fingerprint(),
    };
    let recorded = FateRecord::Certificate(record.clone());
    super::append_record(ws, &lock, &f, act, recorded, Payload::Bytes(&pdf))?;
    // The copy the user asked for, once the certificate is kept and journaled.
    if let Some(copy) = &copy {
        let targets = [&copy.pdf, &copy.pdf_sig, &copy.json, &copy.json_sig];
        for (target, (_, bytes)) in targets.into_iter().zip(files) {
            workspace::write_atomic(target, bytes).map_err(|e| output_error(target, e))?;
        }
    }
    Ok(Certified::Issued(Box::new(Issued {
        controller,
        record,
        paths,
        copy,
        certificate: cert,
    })))
}

/// The PDF of the certificate, from `certificate.md` in `lang`.
fn render_pdf(ws: &Workspace, cert: &Certificate, lang: Lang) -> Result<Vec<u8>, OutputError> {
    let templates = Templates::new(lang)?;
    let md = templates.render("certificate.md", cert)?;
    let strings = templates.strings();
    let controller = &cert.controller.name;
    let meta = PdfMeta::new(
        &templates,
        format!("{} — {controller}", strings.get("certificate_title")),
        &ws.processor.name,
        cert.issued_at,
        strings
            .get("certificate_footer")
            .replace("{processor}", ws.processor.display_name())
            .replace(
                "{controller}",
                &match lang {
                    Lang::Fr => crate::model::name_with_article(
                        controller,
                        cert.controller.name_with_article.as_deref(),
                    ),
                    Lang::En => controller.clone(),
                },
            ),
    );
    Ok(crate::render::pdf::markdown_to_pdf(&md, &meta)?)
}
