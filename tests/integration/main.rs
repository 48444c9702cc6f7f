//! The integration tests: one crate (one binary to build and link), one
//! module per journey, all run on copies of fixture workspaces with the real
//! `dpo` binary and checked with the real tools a user would use. `support`
//! holds the one harness.
//!
//! Run one journey with a filter: `tests/run.sh --test integration breach::`.

mod support;

mod backup;
mod bag_verify;
mod bagit;
mod breach;
mod cli;
mod closing;
mod copies;
mod crash;
mod documents;
mod duties_voice;
mod errors_voice;
mod evidence;
mod fate;
mod git_journal;
mod hostile;
mod imports;
mod language;
mod layout_pages;
mod legal_review;
mod legal_time;
mod notice;
mod robustness;
mod sample;
mod scan;
mod sending_lines;
mod set_integrity;
mod shared_definitions;
mod sheets_export;
mod sheets_import;
mod sheets_import_f14d;
mod sheets_import_f14g;
mod sheets_import_f14h;
mod sheets_import_f14i;
mod sheets_import_f14j;
mod sheets_import_f14k;
mod sheets_import_f14l;
mod sheets_import_f14m;
mod sheets_import_f14n;
mod sheets_import_f14o;
mod sheets_import_f14p;
mod sheets_import_f14q;
mod sheets_import_f14r;
mod sheets_import_f14s;
mod sheets_import_f14u;
mod sheets_import_f14v;
mod sheets_import_f14w;
mod sheets_import_f14x;
mod sheets_import_f14y;
mod sheets_logs;
mod site;
mod status_audit;
mod status_order;
mod subprocessor_request_instruction;
mod tamper;
mod team_git;
mod terminal_voice;
mod timestamp;
mod timestamp_times;
mod vb_terminal;
