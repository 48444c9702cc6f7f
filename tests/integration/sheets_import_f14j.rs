//! Integration tests of issue 14, part f14j: defects of the seventh review
//! (review 14g) of `dpo import`.
