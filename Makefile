# Two commands for a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
# A failing command inside a pipe must fail the target.
.SHELLFLAGS := -eo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test build tools test-tools lint test-native test-wasm test-e2e test-lighthouse test-deploy demo-api

tools:
	@bash .ci/install-tools build

test-tools:
	@bash .ci/install-tools test

## Build the release app into dist/, with brotli and gzip copies of each file beside it (what
## the demo API and a well-configured host send; DEPLOYING.md).
build: tools
	@mkdir -p target
	@trunk build --release --offline > target/trunk.log 2>&1 || { cat target/trunk.log; exit 1; }
	@node tools/compress.mjs dist > /dev/null
	@echo "built dist/ ($$(du -sh --exclude='*.br' --exclude='*.gz' dist | cut -f1), with .br and .gz copies)"

demo-api:
	@cargo build -q --release -p demo-api

## Run the demo API and serve the app from one origin; prints the URL to open.
run: build demo-api
	@echo "Open http://127.0.0.1:$(PORT)/ (Ctrl+C stops); in Welsh: http://127.0.0.1:$(PORT)/?lang=cy"
	@# Embedding (EMBEDDING.md): the app inside a trust's page, under a strict CSP.
	@echo "Embedded in a trust page (strict CSP): http://127.0.0.1:$(PORT)/trust-site/?lang=en  (iframe: /trust-site/iframe.html)"
	@# The demo's controls: the text messages the API would have sent (earlier-time alerts).
	@echo "Text messages the API would have sent: http://127.0.0.1:$(PORT)/__demo/outbox.html"
	@echo "The service manager's report (with sample data): http://127.0.0.1:$(PORT)/report"
	@echo "The state gallery (every page and state, for accessibility testing): http://127.0.0.1:$(PORT)/gallery"
	@./target/release/demo-api --port $(PORT) --static-dir dist --test-controls --sample-events \
		--extra-static /trust-site=examples/trust-site --csp-path /trust-site

## Every test: formatting, lints, native, wasm (headless Chromium) and browser journeys.
test: test-tools lint test-native test-wasm build build-pseudo demo-api test-deploy test-e2e test-lighthouse

lint:
	@node tools/check-structure.mjs
	@cargo fmt --all -- --check
	@cargo clippy -q --workspace --all-targets -- -D warnings
	@cargo clippy -q -p nhs-booking --target wasm32-unknown-unknown --all-targets -- -D warnings
	@cargo clippy -q -p nhs-booking --target wasm32-unknown-unknown --features split -- -D warnings

## The pseudo-locale build (every message accented and 40 % longer) into dist-pseudo/, for the
## browser test that nothing clips or scrolls sideways at 320 px (e2e/pseudo.spec.ts).
build-pseudo: tools
	@NHSB_FEATURES=pseudo trunk build --release --offline --dist dist-pseudo > target/trunk-pseudo.log 2>&1 || { cat target/trunk-pseudo.log; exit 1; }

test-native:
	@cargo test -q --workspace

test-wasm:
	@CHROMEDRIVER=$$(command -v chromedriver) cargo test -p nhs-booking --target wasm32-unknown-unknown 2>&1 | grep -vE "^\s+(Compiling|Finished|Running|Executing)|^\s*$$"

test-e2e:
	@npx playwright test --config e2e/playwright.config.ts

## The shipped server configs (deploy/) serving dist/: compression, caching, CSP, MIME.
test-deploy:
	@node tools/check-deploy.mjs nginx
	@node tools/check-deploy.mjs apache

## Lighthouse accessibility score on every booking step (fails below 100).
test-lighthouse:
	@node e2e/lighthouse.mjs

include bench/bench.mk
