# Kinerja: build, run and test. `make run` and `make test` install what they need.
SWIFT        ?= swift
PREFIX       ?= /usr/local
STATE        ?= .state
CONFIG       ?= config/kinerja.toml
APT_PACKAGES := libsystemd-dev libsqlite3-dev zlib1g-dev libxml2 pkg-config systemd python3 python3-venv man-db sqlite3
PYVENV       := .build/pyvenv
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

BINDIR       := $(PREFIX)/bin
DATADIR      := $(PREFIX)/share
MANDIR       := $(DATADIR)/man
UNITDIR      ?= /lib/systemd/system
LIBDIR       ?= /usr/lib
SYSCONFDIR   ?= /etc
CONFIGURATION ?= release
MANUAL_DIR   := .build/plugins/GenerateManual/outputs

.PHONY: all deps build release run web test test-deps fuzz drill bench install manuals install-files uninstall clean

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

## run: kinerjad in the foreground with config/kinerja.toml, state and socket under ./.state;
## CLOCK_START=2026-11-25T08:00:00+07:00 starts its clock on the example district's day
CLOCK_START  ?=
run: build
	@mkdir -p $(STATE)
	$$($(SWIFT) build --show-bin-path)/kinerjad --config $(CONFIG) --state-dir $(STATE) --socket $(STATE)/kinerja.sock$(if $(CLOCK_START), --clock-start $(CLOCK_START))

## web: kinerja-web on http://127.0.0.1:8080 against the daemon of `make run` (.state/kinerja.sock);
## imports the example district first when the daemon has nobody yet; a calendar key in .state
WEB_LISTEN   ?= 127.0.0.1:8080
web: build
	@bin=$$($(SWIFT) build --show-bin-path); \
	[ -s $(STATE)/web-feed.key ] || { umask 077; head -c 32 /dev/urandom > $(STATE)/web-feed.key; }; \
	if $$bin/kinerjactl --socket $(STATE)/kinerja.sock status --json | grep -Eq '"people" *: *0([^0-9]|$$)'; then \
		$$bin/kinerjactl --socket $(STATE)/kinerja.sock import roster config/examples/roster.csv && \
		$$bin/kinerjactl --socket $(STATE)/kinerja.sock import progress config/examples/progress.csv; \
	fi; \
	echo "make web: http://$(WEB_LISTEN)/ (Ctrl-C stops it)"; \
	exec $$bin/kinerja-web --socket $(STATE)/kinerja.sock --listen $(WEB_LISTEN) --feed-key $(STATE)/web-feed.key \
		--office "Dinas Pendidikan Kabupaten Sukamaju"

## test-deps: the Python reference Varlink client used by the interop test; for the dashboard's
## browser checks Debian's chromium, Playwright (driving it), icalendar and openpyxl; Debian's
## postgresql, whose initdb and postgres the PostgreSQL store's tests run as a server of their
## own (in /tmp, on a Unix socket, as nobody under root; see Sources/KinerjaTestPostgres)
TEST_APT_PACKAGES := chromium postgresql
test-deps: deps
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x $(PYVENV)/bin/python3 ] || python3 -m venv $(PYVENV)
	@$(PYVENV)/bin/python3 -c 'import varlink' 2>/dev/null || $(PYVENV)/bin/pip install -q varlink==31.0.0
	@$(PYVENV)/bin/python3 -c 'import playwright, icalendar, openpyxl' 2>/dev/null || \
		$(PYVENV)/bin/pip install -q playwright==1.65.2 icalendar==7.3.0 openpyxl==3.1.5

TEST_LOGS    := .build/test-logs
# Not on a terminal, swift test holds its output back until it ends; line-buffered, it streams.
SWIFT_TEST   := stdbuf -oL $(SWIFT) test --skip-build

# $(call logged_tests,NAME,COMMAND): COMMAND's output on the terminal as it comes and in
# $(TEST_LOGS)/NAME.log; stops make when it fails. /bin/sh has no pipefail, so the status goes
# through a file.
define logged_tests
@rm -f $(TEST_LOGS)/$(1).status
{ KINERJA_PYTHON=$(CURDIR)/$(PYVENV)/bin/python3 $(2); echo $$? > $(TEST_LOGS)/$(1).status; } 2>&1 | tee $(TEST_LOGS)/$(1).log
@status=$$(cat $(TEST_LOGS)/$(1).status 2>/dev/null); [ "$$status" = 0 ] || \
	{ echo "make test: the $(1) tests failed (exit $${status:-unknown}); output in $(TEST_LOGS)/$(1).log" >&2; exit $${status:-1}; }
endef

# $(call test_counts,NAME): "PASSED SKIPPED" of a passed run. Swift Testing's closing line
# "Test run with N tests … passed" counts skipped tests too, and names each on a
# "➜ Test … skipped" line. (The package has no XCTest tests, whose count would be elsewhere.)
test_counts = awk '/Test run with [0-9]+ tests? .*passed after/ { sub(/.*Test run with /, ""); n = $$0 + 0; found = 1 } \
	/^➜ Test .* skipped/ { s++ } END { if (!found) exit 1; print n - s, s + 0 }' $(TEST_LOGS)/$(1).log

## test: every test, unit and end-to-end, on one shared debug build, ending with their total.
## The end-to-end suites drive child processes with blocking waits; they run in their own
## test process so they cannot starve the in-process servers of the unit suites, and one at a
## time: Swift Testing starts every test at once and counts a test's time limit from then, while
## a blocking test holds one of the cooperative pool's threads (two on a 2-core machine), so in
## parallel the last tests to get a thread ran out of time waiting for it (suites that take under
## a second alone went past their 3-minute limit in about one full run of three).
## Each run's output is also kept in $(TEST_LOGS)/unit.log and end-to-end.log.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(MAKE) manuals CONFIGURATION=debug
	@mkdir -p $(TEST_LOGS)
	$(call logged_tests,unit,$(SWIFT_TEST) --skip EndToEndTests)
	$(call logged_tests,end-to-end,KINERJA_BIN_DIR=$$($(SWIFT) build --show-bin-path) $(SWIFT_TEST) --no-parallel --filter EndToEndTests)
	@unit=$$($(call test_counts,unit)) && e2e=$$($(call test_counts,end-to-end)) || \
		{ echo "make test: no closing 'Test run with N tests … passed' line in $(TEST_LOGS)/*.log" >&2; exit 1; }; \
	set -- $$unit $$e2e; skipped=$$(($$2 + $$4)); \
	echo "make test: $$(($$1 + $$3)) tests passed ($$1 unit, $$3 end-to-end)$$([ $$skipped = 0 ] || echo ", $$skipped skipped")"

## fuzz: the RPC fuzz suite (Tests/EndToEndTests/RPCFuzzTests.swift) against the release daemon
## for KINERJA_FUZZ_SECONDS (default 600) from KINERJA_FUZZ_SEED (default: the time, printed for a
## replay); prints the calls made, the daemon's RSS high-water and its tasks. make test runs it
## for 20 s from seed 14.
fuzz: deps release
	$(SWIFT) build --build-tests
	@mkdir -p $(TEST_LOGS)
	$(call logged_tests,fuzz,KINERJA_FUZZ_SECONDS=$${KINERJA_FUZZ_SECONDS:-600} KINERJA_FUZZ_SEED=$${KINERJA_FUZZ_SEED:-$$(date +%s)} KINERJA_BIN_DIR=$$($(SWIFT) build -c release --show-bin-path) $(SWIFT_TEST) --filter RPCFuzzTests)

## drill: one kinerjad, never restarted, from 2026-12-20 to 2028-01-05 on a clock DRILL_RATE times
## faster than real time, over the example district, through a scripted year of changes with
## kinerjactl; then checked from the journal and the hook's log against the previews (summary table
## on stdout, exit 1 when a check fails). Debug build, the one make test uses.
DRILL_RATE   ?= 100000
drill: deps
	$(SWIFT) build
	$$($(SWIFT) build --show-bin-path)/kinerja-drill --root $(CURDIR) --bin-dir $$($(SWIFT) build --show-bin-path) --rate $(DRILL_RATE)

## bench: figures of the release build beside an echo floor and Taskwarrior (table, and JSON in
## .build/bench/bench.json); installs the Debian packages it needs (taskwarrior, gcc)
bench: release
	@missing=""; for p in taskwarrior gcc; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	scripts/bench.sh

## install: builds (CONFIGURATION=release by default) and the manual pages, then install-files
install: deps
	$(SWIFT) build -c $(CONFIGURATION)
	$(MAKE) manuals
	$(MAKE) install-files BIN_DIR=$$($(SWIFT) build -c $(CONFIGURATION) --show-bin-path)

## manuals: kinerjactl(1) and kinerjad(8) from the programs' --help, into $(MANUAL_DIR)
manuals:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration $(CONFIGURATION) >/dev/null

## install-files: copies what is already built (BIN_DIR, MANUAL_DIR) under DESTDIR; builds nothing.
## Binaries, units, sysusers/tmpfiles, catalog, config (only if none exists), rules, the example
## hook (not executable, so not enabled), manual pages, bash/zsh/fish completions.
install-files:
	@[ -x "$(BIN_DIR)/kinerjad" ] || { echo "make install-files: BIN_DIR=DIR must hold the built kinerjad (or run make install)" >&2; exit 2; }
	install -Dm755 $(BIN_DIR)/kinerjad $(DESTDIR)$(BINDIR)/kinerjad
	install -Dm755 $(BIN_DIR)/kinerjactl $(DESTDIR)$(BINDIR)/kinerjactl
	install -Dm755 $(BIN_DIR)/kinerja-web $(DESTDIR)$(BINDIR)/kinerja-web
	sed 's|/usr/local/bin|$(BINDIR)|g' systemd/kinerjad.service | install -Dm644 /dev/stdin $(DESTDIR)$(UNITDIR)/kinerjad.service
	install -Dm644 systemd/kinerjad.socket $(DESTDIR)$(UNITDIR)/kinerjad.socket
	sed 's|/usr/local/bin|$(BINDIR)|g' systemd/kinerja-web.service | install -Dm644 /dev/stdin $(DESTDIR)$(UNITDIR)/kinerja-web.service
	install -Dm644 systemd/kinerja-web.socket $(DESTDIR)$(UNITDIR)/kinerja-web.socket
	# The calendar feeds' key: made on the machine itself, never shipped in a staged tree.
	[ -n "$(DESTDIR)" ] || [ -e $(SYSCONFDIR)/kinerja/web-feed.key ] || \
		{ mkdir -p $(SYSCONFDIR)/kinerja && (umask 077; head -c 32 /dev/urandom > $(SYSCONFDIR)/kinerja/web-feed.key); }
	install -Dm644 systemd/kinerja.sysusers $(DESTDIR)$(LIBDIR)/sysusers.d/kinerja.conf
	install -Dm644 systemd/kinerja.tmpfiles $(DESTDIR)$(LIBDIR)/tmpfiles.d/kinerja.conf
	install -Dm644 systemd/kinerja.catalog $(DESTDIR)$(LIBDIR)/systemd/catalog/kinerja.catalog
	[ -e $(DESTDIR)$(SYSCONFDIR)/kinerja/kinerja.toml ] || install -Dm644 config/kinerja.toml $(DESTDIR)$(SYSCONFDIR)/kinerja/kinerja.toml
	for f in config/rules/*.toml; do install -Dm644 $$f $(DESTDIR)$(SYSCONFDIR)/kinerja/rules/$$(basename $$f); done
	install -Dm644 config/hooks.d/50-append-to-file $(DESTDIR)$(SYSCONFDIR)/kinerja/hooks.d/50-append-to-file.example
	sed 's/^$$/.Pp/' $(MANUAL_DIR)/kinerjactl/kinerjactl.1 | install -Dm644 /dev/stdin $(DESTDIR)$(MANDIR)/man1/kinerjactl.1
	sed 's/^\.Dt KINERJAD 1/.Dt KINERJAD 8/' $(MANUAL_DIR)/kinerjad/kinerjad.1 | install -Dm644 /dev/stdin $(DESTDIR)$(MANDIR)/man8/kinerjad.8
	install -Dm644 man/kinerja.toml.5 $(DESTDIR)$(MANDIR)/man5/kinerja.toml.5
	$(BIN_DIR)/kinerjactl --generate-completion-script bash | install -Dm644 /dev/stdin $(DESTDIR)$(DATADIR)/bash-completion/completions/kinerjactl
	$(BIN_DIR)/kinerjactl --generate-completion-script zsh | install -Dm644 /dev/stdin $(DESTDIR)$(DATADIR)/zsh/vendor-completions/_kinerjactl
	$(BIN_DIR)/kinerjactl --generate-completion-script fish | install -Dm644 /dev/stdin $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/kinerjactl.fish

## uninstall: removes what install put in place, keeping state (/var/lib/kinerja), config and rules (/etc/kinerja)
uninstall:
	rm -f $(DESTDIR)$(SYSCONFDIR)/kinerja/hooks.d/50-append-to-file.example
	rm -f $(DESTDIR)$(BINDIR)/kinerjad $(DESTDIR)$(BINDIR)/kinerjactl $(DESTDIR)$(BINDIR)/kinerja-web
	rm -f $(DESTDIR)$(UNITDIR)/kinerjad.service $(DESTDIR)$(UNITDIR)/kinerjad.socket
	rm -f $(DESTDIR)$(UNITDIR)/kinerja-web.service $(DESTDIR)$(UNITDIR)/kinerja-web.socket
	rm -f $(DESTDIR)$(LIBDIR)/sysusers.d/kinerja.conf $(DESTDIR)$(LIBDIR)/tmpfiles.d/kinerja.conf $(DESTDIR)$(LIBDIR)/systemd/catalog/kinerja.catalog
	rm -f $(DESTDIR)$(MANDIR)/man1/kinerjactl.1 $(DESTDIR)$(MANDIR)/man8/kinerjad.8 $(DESTDIR)$(MANDIR)/man5/kinerja.toml.5
	rm -f $(DESTDIR)$(DATADIR)/bash-completion/completions/kinerjactl $(DESTDIR)$(DATADIR)/zsh/vendor-completions/_kinerjactl $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/kinerjactl.fish

clean:
	rm -rf .build $(STATE)
