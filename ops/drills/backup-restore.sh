#!/usr/bin/env bash
# Drill: a backup of the running local stack restores on a fresh database, and nothing else comes back.
#
#   1. ./hearth run --demo-data (the checkout's .hearth, so the demo set is there), then ./hearth backup while it runs;
#   2. a change through the API after the backup: the front desk registers a family;
#   3. the stack is stopped, .hearth/postgres and .hearth/audit-anchor are moved aside (kept, named in the output),
#      and ./hearth restore puts the backup into a new, empty database;
#   4. the stack is started on the restored database: ./hearth verify-audit must pass (exit 0, against the anchors
#      the backup carried), the family registered after the backup must be gone, and a second backup's row counts
#      must equal the first's in every table (the audit trail only grows by what the drill itself read since).
#
# Needs the ports of ./hearth run (on a shared machine, hold their lock: flock /work/ports.lock <this script>).
# Leaves the restored database in .hearth; the one from before is in .hearth/before-drill-<time>/.
# Usage: ops/drills/backup-restore.sh [output folder]  (default: a new temporary folder)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="${1:-$(mktemp -d /tmp/hearth-drill.XXXXXX)}"
mkdir -p "$work"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
api=http://localhost:8080/hearth/api/v1
launcher=""

say() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
fail() { echo "DRILL FAILED: $*" >&2; exit 1; }

start_stack() {
  ./hearth run --demo-data >"$work/run-$1.log" 2>&1 &
  launcher=$!
  for _ in $(seq 1 300); do
    grep -q 'Press Ctrl-C to stop' "$work/run-$1.log" && { echo "started (log $work/run-$1.log)"; return; }
    kill -0 "$launcher" 2>/dev/null || { tail -20 "$work/run-$1.log"; fail "./hearth run ended"; }
    sleep 2
  done
  fail "./hearth run did not start in 10 minutes"
}

stop_stack() {
  [ -n "$launcher" ] || return 0
  kill -TERM "$launcher" 2>/dev/null || true
  wait "$launcher" 2>/dev/null || true
  launcher=""
  echo "stopped"
}
trap stop_stack EXIT

token() {
  curl -sf -d grant_type=password -d client_id=hearth-dev-cli -d username="$1" -d password=hearth-demo \
    http://localhost:8180/realms/hearth/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# "  <table>   <rows>" lines of a backup's output, as "<table> <rows>"
counts() { sed -n 's/^  \([a-z_][a-z0-9_]*\) \+\([0-9]\+\)$/\1 \2/p' "$1"; }

say "1. Start the stack and back it up while it runs"
start_stack first
./hearth backup "$work/drill.zip" | tee "$work/backup.out"
counts "$work/backup.out" >"$work/counts-backup.txt"

say "2. Change something through the API after the backup"
frida="$(token frida)"
program="$(curl -sf -H "Authorization: Bearer $frida" "$api/me" | sed 's/.*"programIds":\[\([0-9]*\).*/\1/')"
name="Drill-$stamp"
registered="$(curl -sf -H "Authorization: Bearer $frida" -H "Content-Type: application/json" \
  -d '{"familyName": "'"$name"'", "programId": '"$program"', "preferredLanguage": "en", "referralSource": "SELF",
       "members": [{"fullName": "Drill Member", "ageYears": 40, "relationship": "PARENT",
                    "safeToLeaveMessage": true, "safeToMail": true, "participates": true}]}' "$api/families")"
echo "registered after the backup: $registered"
found="$(curl -sf -H "Authorization: Bearer $frida" "$api/families?search=$name")"
echo "$found" | grep -q "$name" || fail "the family registered after the backup is not found before the restore"

say "3. Stop, move the database aside, restore into a new, empty one"
stop_stack
aside=".hearth/before-drill-$stamp"
mkdir -p "$aside"
mv .hearth/postgres "$aside/postgres"
[ ! -e .hearth/audit-anchor ] || mv .hearth/audit-anchor "$aside/audit-anchor"
echo "moved .hearth/postgres and .hearth/audit-anchor to $aside"
./hearth restore "$work/drill.zip" | tee "$work/restore.out"

say "4. Start on the restored database, verify the audit trail, compare"
start_stack second
./hearth verify-audit | tee "$work/verify-audit.out" || fail "verify-audit exited $?"
frida="$(token frida)"
found="$(curl -sf -H "Authorization: Bearer $frida" "$api/families?search=$name")"
if echo "$found" | grep -q "$name"; then
  fail "the family registered after the backup came back: $found"
fi
echo "the family registered after the backup ($name) is not in the restored database, as it was not in the backup"
./hearth backup "$work/after.zip" >"$work/after.out"
counts "$work/after.out" >"$work/counts-after.txt"
stop_stack

echo
printf '%-36s %12s %12s\n' table "at backup" "after restore"
differences=0
while read -r table before; do
  after="$(awk -v t="$table" '$1 == t { print $2 }' "$work/counts-after.txt")"
  note=""
  if [ "$after" != "$before" ]; then
    if [ "$table" = audit_entry ] && [ "$after" -gt "$before" ]; then
      note="  (the drill's own audited reads since the restart)"
    else
      note="  DIFFERENT"
      differences=$((differences + 1))
    fi
  fi
  printf '%-36s %12s %12s%s\n' "$table" "$before" "$after" "$note"
done <"$work/counts-backup.txt"
[ "$differences" -eq 0 ] || fail "$differences tables differ"
echo
echo "DRILL PASSED: restored from $work/drill.zip; the database from before is in $aside"
