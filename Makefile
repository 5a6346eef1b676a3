# svcaudit — build, test and install.
#   make demo     build, then validate and rank the shipped sample quarter (roster, events)
#   make test     run the test suite (what CI runs)
#   make install  install the binary, the shipped checklists, shell completions and the man page under PREFIX
#   make check-install  install into a scratch PREFIX and check that every piece is there and works

PREFIX ?= /usr/local
SWIFT  ?= swift
BIN     = .build/release/svcaudit

.PHONY: all deps build debug test demo install uninstall clean man check-install

all: build

# System libraries: libyaml (pkg-config yaml-0.1) reads every input, libxlsxwriter (pkg-config
# xlsxwriter) writes --format xlsx. Install them when we can (apt, as root), or say exactly what.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	pkg-config --exists yaml-0.1 2>/dev/null || missing="$$missing libyaml-dev"; \
	pkg-config --exists xlsxwriter 2>/dev/null || missing="$$missing libxlsxwriter-dev"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing (apt-get)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libyaml-dev libxlsxwriter-dev >/dev/null; \
	  else \
	    echo "svcaudit needs libyaml (pkg-config yaml-0.1) and libxlsxwriter (pkg-config xlsxwriter). Install them with:"; \
	    echo "  Debian/Ubuntu: sudo apt-get install pkg-config libyaml-dev libxlsxwriter-dev"; \
	    echo "  Fedora:        sudo dnf install pkgconf libyaml-devel libxlsxwriter-devel"; \
	    echo "  macOS:         brew install pkg-config libyaml libxlsxwriter"; \
	    exit 1; \
	  fi; \
	fi
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "svcaudit needs a Swift 6 toolchain (swift.org/install)"; exit 1; }

# The release binary carries the Swift runtime and Foundation inside it (--static-swift-stdlib):
# it starts in ~17 ms of CPU instead of ~24 (no loading and relocating of thirty shared
# libraries), which is a tenth of the libyaml floor's whole run on 10,000 small visit files.
STATIC = --static-swift-stdlib

build: deps
	$(SWIFT) build -c release --product svcaudit $(STATIC)

debug: deps
	$(SWIFT) build

# The end-to-end tests open xlsx output the way HR does, with Python's openpyxl.
test: deps
	@python3 -c 'import openpyxl' 2>/dev/null || { echo "installing openpyxl (pip)"; python3 -m pip install --quiet openpyxl; }
	$(SWIFT) test

demo: build
	$(BIN) checklists list
	$(BIN) validate samples/visits --roster samples/roster
	$(BIN) rank samples/visits --policy samples/policy.yaml --period 2026-Q3 \
	  --roster samples/roster --events samples/events.csv

# Where completions and the man page go under PREFIX: the places bash-completion, zsh (with
# $$PREFIX/share/zsh/site-functions on fpath) and fish look by default.
BASHCOMP = $(PREFIX)/share/bash-completion/completions
ZSHCOMP  = $(PREFIX)/share/zsh/site-functions
FISHCOMP = $(PREFIX)/share/fish/vendor_completions.d
MANDIR   = $(PREFIX)/share/man/man1
MANPAGE  = .build/plugins/GenerateManual/outputs/svcaudit/svcaudit.1

# The man page, written by swift-argument-parser's generate-manual plugin from the same
# command definitions as --help. The plugin builds the release binary it reads them from, but
# without $(STATIC), over the one `make build` made (and SwiftPM then calls either of them up
# to date): `make install` keeps the static one aside while the plugin runs, installs it, and
# puts it back.
man: $(MANPAGE)
$(MANPAGE): build
	$(SWIFT) package --disable-sandbox plugin generate-manual --configuration release \
	  --authors "svcaudit maintainers" >/dev/null

install: build
	cp $(BIN) .build/svcaudit-static
	@rm -f $(MANPAGE)
	$(MAKE) --no-print-directory man
	cp .build/svcaudit-static $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/svcaudit/checklists
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/svcaudit
	install -m 644 checklists/*.yaml $(DESTDIR)$(PREFIX)/share/svcaudit/checklists/
	install -d $(DESTDIR)$(BASHCOMP) $(DESTDIR)$(ZSHCOMP) $(DESTDIR)$(FISHCOMP) $(DESTDIR)$(MANDIR)
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(BASHCOMP)/svcaudit
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMP)/_svcaudit
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(FISHCOMP)/svcaudit.fish
	install -m 644 $(MANPAGE) $(DESTDIR)$(MANDIR)/svcaudit.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/svcaudit
	rm -rf $(DESTDIR)$(PREFIX)/share/svcaudit
	rm -f $(DESTDIR)$(BASHCOMP)/svcaudit $(DESTDIR)$(ZSHCOMP)/_svcaudit $(DESTDIR)$(FISHCOMP)/svcaudit.fish $(DESTDIR)$(MANDIR)/svcaudit.1

# Installs into a scratch PREFIX, then checks what a user would: the installed binary finds the
# installed checklists, bash loads the completion and completes a command, zsh and fish parse
# theirs, and man renders the page.
check-install:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(MAKE) --no-print-directory install PREFIX="$$tmp" >/dev/null && \
	( cd / && "$$tmp/bin/svcaudit" checklists list >/dev/null ) && \
	bash -c ". '$$tmp/share/bash-completion/completions/svcaudit' && complete -p svcaudit >/dev/null" && \
	bash -c ". '$$tmp/share/bash-completion/completions/svcaudit'; COMP_WORDS=(svcaudit sco); COMP_CWORD=1; COMP_LINE='svcaudit sco'; COMP_POINT=12; _svcaudit; printf '%s\n' \"\$${COMPREPLY[@]}\" | grep -qx score" && \
	{ ! command -v zsh >/dev/null || zsh -n "$$tmp/share/zsh/site-functions/_svcaudit"; } && \
	{ ! command -v fish >/dev/null || fish -n "$$tmp/share/fish/vendor_completions.d/svcaudit.fish"; } && \
	MANWIDTH=80 man -l "$$tmp/share/man/man1/svcaudit.1" 2>/dev/null | grep -q "svcaudit" && \
	echo "check-install: binary, checklists, bash/zsh/fish completions and man page all work"

clean:
	rm -rf .build

# Speed against the physical floor: `make bench` builds release, generates two data sets of
# visit files into .bench/ (clean, and realistic ones with warnings; cached between runs), and
# times a C program that only parses them with libyaml against svcaudit validate / rank /
# report at 2 jobs and 1, with peak memory and the SPEC §5 targets. Memory per file is judged on
# the largest size made again with the smallest size's bank (svcaudit-gen --branches), so that
# more files are more visits of the same bank. BENCH_SIZES=10000 for a quicker run;
# BENCH_SIZES=10000,100000,1000000 adds the million files (opt-in: 4 GB of disk for a million
# realistic files, 8 GB clean, and as much again for their same-bank copy).
CC ?= cc
BENCH_SIZES ?= 10000,100000
BENCH_RUNS ?= 0
BENCH_SETS ?= clean,realistic

.PHONY: bench bench-build bench-floor

bench: deps bench-build bench-floor
	@[ -x /usr/bin/time ] || { if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get install -y -qq time >/dev/null; else echo "make bench needs GNU time: sudo apt-get install time"; exit 1; fi; }
	python3 Tests/Bench/bench.py --sizes $(BENCH_SIZES) --sets $(BENCH_SETS) --runs $(BENCH_RUNS)

bench-build:
	$(SWIFT) build -c release --product svcaudit $(STATIC)
	$(SWIFT) build -c release --product svcaudit-gen $(STATIC)

bench-floor: .bench/yaml_floor

.bench/yaml_floor: Tests/Bench/yaml_floor.c
	@mkdir -p .bench
	$(CC) -O2 -o $@ $< $$(pkg-config --cflags --libs yaml-0.1)

# Fuzzing (libFuzzer + AddressSanitizer) over the YAML layer and the visit/checklist/policy
# loaders, seeded from samples/, checklists/ and the test fixtures. FUZZ_SECONDS per run.
FUZZ_SECONDS ?= 1800

.PHONY: fuzz
fuzz: deps
	SVCAUDIT_FUZZ=1 $(SWIFT) build -c debug --product svcaudit-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address
	@mkdir -p .fuzz/corpus .fuzz/crashes
	cp samples/visits/*/*.yaml samples/policy.yaml checklists/*.yaml Tests/Fixtures/broken/*.yaml \
	  Tests/Fixtures/warnings/*.yaml .fuzz/corpus/
	SVCAUDIT_CHECKLISTS=checklists .build-fuzz/debug/svcaudit-fuzz -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=65536 -timeout=10 -artifact_prefix=.fuzz/crashes/ .fuzz/corpus

# The test suite under AddressSanitizer and ThreadSanitizer (separate build folders; the CLI
# tests run the sanitized binary, so the parallel pipeline is checked at --jobs 2 too).
# Swift on Linux has no -sanitize=undefined; Swift code traps on overflow and out-of-range itself.
.PHONY: check-sanitize
check-sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan
