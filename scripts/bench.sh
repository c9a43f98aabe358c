#!/bin/sh
# Runs kinerja-bench against the release build (see Sources/kinerja-bench/main.swift for what
# it measures): builds the echo floor, gives the bench a scratch directory, and leaves the
# figures in .build/bench/bench.json, then compares them with Benchmarks/Thresholds/kinerja.json
# (each figure beside its threshold; it fails when one is over). Arguments go to
# kinerja-bench (e.g. --only office).
# KINERJA_BENCH_BIN measures the binaries of another directory (e.g. a copy of an older build).
set -eu
cd "$(dirname "$0")/.."
bin=${KINERJA_BENCH_BIN:-$(swift build -c release --show-bin-path)}
out=.build/bench
mkdir -p "$out"
gcc -O2 -Wall -o "$out/echo-floor" scripts/echo-floor.c -lpthread
work=$(mktemp -d /tmp/kinerja-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
"$bin/kinerja-bench" --bin "$bin" --floor "$out/echo-floor" --config config/kinerja.toml --work "$work" \
    --json "$PWD/$out/bench.json" --thresholds Benchmarks/Thresholds/kinerja.json "$@"
