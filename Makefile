# Benchmark targets (issue 6). `make bench` builds release, generates visit files into .bench/
# (cached), and times the libyaml floor against svcaudit validate / rank / report.
SWIFT ?= swift
CC ?= cc
BENCH_SIZES ?= 10000,100000
BENCH_RUNS ?= 0

.PHONY: bench bench-build bench-floor

bench: bench-build bench-floor
	python3 Tests/Bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)

bench-build:
	$(SWIFT) build -c release --product svcaudit
	$(SWIFT) build -c release --product svcaudit-gen

bench-floor: .bench/yaml_floor

.bench/yaml_floor: Tests/Bench/yaml_floor.c
	@mkdir -p .bench
	$(CC) -O2 -o $@ $< $$(pkg-config --cflags --libs yaml-0.1)
