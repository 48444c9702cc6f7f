//! The domain types of the workspace, one concept per file, in GDPR words.
//!
//! Every struct rejects unknown fields, so a misspelt key is an error that
//! names it rather than a value silently ignored. Optional fields that the
//! law or the convention requires are `Option`s: their absence is a warning
//! (see [`crate::workspace::validate`]) and the documents show "à compléter".
//! A struct whose every field may be left out says so once, with
//! `#[serde(default)]` on the struct rather than on each field.
//!
//! Every instant (`DateTime<FixedOffset>`) is read through `instant`, which
//! requires the UTC offset and refuses second 60 with a message of its own
//! ([`crate::time::parse_stored_time`]).

pub mod assumption;
mod attachment;
mod breach;
mod contact;
mod controller;
mod count;
mod fate;
mod id;
mod instant;
mod instruction;
mod person;
mod processor;
mod request;
mod security_measure;
mod subprocessor;
mod text;

pub use attachment::AttachedFile;
pub use breach::{Breach, Call, Closure, Nature, Notification, Origin};
pub use contact::Contact;
pub use controller::{
    name_after, name_with_article, with_preposition, ActivityField, Controller, ControllerContacts,
    Convention, ProcessingActivity, Renewal, Transfer, TransferField,
};
pub use count::Count;
pub use fate::{
    BackupProduct, BackupProof, BackupTool, BagRecord, BagVerificationRecord, CertificateRecord,
    Choice, CopyField, CopyKind, DataCopy, DataItem, Decision, DeletedBackup, DestructionRecord,
    FateFile, FateRecord, FingerprintRecord, ItemField, KeptFile, SanitizationMethod, ScanMatch,
    ScanRecord, Unopened,
};
pub use id::{Id, IdError};
pub use instruction::{Instruction, LegalTransfer, Objection};
pub use person::{People, Person, PersonField};
pub use processor::{Lang, Processor};
pub use request::{MailRecord, Request, Right};
pub use security_measure::{MeasureField, SecurityMeasure, SecurityMeasures};
pub use subprocessor::{
    ChangeKind, Contract, SubProcessor, SubProcessorField, SubProcessorNotice, SubProcessors,
};
pub use text::{
    bare_words, ends_in_doubt, folded, holds_todo, invisible_of, is_invisible, is_only_doubt,
    is_phone, is_phone_with_extension, is_placeholder, is_todo, name_key, required_text,
    split_label, without_doubt, words_end, EmptyText, DOUBT_WORDS,
};
