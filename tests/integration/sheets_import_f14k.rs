//! Integration tests of issue 14, part f14k: defects of the seventh review
//! (review 14g) of `dpo import`.
