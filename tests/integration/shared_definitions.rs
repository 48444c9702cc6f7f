//! Issue 16, duplicate count (part ddA): the factoring keeps every output.
//! Each record that may mark assumptions is declared once, its field enum
//! derived from the same field list: the JSON Schema of every such record
//! still enumerates exactly its own fields. A file that cannot be read is
//! one error (`ReadError`) for the workspace, signing and attachments: it
//! is said in the run's language, names the file and gives its cause once.

use serde_json::Value;

use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::{Run, Workspace};

#[test]
fn every_to_confirm_list_of_every_schema_names_exactly_the_fields_of_its_record() {
    let ws = Workspace::sample();
    let dir = ws.path("schemas");
    ws.dpo()
        .run(&["schema", "-o", dir.to_str().unwrap()])
        .assert_code(0);
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        let defs = &schema["$defs"];
        for (name, def) in defs.as_object().into_iter().flatten() {
            let props = def["properties"].as_object();
            let Some(list) = props.and_then(|p| p.get("to_confirm")) else {
                continue;
            };
            let target = list["items"]["$ref"].as_str().unwrap();
            let field_enum = &defs[target.rsplit('/').next().unwrap()];
            let mut named = Vec::new();
            for v in field_enum["oneOf"].as_array().unwrap() {
                let field = v["const"].as_str().unwrap();
                assert_eq!(v["description"], format!("`{field}`"), "{name}");
                named.push(field);
            }
            let mut fields: Vec<&str> = props
                .unwrap()
                .keys()
                .map(String::as_str)
                .filter(|k| *k != "id" && *k != "to_confirm")
                .collect();
            named.sort();
            fields.sort();
            assert_eq!(named, fields, "{name}");
            let said = list["description"].as_str().unwrap_or_default();
            assert!(said.contains("assumption to confirm"), "{name}: {said}");
            seen.push(name.clone());
        }
    }
    seen.sort();
    seen.dedup();
    let records = [
        "DataCopy",
        "DataItem",
        "Person",
        "ProcessingActivity",
        "SecurityMeasure",
        "SubProcessor",
        "Transfer",
    ];
    assert_eq!(seen, records);
}

/// `r` refused with exit code 2, saying `first` (with the file) and its
/// cause on one line of its own, once.
fn unreadable(r: &Run, first: &str, cause: &str) {
    let err = r.stderr();
    r.assert_code(2);
    r.assert_no_panic();
    assert!(
        err.lines().next().unwrap_or_default().contains(first),
        "{err}"
    );
    assert_eq!(err.matches(cause).count(), 1, "{err}");
}

#[test]
fn a_file_that_cannot_be_read_is_named_with_its_cause_once_in_the_run_s_language() {
    let ws = Workspace::sample();
    let absent = ws.dir().join("absent.pdf");
    let shown = absent.display().to_string();
    let fr = ws.dpo().run(&["verify", &shown]);
    unreadable(
        &fr,
        &format!("erreur\u{202f}: lecture impossible de `{shown}`"),
        "cause\u{202f}: fichier ou dossier introuvable",
    );
    let en = ws.dpo().english().run(&["verify", &shown]);
    unreadable(
        &en,
        &format!("error: failed to read `{shown}`"),
        "caused by: No such file or directory",
    );
}

#[test]
fn a_document_to_attach_that_cannot_be_read_is_said_as_one_and_nothing_is_sent() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    ws.dpo()
        .run(&access_request("2021-03-26 09:00", "Accès au dossier RH"))
        .assert_code(0);
    let before = ws.read("requests/2021-001.yaml");
    let absent = ws.dir().join("courrier-absent.pdf");
    let shown = absent.display().to_string();
    let server = SmtpServer::start(Mode::Plain);
    let forward = |lang: &[&'static str]| {
        let mut args = lang.to_vec();
        args.extend([
            "--now",
            "2021-03-26 11:30",
            "request",
            "forward",
            "2021-001",
        ]);
        let mut args: Vec<String> = args.into_iter().map(String::from).collect();
        args.extend(["--attach".to_string(), shown.clone()]);
        ws.dpo().smtp(&server).run(&args)
    };
    unreadable(
        &forward(&[]),
        &format!("lecture impossible du document à joindre `{shown}`"),
        "fichier ou dossier introuvable",
    );
    unreadable(
        &forward(&["--lang", "en"]),
        &format!("failed to read the document to attach `{shown}`"),
        "No such file or directory",
    );
    assert!(server.messages().is_empty());
    assert_eq!(ws.read("requests/2021-001.yaml"), before);
}
