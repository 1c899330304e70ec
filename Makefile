# Two commands for a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test build tools test-tools lint test-native test-wasm test-e2e demo-api

tools:
	@bash .ci/install-tools build

test-tools:
	@bash .ci/install-tools test

## Build the release app into dist/.
build: tools
	@trunk build --release --offline 2>&1 | grep -Ev '^\s*$$|INFO' || true
	@test -f dist/index.html

demo-api:
	@cargo build -q --release -p demo-api

## Run the demo API and serve the app from one origin; prints the URL to open.
run: build demo-api
	@echo "Open http://127.0.0.1:$(PORT)/ (Ctrl+C stops)"
	@./target/release/demo-api --port $(PORT) --static-dir dist

## Every test: formatting, lints, native, wasm (headless Chromium) and browser journeys.
test: test-tools lint test-native test-wasm build demo-api test-e2e

lint:
	@cargo fmt --all -- --check
	@cargo clippy -q --workspace --all-targets -- -D warnings
	@cargo clippy -q -p nhs-booking --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	@cargo test -q --workspace

test-wasm:
	@CHROMEDRIVER=$$(command -v chromedriver) cargo test -q -p nhs-booking --target wasm32-unknown-unknown

test-e2e:
	@npx playwright test --config e2e/playwright.config.ts
