//! The request, `FILE.tsq`: a DER `TimeStampReq` (RFC 3161 §2.4.1) with the
//! SHA-256 of the file, a 64-bit nonce and `certReq` (the authority puts its
//! certificate in the answer, so the answer can be checked on its own).

use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::{Int, OctetString};
use der::{Any, Decode, Encode};
use spki::AlgorithmIdentifier;
use x509_tsp::{MessageImprint, TimeStampReq, TspVersion};

/// What a request asks: the SHA-256 to date and the nonce the answer must
/// repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The SHA-256 of the file.
    pub imprint: [u8; 32],
    /// The nonce, as its DER integer bytes.
    pub nonce: Vec<u8>,
}

/// 64 random bits from the system, as a positive DER integer's bytes.
pub fn new_nonce() -> Result<Vec<u8>, String> {
    let mut raw = [0u8; 8];
    getrandom::getrandom(&mut raw).map_err(|e| e.to_string())?;
    Ok(positive(&raw))
}

/// The minimal DER content of the unsigned integer `raw` (big-endian).
fn positive(raw: &[u8]) -> Vec<u8> {
    let start = raw.iter().position(|b| *b != 0).unwrap_or(raw.len() - 1);
    let mut out = Vec::with_capacity(raw.len() + 1);
    if raw[start] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(&raw[start..]);
    out
}

impl Request {
    /// The DER of the request, `certReq` set.
    pub fn to_der(&self) -> Result<Vec<u8>, der::Error> {
        TimeStampReq {
            version: TspVersion::V1,
            message_imprint: MessageImprint {
                hash_algorithm: AlgorithmIdentifier {
                    oid: ID_SHA_256,
                    parameters: Some(Any::null()),
                },
                hashed_message: OctetString::new(self.imprint.to_vec())?,
            },
            req_policy: None,
            nonce: Some(Int::new(&self.nonce)?),
            cert_req: true,
            extensions: None,
        }
        .to_der()
    }

    /// Reads a request made by dpo or by `openssl ts -query -sha256`: a
    /// SHA-256 imprint; the nonce may be absent (then empty).
    pub fn from_der(bytes: &[u8]) -> Result<Self, String> {
        let req = TimeStampReq::from_der(bytes).map_err(|e| e.to_string())?;
        let alg = req.message_imprint.hash_algorithm.oid;
        if alg != ID_SHA_256 {
            return Err(format!("the imprint is not a SHA-256 ({alg})"));
        }
        let imprint = req
            .message_imprint
            .hashed_message
            .as_bytes()
            .try_into()
            .map_err(|_| "the SHA-256 imprint is not 32 bytes long".to_string())?;
        Ok(Request {
            imprint,
            nonce: req.nonce.map(|n| n.as_bytes().to_vec()).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_reads_back_as_written() {
        let r = Request {
            imprint: [7; 32],
            nonce: positive(&[0x80, 1, 2, 3, 4, 5, 6, 7]),
        };
        assert_eq!(r.nonce[0], 0, "a high bit gets a leading zero");
        let der = r.to_der().unwrap();
        assert_eq!(Request::from_der(&der).unwrap(), r);
        let req = TimeStampReq::from_der(&der).unwrap();
        assert!(req.cert_req);
    }

    #[test]
    fn nonces_are_minimal_and_differ() {
        assert_eq!(positive(&[0, 0, 5]), vec![5]);
        assert_eq!(positive(&[0, 0]), vec![0]);
        assert_ne!(new_nonce().unwrap(), new_nonce().unwrap());
    }

    #[test]
    fn garbage_is_not_a_request() {
        assert!(Request::from_der(b"not DER").is_err());
    }
}
