#!/usr/bin/env bash
# Front-end speed: parse and check of QEMU 11.0's QMP schema.
#   1. warm, in process: JMH (average time per parse and check);
#   2. cold: `./qapic check` as a new process each time, N runs, median and spread.
# Needs ../shared/qemu beside the repository. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=${SCHEMA:-../shared/qemu/v11.0.0/qapi/qapi-schema.json}
runs=${RUNS:-30}

./mvnw -q -pl benchmarks -am package -DskipTests

echo "== warm (JMH)"
java -jar benchmarks/target/benchmarks.jar FrontEndBenchmark -p schema="$schema" ${JMH_ARGS:-}

echo "== cold (./qapic check, $runs runs)"
./qapic check "$schema" # warm the page cache
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    ./qapic check "$schema"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
    printf "cold check: median %d ms, min %d ms, p90 %d ms, max %d ms (%d runs)\n",
        a[int((NR+1)/2)], a[1], a[int(NR*0.9+0.5)], a[NR], NR }'
