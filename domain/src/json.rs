//! Reading the API's JSON (and this tab's saved answers) into our types.
//!
//! Written here instead of `#[derive(Deserialize)]`: serde's derived visitors are generated for
//! every type and were the app's largest single block of generated code after the views (44 KB
//! of code before wasm-opt for 27 types; BENCHMARKS.md, "Decoding without serde derive").
//! Here `serde_json` parses once into a `Value` (one copy of its parser) and each type reads the
//! fields it knows with a few lines. The rules are serde's, slightly more forgiving:
//! - unknown fields are ignored;
//! - a field marked `req` must be present with the right type, or the whole value is refused;
//! - a field marked `def` may be absent or `null` (its default), but a wrong type is refused;
//! - enums read unknown strings as their `Other` value (new values never break the app).
//!
//! Writing stays `#[derive(Serialize)]` (small: 2 KB).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::dates::{parse_date, parse_instant, ClinicTime};

/// A type read from a JSON value; `None` when the value is not one.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Option<Self>;
}

/// Parses `text` as JSON and reads a `T` from it.
pub fn parse<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(&serde_json::from_str::<Value>(text).ok()?)
}

/// A required field.
pub fn req<T: FromJson>(o: &Map<String, Value>, key: &str) -> Option<T> {
    T::from_json(o.get(key)?)
}

/// A field that may be absent or `null` (then its default); present, it must be right.
pub fn def<T: FromJson + Default>(o: &Map<String, Value>, key: &str) -> Option<T> {
    match o.get(key) {
        None | Some(Value::Null) => Some(T::default()),
        Some(v) => T::from_json(v),
    }
}

/// `impl FromJson` for a struct read from an object: `from_json!(Band { id: req, name: req,
/// description: def })`; fields that are not the API's follow `;` with their value
/// (`from_json!(Service { id: req, …; offers: Offers::default() })`).
#[macro_export]
macro_rules! from_json {
    ($ty:ident { $($field:ident : $how:ident),* $(,)? $(; $($set:ident : $val:expr),* $(,)?)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &serde_json::Value) -> Option<Self> {
                let o = v.as_object()?;
                Some($ty {
                    $($field: $crate::json::$how(o, stringify!($field))?,)*
                    $($($set: $val,)*)?
                })
            }
        }
    };
}

/// `impl FromJson` for an enum written as a string; other strings read as `$other`.
#[macro_export]
macro_rules! enum_from_json {
    ($ty:ident { $($text:literal => $variant:ident),* $(,)? } else $other:ident) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: &serde_json::Value) -> Option<Self> {
                Some(match v.as_str()? {
                    $($text => $ty::$variant,)*
                    _ => $ty::$other,
                })
            }
        }
    };
}

/// Any JSON (an answer whose body does not matter).
impl FromJson for Value {
    fn from_json(v: &Value) -> Option<Self> {
        Some(v.clone())
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_bool()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Option<Self> {
        // A loop, not `collect::<Option<_>>()`: its adapter is generated again for every `T`.
        let items = v.as_array()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::from_json(item)?);
        }
        Some(out)
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(v: &Value) -> Option<Self> {
        // Inserted one by one: `collect` into a BTreeMap sorts first, and brought a stable
        // sort (4 KB) into the main module for this alone.
        let mut map = BTreeMap::new();
        for (k, v) in v.as_object()? {
            map.insert(k.clone(), v.as_str()?.to_string());
        }
        Some(map)
    }
}

/// `YYYY-MM-DD`.
impl FromJson for NaiveDate {
    fn from_json(v: &Value) -> Option<Self> {
        parse_date(v.as_str()?)
    }
}

/// RFC 3339 with the clinic's offset.
impl FromJson for ClinicTime {
    fn from_json(v: &Value) -> Option<Self> {
        parse_instant(v.as_str()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Default, PartialEq)]
    struct Thing {
        id: String,
        note: String,
        tags: Vec<String>,
        when: Option<NaiveDate>,
        kept: bool,
    }
    from_json!(Thing { id: req, note: def, tags: def, when: def; kept: false });

    fn thing(v: Value) -> Option<Thing> {
        Thing::from_json(&v)
    }

    #[test]
    fn required_optional_and_unknown_fields() {
        let t =
            thing(json!({ "id": "a", "tags": ["x"], "when": "2027-03-29", "extra": 1 })).unwrap();
        assert_eq!(t.id, "a");
        assert_eq!(t.note, "");
        assert_eq!(t.tags, ["x"]);
        assert_eq!(t.when, NaiveDate::from_ymd_opt(2027, 3, 29));
        assert!(!t.kept);
        assert_eq!(
            thing(json!({ "id": "a", "note": null, "when": null }))
                .unwrap()
                .when,
            None
        );
        assert!(thing(json!({ "note": "no id" })).is_none());
        assert!(thing(json!({ "id": 7 })).is_none());
        assert!(thing(json!({ "id": "a", "tags": "x" })).is_none());
        assert!(thing(json!({ "id": "a", "tags": [1] })).is_none());
        assert!(thing(json!({ "id": "a", "when": "29/03/2027" })).is_none());
        assert!(thing(json!(["a"])).is_none());
        assert!(parse::<Thing>("<html>Bad gateway</html>").is_none());
        assert_eq!(parse::<Thing>(r#"{"id":"b"}"#).unwrap().id, "b");
    }

    #[test]
    fn error_fields_must_all_be_text() {
        let ok = BTreeMap::<String, String>::from_json(&json!({ "a": "x" })).unwrap();
        assert_eq!(ok["a"], "x");
        assert!(BTreeMap::<String, String>::from_json(&json!({ "a": 1 })).is_none());
    }
}
