//! The certificate of destruction and return (Annex 1 §IV: "une fois
//! détruites, le sous-traitant doit justifier par écrit de la destruction").
//!
//! [`Certificate`] holds every fact the document states; it is rendered to
//! the PDF through `templates/{fr,en}/certificate.md.j2` and serialised as
//! the machine-readable twin (`.json`), so both say the same thing. Both are
//! signed; the PDF prints the exact `ssh-keygen -Y verify` commands and
//! ends with the signature block of the processor's DPO ([`Signatory`]).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{item_status, CopyState, Fate};
use crate::model::{
    BagRecord, BagVerificationRecord, Choice, Contact, DataCopy, Decision, DestructionRecord,
    FingerprintRecord, Id, ItemField, ScanRecord,
};
use crate::signing::{sig_path, Signer, ALLOWED_SIGNERS, NS_CERTIFICATE};
use crate::workspace::{JournalHead, Workspace};

/// Identifies the format of the JSON twin.
pub const FORMAT: &str = "dpo-fate-certificate/1";

/// The files of one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificatePaths {
    /// The PDF.
    pub pdf: PathBuf,
    /// Its signature (`.pdf.sig`).
    pub pdf_sig: PathBuf,
    /// The JSON twin.
    pub json: PathBuf,
    /// Its signature (`.json.sig`).
    pub json_sig: PathBuf,
}

/// The four files of the certificate written as `pdf` (which should end in `.pdf`).
pub fn certificate_paths(pdf: &Path) -> CertificatePaths {
    let json = pdf.with_extension("json");
    CertificatePaths {
        pdf: pdf.to_path_buf(),
        pdf_sig: sig_path(pdf),
        json_sig: sig_path(&json),
        json,
    }
}

/// A party to the convention as the certificate names it.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    /// Identifier in the workspace (controllers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Legal name.
    pub name: String,
    /// The name with its article, when the party's file gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_with_article: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// SIRET.
    pub siret: Option<String>,
    /// Legal representative.
    pub representative: Contact,
    /// Data protection officer.
    pub dpo: Contact,
}

/// The convention and the act approving it.
#[derive(Debug, Clone, Serialize)]
pub struct ConventionFacts {
    /// Title.
    pub title: String,
    /// Reference.
    pub reference: Option<String>,
    /// The act.
    pub act: Option<String>,
    /// Date of the act.
    pub act_date: Option<NaiveDate>,
    /// Date it became enforceable.
    pub enforceable_on: Option<NaiveDate>,
    /// First day.
    pub start: NaiveDate,
    /// Last day, renewals included.
    pub end: Option<NaiveDate>,
}

/// A copy and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct CertCopy {
    /// The copy as the inventory lists it.
    #[serde(flatten)]
    pub copy: DataCopy,
    /// What became of it.
    pub state: CopyState,
    /// Every destruction recorded for it, oldest first.
    pub destructions: Vec<DestructionRecord>,
    /// The verified bags made from it.
    pub bags: Vec<BagRecord>,
}

/// A bag and the verification that passed.
#[derive(Debug, Clone, Serialize)]
pub struct CertBag {
    /// The bag.
    #[serde(flatten)]
    pub bag: BagRecord,
    /// Its latest verification.
    pub verification: Option<BagVerificationRecord>,
}

/// An item, the controller's decision, and what was done.
#[derive(Debug, Clone, Serialize)]
pub struct CertItem {
    /// Identifier.
    pub id: Id,
    /// Name.
    pub name: String,
    /// Detail.
    pub description: Option<String>,
    /// Categories of personal data.
    pub data_categories: Vec<String>,
    /// The controller's choice.
    pub choice: Option<Choice>,
    /// The controller's written decision.
    pub decision: Option<Decision>,
    /// Every copy.
    pub copies: Vec<CertCopy>,
    /// Fingerprints taken before destruction.
    pub fingerprints: Vec<FingerprintRecord>,
    /// Bags handed over.
    pub bags: Vec<CertBag>,
    /// Residual scans.
    pub scans: Vec<ScanRecord>,
    /// Fields of the inventory that are assumptions to confirm.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to_confirm: Vec<ItemField>,
}

/// How to check the signatures.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureFacts {
    /// The SSHSIG namespace.
    pub namespace: String,
    /// The principal of the allowed-signers line.
    pub principal: String,
    /// `SHA256:…` of the key.
    pub key_fingerprint: String,
    /// The line to put in `allowed_signers`.
    pub allowed_signers_line: String,
    /// File name of the PDF.
    pub pdf: String,
    /// File name of its signature.
    pub pdf_sig: String,
    /// File name of the twin.
    pub json: String,
    /// File name of its signature.
    pub json_sig: String,
    /// The command that checks the PDF.
    pub pdf_command: String,
    /// The command that checks the twin.
    pub json_command: String,
    /// A shell command writing the `allowed_signers` file, in lines short
    /// enough to print without breaking the key (copied from a PDF).
    pub allowed_signers_shell: String,
    /// [`Self::pdf_command`] in short lines joined by `\`.
    pub pdf_command_lines: String,
    /// [`Self::json_command`] in short lines joined by `\`.
    pub json_command_lines: String,
}

/// Who signs the certificate for the processor, where and when: its DPO
/// (`processor.yaml`, `dpo`), at the processor's seat.
#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    /// The town of the processor's address (after its postcode), when it
    /// has one: « à compléter » otherwise.
    pub place: Option<String>,
    /// The day of issue, in the processor's time zone.
    pub date: NaiveDate,
    /// The DPO's name ([`Workspace::dpo_name`]; certify refuses while it
    /// is « à compléter »).
    pub name: Option<String>,
    /// The DPO's role, as `processor.yaml` words it (`None`: the template
    /// names the office).
    pub role: Option<String>,
    /// The processor, for whom they sign.
    pub organisation: String,
}

/// Every fact of a certificate.
#[derive(Debug, Clone, Serialize)]
pub struct Certificate {
    /// [`FORMAT`].
    pub format: String,
    /// When it was issued (RFC 3339 with the processor's offset).
    pub issued_at: DateTime<FixedOffset>,
    /// Language of the PDF.
    pub lang: String,
    /// Version of dpo.
    pub tool_version: String,
    /// The processor.
    pub processor: Party,
    /// The controller.
    pub controller: Party,
    /// The convention.
    pub convention: ConventionFacts,
    /// The items.
    pub items: Vec<CertItem>,
    /// The journal head when the certificate was made.
    pub journal_head: JournalHead,
    /// How to check the signatures.
    pub signature: SignatureFacts,
    /// The signature block that ends the certificate.
    pub signatory: Signatory,
}

/// Quotes a file name for a POSIX shell when it needs it.
pub(super) fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-+/@:,=".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `ssh-keygen -Y verify` command that checks `file` against its signature.
pub fn verify_command(principal: &str, namespace: &str, file: &str, sig: &str) -> String {
    verify_command_parts(principal, namespace, file, sig).join(" ")
}

fn verify_command_parts(principal: &str, namespace: &str, file: &str, sig: &str) -> [String; 3] {
    [
        format!("ssh-keygen -Y verify -f {ALLOWED_SIGNERS}"),
        format!("-I {} -n {namespace}", shell_word(principal)),
        format!("-s {} < {}", shell_word(sig), shell_word(file)),
    ]
}

/// The same command in three lines joined by a backslash, so that a line
/// printed in a PDF never wraps in the middle of a word.
fn verify_command_lines(principal: &str, namespace: &str, file: &str, sig: &str) -> String {
    verify_command_parts(principal, namespace, file, sig).join(" \\\n  ")
}

/// A shell command that writes the `allowed_signers` line (without the key's
/// comment), one field a line; `public_key` is `type base64 [comment]`.
fn allowed_signers_shell(principal: &str, public_key: &str) -> String {
    let mut fields = public_key.split_whitespace();
    let (kind, b64) = (
        fields.next().unwrap_or_default(),
        fields.next().unwrap_or_default(),
    );
    format!(
        "printf '%s %s %s\\n' {} {kind} \\\n  {b64} \\\n  > {ALLOWED_SIGNERS}",
        shell_word(principal)
    )
}

/// Gathers the facts of the certificate of `fate`. The caller has checked
/// that nothing is [`super::pending`].
pub fn build_certificate(
    ws: &Workspace,
    fate: &Fate,
    lang: &str,
    issued_at: DateTime<FixedOffset>,
    journal_head: JournalHead,
    signer: &Signer,
    paths: &CertificatePaths,
) -> Certificate {
    let strings = crate::render::catalog::Catalog::of(if lang == "en" {
        crate::model::Lang::En
    } else {
        crate::model::Lang::Fr
    });
    let p = &ws.processor;
    let c = ws.controller(&fate.controller);
    let items = fate
        .file
        .items
        .iter()
        .map(|item| {
            let st = item_status(fate, item, &strings);
            let copies = item
                .copies
                .iter()
                .zip(st.copies)
                .map(|(copy, cs)| CertCopy {
                    copy: copy.clone(),
                    state: cs.state,
                    // Said in the certificate's language.
                    destructions: fate
                        .records::<DestructionRecord>()
                        .filter(|d| d.item == item.id && d.copy == copy.id)
                        .map(|d| super::backup::worded(d, &strings))
                        .collect(),
                    bags: cs.verified_bags,
                })
                .collect();
            CertItem {
                id: item.id.clone(),
                name: item.name.clone(),
                description: item.description.clone(),
                data_categories: item.data_categories.clone(),
                to_confirm: item.to_confirm.clone(),
                choice: item.choice,
                decision: item.decision.clone(),
                copies,
                fingerprints: fate
                    .records::<FingerprintRecord>()
                    .filter(|f| f.item == item.id)
                    .cloned()
                    .collect(),
                bags: fate
                    .records::<BagRecord>()
                    .filter(|b| b.item == item.id)
                    .map(|b| CertBag {
                        bag: b.clone(),
                        verification: fate
                            .records::<BagVerificationRecord>()
                            .rev()
                            .find(|v| v.tagmanifest_sha256 == b.tagmanifest_sha256)
                            .cloned(),
                    })
                    .collect(),
                scans: fate
                    .records::<ScanRecord>()
                    .filter(|s| s.item == item.id)
                    .cloned()
                    .collect(),
            }
        })
        .collect();
    let principal = &signer.principal;
    let (pdf, pdf_sig, json, json_sig) = (
        file_name(&paths.pdf),
        file_name(&paths.pdf_sig),
        file_name(&paths.json),
        file_name(&paths.json_sig),
    );
    Certificate {
        format: FORMAT.to_string(),
        issued_at,
        lang: lang.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        processor: Party {
            id: None,
            name: p.name.clone(),
            name_with_article: p.name_with_article.clone(),
            address: p.address.clone(),
            siret: p.siret.clone(),
            representative: p.representative.clone(),
            dpo: p.dpo.clone(),
        },
        controller: Party {
            id: Some(fate.controller.clone()),
            name: c
                .map(|c| c.name.clone())
                .unwrap_or_else(|| fate.controller.to_string()),
            name_with_article: c.and_then(|c| c.name_with_article.clone()),
            address: c.and_then(|c| c.address.clone()),
            siret: c.and_then(|c| c.siret.clone()),
            representative: c.map(|c| c.representative.clone()).unwrap_or_default(),
            dpo: c.map(|c| c.dpo.clone()).unwrap_or_default(),
        },
        convention: match c {
            Some(c) => {
                let v = &c.convention;
                ConventionFacts {
                    title: v.title.clone(),
                    reference: v.reference.clone(),
                    act: v.act.clone(),
                    act_date: v.act_date,
                    enforceable_on: v.enforceable_on,
                    start: v.start,
                    end: v.end(),
                }
            }
            None => ConventionFacts {
                title: String::new(),
                reference: None,
                act: None,
                act_date: None,
                enforceable_on: None,
                start: NaiveDate::MIN,
                end: None,
            },
        },
        items,
        journal_head,
        signatory: Signatory {
            place: p.town(),
            date: issued_at.date_naive(),
            name: ws.dpo_name(),
            role: p.dpo.role.clone().filter(|r| !r.trim().is_empty()),
            organisation: p.name.clone(),
        },
        signature: SignatureFacts {
            namespace: NS_CERTIFICATE.to_string(),
            principal: principal.clone(),
            key_fingerprint: signer.key.fingerprint(),
            allowed_signers_line: signer.allowed_signers_line(),
            pdf_command: verify_command(principal, NS_CERTIFICATE, &pdf, &pdf_sig),
            json_command: verify_command(principal, NS_CERTIFICATE, &json, &json_sig),
            allowed_signers_shell: allowed_signers_shell(principal, &signer.key.public_line()),
            pdf_command_lines: verify_command_lines(principal, NS_CERTIFICATE, &pdf, &pdf_sig),
            json_command_lines: verify_command_lines(principal, NS_CERTIFICATE, &json, &json_sig),
            pdf,
            pdf_sig,
            json,
            json_sig,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_files_sit_side_by_side() {
        let p = certificate_paths(Path::new("out/certificat fin.pdf"));
        assert_eq!(p.pdf_sig, Path::new("out/certificat fin.pdf.sig"));
        assert_eq!(p.json, Path::new("out/certificat fin.json"));
        assert_eq!(p.json_sig, Path::new("out/certificat fin.json.sig"));
    }

    #[test]
    fn the_printed_commands_fit_short_lines_and_say_the_same() {
        let line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICc5Fxj6h0UBdaG7CGqiNGYa6+y66eS7m43mRufyMrfB DPO@x";
        let sh = allowed_signers_shell("DPO@grandorlyseinebievre.fr", line);
        assert_eq!(
            sh,
            "printf '%s %s %s\\n' DPO@grandorlyseinebievre.fr ssh-ed25519 \\\n  AAAAC3NzaC1lZDI1NTE5AAAAICc5Fxj6h0UBdaG7CGqiNGYa6+y66eS7m43mRufyMrfB \\\n  > allowed_signers"
        );
        let lines = verify_command_lines(
            "DPO@grandorlyseinebievre.fr",
            "dpo-certificate",
            "c.pdf",
            "c.pdf.sig",
        );
        assert!(lines.lines().all(|l| l.len() < 80), "{lines}");
        assert_eq!(
            lines.replace(" \\\n  ", " "),
            verify_command(
                "DPO@grandorlyseinebievre.fr",
                "dpo-certificate",
                "c.pdf",
                "c.pdf.sig"
            )
        );
    }

    #[test]
    fn the_verify_command_quotes_what_the_shell_would_split() {
        assert_eq!(
            verify_command("DPO@grandorlyseinebievre.fr", "dpo-certificate", "a b.pdf", "a b.pdf.sig"),
            "ssh-keygen -Y verify -f allowed_signers -I DPO@grandorlyseinebievre.fr -n dpo-certificate -s 'a b.pdf.sig' < 'a b.pdf'"
        );
    }
}
