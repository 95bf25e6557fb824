#!/usr/bin/env bash
# Drill: PostgreSQL stopped for DOWN_SECONDS (30) and started again while staff work, against the running local
# stack (./hearth run --demo-data). A little load runs throughout: two API readers, one API writer registering
# families, one signed-in page session (curl). It reports, before / while down / after, what each got; checks that
# nothing answered a 500 or showed a stack trace, that the pool came back by itself (no WildFly restart), that
# every family whose registration was answered 201 is in the database, and that the audit chain verifies.
#   ops/drills/postgres-stop.sh            (output kept in docs/drills/postgres-stop.txt by whoever runs it)
set -uo pipefail
source "$(dirname "$0")/drill-lib.sh"
DOWN_SECONDS="${DOWN_SECONDS:-30}"
require_stack

program_id="$(sql "select p.id from program p join staff_program sp on sp.program_id = p.id join staff_member s on s.id = sp.staff_member_id where s.username = 'frida' order by p.id limit 1")"
family_id="$(sql "select id from family where program_id = $program_id order by id limit 1")"
[ -n "$family_id" ] || { echo "No family in frida's program: start the stack with --demo-data." >&2; exit 2; }
wildfly_pid="$(pgrep -f "jboss-modules.jar.*$root/ear/target/server" | head -1)"
say "Program $program_id, family $family_id read by the load; WildFly pid $wildfly_pid"
tok="$(token frida)"
jar="$work/frida.cookies"
say "frida signs in on a page: $(signin frida "$jar")"

phase_file="$work/phase"
echo before > "$phase_file"
log="$work/requests.tsv"
stop_load="$work/stop"

reader() {
  while [ ! -e "$stop_load" ]; do
    printf '%s\t%s\tapi-read\t%s\n' "$(date -u +%s.%N | cut -c1-14)" "$(cat "$phase_file")" "$(api "$tok" GET "families/$family_id" | cut -c1-160)" >> "$log"
    sleep 0.3
  done
}
writer() {
  local n=0
  while [ ! -e "$stop_load" ]; do
    n=$((n + 1))
    printf '%s\t%s\tapi-write\t%s\n' "$(date -u +%s.%N | cut -c1-14)" "$(cat "$phase_file")" "$(api "$tok" POST families "{\"familyName\": \"Drill $$ $n\", \"programId\": $program_id, \"preferredLanguage\": \"en\", \"referralSource\": \"SELF\", \"members\": [{\"fullName\": \"Rosa Drill $n\", \"ageYears\": 50, \"relationship\": \"PARENT\", \"safeToLeaveMessage\": true, \"safeToMail\": true, \"participates\": true}]}" | cut -c1-160)" >> "$log"
    sleep 1
  done
}
pager() {
  while [ ! -e "$stop_load" ]; do
    printf '%s\t%s\tpage\t%s\n' "$(date -u +%s.%N | cut -c1-14)" "$(cat "$phase_file")" "$(page "$jar" "families/record.xhtml?id=$family_id")" >> "$log"
    sleep 1
  done
}
reader & reader & writer & pager &

sleep 10
say "Stopping PostgreSQL (fast shutdown: open connections are cut) for $DOWN_SECONDS s"
echo down > "$phase_file"
pg_stop
stopped_at=$(date +%s)
sleep "$DOWN_SECONDS"
say "Starting PostgreSQL again (same data, port and options)"
pg_start
echo after > "$phase_file"
started_at=$(date +%s.%N | cut -c1-14)
say "PostgreSQL is back after $(( $(date +%s) - stopped_at )) s"
sleep 20
touch "$stop_load"
wait

echo
echo "What each kind of request got (status: count), per phase:"
for phase in before down after; do
  printf '  %-7s' "$phase"
  for kind in api-read api-write page; do
    printf '  %s: %s' "$kind" "$(awk -F'\t' -v p="$phase" -v k="$kind" '$2 == p && $3 == k {print $4}' "$log" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')"
  done
  echo
done
echo
echo "What the pages and the API said while PostgreSQL was down (distinct answers):"
awk -F'\t' '$2 == "down" && $3 == "page" {print "  page: " $4 " " $6 " " $7}' "$log" | sort | uniq -c
awk -F'\t' '$2 == "down" && $3 != "page" {print "  " $3 ": " $4 " " $5}' "$log" | sed 's/"instance"[^,}]*,\?//' | sort | uniq -c | head -5
first_ok="$(awk -F'\t' -v t="$started_at" '$1 >= t && $4 ~ /^2/ {print $1; exit}' "$log")"
echo
echo "First successful answer $(awk -v a="$first_ok" -v b="$started_at" 'BEGIN {printf "%.1f", a - b}') s after PostgreSQL was back."
echo "Answers after PostgreSQL was back that were not 2xx: $(awk -F'\t' '$2 == "after" && $4 !~ /^2/' "$log" | wc -l)"
echo "Answers 500 at any time: $(awk -F'\t' '$4 == "500"' "$log" | wc -l); pages showing a stack trace: $(grep -c 'STACK TRACE' "$log")"
now_pid="$(pgrep -f "jboss-modules.jar.*$root/ear/target/server" | head -1)"
echo "WildFly pid before $wildfly_pid, after $now_pid: $([ "$wildfly_pid" = "$now_pid" ] && echo 'not restarted' || echo 'RESTARTED')"

created="$(awk -F'\t' '$3 == "api-write" && $4 == "201" {print $5}' "$log" | grep -o '"id":[0-9]*' | cut -d: -f2 | paste -sd, -)"
answered=$(echo "$created" | tr ',' '\n' | grep -c . || true)
found=0
[ -n "$created" ] && found="$(sql "select count(*) from family where id in ($created)")"
echo "Families answered 201: $answered; found in the database: $found"
echo
echo "The audit chain (./hearth verify-audit):"
verify_audit | sed 's/^/  /'
audit=${PIPESTATUS[0]}
echo
result=pass
[ "$(awk -F'\t' '$4 == "500"' "$log" | wc -l)" = 0 ] || result=fail
grep -q 'STACK TRACE' "$log" && result=fail
[ "$answered" = "$found" ] || result=fail
[ "$wildfly_pid" = "$now_pid" ] || result=fail
[ "$(awk -F'\t' '$2 == "after" && $4 !~ /^2/' "$log" | wc -l)" = 0 ] || result=fail
[ "$audit" = 0 ] || [ "$audit" = 3 ] || result=fail
echo "Drill result: $result (request log: $log)"
[ "$result" = pass ]
