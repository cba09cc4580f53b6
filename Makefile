# Sideman — build, test, run. `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= release
BIN := $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null)/sideman
CHORD ?= C4 E4 G4 Bb4

.PHONY: help deps build run test bench clean

help:
	@echo "make run    install dependencies, build, and run sideman (CHORD=\"C4 E4 G4 Bb4\")"
	@echo "make test   install dependencies, build, and run every test"
	@echo "make bench  print benchmark figures (release build)"

deps:
	./scripts/install-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product sideman

run: build
	$(BIN) chord $(CHORD)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) run -c release sideman-bench

clean:
	rm -rf .build
