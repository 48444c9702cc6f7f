//! The response, `FILE.tsr`: a DER `TimeStampResp` (RFC 3161 §2.4.2) whose
//! token is a CMS `SignedData` over a `TSTInfo`. [`Response::read`] takes it
//! apart; [`Response::answers`] checks it against its request (granted, same
//! imprint, same nonce) — what is checked before a `.tsr` is kept.

use chrono::{DateTime, Utc};
use cmpv2::status::PkiStatus;
use cms::signed_data::SignedData;
use const_oid::db::rfc5911::ID_SIGNED_DATA;
use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::Int;
use der::oid::ObjectIdentifier;
use der::{Any, Sequence, Tag, Tagged};
use der::{Decode, Encode};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::Extensions;
use x509_tsp::{Accuracy, MessageImprint, TimeStampResp, TspVersion};

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

/// The `TSTInfo` of RFC 3161 §2.4.2, as `x509-tsp` declares it but with
/// `genTime` read here: der's `GeneralizedTime` refuses the fractional
/// seconds that RFC 3161 allows and many authorities write.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
#[allow(missing_docs)]
pub struct TstInfo {
    pub version: TspVersion,
    pub policy: ObjectIdentifier,
    pub message_imprint: MessageImprint,
    pub serial_number: Int,
    pub gen_time: Any,
    #[asn1(optional = "true")]
    pub accuracy: Option<Accuracy>,
    #[asn1(default = "Default::default")]
    pub ordering: bool,
    #[asn1(optional = "true")]
    pub nonce: Option<Int>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub extensions: Option<Extensions>,
}

/// `YYYYMMDDHHMMSS[.fff…]Z` (a GeneralizedTime in UTC, RFC 3161 §2.4.2).
fn gen_time(t: &Any) -> Result<DateTime<Utc>, String> {
    let bad = || "genTime is not a GeneralizedTime in UTC".to_string();
    if t.tag() != Tag::GeneralizedTime {
        return Err(bad());
    }
    let text = std::str::from_utf8(t.value()).map_err(|_| bad())?;
    let text = text.strip_suffix('Z').ok_or_else(bad)?;
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() != 14 || !digits(whole) || !digits(fraction) || fraction.len() > 9 {
        return Err(bad());
    }
    let at = chrono::NaiveDateTime::parse_from_str(whole, "%Y%m%d%H%M%S").map_err(|_| bad())?;
    let nanos: u32 = format!("{fraction:0<9}").parse().map_err(|_| bad())?;
    Ok(at.and_utc() + chrono::TimeDelta::nanoseconds(i64::from(nanos)))
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
    /// Its `genTime`.
    pub gen_time: DateTime<Utc>,
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
        let gen_time = gen_time(&tst.gen_time).map_err(Err)?;
        Ok(Response {
            signed,
            tst_der,
            tst,
            gen_time,
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
        let tsa = match &self.tst.tsa {
            Some(GeneralName::DirectoryName(n)) => n.to_string(),
            Some(other) => other.to_der().map(hex::encode).unwrap_or_default(),
            None => String::new(),
        };
        Stamp {
            gen_time: self.gen_time,
            serial: hex::encode(self.tst.serial_number.as_bytes()),
            tsa,
            policy: self.tst.policy.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Result<DateTime<Utc>, String> {
        gen_time(&Any::new(Tag::GeneralizedTime, text.as_bytes()).unwrap())
    }

    #[test]
    fn gen_time_reads_whole_and_fractional_seconds() {
        assert_eq!(
            at("20261202065134Z").unwrap().to_rfc3339(),
            "2026-12-02T06:51:34+00:00"
        );
        assert_eq!(
            at("20261202065134.25Z").unwrap().timestamp_subsec_millis(),
            250
        );
        for bad in [
            "20261202065134",
            "2026120206513Z",
            "20261202065134.x5Z",
            "20261302065134Z",
        ] {
            assert!(at(bad).is_err(), "{bad}");
        }
        assert!(gen_time(&Any::new(Tag::UtcTime, b"261202065134Z".as_slice()).unwrap()).is_err());
    }
}
