#!/usr/bin/env bash
# A QMP peer that stops reading (as a busy QEMU does): how long execute() takes to return for a
# 2 MiB call and for a small call from another thread, and how far past their 1 s timeout they
# fail. Prints every run and the medians.
#   RUNS=11 bench/stalled-call.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -o -pl runtime -am test-compile
./mvnw -q -o -pl runtime org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/stalled-call.classpath -Dmdep.includeScope=test
cp="runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/stalled-call.classpath)"

exec java -cp "$cp" -Druns="${RUNS:-11}" ${JAVA_OPTS:-} io.qapi.runtime.client.StalledCallBench
