//! What a returned bag says about itself: the `bag-info.txt` fields (RFC 8493
//! §2.2.2) that tell the receiving team who sent it, under which convention,
//! which item and which copy it holds. `Payload-Oxum` and `Bagging-Date` are
//! added by the BagIt writer.

use crate::model::{Controller, DataCopy, DataItem, Id, Processor};

/// A value of `bag-info.txt`: one line, whitespace collapsed (a line break
/// would start a continuation or a new label).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `bag-info.txt` fields of the bag of `item`, read from `copy`, in order.
pub fn bag_info(
    processor: &Processor,
    controller_id: &Id,
    controller: &Controller,
    item: &DataItem,
    copy: &DataCopy,
) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: Option<&str>| {
        if let Some(v) = v.map(one_line).filter(|v| !v.is_empty()) {
            f.push((k.to_string(), v));
        }
    };
    push("Source-Organization", Some(&processor.name));
    push("Organization-Address", processor.address.as_deref());
    push(
        "Contact-Name",
        processor
            .dpo
            .name
            .as_deref()
            .or(processor.dpo.role.as_deref()),
    );
    push(
        "Contact-Phone",
        processor
            .dpo
            .phone
            .as_deref()
            .or(processor.phone.as_deref()),
    );
    push("Contact-Email", processor.dpo.email.as_deref());
    let description = match &item.description {
        Some(d) => format!("{} — {}", item.name, d),
        None => item.name.clone(),
    };
    push("External-Description", Some(&description));
    push(
        "External-Identifier",
        Some(&format!("{controller_id}/{}/{}", item.id, copy.id)),
    );
    push("Bag-Group-Identifier", Some(controller_id.as_str()));
    push(
        "Internal-Sender-Identifier",
        Some(&format!("{}/{}", item.id, copy.id)),
    );
    let source = match (&copy.path, &copy.media_id) {
        (Some(p), _) => format!("{} — {}", copy.location, p),
        (None, Some(m)) => format!("{} — {}", copy.location, m),
        (None, None) => copy.location.clone(),
    };
    push("Internal-Sender-Description", Some(&source));
    push("Controller", Some(&controller.name));
    let conv = &controller.convention;
    push("Convention", Some(&conv.title));
    push("Convention-Reference", conv.reference.as_deref());
    let act = conv.act.as_ref().map(|a| match conv.act_date {
        Some(d) => format!("{a} ({d})"),
        None => a.clone(),
    });
    push("Convention-Act", act.as_deref());
    if let Some(d) = &item.decision {
        push(
            "Controller-Decision",
            Some(&format!("{} ({})", d.reference, d.date)),
        );
    }
    f
}
