# Sideman — build, test, run. `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= release
BIN := $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null)/sideman
CHORD ?= C4 E4 G4 Bb4
# Extra options for `make run`, e.g. SERVE="--audio-device hw:1,0 --style bossa-nova".
SERVE ?=

.PHONY: help deps build run chord test bench e2e clean

help:
	@echo "make run    install dependencies, build, and run the daemon in the foreground (SERVE=\"--audio-device hw:1,0\")"
	@echo "make chord  read a chord through the recogniser (CHORD=\"C4 E4 G4 Bb4\")"
	@echo "make test   install dependencies, build, and run every test"
	@echo "make bench  print benchmark figures (release build)"
	@echo "make gallery  render every style to WAV and MIDI in .build/gallery/ and draw docs/styles/NAME.png"
	@echo "make e2e    test the live path (ALSA, systemd) in a QEMU VM with a Debian kernel (SCENARIOS=\"alsa-probe\")"

deps:
	./scripts/install-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product sideman

run: build
	$(BIN) serve $(SERVE)

chord: build
	$(BIN) chord $(CHORD)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) run -c release sideman-bench

# Builds a VM image (cached in .build-e2e/) and runs e2e/scenarios/* inside it; see e2e/README.md.
e2e:
	timeout 1800 ./e2e/run.sh $(SCENARIOS)

# Each style over a chart that suits it (gallery/README.md); piano rolls into docs/styles/.
.PHONY: gallery
gallery: build
	./scripts/gallery $(BIN)

clean:
	rm -rf .build
