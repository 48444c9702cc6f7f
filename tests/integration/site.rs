//! The static HTML dossier (`dpo site`): issue 13.
