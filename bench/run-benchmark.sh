#!/usr/bin/env bash
# The load benchmark, against the running stack (./hearth run) holding agency-scale data
# (./hearth generate --scale agency); see docs/performance.md.
#
#   bench/run-benchmark.sh [Gatling -D options]
#       the floors over JDBC, a warm-up, one Gatling run while the WildFly heap is sampled, then the report
#       (bench/target/benchmark-report.md), e.g. -Dbench.users=50 -Dbench.levels=5 -Dbench.levelSeconds=60.
#       Exit status: Gatling's (not 0 when any request failed).
#   bench/run-benchmark.sh --knee [Gatling -D options]
#       the floors, a warm-up, then one Gatling run a step at KNEE_USERS users ("50 100 150 200 250 300 350 400"),
#       each ramped up in KNEE_RAMP_SECONDS (60) and held KNEE_STEP_SECONDS (180), with the same think times,
#       stopping after the first step where an interactive page's p95 passes 250 ms or over 1% of requests fail; each step's
#       report in bench/target/knee/, the steps side by side and the knee (the last step that held) in
#       bench/target/knee-report.md.
#   bench/run-benchmark.sh --soak [Gatling -D options]
#       the floors, a warm-up, then the mix held SOAK_SECONDS (1800) at SOAK_USERS (50) users while org.hearth.bench.Soak
#       samples every SOAK_SAMPLE_SECONDS (15) the heap, the old generation after GC, the HearthDS pool (in use, most
#       in use, requests that waited for a connection and how long) and the database's own connection count; the
#       report, in windows of five minutes with the verdict (errors, heap and connections flat or growing), in
#       bench/target/soak-report.md, the samples in bench/target/soak/samples.csv.
#
# The front desk works on BENCH_DAY, by default today when the clinic is open and has sessions to check in, else
# the clinic's next open day with some (org.hearth.bench.BenchDay). WARMUP_SECONDS (60; 0 skips the warm-up),
# FLOOR_RUNS (100).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jstat="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
knee=no
soak=no
if [ "${1:-}" = "--knee" ]; then
  knee=yes
  shift
elif [ "${1:-}" = "--soak" ]; then
  soak=yes
  shift
fi
if [ ! -f bench/target/generator.classpath ]; then
  ./mvnw -q package -DskipTests -pl bench -am
fi
cp="bench/target/classes:$(cat bench/target/generator.classpath)"

# WILDFLY_PID names the server when more than one runs on the machine (e.g. tests beside the benchmark)
wildfly="${WILDFLY_PID:-$(pgrep -f 'jboss-modules.jar' | head -1 || true)}"
if [ -z "$wildfly" ]; then
  echo "WildFly is not running: start the stack first (./hearth run)." >&2
  exit 2
fi

day="${BENCH_DAY:-$("$java" -cp "$cp" org.hearth.bench.BenchDay)}"
echo "The front desk works on $day (today in the clinic: $(TZ=America/New_York date +%F))."

echo "Floors: each page's SQL over JDBC ..."
BENCH_DAY="$day" "$java" -cp "$cp" org.hearth.bench.Floors "${FLOOR_RUNS:-100}" bench/target/floors.properties

# A warm-up, not reported: a clinic's server has been up for days, its code compiled by the JIT and its
# connections open; a server just started spends its first minute compiling. WARMUP_SECONDS=0 skips it.
warmup="${WARMUP_SECONDS:-60}"
if [ "$warmup" -gt 0 ]; then
  echo "Warm-up: ${warmup} s at 10 users, not reported ..."
  ./mvnw -q -Pbenchmark -pl benchmark gatling:test -Dbench.users=10 -Dbench.levels=1 -Dbench.day="$day" \
    -Dbench.levelSeconds="$warmup" -Dbench.rampSeconds=5 -Dbench.thinkMin=1 -Dbench.thinkMax=3 > bench/target/warmup.log \
    || echo "The warm-up had errors (bench/target/warmup.log); the run goes on." >&2
fi

# One Gatling run while the heap in use (survivors, eden, old; KiB) is sampled every 2 s; then its report ($1).
# Sets $run (Gatling's run directory) and $status (Gatling's exit status).
gatling() {
  local report="$1"
  shift
  local load
  load="$(uptime)"
  ("$jstat" -gc "$wildfly" 2000 > bench/target/heap.log) &
  local sampler=$!
  status=0
  ./mvnw -q -Pbenchmark -pl benchmark gatling:test -Dbench.day="$day" "$@" || status=$?
  kill "$sampler" 2>/dev/null || true
  local peak
  peak="$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {print ($3 + $4 + $6 + $8) / 1024}' bench/target/heap.log | sort -n | tail -1)"
  run="$(ls -td benchmark/target/gatling/*/ | head -1)"
  "$java" -cp "$cp" org.hearth.bench.BenchReport "$run" bench/target/floors.properties "${peak:-0}" "$report"
  printf '\nFront desk day: %s. Load when the run began (uptime): %s\nLoad when it ended: %s\n' \
    "$day" "$load" "$(uptime)" | tee -a "$report"
}

if [ "$soak" = yes ]; then
  mkdir -p bench/target/soak
  "$java" -cp "$cp" org.hearth.bench.Soak sample "$wildfly" "${SOAK_SAMPLE_SECONDS:-15}" bench/target/soak/samples.csv \
    2> bench/target/soak/sampler.log &
  sampler=$!
  echo "Soak: ${SOAK_USERS:-50} users for ${SOAK_SECONDS:-1800} s ..."
  gatling bench/target/soak/benchmark-report.md -Dbench.users="${SOAK_USERS:-50}" -Dbench.levels=1 \
    -Dbench.rampSeconds=60 -Dbench.levelSeconds="${SOAK_SECONDS:-1800}" "$@" > bench/target/soak/gatling.log
  kill "$sampler" 2>/dev/null || true
  "$java" -cp "$cp" org.hearth.bench.Soak report bench/target/soak/samples.csv "$run" bench/target/soak-report.md
  exit "$status"
fi

if [ "$knee" = no ]; then
  gatling bench/target/benchmark-report.md "$@"
  echo "Gatling's own report: ${run}index.html"
  exit "$status"
fi

mkdir -p bench/target/knee
steps=()
for users in ${KNEE_USERS:-50 100 150 200 250 300 350 400}; do
  echo "Knee: ${users} users, ${KNEE_RAMP_SECONDS:-60} s ramp, ${KNEE_STEP_SECONDS:-180} s held ..."
  gatling "bench/target/knee/step-${users}.md" -Dbench.users="$users" -Dbench.levels=1 \
    -Dbench.rampSeconds="${KNEE_RAMP_SECONDS:-60}" -Dbench.levelSeconds="${KNEE_STEP_SECONDS:-180}" "$@" \
    > "bench/target/knee/step-${users}.log"
  steps+=("${users}=${run}")
  if ! "$java" -cp "$cp" org.hearth.bench.Knee held "$run"; then
    break
  fi
done
"$java" -cp "$cp" org.hearth.bench.Knee report bench/target/knee-report.md "${steps[@]}"
