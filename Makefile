# Kinerja: build, run and test. `make run` and `make test` install what they need.
SWIFT        ?= swift
PREFIX       ?= /usr/local
STATE        ?= .state
CONFIG       ?= config/kinerja.toml
APT_PACKAGES := libsystemd-dev libsqlite3-dev pkg-config systemd python3 python3-venv
PYVENV       := .build/pyvenv
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release run test test-deps clean

all: build

## deps: install the Debian packages the build and the tests need (only missing ones)
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## build: debug build of kinerjad and kinerjactl
build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## run: kinerjad in the foreground with config/kinerja.toml, state and socket under ./.state
run: build
	@mkdir -p $(STATE)
	$$($(SWIFT) build --show-bin-path)/kinerjad --config $(CONFIG) --state-dir $(STATE) --socket $(STATE)/kinerja.sock

## test-deps: the Python reference Varlink client used by the interop test
test-deps: deps
	@[ -x $(PYVENV)/bin/python3 ] || python3 -m venv $(PYVENV)
	@$(PYVENV)/bin/python3 -c 'import varlink' 2>/dev/null || $(PYVENV)/bin/pip install -q varlink==31.0.0

## test: every test, unit and end-to-end, on one shared debug build
test: deps test-deps
	$(SWIFT) build --build-tests
	KINERJA_PYTHON=$(CURDIR)/$(PYVENV)/bin/python3 KINERJA_BIN_DIR=$$($(SWIFT) build --show-bin-path) \
		$(SWIFT) test --skip-build

clean:
	rm -rf .build $(STATE)
