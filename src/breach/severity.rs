//! The ENISA (2013) method for assessing the severity of a personal-data
//! breach: SE = DPC × EI + CB. A helper for the DPO's own judgement — it
//! never blocks a notification, which is due whatever the score.
//!
//! - DPC, data processing context: 1 (low) to 4 (very high), adjusted by the
//!   assessor;
//! - EI, ease of identification: 0.25 (negligible), 0.5 (limited), 0.75
//!   (significant), 1 (maximum);
//! - CB, circumstances of the breach: the sum of the loss of confidentiality
//!   (0 to 0.5), integrity (0 to 0.5), availability (0 to 0.5) and malicious
//!   intent (0 or 0.5), so 0 to 2.
//!
//! Levels: SE < 2 low, 2 ≤ SE < 3 medium, 3 ≤ SE < 4 high, 4 ≤ SE very high.
//! The arithmetic is done in integers (ten-thousandths) so that a score on a
//! band edge, such as 4 × 0.5 = 2, lands in the upper band exactly.

use serde::Serialize;

/// Severity levels of the ENISA method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// SE < 2.
    Low,
    /// 2 ≤ SE < 3.
    Medium,
    /// 3 ≤ SE < 4.
    High,
    /// 4 ≤ SE.
    VeryHigh,
}

impl Level {
    /// The key of its label in the catalog (`dpo.ftl`).
    pub fn label_key(self) -> &'static str {
        match self {
            Level::Low => "severity.low",
            Level::Medium => "severity.medium",
            Level::High => "severity.high",
            Level::VeryHigh => "severity.very_high",
        }
    }
}

/// A score out of range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeverityError {
    /// A factor is outside its scale.
    #[error("{factor} = {value} is outside its scale ({lo} to {hi})")]
    OutOfRange {
        /// DPC, EI or CB.
        factor: &'static str,
        /// What was given.
        value: f64,
        /// The lowest value of the scale.
        lo: &'static str,
        /// The highest.
        hi: &'static str,
    },
}

/// The result of the method.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Severity {
    /// Data processing context.
    pub dpc: f64,
    /// Ease of identification.
    pub ei: f64,
    /// Circumstances of the breach.
    pub cb: f64,
    /// SE = DPC × EI + CB.
    pub score: f64,
    /// The band SE falls in.
    pub level: Level,
}

/// Hundredths, exactly, of a factor given with at most two decimals.
fn hundredths(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// Computes SE = DPC × EI + CB and its level. DPC must be within 1–4, EI
/// within 0.25–1, CB within 0–2.
pub fn assess(dpc: f64, ei: f64, cb: f64) -> Result<Severity, SeverityError> {
    let check = |factor, value: f64, (lo, hi): (f64, f64), (lo_text, hi_text)| {
        if value.is_finite() && value >= lo && value <= hi {
            Ok(())
        } else {
            Err(SeverityError::OutOfRange {
                factor,
                value,
                lo: lo_text,
                hi: hi_text,
            })
        }
    };
    check("DPC", dpc, (1.0, 4.0), ("1", "4"))?;
    check("EI", ei, (0.25, 1.0), ("0.25", "1"))?;
    check("CB", cb, (0.0, 2.0), ("0", "2"))?;
    // Ten-thousandths: DPC and EI in hundredths multiply exactly.
    let se = hundredths(dpc) * hundredths(ei) + hundredths(cb) * 100;
    let level = if se < 20_000 {
        Level::Low
    } else if se < 30_000 {
        Level::Medium
    } else if se < 40_000 {
        Level::High
    } else {
        Level::VeryHigh
    };
    Ok(Severity {
        dpc,
        ei,
        cb,
        score: se as f64 / 10_000.0,
        level,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(dpc: f64, ei: f64, cb: f64) -> Level {
        assess(dpc, ei, cb).unwrap().level
    }

    /// Known answers, (DPC, EI, CB) → level, at and around each band's edge.
    const KNOWN: [(f64, f64, f64, Level); 11] = [
        // Each band starts exactly at its edge: 4 × 0.5 = 2.00 is medium, not low.
        (4.0, 0.5, 0.0, Level::Medium),
        (3.0, 1.0, 0.0, Level::High),
        (4.0, 1.0, 0.0, Level::VeryHigh),
        (2.0, 0.75, 1.5, Level::High),
        // Just below each edge stays in the lower band: 1.75 × 1 + 0.24 = 1.99.
        (1.75, 1.0, 0.24, Level::Low),
        (2.75, 1.0, 0.24, Level::Medium),
        (3.75, 1.0, 0.24, Level::High),
        // Circumstances lift a score over an edge.
        (1.0, 0.25, 0.0, Level::Low),
        (3.0, 0.5, 0.5, Level::Medium),
        (3.0, 0.5, 1.5, Level::High),
        (4.0, 1.0, 2.0, Level::VeryHigh),
    ];

    #[test]
    fn each_known_score_falls_in_its_band_edges_included() {
        for (dpc, ei, cb, want) in KNOWN {
            assert_eq!(level(dpc, ei, cb), want, "DPC {dpc} × EI {ei} + CB {cb}");
        }
        assert_eq!(assess(3.75, 1.0, 0.24).unwrap().score, 3.99);
    }

    #[test]
    fn factors_outside_their_scale_are_refused() {
        assert!(assess(0.0, 0.5, 0.0).is_err());
        assert!(assess(2.0, 0.1, 0.0).is_err());
        assert!(assess(2.0, 0.5, 2.5).is_err());
        assert!(assess(f64::NAN, 0.5, 0.0).is_err());
    }
}
