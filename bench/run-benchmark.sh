#!/usr/bin/env bash
# The load benchmark, against the running stack (./hearth run) holding agency-scale data
# (./hearth generate --scale agency): the floors over JDBC, the Gatling run while the WildFly heap is sampled,
# then the report (bench/target/benchmark-report.md). Extra arguments go to Gatling, e.g.
#   bench/run-benchmark.sh -Dbench.users=50 -Dbench.levels=5 -Dbench.levelSeconds=60
# Exit status: Gatling's (not 0 when any request failed).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jstat="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
if [ ! -f bench/target/generator.classpath ]; then
  ./mvnw -q install -DskipTests
fi
cp="bench/target/classes:$(cat bench/target/generator.classpath)"

echo "Floors: each page's SQL over JDBC ..."
"$java" -cp "$cp" org.hearth.bench.Floors "${FLOOR_RUNS:-100}" bench/target/floors.properties

wildfly="$(pgrep -f 'jboss-modules.jar' | head -1 || true)"
if [ -z "$wildfly" ]; then
  echo "WildFly is not running: start the stack first (./hearth run)." >&2
  exit 2
fi
# A warm-up, not reported: a clinic's server has been up for days, its code compiled by the JIT and its
# connections open; a server just started spends its first minute compiling. WARMUP_SECONDS=0 skips it.
warmup="${WARMUP_SECONDS:-60}"
if [ "$warmup" -gt 0 ]; then
  echo "Warm-up: ${warmup} s at 10 users, not reported ..."
  ./mvnw -q -Pbenchmark -pl benchmark gatling:test -Dbench.users=10 -Dbench.levels=1 \
    -Dbench.levelSeconds="$warmup" -Dbench.rampSeconds=5 -Dbench.thinkMin=1 -Dbench.thinkMax=3 > bench/target/warmup.log \
    || echo "The warm-up had errors (bench/target/warmup.log); the run goes on." >&2
fi
# the heap in use (survivors, eden, old; KiB), every 2 s while Gatling runs
("$jstat" -gc "$wildfly" 2000 > bench/target/heap.log) &
sampler=$!
status=0
./mvnw -q -Pbenchmark -pl benchmark gatling:test "$@" || status=$?
kill "$sampler" 2>/dev/null || true
peak="$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {print ($3 + $4 + $6 + $8) / 1024}' bench/target/heap.log | sort -n | tail -1)"
run="$(ls -td benchmark/target/gatling/*/ | head -1)"
"$java" -cp "$cp" org.hearth.bench.BenchReport "$run" bench/target/floors.properties "${peak:-0}" \
  bench/target/benchmark-report.md
echo "Gatling's own report: ${run}index.html"
exit "$status"
