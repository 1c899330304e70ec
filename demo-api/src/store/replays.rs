//! Idempotency keys: the answer to a request that succeeded is kept by (scope, key) with a
//! fingerprint of its body, so a retry gets that answer again and a reused key with another body
//! is refused. Errors are never kept, so a corrected request may reuse its key.

use std::collections::HashMap;

use serde_json::Value;

/// The operation (and the reference, for reschedules) and the Idempotency-Key.
pub type KeyId = (String, String);

pub enum Seen {
    /// Not used yet (or only by requests that failed).
    New,
    /// Used by the same body: its first answer.
    Again(Value),
    /// Used by a request with another body.
    OtherBody,
}

#[derive(Default)]
pub struct Replays {
    /// Key → (fingerprint of the body, first answer).
    answers: HashMap<KeyId, (String, Value)>,
}

impl Replays {
    pub fn check(&self, id: &KeyId, fingerprint: &str) -> Seen {
        match self.answers.get(id) {
            None => Seen::New,
            Some((first, answer)) if first == fingerprint => Seen::Again(answer.clone()),
            Some(_) => Seen::OtherBody,
        }
    }

    pub fn remember(&mut self, id: KeyId, fingerprint: String, answer: Value) {
        self.answers.insert(id, (fingerprint, answer));
    }
}

/// JSON with object keys sorted, so the same body in another key order is the same request.
pub fn fingerprint(v: &Value) -> String {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let inner: Vec<String> = keys
                .iter()
                .map(|k| format!("{}:{}", Value::from(k.as_str()), fingerprint(&map[*k])))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(fingerprint).collect::<Vec<_>>().join(",")
            )
        }
        other => other.to_string(),
    }
}
