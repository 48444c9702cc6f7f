//! RFC 3161 time-stamps (`dpo timestamp`): issue 12.
