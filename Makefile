# Folio: `make report`, `make test`, `make bench`, `make setup`, `make clean`.
# Every target installs what it needs, so a brand-new machine (root, Debian) works.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Debian packages Folio builds against or reads at run time.
APT_PACKAGES := pkg-config libcairo2-dev libfreetype-dev libopenblas-dev liblapacke-dev \
	zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev fonts-dejavu-core libjs-katex dataset-fashion-mnist chromium
SWIFT ?= swift
FOLIO_RELEASE := .build/release/folio
FOLIO_DEBUG := .build/debug/folio
FLAGSHIP := notebooks/hidden-talents.md

.PHONY: setup build release folio-release test test-slurm check-baselines report bench fuzz clean

## setup: install the Debian packages (idempotent, quiet; no apt-get update when all are present).
setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "setup: installing$$missing"; \
		if [ "$$(id -u)" -ne 0 ]; then echo "setup: need root to install:$$missing" >&2; exit 1; fi; \
		apt-get update -qq >/dev/null; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

## build: debug build of everything.
build: setup
	$(SWIFT) build

## release: optimised build of the command-line tool and the benchmarks, with the Swift
## runtime and Foundation linked in statically: the loader then resolves far fewer
## symbols, and a folio render of a one-figure notebook takes ~86 ms instead of ~105 ms.
release: folio-release
	$(SWIFT) build -c release --static-swift-stdlib --product FolioBenchmarks

## folio-release: the optimised command-line tool alone (what `make report` needs).
folio-release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product folio

## test: setup + build + the whole test suite, then the committed baselines (what CI runs).
test: build
	$(SWIFT) test
	$(MAKE) --no-print-directory check-baselines

## test-slurm: install Debian's slurm-wlm and munge, start a one-node Slurm cluster on this
## machine, render a sweep notebook through `folio slurm` and compare it with a local render
## (scripts/slurm/test.sh), then stop the cluster, also when the test fails.
test-slurm: build
	scripts/slurm/cluster.sh install
	scripts/slurm/cluster.sh start
	status=0; FOLIO="$(CURDIR)/$(FOLIO_DEBUG)" scripts/slurm/test.sh || status=$$?; \
	scripts/slurm/cluster.sh stop; exit $$status

## check-baselines: re-run the tour without the cache and compare with the committed
## output/tour/ (docs/check.md); exit 1 on drift. The debug build draws the same bytes as
## the release build, so CI needs no release build for it.
check-baselines: build
	$(FOLIO_DEBUG) check notebooks/tour.md

## report: render the flagship notebook (standard mode, 9-25 minutes cold on 2 cores, by CPU;
## seconds when nothing changed) into output/hidden-talents/. MODE=quick or MODE=paper
## picks another mode and renders into output/MODE/ instead, leaving the committed report
## alone (paper mode is days of CPU: see the report's cost table).
MODE ?= standard
REPORT_OUTPUT := $(if $(filter standard,$(MODE)),output,output/$(MODE))
report: folio-release
	$(FOLIO_RELEASE) render "$(FLAGSHIP)" --param mode=$(MODE) --output $(REPORT_OUTPUT)

## bench: release-build the benchmarks and print one JSON line per result.
bench: release
	.build/release/FolioBenchmarks

## fuzz: coverage-guided fuzzing (libFuzzer, -sanitize=fuzzer, an optimised build) of the parse + lint path:
## FUZZ_RUNS executions (default 100000), each under FUZZ_CASE_SECONDS (1), for at most
## FUZZ_SECONDS in all. Starts from the seeds in Tests/Fuzz/Corpus/; inputs it finds go to
## .build-fuzz/corpus/, a crash or slow case to .build-fuzz/artifacts/ (exit non-zero).
FUZZ_RUNS ?= 100000
FUZZ_SECONDS ?= 1800
FUZZ_CASE_SECONDS ?= 1
fuzz: setup
	FOLIO_FUZZ=1 $(SWIFT) build -c release --build-path .build-fuzz -Xswiftc -sanitize=fuzzer --product FolioFuzz
	mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
	.build-fuzz/release/FolioFuzz -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_CASE_SECONDS) \
		-max_len=16384 -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/ .build-fuzz/corpus Tests/Fuzz/Corpus

## clean: remove build products and the render cache (committed reports stay).
clean:
	rm -rf .build .build-* output/.cache
