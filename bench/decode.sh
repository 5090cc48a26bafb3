#!/usr/bin/env bash
# Decoding QEMU 7.2's query-qmp-schema reply (207 KB) into generated types, against Jackson's
# plain tree parse of the same bytes (JMH throughput; the ratio typed/jacksonTree is the figure).
# Needs ../shared/qemu beside the repository. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench/jmh -am package -DskipTests -Dinvoker.skip
java -jar bench/jmh/target/benchmarks.jar DecodeBenchmark ${JMH_ARGS:-}
