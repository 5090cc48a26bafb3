#!/usr/bin/env bash
# Machine-model speed against the real QEMU 7.2, side by side in one run: every x86_64 machine
# type described (model: query-machine-type in one session; QEMU: one start per type), and start
# to QMP greeting for the same command lines. Run on an otherwise idle machine.
#   RUNS=7 bench/machine-model.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl machine-model -am package -DskipTests -Dinvoker.skip=true
exec python3 bench/machine-model.py
