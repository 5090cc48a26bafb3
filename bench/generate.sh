#!/usr/bin/env bash
# Generation speed: Java from QEMU 11.0's QMP schema.
#   1. warm, in process: JMH (GenerateBenchmark: generation alone, with the front end, and
#      JavaPoet's rendering alone);
#   2. cold: `./qapic generate` as a new process each time, N runs, into an empty directory and
#      into one that is already up to date (nothing to write: a rebuild);
#   3. for scale, the same cold measurement of `./qapic check` (the front end alone) and of a
#      process that only writes files of the generated sizes (the disk's share);
#   4. incremental: after one struct's member is added (QEMU 11.0's MachineInfo gets '*spare'),
#      `./qapic generate` into the directory that was up to date before the change, interleaved
#      with a full generate of the changed schema into an empty directory, and the ratio;
#   5. side by side: QEMU's own generator (scripts/qapi-gen.py, run as it is, never copied) on the
#      same schema into an empty directory, interleaved run by run with `./qapic generate`, and
#      the ratio of the medians.
# Needs ../shared/qemu beside the repository. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
schema=${SCHEMA:-../shared/qemu/v11.0.0/qapi/qapi-schema.json}
runs=${RUNS:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

./mvnw -q -pl bench/jmh -am package -DskipTests -Dinvoker.skip

if [ -z "${SKIP_JMH:-}" ]; then
    echo "== warm (JMH)"
    java -jar bench/jmh/target/benchmarks.jar GenerateBenchmark -p schema="$schema" ${JMH_ARGS:-}
fi

summary() {
    sort -n | awk -v what="$1" '{a[NR]=$1} END {
        printf "%s: median %d ms, min %d ms, p90 %d ms, max %d ms (%d runs)\n",
            what, a[int((NR+1)/2)], a[1], a[int(NR*0.9+0.5)], a[NR], NR }'
}

cold() { # label, fresh|kept, then the command; fresh: each run starts from an empty directory
    local label=$1 output=$2; shift 2
    "$@" >/dev/null # the first run makes qapic's class-data archive and warms the page cache
    for _ in $(seq "$runs"); do
        [ "$output" = kept ] || rm -rf "$out/gen"
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | summary "$label"
}

echo "== cold ($runs runs each)"
cold "qapic generate, empty directory" fresh ./qapic generate "$schema" -o "$out/gen" --package org.example.qmp
cold "qapic generate, up to date" kept ./qapic generate "$schema" -o "$out/gen" --package org.example.qmp
find "$out/gen" -name '*.java' -printf '%s\n' > "$out/sizes"
echo "   ($(wc -l < "$out/sizes") files, $(awk '{s+=$1} END {print s}' "$out/sizes") bytes)"
cold "qapic check" kept ./qapic check "$schema"
cold "writing the same files" fresh java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp bench/jmh/target/benchmarks.jar \
    io.qapi.bench.WriteFloor "$out/sizes" "$out/gen"

schema_dir=$(dirname "$schema")
if grep -q "'\*default-ram-id': 'str', 'acpi': 'bool'," "$schema_dir/machine.json" 2>/dev/null; then
    echo "== incremental: one struct's member added ($runs runs each, interleaved)"
    cp -r "$schema_dir" "$out/before"
    cp -r "$schema_dir" "$out/after"
    python3 - "$out/after/machine.json" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
for old, new in [("# @acpi: machine type supports ACPI (since 8.0)\n",
                  "# @acpi: machine type supports ACPI (since 8.0)\n#\n# @spare: a member added\n"),
                 ("'*default-ram-id': 'str', 'acpi': 'bool',", "'*default-ram-id': 'str', 'acpi': 'bool', '*spare': 'int',")]:
    assert text.count(old) == 1, old
    text = text.replace(old, new)
open(path, "w").write(text)
PY
    root=$(basename "$schema")
    ./qapic generate "$out/before/$root" -o "$out/base" --package org.example.qmp >/dev/null
    for _ in $(seq "$runs"); do
        rm -rf "$out/inc" "$out/full"
        cp -a "$out/base" "$out/inc" # up to date for the schema before the change, times kept
        start=$(date +%s%N); ./qapic generate "$out/after/$root" -o "$out/inc" --package org.example.qmp >/dev/null
        end=$(date +%s%N)
        echo "inc $(( (end - start) / 1000000 ))"
        start=$(date +%s%N); ./qapic generate "$out/after/$root" -o "$out/full" --package org.example.qmp >/dev/null
        end=$(date +%s%N)
        echo "full $(( (end - start) / 1000000 ))"
    done > "$out/inc-pairs"
    diff -r "$out/inc" "$out/full" -x .qapic-index >/dev/null || { echo "incremental output differs from a full one" >&2; exit 1; }
    grep '^inc ' "$out/inc-pairs" | cut -d' ' -f2 | summary "qapic generate, one member added, up-to-date directory"
    grep '^full ' "$out/inc-pairs" | cut -d' ' -f2 | summary "qapic generate, the same schema, empty directory"
    med() { grep "^$1 " "$out/inc-pairs" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    awk -v i="$(med inc)" -v f="$(med full)" 'BEGIN { printf "ratio incremental / full (medians): %.2f\n", i / f }'
fi

qapi_gen=${QAPI_GEN:-../shared/qemu/v11.0.0/scripts/qapi-gen.py}
if [ -f "$qapi_gen" ] && command -v python3 >/dev/null; then
    echo "== side by side with QEMU's qapi-gen.py ($runs runs each, interleaved)"
    python3 "$qapi_gen" -o "$out/c" "$schema" >/dev/null # warms the page cache
    for _ in $(seq "$runs"); do
        rm -rf "$out/c" "$out/gen"
        start=$(date +%s%N); python3 "$qapi_gen" -o "$out/c" "$schema" >/dev/null; end=$(date +%s%N)
        echo "qemu $(( (end - start) / 1000000 ))"
        start=$(date +%s%N); ./qapic generate "$schema" -o "$out/gen" --package org.example.qmp >/dev/null
        end=$(date +%s%N)
        echo "qapic $(( (end - start) / 1000000 ))"
    done > "$out/pairs"
    grep '^qemu ' "$out/pairs" | cut -d' ' -f2 | summary "qapi-gen.py (C, empty directory)"
    grep '^qapic ' "$out/pairs" | cut -d' ' -f2 | summary "qapic generate (Java, empty directory)"
    median() { grep "^$1 " "$out/pairs" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    awk -v q="$(median qemu)" -v j="$(median qapic)" \
        'BEGIN { printf "ratio qapic / qapi-gen.py (medians): %.2f\n", j / q }'
else
    echo "== side by side: skipped ($qapi_gen or python3 not found)"
fi
