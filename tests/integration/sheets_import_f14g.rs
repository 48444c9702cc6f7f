//! Integration tests of issue 14, part f14g: the fifth review's last
//! defects of `dpo import` and `dpo check`.
