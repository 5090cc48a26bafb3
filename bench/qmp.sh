#!/usr/bin/env bash
# QMP round trips: our client against our server (a separate JVM answering query-version) and
# against a real QEMU 7.2 (qemu-system-x86_64 -machine none), over unix sockets; one connection,
# then 16. Prints every run and the median, with p50/p99 latencies. QEMU is skipped, saying so,
# when qemu-system-x86_64 is not installed. Run on an otherwise idle machine.
#   CALLS=20000 RUNS=3 bench/qmp.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl runtime -am test-compile
./mvnw -q -pl runtime org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/qmp-bench.classpath -Dmdep.includeScope=test
cp="runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/qmp-bench.classpath)"

exec java -cp "$cp" -Dcalls="${CALLS:-20000}" -Druns="${RUNS:-3}" ${JAVA_OPTS:-} io.qapi.runtime.bench.QmpBench
