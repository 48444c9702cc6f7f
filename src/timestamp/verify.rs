//! The checks of `dpo timestamp verify`: the response answers the request
//! (imprint, nonce), its CMS signature verifies over the DER of the signed
//! attributes, whose `messageDigest` is the digest of the `TSTInfo`, with the
//! key of the signer certificate the response carries; that certificate has
//! the critical extended key usage `timeStamping` (RFC 3161 §2.3), was valid
//! at `genTime`, and chains to a trusted CA certificate (possibly through
//! certificates of the response), each signature checked, each certificate
//! valid at `genTime`. RSA (PKCS #1 v1.5) and ECDSA P-256 / P-384, with
//! SHA-256, SHA-384 or SHA-512.

use cms::cert::CertificateChoices;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use const_oid::db::rfc5911::{
    ID_AA_SIGNING_CERTIFICATE, ID_AA_SIGNING_CERTIFICATE_V_2, ID_CONTENT_TYPE, ID_MESSAGE_DIGEST,
};
use const_oid::db::rfc5912::{
    ECDSA_WITH_SHA_256, ECDSA_WITH_SHA_384, ECDSA_WITH_SHA_512, ID_CE_EXT_KEY_USAGE,
    ID_EC_PUBLIC_KEY, ID_KP_TIME_STAMPING, ID_SHA_256, ID_SHA_384, ID_SHA_512, RSA_ENCRYPTION,
    SECP_256_R_1, SECP_384_R_1, SHA_256_WITH_RSA_ENCRYPTION, SHA_384_WITH_RSA_ENCRYPTION,
    SHA_512_WITH_RSA_ENCRYPTION,
};
use const_oid::ObjectIdentifier;
use der::asn1::OctetString;
use der::{Any, Decode, Encode, Sequence};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_cert::Certificate;

use super::{Request, Response, Stamp};
use crate::render::catalog::Msg;

/// `id-ct-TSTInfo` (RFC 3161 §2.4.2).
pub const ID_CT_TSTINFO: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");

/// Which check a response failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The authority refused the request.
    #[error("the time-stamping authority did not grant the request ({status})")]
    NotGranted {
        /// The status it gave.
        status: String,
    },
    /// The imprint is not the SHA-256 of the file.
    #[error("the time-stamp is for another file: its imprint is not the file's SHA-256")]
    OtherFile,
    /// The nonce is not the request's.
    #[error("the nonce of the response is not the request's")]
    Nonce,
    /// The token is not a signed `TSTInfo`.
    #[error("the token is not a signed TSTInfo: {0}")]
    Token(String),
    /// The signer's certificate is not in the response.
    #[error("the response does not carry the certificate of its signer")]
    NoCertificate,
    /// The signed `messageDigest` is not the digest of the `TSTInfo`.
    #[error("the signed message digest is not the digest of the TSTInfo (the token was changed)")]
    Digest,
    /// The signature does not verify with the signer's key.
    #[error("the signature does not verify with the key of the TSA certificate")]
    Signature,
    /// The signer certificate may not time-stamp.
    #[error("the TSA certificate `{subject}` has no extended key usage timeStamping")]
    NoTimeStampingUsage {
        /// Its subject.
        subject: String,
    },
    /// The usage is there but not critical.
    #[error(
        "the extended key usage of the TSA certificate `{subject}` is not critical (RFC 3161 §2.3)"
    )]
    UsageNotCritical {
        /// Its subject.
        subject: String,
    },
    /// A certificate of the chain was not valid at `genTime`.
    #[error("the certificate `{subject}` was not valid at the time-stamp's time")]
    NotValidThen {
        /// Its subject.
        subject: String,
    },
    /// No trusted CA certificate.
    #[error("no trusted TSA CA certificate (keys/tsa/*.pem or DPO_TSA_CA)")]
    NoCa,
    /// The chain does not end at a trusted CA.
    #[error("the TSA certificate does not chain to a trusted CA (issuer `{issuer}`)")]
    Untrusted {
        /// The last issuer found.
        issuer: String,
    },
    /// The `.tsr` no longer reads as a time-stamp response (changed).
    #[error("it no longer reads as a time-stamp response: {0}")]
    Unreadable(String),
    /// No ESS `signingCertificate(V2)` signed attribute (RFC 3161 §2.4.2).
    #[error("the token has no ESS signing certificate attribute (RFC 3161 §2.4.2)")]
    NoEss,
    /// The ESS attribute names another certificate than the signer's.
    #[error("the ESS signing certificate attribute does not name the signer certificate")]
    EssOther,
    /// An algorithm dpo does not check.
    #[error("unsupported algorithm {0}")]
    Algorithm(String),
}

impl Refusal {
    /// The reason, from the catalog.
    pub fn msg(&self) -> Msg {
        let subject = |id: &'static str, s: &str| Msg::new(id).arg("subject", s);
        match self {
            Refusal::NotGranted { status } => {
                Msg::new("timestamp-why-not-granted").arg("status", status.as_str())
            }
            Refusal::OtherFile => Msg::new("timestamp-why-other-file"),
            Refusal::Nonce => Msg::new("timestamp-why-nonce"),
            Refusal::Token(w) => Msg::new("timestamp-why-token").arg("why", Msg::text(w.as_str())),
            Refusal::NoCertificate => Msg::new("timestamp-why-no-certificate"),
            Refusal::Digest => Msg::new("timestamp-why-digest"),
            Refusal::Signature => Msg::new("timestamp-why-signature"),
            Refusal::NoTimeStampingUsage { subject: s } => subject("timestamp-why-no-eku", s),
            Refusal::UsageNotCritical { subject: s } => {
                subject("timestamp-why-eku-not-critical", s)
            }
            Refusal::NotValidThen { subject: s } => subject("timestamp-why-not-valid-then", s),
            Refusal::NoCa => Msg::new("timestamp-why-no-ca"),
            Refusal::Untrusted { issuer } => {
                Msg::new("timestamp-why-untrusted").arg("issuer", issuer.as_str())
            }
            Refusal::Unreadable(w) => {
                Msg::new("timestamp-why-unreadable").arg("why", Msg::text(w.as_str()))
            }
            Refusal::NoEss => Msg::new("timestamp-why-no-ess"),
            Refusal::EssOther => Msg::new("timestamp-why-ess-other"),
            Refusal::Algorithm(a) => {
                Msg::new("timestamp-why-algorithm").arg("algorithm", a.as_str())
            }
        }
    }
}

/// Reads the PEM certificates of a CA file.
pub fn read_cas(pem: &[u8]) -> Result<Vec<Certificate>, String> {
    let certs = Certificate::load_pem_chain(pem).map_err(|e| e.to_string())?;
    if certs.is_empty() {
        return Err("no certificate".into());
    }
    Ok(certs)
}

/// The files of the trusted CA certificates: `ca` (`DPO_TSA_CA`) when
/// given, else `root/keys/tsa/*.pem`, sorted.
pub fn trusted_files(
    root: &std::path::Path,
    ca: Option<&std::path::Path>,
) -> Vec<std::path::PathBuf> {
    if let Some(f) = ca {
        return vec![f.to_path_buf()];
    }
    let mut v: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("keys").join("tsa"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "pem"));
    v.sort();
    v
}

/// The trusted CA certificates: the PEM file `ca` (`DPO_TSA_CA`) when
/// given, else `root/keys/tsa/*.pem`.
pub fn trusted(
    root: &std::path::Path,
    ca: Option<&std::path::Path>,
) -> Result<Vec<Certificate>, super::TimestampError> {
    let mut cas = Vec::new();
    for f in trusted_files(root, ca) {
        let certs = read_cas(&super::read(&f)?)
            .map_err(|why| super::TimestampError::BadCa { path: f, why })?;
        cas.extend(certs);
    }
    Ok(cas)
}

/// Checks `resp` fully against `req` and the trusted `cas`; the stamp, its
/// `tsa` filled from the signer certificate when the token names none.
pub fn verify(resp: &Response, req: &Request, cas: &[Certificate]) -> Result<Stamp, Refusal> {
    resp.answers(req)?;
    let sd = &resp.signed;
    if sd.encap_content_info.econtent_type != ID_CT_TSTINFO {
        return Err(Refusal::Token(format!(
            "content type {}",
            sd.encap_content_info.econtent_type
        )));
    }
    let mut signers = sd.signer_infos.0.iter();
    let (Some(si), None) = (signers.next(), signers.next()) else {
        return Err(Refusal::Token("not exactly one signer".into()));
    };
    let certs = certificates(sd);
    let signer = certs
        .iter()
        .find(|c| is_signer(si, c))
        .ok_or(Refusal::NoCertificate)?;
    check_signed_attributes(si, &resp.tst_der)?;
    check_signing_certificate(si, signer)?;
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or_else(|| Refusal::Token("no signed attributes".into()))?
        .to_der()
        .map_err(|e| Refusal::Token(e.to_string()))?;
    let hash = Hash::of_signature(&si.signature_algorithm.oid)
        .or_else(|_| Hash::of_digest(&si.digest_alg.oid))?;
    let key = &signer.tbs_certificate.subject_public_key_info;
    if !check_signature(key, hash, &attrs, si.signature.as_bytes())? {
        return Err(Refusal::Signature);
    }
    let subject = signer.tbs_certificate.subject.to_string();
    let eku = signer
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == ID_CE_EXT_KEY_USAGE);
    let usages = eku
        .and_then(|e| ExtendedKeyUsage::from_der(e.extn_value.as_bytes()).ok())
        .map(|u| u.0)
        .unwrap_or_default();
    if !usages.contains(&ID_KP_TIME_STAMPING) {
        return Err(Refusal::NoTimeStampingUsage { subject });
    }
    if !eku.is_some_and(|e| e.critical) {
        return Err(Refusal::UsageNotCritical { subject });
    }
    let mut stamp = resp.stamp();
    let at = std::time::Duration::from_secs(u64::try_from(resp.gen_time.timestamp()).unwrap_or(0));
    chain(signer, &certs, cas, at)?;
    if stamp.tsa.is_empty() {
        stamp.tsa = subject;
    }
    Ok(stamp)
}

/// The certificates the response carries.
fn certificates(sd: &SignedData) -> Vec<Certificate> {
    sd.certificates
        .iter()
        .flat_map(|s| s.0.iter())
        .filter_map(|c| match c {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            CertificateChoices::Other(_) => None,
        })
        .collect()
}

/// Whether `c` is the certificate `si` names.
fn is_signer(si: &SignerInfo, c: &Certificate) -> bool {
    match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(i) => {
            i.issuer == c.tbs_certificate.issuer
                && i.serial_number == c.tbs_certificate.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(k) => c
            .tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .as_bytes()
            .is_some_and(|key| {
                use rsa::sha2::Digest;
                sha1_like(key, k.0.as_bytes())
                    || rsa::sha2::Sha256::digest(key).get(..k.0.as_bytes().len())
                        == Some(k.0.as_bytes())
            }),
    }
}

/// The usual key identifier: the SHA-1 of the key's bit string.
fn sha1_like(key: &[u8], id: &[u8]) -> bool {
    use sha1::Digest;
    sha1::Sha1::digest(key).as_slice() == id
}

/// The signed attributes say a `TSTInfo` whose digest is the token's.
fn check_signed_attributes(si: &SignerInfo, tst_der: &[u8]) -> Result<(), Refusal> {
    let attrs = si
        .signed_attrs
        .as_ref()
        .ok_or_else(|| Refusal::Token("no signed attributes".into()))?;
    let value = |oid| {
        attrs
            .iter()
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
    };
    let ct = value(ID_CONTENT_TYPE).and_then(|v| v.decode_as::<ObjectIdentifier>().ok());
    if ct != Some(ID_CT_TSTINFO) {
        return Err(Refusal::Token(
            "the signed content type is not TSTInfo".into(),
        ));
    }
    let md = value(ID_MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| Refusal::Token("no signed message digest".into()))?;
    if Hash::of_digest(&si.digest_alg.oid)?.digest(tst_der) != md.as_bytes() {
        return Err(Refusal::Digest);
    }
    Ok(())
}

/// `ESSCertID` (RFC 2634 §5.4.1): the SHA-1 of a certificate.
#[derive(Sequence)]
struct EssCertId {
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    _issuer_serial: Option<Any>,
}

/// `SigningCertificate` (RFC 2634 §5.4).
#[derive(Sequence)]
struct SigningCertificate {
    certs: Vec<EssCertId>,
    #[asn1(optional = "true")]
    _policies: Option<Any>,
}

/// `ESSCertIDv2` (RFC 5035 §4): the hash (SHA-256 by default) of a
/// certificate.
#[derive(Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    _issuer_serial: Option<Any>,
}

/// `SigningCertificateV2` (RFC 5035 §3).
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    _policies: Option<Any>,
}

/// The signed ESS `signingCertificate` or `signingCertificateV2` attribute
/// is there and its first certificate hash is the signer certificate's
/// (RFC 3161 §2.4.2, as `openssl ts -verify` checks it).
fn check_signing_certificate(si: &SignerInfo, signer: &Certificate) -> Result<(), Refusal> {
    let value = |oid| {
        si.signed_attrs
            .iter()
            .flat_map(|a| a.iter())
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
    };
    let der = signer.to_der().map_err(|e| Refusal::Token(e.to_string()))?;
    let bad = |e: der::Error| Refusal::Token(format!("ESS signing certificate: {e}"));
    let (hash, expected) = if let Some(v) = value(ID_AA_SIGNING_CERTIFICATE_V_2) {
        let sc = v.decode_as::<SigningCertificateV2>().map_err(bad)?;
        let first = sc.certs.into_iter().next().ok_or(Refusal::NoEss)?;
        let hash = match &first.hash_algorithm {
            Some(a) => Hash::of_digest(&a.oid)?.digest(&der),
            None => Hash::Sha256.digest(&der),
        };
        (hash, first.cert_hash)
    } else if let Some(v) = value(ID_AA_SIGNING_CERTIFICATE) {
        use sha1::Digest;
        let sc = v.decode_as::<SigningCertificate>().map_err(bad)?;
        let first = sc.certs.into_iter().next().ok_or(Refusal::NoEss)?;
        (sha1::Sha1::digest(&der).to_vec(), first.cert_hash)
    } else {
        return Err(Refusal::NoEss);
    };
    if hash != expected.as_bytes() {
        return Err(Refusal::EssOther);
    }
    Ok(())
}

/// Walks from `cert` up to a trusted CA, through the response's
/// certificates; each signature checked, each certificate valid at `at`.
fn chain(
    cert: &Certificate,
    carried: &[Certificate],
    cas: &[Certificate],
    at: std::time::Duration,
) -> Result<(), Refusal> {
    if cas.is_empty() {
        return Err(Refusal::NoCa);
    }
    let mut current = cert.clone();
    for _ in 0..8 {
        valid_at(&current, at)?;
        let issued = |by: &&Certificate| {
            by.tbs_certificate.subject == current.tbs_certificate.issuer
                && signed_by(&current, by).unwrap_or(false)
        };
        if let Some(ca) = cas.iter().find(issued) {
            return valid_at(ca, at);
        }
        match carried.iter().filter(|c| **c != current).find(issued) {
            Some(next) => current = next.clone(),
            None => break,
        }
    }
    Err(Refusal::Untrusted {
        issuer: current.tbs_certificate.issuer.to_string(),
    })
}

fn valid_at(c: &Certificate, at: std::time::Duration) -> Result<(), Refusal> {
    let v = &c.tbs_certificate.validity;
    if v.not_before.to_unix_duration() <= at && at <= v.not_after.to_unix_duration() {
        Ok(())
    } else {
        Err(Refusal::NotValidThen {
            subject: c.tbs_certificate.subject.to_string(),
        })
    }
}

/// Whether `issuer`'s key verifies the signature of `c`.
fn signed_by(c: &Certificate, issuer: &Certificate) -> Result<bool, Refusal> {
    let tbs = c
        .tbs_certificate
        .to_der()
        .map_err(|e| Refusal::Token(e.to_string()))?;
    let hash = Hash::of_signature(&c.signature_algorithm.oid)?;
    let sig = c.signature.as_bytes().unwrap_or_default();
    check_signature(
        &issuer.tbs_certificate.subject_public_key_info,
        hash,
        &tbs,
        sig,
    )
}

/// The digests dpo checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn of_digest(oid: &ObjectIdentifier) -> Result<Self, Refusal> {
        match *oid {
            ID_SHA_256 => Ok(Hash::Sha256),
            ID_SHA_384 => Ok(Hash::Sha384),
            ID_SHA_512 => Ok(Hash::Sha512),
            o => Err(Refusal::Algorithm(o.to_string())),
        }
    }

    fn of_signature(oid: &ObjectIdentifier) -> Result<Self, Refusal> {
        match *oid {
            SHA_256_WITH_RSA_ENCRYPTION | ECDSA_WITH_SHA_256 => Ok(Hash::Sha256),
            SHA_384_WITH_RSA_ENCRYPTION | ECDSA_WITH_SHA_384 => Ok(Hash::Sha384),
            SHA_512_WITH_RSA_ENCRYPTION | ECDSA_WITH_SHA_512 => Ok(Hash::Sha512),
            o => Err(Refusal::Algorithm(o.to_string())),
        }
    }

    fn digest(self, bytes: &[u8]) -> Vec<u8> {
        use rsa::sha2::Digest;
        match self {
            Hash::Sha256 => rsa::sha2::Sha256::digest(bytes).to_vec(),
            Hash::Sha384 => rsa::sha2::Sha384::digest(bytes).to_vec(),
            Hash::Sha512 => rsa::sha2::Sha512::digest(bytes).to_vec(),
        }
    }
}

/// Whether `sig` is a signature of `message` (hashed with `hash`) by `key`:
/// RSA PKCS #1 v1.5, ECDSA P-256 or P-384 (DER signature).
fn check_signature(
    key: &SubjectPublicKeyInfoOwned,
    hash: Hash,
    message: &[u8],
    sig: &[u8],
) -> Result<bool, Refusal> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    use rsa::pkcs8::DecodePublicKey;
    let der = key.to_der().map_err(|e| Refusal::Token(e.to_string()))?;
    let hashed = hash.digest(message);
    let bad_key = |e: &dyn std::fmt::Display| Refusal::Token(format!("bad public key: {e}"));
    match key.algorithm.oid {
        RSA_ENCRYPTION => {
            let k = rsa::RsaPublicKey::from_public_key_der(&der).map_err(|e| bad_key(&e))?;
            let scheme = match hash {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha384>(),
                Hash::Sha512 => rsa::Pkcs1v15Sign::new::<rsa::sha2::Sha512>(),
            };
            Ok(k.verify(scheme, &hashed, sig).is_ok())
        }
        ID_EC_PUBLIC_KEY => {
            let curve = key
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            Ok(match curve {
                Some(SECP_256_R_1) => {
                    let k = p256::ecdsa::VerifyingKey::from_public_key_der(&der)
                        .map_err(|e| bad_key(&e))?;
                    p256::ecdsa::Signature::from_der(sig)
                        .is_ok_and(|s| k.verify_prehash(&hashed, &s).is_ok())
                }
                Some(SECP_384_R_1) => {
                    let k = p384::ecdsa::VerifyingKey::from_public_key_der(&der)
                        .map_err(|e| bad_key(&e))?;
                    p384::ecdsa::Signature::from_der(sig)
                        .is_ok_and(|s| k.verify_prehash(&hashed, &s).is_ok())
                }
                other => {
                    return Err(Refusal::Algorithm(
                        other.map(|o| o.to_string()).unwrap_or_default(),
                    ))
                }
            })
        }
        o => Err(Refusal::Algorithm(o.to_string())),
    }
}
