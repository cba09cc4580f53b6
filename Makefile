# Sideman — build, test, run. `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIG ?= release
# Without swift on the PATH (sudo make install), the binary a previous build left.
BIN := $(or $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null),.build/$(CONFIG))/sideman
CHORD ?= C4 E4 G4 Bb4
# Extra options for `make run`, e.g. SERVE="--audio-device hw:1,0 --style bossa-nova".
SERVE ?=

# Install locations (make install PREFIX=/usr DESTDIR=/tmp/root); see packaging/README.md.
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
SYSCONFDIR ?= /etc
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
# The Debian package's version and architecture (make deb VERSION=1.2.0).
VERSION ?= $(shell cat packaging/VERSION)
ARCH ?= $(shell dpkg --print-architecture 2>/dev/null || echo amd64)

.PHONY: help deps build run chord test bench e2e screenshots fuzz clean release install uninstall deb

help:
	@echo "make run    install dependencies, build, and run the daemon in the foreground (SERVE=\"--audio-device hw:1,0\")"
	@echo "make chord  read a chord through the recogniser (CHORD=\"C4 E4 G4 Bb4\")"
	@echo "make test   install dependencies, build, and run every test"
	@echo "make bench  print benchmark figures (release build)"
	@echo "make install    build (static Swift runtime) and install: binary, unit, user, config, styles, docs (PREFIX=/usr/local DESTDIR=)"
	@echo "make uninstall  remove what make install installed (keeps /etc/sideman and /var/lib/sideman)"
	@echo "make deb        build the Debian package build/sideman_VERSION_ARCH.deb (dpkg -i it)"
	@echo "make gallery  render every style to WAV and MIDI in .build/gallery/ and draw docs/styles/NAME.png"
	@echo "make fuzz   run every parser's libFuzzer target for FUZZ_SECONDS (default 60) each; FUZZ_TARGETS=\"chart config\" for some"
	@echo "make e2e    test the live path (ALSA, systemd) in a QEMU VM with a Debian kernel (SCENARIOS=\"alsa-probe\")"
	@echo "make screenshots  the web remote on a phone-sized headless chromium (VM scenario web-remote) into docs/screenshots/"

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

# libFuzzer targets for every parser (Fuzz/README.md); built apart in .build-fuzz.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz $(FUZZ_TARGETS)

# Builds a VM image (cached in .build-e2e/) and runs e2e/scenarios/* inside it; see e2e/README.md.
# SOAK_MINUTES=60 makes the soak scenario longer (its time is added to the limit).
e2e:
	timeout $$(( 3000 + $${SOAK_MINUTES:-0} * 60 )) ./e2e/run.sh $(SCENARIOS)

# The web remote's phone-sized screenshots (docs/screenshots/), taken by the web-remote VM
# scenario in headless chromium.
screenshots:
	E2E_SAVE_SCREENSHOTS=1 $(MAKE) e2e SCENARIOS=web-remote

# The shipped binary: Swift runtime linked in, so that only Debian's own libraries are needed.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product sideman

# Rebuilds first when swift is on the PATH (not under a plain sudo: then `make release` before).
install: $(if $(shell command -v $(SWIFT)),release)
	PREFIX="$(PREFIX)" BINDIR="$(BINDIR)" DATADIR="$(DATADIR)" SYSCONFDIR="$(SYSCONFDIR)" UNITDIR="$(UNITDIR)" \
	  SYSUSERSDIR="$(SYSUSERSDIR)" DESTDIR="$(DESTDIR)" ./packaging/install.sh install "$(BIN)"

uninstall:
	PREFIX="$(PREFIX)" BINDIR="$(BINDIR)" DATADIR="$(DATADIR)" SYSCONFDIR="$(SYSCONFDIR)" UNITDIR="$(UNITDIR)" \
	  SYSUSERSDIR="$(SYSUSERSDIR)" DESTDIR="$(DESTDIR)" ./packaging/install.sh uninstall

deb: release
	./packaging/build-deb.sh "$(BIN)" "$(VERSION)" "$(ARCH)" build

# Each style over a chart that suits it (gallery/README.md); piano rolls into docs/styles/.
.PHONY: gallery
gallery: build
	./scripts/gallery $(BIN)

clean:
	rm -rf .build
