//! # dpo — the toolkit of a GDPR processor's data-protection officer
//!
//! `dpo` keeps the processor's registers as plain YAML files in a folder (the
//! workspace) and turns them into the documents a processing convention asks
//! for: the register of the categories of processing (GDPR Art. 30(2)),
//! breach notifications, destruction certificates — with proofs a controller
//! checks with standard tools.
//!
//! The binary is a thin shell over [`cli::main`]: `cli` parses the
//! arguments, reads the environment once into one [`cli::Settings`], calls a
//! workflow of the domain and prints what it returns. Domain modules — one per
//! duty (`breach`, `request`, `instruction`, `subprocessor`, `fate`, `audit`,
//! `register`, `status`, `import`, `team`: a team sharing the workspace in git) over shared infrastructure (`workspace` with its one
//! record store and journal, `mail` with its one outbox, `signing`, `render`,
//! `time`, `hashing`, `bagit`, `sheet`) — never print, never read the clock or the
//! environment: the instant, the actor and the settings are passed in.

#![forbid(unsafe_code)]

pub mod audit;
pub mod bagit;
pub mod breach;
pub mod cli;
pub mod fate;
pub mod hashing;
pub mod import;
pub mod instruction;
pub mod mail;
pub mod model;
pub mod register;
pub mod render;
pub mod request;
pub mod sheet;
pub mod signing;
pub mod site;
pub mod status;
pub mod subprocessor;
pub mod team;
pub mod time;
pub mod timestamp;
pub mod workspace;
