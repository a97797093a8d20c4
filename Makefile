# bestand — build, run the demo, test.
SWIFT ?= swift
BUILD_FLAGS := -Xswiftc -warnings-as-errors
RELEASE_FLAGS := -c release $(BUILD_FLAGS)

.PHONY: all build run test bench fuzz format clean

all: build

build:
	$(SWIFT) build $(RELEASE_FLAGS)

## run: release build, then the demo pipeline on the shipped fixtures; outputs in out/demo/
run: build
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand run pipelines/demo.json
	@echo "outputs: out/demo/ (report.md, CSV tables, run.json)"

## test: debug build with warnings as errors, then every unit and end-to-end test
test:
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build

## bench: the whole pipeline on `bestand generate` data sets of 100,000 and 1,000,000 customers
## and on 1,000,000 with twice the orders (per stage: seconds, rows/s, MB/s, peak memory;
## dedup precision and recall against the truth; rejects against the planted bad rows); then
## ingest throughput per dialect and deduplication alone. Release build; generated data are
## cached in .build/bench-data (delete it to generate anew).
bench:
	$(SWIFT) build $(RELEASE_FLAGS) --product bestand
	$(SWIFT) build $(RELEASE_FLAGS) --product bestand-bench
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench ingest
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench dedupe 100000

## fuzz: libFuzzer targets (parsers, whole-file ingest) with address sanitizer, FUZZ_SECONDS each
## (default 300: ten minutes for the two targets)
FUZZ_SECONDS ?= 300
fuzz:
	bash Fuzz/run.sh $(FUZZ_SECONDS)

## format: apply the committed .swift-format style
format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build out
