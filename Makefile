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

## bench: ingest throughput; deduplication of planted duplicates (100k and 1M records, with
## precision and recall); the whole pipeline on 1M customers with 10M orders (release build;
## generated data are cached in .build/bench-data)
bench:
	$(SWIFT) build $(RELEASE_FLAGS) --product bestand-bench
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench dedupe 100000
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench dedupe 740000
	$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/bestand-bench pipeline 1000000 10

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
