# Performance measurement and the size ratchet. Included from the Makefile:
#   include bench/bench.mk
# `make bench`       builds, precompresses dist/, measures, prints a table, writes BENCHMARKS.md
# `make size-check`  fails when a first-load file of dist/ is bigger than bench/budget.json
# `make compress`    writes .br/.gz beside dist/'s files again (`make build` already does)
.PHONY: bench size-check size-budget compress

BENCH_PORT ?= 8097

compress:
	@node tools/compress.mjs dist

size-check:
	@node bench/size-check.mjs

## Rewrite bench/budget.json from dist/ (current sizes + 5 %): after a build got smaller.
size-budget:
	@node bench/size-check.mjs --write

bench: build demo-api
	@BENCH_PORT=$(BENCH_PORT) node bench/run.mjs

# The ratchet runs in `make test`, after the build.
test: size-check
