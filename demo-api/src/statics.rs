//! Serving the built app (and extra folders). Unknown paths that a browser navigates to get
//! index.html, because the app routes on paths like /book/slot?...; precompressed .br/.gz files
//! (`make build` writes them) are used when the browser accepts them. Files whose names carry a
//! content hash are cached for a year; everything else (the page, `booking.js`) is asked for
//! again each time, so a new build shows at once (DEPLOYING.md gives the same rules).

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// For a file whose name carries a content hash (`app-ad87615689b064cd.css`,
/// `nhs-booking-34b2fa014e009c12_bg.wasm`): a new build never reuses the name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether the file name has Trunk's content hash: a dash, 16 hex digits, then `.` or `_`.
pub fn has_content_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    // Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, now and then
    // fewer (one build in 16 has 15). Twelve or more after a `-`, then `.` or `_`.
    name.split('-').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        (12..=16).contains(&digits) && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

/// Caching for the app's answers: hashed files for a year, anything else revalidated.
fn cache_headers(path: &str, mut res: Response) -> Response {
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        let policy = if has_content_hash(path) {
            IMMUTABLE
        } else {
            "no-cache"
        };
        let headers = res.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
        // The same URL answers brotli, gzip or plain: a shared cache must keep them apart.
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// The app folder at /, with the index.html fallback for browser navigations.
pub fn app(dir: PathBuf) -> MethodRouter {
    axum::routing::any(move |req: Request| serve_app(dir.clone(), req))
}

async fn serve_app(dir: PathBuf, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = req.uri().path().to_string();
    let wants_html = (req.headers().get(header::ACCEPT))
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    // Kept to ask for index.html with the same method and Accept-Encoding if needed.
    let mut again = Request::new(Body::empty());
    *again.method_mut() = req.method().clone();
    *again.headers_mut() = req.headers().clone();

    let files = ServeDir::new(&dir).precompressed_br().precompressed_gzip();
    let res = match files.oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    };
    if res.status() != StatusCode::NOT_FOUND || !wants_html {
        return cache_headers(&path, res);
    }
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    match index.oneshot(again).await {
        Ok(res) => cache_headers("index.html", res.map(Body::new)),
        Err(never) => match never {},
    }
}

/// An extra folder served as it is (no fallback), e.g. an example host page.
pub fn folder(dir: PathBuf) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// The policy a strict trust site sends (EMBEDDING.md): no inline script or style, wasm
/// allowed, requests only to this origin, framing only by this origin.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

/// Whether `path` is `prefix` or below it (`/` covers everything).
pub fn under(prefix: &str, path: &str) -> bool {
    let prefix = prefix.trim_end_matches('/');
    prefix.is_empty()
        || path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|r| r.starts_with('/'))
}

/// The file `make build` writes beside the app: the `style-src` source (`'sha256-…'`) of the
/// standalone page's inline stylesheet, which a strict policy must allow (EMBEDDING.md).
pub const STYLE_HASH_FILE: &str = "csp-style-src.txt";

/// [`STRICT_CSP`] with the standalone page's inline stylesheet allowed by its hash, when the
/// app folder has one.
pub fn strict_policy(static_dir: Option<&std::path::Path>) -> String {
    let hash = static_dir
        .and_then(|d| std::fs::read_to_string(d.join(STYLE_HASH_FILE)).ok())
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("'sha256-") && h.ends_with('\''));
    match hash {
        Some(h) => STRICT_CSP.replacen("style-src 'self'", &format!("style-src 'self' {h}"), 1),
        None => STRICT_CSP.to_string(),
    }
}

/// Adds `policy` to answers for paths under any of `prefixes`.
pub async fn csp(prefixes: Vec<String>, policy: HeaderValue, req: Request, next: Next) -> Response {
    let strict = prefixes.iter().any(|p| under(p, req.uri().path()));
    let mut res = next.run(req).await;
    if strict {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::has_content_hash;

    #[test]
    fn only_hashed_build_names_count_as_hashed() {
        for hashed in [
            "/nhs-booking-34b2fa014e009c12_bg.wasm",
            "app-ad87615689b064cd.css",
            "/a/b/nhs-booking-34b2fa014e009c12.js",
            // A hash with a leading zero, written without it.
            "/nhs-booking-3f30926fee241d6_bg.wasm",
            "app-1a14c4a854a41.css",
            // Chunks (tools/build-wasm.mjs): the chunk's name, then its hash.
            "/nhs-booking-questions-28181390f8bdc1d2.wasm",
            "/nhs-booking-chunk10-2154b1c262ce60ac.wasm",
        ] {
            assert!(has_content_hash(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/booking.js",
            "/app-1a2b.js",
            "/csp-style-src.txt",
            "/deadbeefdeadbeef-x.js",
        ] {
            assert!(!has_content_hash(plain), "{plain}");
        }
    }
}
