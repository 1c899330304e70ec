//! demo-api: the booking API contract served locally, with the app's static files if asked.
//! Every flag can also be set with a DEMO_* environment variable (handy in CI and scripts).

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use clap::Parser;
use demo_api::config::{DEFAULT_HOLD_SECONDS, MAX_HOLD_SECONDS};
use demo_api::faults::Faults;
use demo_api::seed::DEFAULT_SEED;
use demo_api::{router, ApiVersion, Config};

#[derive(Debug, Parser)]
#[command(
    version,
    about = "Local implementation of the booking API for development, demos and tests"
)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, env = "DEMO_PORT", default_value_t = 8080)]
    port: u16,
    /// Pins the clinic calendar's today (YYYY-MM-DD); defaults to today in Europe/London.
    #[arg(long, env = "DEMO_TODAY")]
    today: Option<NaiveDate>,
    /// Freezes the clock at this RFC 3339 instant (wins over --today).
    #[arg(long, env = "DEMO_NOW")]
    now: Option<DateTime<Utc>>,
    /// Seed for the demo data: the same seed gives the same slots, ids and references.
    #[arg(long, env = "DEMO_SEED", default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Delay before every API answer, in milliseconds.
    #[arg(long, env = "DEMO_LATENCY_MS", default_value_t = 0)]
    latency_ms: u64,
    /// Share (0..1) of API requests answered 503 or 429 in turn, with Retry-After: 5.
    #[arg(long, env = "DEMO_FAIL_RATE", default_value_t = 0.0, value_parser = share)]
    fail_rate: f64,
    /// Every POST /bookings and /reschedule answers 409 slot_unavailable.
    #[arg(long, env = "DEMO_FORCE_409")]
    force_409: bool,
    /// Every error body is a proxy's HTML page instead of the JSON envelope.
    #[arg(long, env = "DEMO_HTML_ERRORS")]
    html_errors: bool,
    /// Enables the /__demo/* control endpoints.
    #[arg(long, env = "DEMO_TEST_CONTROLS")]
    test_controls: bool,
    /// Serves this folder (the built app) at /, with index.html for unknown page paths.
    #[arg(long, env = "DEMO_STATIC_DIR")]
    static_dir: Option<PathBuf>,
    /// PATH=DIR: also serves DIR at the path prefix PATH (repeatable; comma-separated in env).
    #[arg(long = "extra-static", env = "DEMO_EXTRA_STATIC", value_delimiter = ',', value_parser = extra_static)]
    extra_static: Vec<(String, PathBuf)>,
    /// PATH: answers under this path prefix carry a strict Content-Security-Policy (repeatable;
    /// comma-separated in env), e.g. --csp-path /trust-site for the embedding example.
    #[arg(long = "csp-path", env = "DEMO_CSP_PATH", value_delimiter = ',')]
    csp_paths: Vec<String>,
    /// Most slots in one /slots page.
    #[arg(long, env = "DEMO_PAGE_SIZE", default_value_t = 200)]
    page_size: usize,
    /// Contract version to speak: 1.1, or 1.0 (no features, no screening, 1.1 booking fields ignored).
    #[arg(long, env = "DEMO_API_VERSION", default_value_t = ApiVersion::V1_1)]
    api_version: ApiVersion,
    /// Seconds a freed time is held for the slot alert it is offered to (1.1 slot_alerts).
    #[arg(long, env = "DEMO_HOLD_SECONDS", default_value_t = DEFAULT_HOLD_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..=MAX_HOLD_SECONDS))]
    hold_seconds: u64,
    /// Seeds two weeks of made-up events and feedback so the report at /report is not empty.
    #[arg(long, env = "DEMO_SAMPLE_EVENTS")]
    sample_events: bool,
}

fn share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err("must be a number from 0 to 1".into()),
    }
}

fn extra_static(s: &str) -> Result<(String, PathBuf), String> {
    let (path, dir) = s.split_once('=').ok_or("expected PATH=DIR")?;
    let path = format!("/{}", path.trim_matches('/'));
    if path == "/"
        || path == "/api"
        || path.starts_with("/api/")
        || path.starts_with("/__demo")
        || path.starts_with("/report")
        || path.starts_with("/gallery")
        || path.starts_with("/__s")
    {
        return Err(format!("{path} is taken; choose another prefix"));
    }
    Ok((path, PathBuf::from(dir)))
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let config = Config {
        seed: args.seed,
        today: args.today,
        now: args.now,
        page_size: args.page_size,
        api_version: args.api_version,
        hold_seconds: args.hold_seconds,
        faults: Faults {
            latency_ms: args.latency_ms,
            fail_rate: args.fail_rate,
            force_409: args.force_409,
            html_errors: args.html_errors,
            fail_next: Vec::new(),
        },
        sample_events: args.sample_events,
        test_controls: args.test_controls,
        static_dir: args.static_dir,
        extra_static: args.extra_static,
        csp_paths: args.csp_paths,
    };
    let app = router(config);
    // Loopback only: this is a development tool, never a public server.
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("demo-api: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    println!("demo-api listening on http://127.0.0.1:{port}");
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("demo-api: {e}");
        std::process::exit(1);
    }
}
