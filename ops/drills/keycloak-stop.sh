#!/usr/bin/env bash
# Drill: Keycloak stopped while staff work, against the running local stack (./hearth run --demo-data). Before:
# carlos signs in on a page (curl, through Keycloak's form) and frida gets an API token. Keycloak is stopped for
# DOWN_SECONDS (60); meanwhile carlos's pages, frida's API calls with her token, and a NEW sign-in are tried every
# few seconds. Then Keycloak is started again with the same command and data (the realm is kept), and a new
# sign-in must work. Signed-in users keep working only while their session's access token is valid (the realm's
# accessTokenLifespan, 5 minutes): renewing it needs Keycloak (see docs/operations.md).
set -uo pipefail
source "$(dirname "$0")/drill-lib.sh"
DOWN_SECONDS="${DOWN_SECONDS:-60}"
require_stack

kc_pid="$(ss -ltnpH 'sport = :8180' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
[ -n "$kc_pid" ] || { echo "Keycloak is not listening on 8180." >&2; exit 2; }
mapfile -d '' kc_env < "/proc/$kc_pid/environ"
kc_cwd="$(readlink "/proc/$kc_pid/cwd")"
mapfile -d '' kc_cmd < "/proc/$kc_pid/cmdline"

family_id="$(sql "select f.id from family f join staff_program sp on sp.program_id = f.program_id join staff_member s on s.id = sp.staff_member_id where s.username = 'frida' order by f.id limit 1")"
carlos_jar="$work/carlos.cookies"
say "carlos signs in on a page: $(signin carlos "$carlos_jar")"
say "carlos's caseload page: $(page "$carlos_jar" caseload/index.xhtml)"
tok="$(token frida)"
say "frida's API call (family $family_id): $(api "$tok" GET "families/$family_id" | cut -c1-60)"

say "Stopping Keycloak (pid $kc_pid) for $DOWN_SECONDS s"
kill -TERM "$kc_pid"
for _ in $(seq 1 60); do kill -0 "$kc_pid" 2>/dev/null || break; sleep 1; done
say "Keycloak stopped: $(curl -s -o /dev/null -w '%{http_code}' "$REALM" || true) from the realm's address"
# Hearth keeps Keycloak's last answer to its reachability question 5 seconds
sleep 6

fails=0
end=$(( $(date +%s) + DOWN_SECONDS ))
while [ "$(date +%s)" -lt "$end" ]; do
  signed_in="$(page "$carlos_jar" caseload/index.xhtml)"
  api_call="$(api "$tok" GET "families/$family_id" | cut -f1)"
  new_jar="$work/new.$RANDOM.cookies"
  new_signin="$(page "$new_jar" home)"
  say "signed-in carlos: ${signed_in%%$'\t'*} | frida's token on the API: $api_call | a new sign-in: $(printf '%s' "$new_signin" | cut -f1,2 | sed "s#$APP##"), \"$(printf '%s' "$new_signin" | cut -f3)\""
  case "$signed_in" in 200*) ;; *) fails=$((fails + 1)) ;; esac
  [ "$api_call" = 200 ] || fails=$((fails + 1))
  case "$new_signin" in 503*sign-in-unavailable*"Sign-in is unavailable right now"*) ;; *) fails=$((fails + 1)) ;; esac
  case "$new_signin" in *STACK*) fails=$((fails + 1)) ;; esac
  sleep 10
done
curl -sS -L "$APP/sign-in-unavailable" | sed -n 's:.*<p class="lead">\(.*\)</p>.*:  The page says\: \1:p'

say "Starting Keycloak again (same command, environment and data)"
( cd "$kc_cwd" && setsid env -i "${kc_env[@]}" "${kc_cmd[@]}" >> "$root/.hearth/logs/keycloak.log" 2>&1 & )
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null http://localhost:9000/health/ready 2>/dev/null && break
  sleep 1
done
say "Keycloak ready: $(curl -s -o /dev/null -w '%{http_code}' http://localhost:9000/health/ready)"
after_jar="$work/after.cookies"
signin_status="$(signin sofia "$after_jar")"
after_page="$(page "$after_jar" home)"
say "a new sign-in (sofia) after Keycloak is back: $signin_status, then $(printf '%s' "$after_page" | cut -f1,3)"
case "$after_page" in 200*) ;; *) fails=$((fails + 1)) ;; esac
echo
echo "Keycloak now runs outside ./hearth run (pid $(ss -ltnpH 'sport = :8180' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)):"
echo "after stopping ./hearth run, stop it with kill on that pid."
if [ "$fails" = 0 ]; then echo "Drill result: pass"; else echo "Drill result: fail ($fails checks failed)"; fi
[ "$fails" = 0 ]
