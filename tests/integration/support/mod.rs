//! What every journey's tests share: a workspace copied from a fixture into a
//! temporary folder ([`Workspace`]), the one way to run the real `dpo` binary
//! on it ([`Dpo`], giving a [`Run`]), a real SMTP server on loopback
//! ([`smtp`]) and what it received ([`mail`]), and the real tools a user
//! would check the outputs with ([`tools`]: `pdftotext`, `sha256sum`,
//! `ssh-keygen`, Python's `bagit`).

pub(crate) mod breach;
pub(crate) mod dpo;
pub(crate) mod fate;
pub(crate) mod instruction;
pub(crate) mod language;
pub(crate) mod mail;
pub(crate) mod request;
pub(crate) mod sheets;
pub(crate) mod smtp;
pub(crate) mod status;
pub(crate) mod tools;
pub(crate) mod tsa;
pub(crate) mod workspace;

pub(crate) use dpo::{Dpo, Run};
pub(crate) use workspace::{copy_dir, fixture, Workspace};
