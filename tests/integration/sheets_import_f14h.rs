//! Integration tests of issue 14, part f14h: defects of the sixth review
//! (review 14f) of `dpo import` and the register workbook.
