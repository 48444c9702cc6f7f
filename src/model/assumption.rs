//! Assumptions to confirm: a record may say which of its own fields hold a
//! value the act does not state but that the DPO assumed, to be confirmed
//! with the controller (`to_confirm: [data_categories, subprocessors]`).
//! Documents print such a value with « à confirmer » next to it, and
//! `dpo check` lists each one as a warning, so an assumption is never
//! presented as a fact.
//!
//! Each kind of record that can carry assumptions has its own enum of field
//! names, so a misspelt or foreign field is refused where it is typed (with
//! the list of valid names) and the JSON Schema enumerates them. One macro,
//! `confirmable!`, declares such a record and derives that enum from the
//! same list of fields.

/// A field name a `to_confirm` list may hold.
pub trait FieldName: Copy {
    /// The field's name, as written in the YAML file.
    fn name(self) -> &'static str;
}

/// Declares a kind of record that may mark some of its own fields as
/// assumptions, from one list of its fields: the struct (its attributes,
/// an optional leading `id` and every other field, in order, then the
/// `to_confirm` list) and the enum of the fields that list may hold (every
/// field but `id`), whose YAML names are the field names.
macro_rules! confirmable {
    (
        $(#[$sm:meta])*
        pub struct $name:ident {
            $(#[$im:meta])*
            pub id: $idt:ty,
            $($fields:tt)+
        }
        $(#[$em:meta])*
        pub enum $enum:ident;
    ) => {
        $crate::model::assumption::confirmable! {
            @emit [$(#[$sm])*] $name [$(#[$im])* pub id: $idt,] [$($fields)+] [$(#[$em])*] $enum
        }
    };
    (
        $(#[$sm:meta])*
        pub struct $name:ident {
            $($fields:tt)+
        }
        $(#[$em:meta])*
        pub enum $enum:ident;
    ) => {
        $crate::model::assumption::confirmable! {
            @emit [$(#[$sm])*] $name [] [$($fields)+] [$(#[$em])*] $enum
        }
    };
    (
        @emit [$($sa:tt)*] $name:ident [$($id:tt)*]
        [$($(#[$fm:meta])* pub $field:ident: $ft:ty,)+]
        [$($ea:tt)*] $enum:ident
    ) => {
        $($sa)*
        pub struct $name {
            $($id)*
            $($(#[$fm])* pub $field: $ft,)+
            /// Fields whose value is an assumption to confirm with the controller:
            /// documents mark them « à confirmer » and `dpo check` lists each.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub to_confirm: Vec<$enum>,
        }

        pastey::paste! {
            $($ea)*
            #[derive(
                Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize,
                schemars::JsonSchema,
            )]
            #[serde(rename_all = "snake_case")]
            pub enum $enum {
                $(
                    #[doc = concat!("`", stringify!($field), "`")]
                    [<$field:camel>],
                )+
            }

            impl $enum {
                /// Every field that may be marked, in the order of the record.
                pub const ALL: &[Self] = &[$(Self::[<$field:camel>]),+];
            }

            impl $crate::model::assumption::FieldName for $enum {
                fn name(self) -> &'static str {
                    match self {
                        $(Self::[<$field:camel>] => stringify!($field),)+
                    }
                }
            }
        }
    };
}

pub(crate) use confirmable;

/// `value` followed by ` (label)` when `list` marks `field` as an
/// assumption (for the outputs that are not templates: CSV, audit tables).
pub fn mark<F: FieldName>(value: String, list: &[F], field: &str, label: &str) -> String {
    if list.iter().any(|f| f.name() == field) {
        format!("{value} ({label})")
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::FieldName;
    use crate::model::{
        ActivityField, CopyField, DataCopy, DataItem, ItemField, MeasureField, Person, PersonField,
        ProcessingActivity, SecurityMeasure, SubProcessor, SubProcessorField, Transfer,
        TransferField,
    };

    /// The properties of `T`'s JSON Schema but `id` and `to_confirm`.
    fn fields<T: schemars::JsonSchema>() -> Vec<String> {
        let schema = schemars::schema_for!(T);
        let props = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .expect("a struct schema has properties");
        props
            .keys()
            .filter(|k| *k != "id" && *k != "to_confirm")
            .cloned()
            .collect()
    }

    fn same<T: schemars::JsonSchema, F: FieldName>(all: &[F]) {
        let mut want = fields::<T>();
        want.sort();
        let mut got: Vec<String> = all.iter().map(|f| f.name().to_string()).collect();
        got.sort();
        assert_eq!(got, want, "{}", std::any::type_name::<T>());
    }

    #[test]
    fn a_value_is_marked_only_when_its_field_is_listed() {
        let list = [ActivityField::DataCategories];
        assert_eq!(
            super::mark("courriels".into(), &list, "data_categories", "à confirmer"),
            "courriels (à confirmer)"
        );
        assert_eq!(
            super::mark("CITRIX".into(), &list, "systems", "à confirmer"),
            "CITRIX"
        );
    }

    fn written_as_named<F: FieldName + serde::Serialize + serde::de::DeserializeOwned>(all: &[F]) {
        for f in all {
            let yaml = serde_json::to_string(f).unwrap();
            assert_eq!(yaml, format!("\"{}\"", f.name()));
            let back: F = serde_json::from_str(&yaml).unwrap();
            assert_eq!(back.name(), f.name());
        }
    }

    #[test]
    fn a_field_is_written_and_read_under_its_field_name() {
        written_as_named(ActivityField::ALL);
        written_as_named(MeasureField::ALL);
        written_as_named(SubProcessorField::ALL);
        written_as_named(PersonField::ALL);
        written_as_named(ItemField::ALL);
        written_as_named(CopyField::ALL);
        written_as_named(TransferField::ALL);
        assert_eq!(ItemField::Choice.name(), "choice");
        assert_eq!(CopyField::MediaId.name(), "media_id");
    }

    #[test]
    fn every_confirmable_enum_names_exactly_the_fields_of_its_record() {
        same::<ProcessingActivity, _>(ActivityField::ALL);
        same::<SecurityMeasure, _>(MeasureField::ALL);
        same::<SubProcessor, _>(SubProcessorField::ALL);
        same::<Person, _>(PersonField::ALL);
        same::<DataItem, _>(ItemField::ALL);
        same::<DataCopy, _>(CopyField::ALL);
        same::<Transfer, _>(TransferField::ALL);
    }
}
