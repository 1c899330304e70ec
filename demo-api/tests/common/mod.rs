//! Shared test helpers: the real router called in-process, and the OpenAPI document loaded as
//! JSON Schema (draft 2020-12) to validate every response against the operation's declared schema
//! (a response declared without content, such as a 204, must have no body).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::sync::Mutex;

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Method, Request};
use axum::Router;
use chrono::{DateTime, Utc};
use demo_api::Config;
use serde_json::{json, Value};
use tower::ServiceExt;

pub const JSON_UTF8: &str = "application/json; charset=utf-8";

#[derive(Clone)]
pub struct Api {
    pub router: Router,
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    /// Null when the body is not JSON.
    pub json: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }
}

pub fn at(now: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(now)
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

impl Api {
    pub fn new(config: Config) -> Api {
        Api {
            router: demo_api::router(config),
        }
    }

    /// The router over an `App` the test keeps a handle on (to move a frozen clock).
    pub fn over(app: std::sync::Arc<demo_api::App>) -> Api {
        Api {
            router: demo_api::build(app),
        }
    }

    /// A server with a frozen clock and the test controls on.
    pub fn frozen(now: &str) -> Api {
        Api::new(Config {
            now: Some(at(now)),
            test_controls: true,
            ..Config::default()
        })
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let bytes = to_bytes(res.into_body(), usize::MAX).await.expect("body");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            text,
            json,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        let req = Request::get(uri)
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    pub async fn post(&self, uri: &str, key: Option<&str>, body: &Value) -> Reply {
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(key) = key {
            req = req.header("Idempotency-Key", key);
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn delete(&self, uri: &str) -> Reply {
        let req = Request::delete(uri)
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        self.send(req).await
    }

    /// Free slots for a service/band/locality over a range, following every page.
    pub async fn all_slots(&self, filters: &str, from: &str, to: &str) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut uri = format!("/api/slots?{filters}&from={from}&to={to}");
            if let Some(c) = &cursor {
                uri.push_str(&format!("&cursor={c}"));
            }
            let r = self.get(&uri).await;
            assert_eq!(r.status, 200, "{}", r.text);
            out.extend(r.json["slots"].as_array().unwrap().iter().cloned());
            match r.json["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => return out,
            }
        }
    }

    pub async fn first_free_slot(&self, filters: &str, from: &str, to: &str) -> Value {
        let r = self
            .get(&format!("/api/slots?{filters}&from={from}&to={to}"))
            .await;
        r.json["slots"][0].clone()
    }

    pub async fn demo_bookings(&self) -> Vec<Value> {
        let r = self.get("/__demo/bookings").await;
        assert_eq!(r.status, 200);
        r.json["bookings"].as_array().unwrap().clone()
    }
}

pub fn booking_body(slot_id: &str) -> Value {
    json!({
        "slot_id": slot_id,
        "patient": { "given_name": "Siân", "family_name": "O'Neill", "date_of_birth": "1958-02-28",
                     "nhs_number": "9434765919", "phone": "07700 900123", "email": null },
        "reminders": { "sms": true, "email": false },
        "channel": "online", "source": "sms-invite"
    })
}

/// The OpenAPI document, with helpers to validate against the schemas it declares.
pub struct Spec {
    pub doc: Value,
    /// (METHOD, path template) pairs a test has checked a response of.
    pub checked: Mutex<BTreeSet<(String, String)>>,
}

fn strict(schema: &mut Value) {
    // Responses must not carry fields the document does not describe: every object schema with
    // listed properties is closed for the test (the published document leaves them open, as
    // clients must ignore unknown fields).
    match schema {
        Value::Object(map) => {
            let is_object = map.get("type") == Some(&json!("object"));
            if is_object
                && map.contains_key("properties")
                && !map.contains_key("additionalProperties")
            {
                map.insert("additionalProperties".into(), json!(false));
            }
            for (key, v) in map.iter_mut() {
                if key != "examples" && key != "example" {
                    strict(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strict),
        _ => {}
    }
}

impl Spec {
    pub fn load() -> Spec {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
        let text =
            std::fs::read_to_string(path).expect("openapi.yaml next to the workspace Cargo.toml");
        let doc: Value = serde_yaml::from_str(&text).expect("openapi.yaml is YAML");
        Spec {
            doc,
            checked: Mutex::new(BTreeSet::new()),
        }
    }

    /// A validator for `schema`, whose `#/components/...` references resolve in this document.
    pub fn validator(&self, schema: &Value, closed: bool) -> jsonschema::Validator {
        let mut components = self.doc["components"].clone();
        if closed {
            strict(&mut components);
        }
        let mut root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": components,
        });
        for (k, v) in schema.as_object().expect("schema object") {
            root[k] = v.clone();
        }
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("schema {schema} does not compile: {e}"))
    }

    pub fn assert_valid(&self, schema: &Value, instance: &Value, closed: bool, what: &str) {
        let v = self.validator(schema, closed);
        let errors: Vec<String> = v
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{what}: {errors:#?}\nbody: {instance}");
    }

    fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let pointer = r.strip_prefix('#').expect("local reference");
                self.resolve(
                    self.doc
                        .pointer(pointer)
                        .unwrap_or_else(|| panic!("{r} missing")),
                )
            }
            None => v,
        }
    }

    pub fn operation(&self, method: &str, path: &str) -> &Value {
        let op = &self.doc["paths"][path][method.to_lowercase()];
        assert!(op.is_object(), "openapi.yaml has no {method} {path}");
        op
    }

    /// Checks a response against what the document declares for that operation and status:
    /// the status is listed, the Content-Type is JSON UTF-8, declared headers are present and
    /// the body validates against the schema (closed to undeclared fields).
    pub fn check(&self, method: &str, path: &str, reply: &Reply) {
        let op = self.operation(method, path);
        let declared = op["responses"]
            .get(reply.status.to_string())
            .unwrap_or_else(|| {
                panic!(
                    "{method} {path} answered {} which openapi.yaml does not list: {}",
                    reply.status, reply.text
                )
            });
        let response = self.resolve(declared);
        if response.get("content").is_none() {
            // Declared without a body (e.g. 204): none is sent.
            assert!(
                reply.text.is_empty(),
                "{method} {path} {} has a body: {}",
                reply.status,
                reply.text
            );
            self.record(method, path);
            return;
        }
        assert_eq!(
            reply.header("content-type"),
            Some(JSON_UTF8),
            "{method} {path} {}",
            reply.status
        );
        if let Some(headers) = response.get("headers").and_then(Value::as_object) {
            for (name, h) in headers {
                if self.resolve(h)["required"] == json!(true) {
                    let value = reply.header(name);
                    assert!(
                        value.is_some(),
                        "{method} {path} {} lacks {name}",
                        reply.status
                    );
                    assert!(
                        value.unwrap().parse::<u64>().is_ok(),
                        "{name} is not seconds"
                    );
                }
            }
        }
        let schema = &response["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "{method} {path} {} declares no JSON schema",
            reply.status
        );
        self.assert_valid(
            schema,
            &reply.json,
            true,
            &format!("{method} {path} {}", reply.status),
        );
        self.record(method, path);
    }

    fn record(&self, method: &str, path: &str) {
        self.checked
            .lock()
            .unwrap()
            .insert((method.to_uppercase(), path.to_string()));
    }

    /// Every (METHOD, path) the document declares.
    pub fn operations(&self) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for (path, item) in self.doc["paths"].as_object().unwrap() {
            for method in ["get", "post", "put", "patch", "delete"] {
                if item.get(method).is_some() {
                    out.insert((method.to_uppercase(), path.clone()));
                }
            }
        }
        out
    }
}

/// The router served on a real loopback socket (port chosen by the system) for the rest of the
/// test's runtime.
pub async fn serve(router: Router) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    addr
}

/// One HTTP/1.1 request on its own connection; returns (status, body as JSON or Null).
pub async fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, Value) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(10),
        stream.read_to_end(&mut raw),
    )
    .await
    .expect("answer within 10 s")
    .unwrap();
    let text = String::from_utf8_lossy(&raw);
    let status = text[9..12].parse().expect("status line");
    let payload = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, serde_json::from_str(payload).unwrap_or(Value::Null))
}

/// The demo-api binary, started with `--port 0`; killed when dropped, passing test or not.
pub struct Binary {
    child: std::process::Child,
    /// Where it listens (read from its start-up line).
    pub addr: std::net::SocketAddr,
}

impl Binary {
    /// Starts `cmd` (the binary with its flags and environment) and waits for its start-up line.
    pub fn start(mut cmd: std::process::Command) -> Binary {
        use std::io::{BufRead, BufReader};
        let mut child = cmd
            .args(["--port", "0"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("demo-api starts");
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let port: u16 = line
            .trim()
            .strip_prefix("demo-api listening on http://127.0.0.1:")
            .unwrap_or_else(|| panic!("start-up line: {line:?}"))
            .parse()
            .unwrap();
        Binary {
            child,
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        }
    }

    pub fn command() -> std::process::Command {
        std::process::Command::new(env!("CARGO_BIN_EXE_demo-api"))
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
