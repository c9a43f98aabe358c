# Kinerja: build, run and test. `make run` and `make test` install what they need.
SWIFT        ?= swift
PREFIX       ?= /usr/local
STATE        ?= .state
CONFIG       ?= config/kinerja.toml
APT_PACKAGES := libsystemd-dev libsqlite3-dev pkg-config systemd python3 python3-venv
PYVENV       := .build/pyvenv
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BINDIR       := $(PREFIX)/bin
MANDIR       := $(PREFIX)/share/man
UNITDIR      ?= /lib/systemd/system
SYSCONFDIR   ?= /etc

.PHONY: all deps build release run test test-deps bench install uninstall clean

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

## bench: RPC round trips and a 10,000-row roster import against a release kinerjad (prints a table)
bench: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); dir=$$(mktemp -d /tmp/kinerja-bench.XXXX); \
	$$bin/kinerja-bench roster 10000 > $$dir/roster.csv; \
	$$bin/kinerjad --config $(CONFIG) --state-dir $$dir/state --socket $$dir/k.sock 2>$$dir/kinerjad.log & pid=$$!; \
	for i in $$(seq 50); do [ -S $$dir/k.sock ] && break; sleep 0.1; done; \
	$$bin/kinerja-bench $$dir/k.sock rpc 10000; \
	start=$$(date +%s%N); KINERJA_SOCKET=$$dir/k.sock $$bin/kinerjactl import roster $$dir/roster.csv >/dev/null; end=$$(date +%s%N); \
	printf '%-44s%d ms\n' "roster import, 10000 rows (kinerjactl)" $$(( (end - start) / 1000000 )); \
	start=$$(date +%s%N); KINERJA_SOCKET=$$dir/k.sock $$bin/kinerjactl people list --overdue >/dev/null; end=$$(date +%s%N); \
	printf '%-44s%d ms\n' "people list --overdue (10000 positions)" $$(( (end - start) / 1000000 )); \
	kill $$pid; wait $$pid; rm -rf $$dir

## install: release binaries, systemd units, config (kept if present), rules, example hook, man pages, completions
install: release
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	install -Dm755 $$bin/kinerjad $(DESTDIR)$(BINDIR)/kinerjad; \
	install -Dm755 $$bin/kinerjactl $(DESTDIR)$(BINDIR)/kinerjactl
	sed 's|/usr/local/bin|$(BINDIR)|g' systemd/kinerjad.service | install -Dm644 /dev/stdin $(DESTDIR)$(UNITDIR)/kinerjad.service
	install -Dm644 systemd/kinerjad.socket $(DESTDIR)$(UNITDIR)/kinerjad.socket
	install -Dm644 systemd/kinerja.sysusers $(DESTDIR)/usr/lib/sysusers.d/kinerja.conf
	install -Dm644 systemd/kinerja.tmpfiles $(DESTDIR)/usr/lib/tmpfiles.d/kinerja.conf
	install -Dm644 systemd/kinerja.catalog $(DESTDIR)/usr/lib/systemd/catalog/kinerja.catalog
	[ -e $(DESTDIR)$(SYSCONFDIR)/kinerja/kinerja.toml ] || install -Dm640 config/kinerja.toml $(DESTDIR)$(SYSCONFDIR)/kinerja/kinerja.toml
	for f in config/rules/*.toml; do install -Dm644 $$f $(DESTDIR)$(SYSCONFDIR)/kinerja/rules/$$(basename $$f); done
	install -Dm644 config/hooks.d/50-append-to-file $(DESTDIR)$(SYSCONFDIR)/kinerja/hooks.d/50-append-to-file.example
	$(SWIFT) package --allow-writing-to-package-directory generate-manual >/dev/null
	install -Dm644 .build/plugins/GenerateManual/outputs/kinerjactl/kinerjactl.1 $(DESTDIR)$(MANDIR)/man1/kinerjactl.1
	sed 's/^\.Dt KINERJAD 1/.Dt KINERJAD 8/' .build/plugins/GenerateManual/outputs/kinerjad/kinerjad.1 | install -Dm644 /dev/stdin $(DESTDIR)$(MANDIR)/man8/kinerjad.8
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	$$bin/kinerjactl --generate-completion-script bash | install -Dm644 /dev/stdin $(DESTDIR)/usr/share/bash-completion/completions/kinerjactl; \
	$$bin/kinerjactl --generate-completion-script zsh | install -Dm644 /dev/stdin $(DESTDIR)/usr/share/zsh/vendor-completions/_kinerjactl; \
	$$bin/kinerjactl --generate-completion-script fish | install -Dm644 /dev/stdin $(DESTDIR)/usr/share/fish/vendor_completions.d/kinerjactl.fish

## uninstall: removes what install put in place, keeping state (/var/lib/kinerja) and config (/etc/kinerja)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kinerjad $(DESTDIR)$(BINDIR)/kinerjactl
	rm -f $(DESTDIR)$(UNITDIR)/kinerjad.service $(DESTDIR)$(UNITDIR)/kinerjad.socket
	rm -f $(DESTDIR)/usr/lib/sysusers.d/kinerja.conf $(DESTDIR)/usr/lib/tmpfiles.d/kinerja.conf $(DESTDIR)/usr/lib/systemd/catalog/kinerja.catalog
	rm -f $(DESTDIR)$(MANDIR)/man1/kinerjactl.1 $(DESTDIR)$(MANDIR)/man8/kinerjad.8
	rm -f $(DESTDIR)/usr/share/bash-completion/completions/kinerjactl $(DESTDIR)/usr/share/zsh/vendor-completions/_kinerjactl $(DESTDIR)/usr/share/fish/vendor_completions.d/kinerjactl.fish

clean:
	rm -rf .build $(STATE)
