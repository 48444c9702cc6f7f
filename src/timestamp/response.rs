//! The response, `FILE.tsr`: a DER `TimeStampResp` (RFC 3161 §2.4.2) whose
//! token is a CMS `SignedData` over a `TSTInfo`. [`Response::read`] takes it
//! apart; [`Response::answers`] checks it against its request (granted, same
//! imprint, same nonce) — what is checked before a `.tsr` is kept.

use chrono::{DateTime, Utc};
use cmpv2::status::PkiStatus;
use cms::signed_data::SignedData;
use const_oid::db::rfc5911::ID_SIGNED_DATA;
use const_oid::db::rfc5912::ID_SHA_256;
use der::{Decode, Encode};
use x509_cert::ext::pkix::name::GeneralName;
use x509_tsp::{TimeStampResp, TstInfo};

use super::{Refusal, Request};

/// What a time-stamp says, once checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stamp {
    /// The authority's time (`genTime`).
    pub gen_time: DateTime<Utc>,
    /// The token's serial number, in hexadecimal.
    pub serial: String,
    /// The authority's name: the token's `tsa` field, else the signer
    /// certificate's subject (filled by [`super::verify`]).
    pub tsa: String,
    /// The authority's policy (an OID).
    pub policy: String,
}

/// A response taken apart.
#[derive(Debug)]
pub struct Response {
    /// The `SignedData` of the token.
    pub signed: SignedData,
    /// The DER of the `TSTInfo` (what the signature's `messageDigest` covers).
    pub tst_der: Vec<u8>,
    /// The `TSTInfo`.
    pub tst: TstInfo,
}

/// A parser's error, as [`Response::read`] gives it.
fn bad(e: der::Error) -> Result<Refusal, String> {
    Err(e.to_string())
}

impl Response {
    /// Reads a `.tsr`. `Err(Ok(refusal))` when it is a well-formed refusal of
    /// the authority (status not granted), `Err(Err(words))` when it is not a
    /// time-stamp response at all.
    pub fn read(bytes: &[u8]) -> Result<Self, Result<Refusal, String>> {
        let resp = TimeStampResp::from_der(bytes).map_err(bad)?;
        let status = resp.status.status;
        if !matches!(status, PkiStatus::Accepted | PkiStatus::GrantedWithMods) {
            let text = resp
                .status
                .status_string
                .iter()
                .flat_map(|t| t.iter())
                .map(|s| s.as_str().to_string())
                .collect::<Vec<_>>()
                .join(" ");
            return Err(Ok(Refusal::NotGranted {
                status: format!("{status:?} {text}").trim().to_string(),
            }));
        }
        let token = resp
            .time_stamp_token
            .ok_or_else(|| Err("a granted response without a token".to_string()))?;
        if token.content_type != ID_SIGNED_DATA {
            return Err(Err(format!(
                "the token is not a SignedData ({})",
                token.content_type
            )));
        }
        let signed = token.content.decode_as::<SignedData>().map_err(bad)?;
        let tst_der = signed
            .encap_content_info
            .econtent
            .as_ref()
            .ok_or_else(|| Err("the token holds no TSTInfo".to_string()))?
            .value()
            .to_vec();
        let tst = TstInfo::from_der(&tst_der).map_err(bad)?;
        Ok(Response {
            signed,
            tst_der,
            tst,
        })
    }

    /// Checks that this answers `req`: a SHA-256 imprint equal to the
    /// request's, the request's nonce repeated.
    pub fn answers(&self, req: &Request) -> Result<(), Refusal> {
        let mi = &self.tst.message_imprint;
        if mi.hash_algorithm.oid != ID_SHA_256 || mi.hashed_message.as_bytes() != req.imprint {
            return Err(Refusal::OtherFile);
        }
        let nonce = self.tst.nonce.as_ref().map(|n| n.as_bytes());
        if nonce.unwrap_or_default() != req.nonce.as_slice() {
            return Err(Refusal::Nonce);
        }
        Ok(())
    }

    /// What the token says; `tsa` is the token's own `tsa` name, or empty.
    pub fn stamp(&self) -> Stamp {
        let secs = self.tst.gen_time.to_unix_duration().as_secs();
        let gen_time = i64::try_from(secs)
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .unwrap_or_default();
        let tsa = match &self.tst.tsa {
            Some(GeneralName::DirectoryName(n)) => n.to_string(),
            Some(other) => other.to_der().map(hex::encode).unwrap_or_default(),
            None => String::new(),
        };
        Stamp {
            gen_time,
            serial: hex::encode(self.tst.serial_number.as_bytes()),
            tsa,
            policy: self.tst.policy.to_string(),
        }
    }
}
