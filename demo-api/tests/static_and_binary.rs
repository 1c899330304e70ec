//! The app's static files (index.html fallback, precompressed files, no-cache HTML), extra
//! folders, CORS, and the real binary: flags, DEMO_* variables and the start-up line.

mod common;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::Request;
use common::{http, Api, Binary};
use demo_api::Config;

fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demo-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, content) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

async fn get(api: &Api, uri: &str, accept: &str, encoding: &str) -> common::Reply {
    let req = Request::get(uri)
        .header("Accept", accept)
        .header("Accept-Encoding", encoding)
        .body(Body::empty())
        .unwrap();
    api.send(req).await
}

#[tokio::test]
async fn the_app_is_served_with_an_index_fallback_and_precompressed_files() {
    let dist = folder(
        "dist",
        &[
            ("index.html", b"<!doctype html><title>app</title>"),
            ("app-1a2b.js", b"plain js"),
            ("app-1a2b.js.br", b"brotli js"),
            ("app-1a2b.js.gz", b"gzip js"),
            ("style.css", b"body{}"),
            ("nhs-booking-0123456789abcdef_bg.wasm", b"\0asm"),
            ("nhs-booking-0123456789abcdef_bg.wasm.br", b"brotli wasm"),
        ],
    );
    let examples = folder("examples", &[("host.html", b"<p>host page</p>")]);
    let api = Api::new(Config {
        static_dir: Some(dist.clone()),
        extra_static: vec![("/examples".into(), examples.clone())],
        ..Config::default()
    });
    const HTML: &str = "text/html,application/xhtml+xml,*/*;q=0.8";

    let r = get(&api, "/", HTML, "").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text, "<!doctype html><title>app</title>");
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    // A page path of the app: index.html, not cached.
    let r = get(
        &api,
        "/book/slot?service=physio-msk&band=band-6",
        HTML,
        "gzip",
    )
    .await;
    assert_eq!(
        (r.status, r.text.as_str()),
        (200, "<!doctype html><title>app</title>")
    );
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    // Precompressed by what the browser accepts.
    let r = get(&api, "/app-1a2b.js", "*/*", "gzip, deflate, br").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        (Some("br"), "brotli js")
    );
    assert!(r.header("content-type").unwrap().contains("javascript"));
    let r = get(&api, "/app-1a2b.js", "*/*", "gzip").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        (Some("gzip"), "gzip js")
    );
    let r = get(&api, "/app-1a2b.js", "*/*", "").await;
    assert_eq!(
        (r.header("content-encoding"), r.text.as_str()),
        (None, "plain js")
    );
    // Without a content hash in its name a file is asked for again each time (a new build may
    // change it under the same name); with one it is kept for a year.
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let r = get(&api, "/style.css", "text/css,*/*;q=0.1", "").await;
    assert_eq!(
        (r.status, r.header("cache-control")),
        (200, Some("no-cache"))
    );
    let wasm = "/nhs-booking-0123456789abcdef_bg.wasm";
    let r = get(&api, wasm, "*/*", "gzip, deflate, br").await;
    assert_eq!(
        (
            r.status,
            r.header("cache-control"),
            r.header("content-encoding")
        ),
        (200, Some(demo_api::statics::IMMUTABLE), Some("br"))
    );
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    // A cache must keep the brotli and the plain answer apart.
    let vary = r.header("vary").map(str::to_ascii_lowercase);
    assert!(
        vary.as_deref()
            .is_some_and(|v| v.contains("accept-encoding")),
        "{vary:?}"
    );
    // A missing file that is not a page: 404.
    assert_eq!(get(&api, "/missing.png", "image/*", "").await.status, 404);
    // The API is never shadowed by the fallback.
    let r = get(&api, "/api/nothing", HTML, "").await;
    assert_eq!((r.status, r.code()), (404, "not_found"));
    let r = get(&api, "/api/services", HTML, "").await;
    assert_eq!(r.header("content-type"), Some(common::JSON_UTF8));
    // An extra folder at its prefix.
    let r = get(&api, "/examples/host.html", HTML, "").await;
    assert_eq!((r.status, r.text.as_str()), (200, "<p>host page</p>"));

    let _ = std::fs::remove_dir_all(dist);
    let _ = std::fs::remove_dir_all(examples);
}

#[tokio::test]
async fn a_strict_csp_is_sent_under_the_csp_paths_only() {
    let dist = folder(
        "csp-dist",
        &[("index.html", b"<!doctype html><title>app</title>")],
    );
    let site = folder("csp-site", &[("index.html", b"<p>host page</p>")]);
    let api = Api::new(Config {
        static_dir: Some(dist.clone()),
        extra_static: vec![("/trust-site".into(), site.clone())],
        csp_paths: vec!["/trust-site".into()],
        ..Config::default()
    });
    const HTML: &str = "text/html";
    let policy = demo_api::statics::STRICT_CSP;
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
    for uri in [
        "/trust-site/",
        "/trust-site/index.html?booking=time&lang=en",
    ] {
        let r = get(&api, uri, HTML, "").await;
        assert_eq!(r.status, 200, "{uri}");
        assert_eq!(r.header("content-security-policy"), Some(policy), "{uri}");
    }
    for uri in ["/", "/trust-siteX", "/api/services"] {
        let r = get(&api, uri, HTML, "").await;
        assert_eq!(r.header("content-security-policy"), None, "{uri}");
    }
    assert!(demo_api::statics::under("/", "/anything"));
    assert!(demo_api::statics::under("/a/", "/a"));
    assert!(!demo_api::statics::under("/a", "/ab"));
    let _ = std::fs::remove_dir_all(dist);
    let _ = std::fs::remove_dir_all(site);
}

#[tokio::test]
async fn the_strict_csp_allows_the_standalone_pages_inline_stylesheet_by_its_hash_only() {
    let hash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
    let dist = folder(
        "csp-hash-dist",
        &[
            ("index.html", b"<!doctype html><style></style>"),
            ("csp-style-src.txt", format!("{hash}\n").as_bytes()),
        ],
    );
    let api = Api::new(Config {
        static_dir: Some(dist.clone()),
        csp_paths: vec!["/".into()],
        ..Config::default()
    });
    let r = get(&api, "/", "text/html", "").await;
    let policy = r.header("content-security-policy").unwrap();
    assert!(
        policy.contains(&format!("style-src 'self' {hash};")),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // A file that is not a hash source is ignored.
    std::fs::write(dist.join("csp-style-src.txt"), "'unsafe-inline'").unwrap();
    assert_eq!(
        demo_api::statics::strict_policy(Some(&dist)),
        demo_api::statics::STRICT_CSP
    );
    let _ = std::fs::remove_dir_all(dist);
}

#[tokio::test]
async fn cors_lets_any_origin_call_and_read_retry_after() {
    let api = Api::new(Config::default());
    let req = Request::options("/api/bookings")
        .header("Origin", "https://app.example.nhs.uk")
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type,idempotency-key",
        )
        .body(Body::empty())
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let methods = r
        .header("access-control-allow-methods")
        .unwrap()
        .to_lowercase();
    for m in ["get", "post", "options"] {
        assert!(methods.contains(m), "{methods}");
    }
    let headers = r
        .header("access-control-allow-headers")
        .unwrap()
        .to_lowercase();
    for h in ["content-type", "accept", "idempotency-key"] {
        assert!(headers.contains(h), "{headers}");
    }
    assert_eq!(
        r.header("access-control-allow-credentials"),
        None,
        "no cookies"
    );
    let req = Request::get("/api/invites/NOPE")
        .header("Origin", "http://localhost:8081")
        .body(Body::empty())
        .unwrap();
    let r = api.send(req).await;
    assert_eq!(
        (r.status, r.header("access-control-allow-origin")),
        (404, Some("*"))
    );
    assert_eq!(
        r.header("access-control-expose-headers"),
        Some("retry-after")
    );
}

#[tokio::test]
async fn the_binary_takes_flags_and_environment_variables() {
    let mut cmd = Binary::command();
    cmd.args(["--today", "2027-03-15", "--page-size", "50"])
        .env("DEMO_TEST_CONTROLS", "true")
        .env("DEMO_FORCE_409", "true");
    let server = Binary::start(cmd);
    let addr = server.addr;

    let (status, json) = http(addr, "GET", "/api/invites/Q7P2MX", &[], "").await;
    assert_eq!(
        (status, json["book_from"].as_str()),
        (200, Some("2027-03-15"))
    );
    let (_, json) = http(
        addr,
        "GET",
        "/api/slots?service=physio-msk&from=2027-03-16&to=2027-03-20",
        &[],
        "",
    )
    .await;
    assert_eq!(json["slots"].as_array().unwrap().len(), 50);
    let (status, json) = http(
        addr,
        "POST",
        "/api/bookings",
        &[("Idempotency-Key", "x")],
        "{}",
    )
    .await;
    assert_eq!(
        (status, json["error"]["code"].as_str()),
        (409, Some("slot_unavailable"))
    );
    let (status, _) = http(addr, "GET", "/__demo/bookings", &[], "").await;
    assert_eq!(status, 200);
    drop(server);

    let out = Binary::command()
        .args(["--fail-rate", "2"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a share above 1 is refused");
}
