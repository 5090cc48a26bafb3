#!/usr/bin/env bash
# Front-end speed: parse and check of QEMU 11.0's QMP schema.
#   1. warm, in process: JMH (average time per parse and check; SKIP_JMH=1 leaves it out);
#   2. cold: `./qapic check` as a new process each time, N runs, median and spread;
#   3. side by side: QEMU's own parse and check (scripts/qapi's QAPISchema, run as it is, never
#      copied) on the same schema, interleaved run by run with `./qapic check`, and the ratio of
#      the medians.
# Needs ../shared/qemu beside the repository. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=${SCHEMA:-../shared/qemu/v11.0.0/qapi/qapi-schema.json}
runs=${RUNS:-30}

./mvnw -q -pl bench/jmh -am package -DskipTests

if [ -z "${SKIP_JMH:-}" ]; then
    echo "== warm (JMH)"
    java -jar bench/jmh/target/benchmarks.jar FrontEndBenchmark -p schema="$schema" ${JMH_ARGS:-}
fi

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

qapi_scripts=${QAPI_SCRIPTS:-../shared/qemu/v11.0.0/scripts}
if [ -d "$qapi_scripts/qapi" ] && command -v python3 >/dev/null; then
    echo "== side by side with QEMU's parse and check ($runs runs each, interleaved)"
    qemu_check() {
        python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from qapi.schema import QAPISchema; QAPISchema(sys.argv[2])' \
            "$qapi_scripts" "$schema"
    }
    qemu_check # warms the page cache
    pairs=$(for _ in $(seq "$runs"); do
        start=$(date +%s%N); qemu_check; end=$(date +%s%N)
        echo "qemu $(( (end - start) / 1000000 ))"
        start=$(date +%s%N); ./qapic check "$schema"; end=$(date +%s%N)
        echo "qapic $(( (end - start) / 1000000 ))"
    done)
    median() { echo "$pairs" | grep "^$1 " | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    awk -v q="$(median qemu)" -v j="$(median qapic)" \
        'BEGIN { printf "QEMU parse+check: median %d ms; qapic check: median %d ms; ratio qapic / QEMU (medians): %.2f\n", q, j, j / q }'
else
    echo "== side by side: skipped ($qapi_scripts/qapi or python3 not found)"
fi
