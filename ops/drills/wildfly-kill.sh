#!/usr/bin/env bash
# Drill: WildFly killed with kill -9 in the middle of writes, against the running local stack
# (./hearth run --demo-data). Three writers run through the API: carlos writes and signs notes (of sessions the
# drill adds in the past two days), frida books sessions, carlos records episode status changes. After
# WRITE_SECONDS (15) WildFly's java process gets SIGKILL; it is started again with the same command and
# environment. Then SQL checks that nothing is half-written - each write's one transaction is all there or not
# at all - that every write answered 2xx before the kill is there, and the audit chain verifies.
set -uo pipefail
source "$(dirname "$0")/drill-lib.sh"
WRITE_SECONDS="${WRITE_SECONDS:-15}"
NOTES="${NOTES:-60}"
require_stack

wildfly_pid="$(pgrep -f "jboss-modules.jar.*$root/ear/target/server" | head -1)"
[ -n "$wildfly_pid" ] || { echo "No WildFly of this checkout is running." >&2; exit 2; }
mapfile -d '' wf_env < "/proc/$wildfly_pid/environ"
mapfile -d '' wf_cmd < "/proc/$wildfly_pid/cmdline"
wf_cwd="$(readlink "/proc/$wildfly_pid/cwd")"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

family_id="$(sql "select f.id from family f join staff_member s on s.id = f.primary_counselor_id where s.username = 'carlos' and f.status = 'ACTIVE' and exists (select 1 from family_member m where m.family_id = f.id and m.participates) order by f.id limit 1")"
member_id="$(sql "select id from family_member where family_id = $family_id and participates order by id limit 1")"
carlos_id="$(sql "select id from staff_member where username = 'carlos'")"
say "Family $family_id (member $member_id) of carlos; WildFly pid $wildfly_pid"
# sessions held in the past two days, whose notes the drill writes and signs (added as the front desk would have booked them)
sql "insert into appointment (family_id, kind, counselor_id, telehealth, starts_at, ends_at, status, booked_by, booked_at)
     select $family_id, 'FAMILY_THERAPY', $carlos_id, true, now() - interval '1 hour' * (2 + i),
            now() - interval '1 hour' * (2 + i) + interval '30 minutes', 'COMPLETED', 'drill', now() - interval '3 days'
     from generate_series(1, $NOTES) i" > /dev/null
sql "insert into appointment_member select a.id, $member_id from appointment a where a.booked_by = 'drill'
     and not exists (select 1 from appointment_member m where m.appointment_id = a.id)" > /dev/null
appointments="$(sql "select a.id from appointment a where a.booked_by = 'drill' and not exists (select 1 from session_note n where n.appointment_id = a.id) order by a.id")"
episodes="$(sql "select e.id from engagement_episode e where e.family_id in (select f.id from family f join staff_member s on s.id = f.primary_counselor_id where s.username = 'carlos') and e.status in ('REFUSING', 'AMBIVALENT') order by e.id limit 3")"
say "$(echo "$appointments" | wc -l) sessions whose notes to sign; episodes $(echo $episodes)"

carlos="$(token carlos)"
frida="$(token frida)"
log="$work/writes.tsv"
note_writer() {
  for appointment in $appointments; do
    local opened id version saved signed
    opened="$(api "$carlos" POST notes "{\"appointmentId\": $appointment}")"
    id="$(printf '%s' "$opened" | cut -f2 | jq -r .id 2>/dev/null)"
    version="$(printf '%s' "$opened" | cut -f2 | jq -r .version 2>/dev/null)"
    [ "${opened%%$'\t'*}" = 200 ] || [ "${opened%%$'\t'*}" = 201 ] || { printf 'note-open\t%s\t%s\n' "${opened%%$'\t'*}" "$appointment" >> "$log"; continue; }
    saved="$(api "$carlos" PUT "notes/$id" "{\"content\": {\"data\": \"<p>Drill $appointment</p>\", \"assessment\": \"<p>Steady</p>\", \"plan\": \"<p>Next week</p>\"}, \"version\": $version}")"
    version="$(printf '%s' "$saved" | cut -f2 | jq -r .version 2>/dev/null)"
    signed="$(api "$carlos" POST "notes/$id/sign" "{\"version\": $version}")"
    printf 'note-sign\t%s\t%s\n' "${signed%%$'\t'*}" "$id" >> "$log"
  done
}
booking_writer() {
  local day=40 answer
  while true; do
    day=$((day + 1))
    date_of="$(date -u -d "+$day days" +%F)"
    case "$(date -u -d "$date_of" +%u)" in 6|7) continue ;; esac
    answer="$(api "$frida" POST appointments "{\"familyId\": $family_id, \"kind\": \"FAMILY_THERAPY\", \"memberIds\": [$member_id], \"counselorUsername\": \"carlos\", \"roomId\": null, \"telehealth\": true, \"start\": \"${date_of}T10:00\", \"minutes\": 60}")"
    printf 'booking\t%s\t%s\n' "${answer%%$'\t'*}" "$(printf '%s' "$answer" | cut -f2 | jq -r '.id // .detail' 2>/dev/null)" >> "$log"
  done
}
episode_writer() {
  local today answer status to
  today="$(TZ=America/New_York date +%F)"
  while true; do
    for episode in $episodes; do
      status="$(sql "select status from engagement_episode where id = $episode")"
      [ "$status" = REFUSING ] && to=AMBIVALENT || to=REFUSING
      answer="$(api "$carlos" POST "episodes/$episode/events" "{\"kind\": \"STATUS_CHANGE\", \"on\": \"$today\", \"toStatus\": \"$to\"}")"
      printf 'episode-event\t%s\t%s\n' "${answer%%$'\t'*}" "$episode" >> "$log"
    done
  done
}
note_writer & notes_pid=$!
booking_writer & bookings_pid=$!
episode_writer & episodes_pid=$!
sleep "$WRITE_SECONDS"
say "kill -9 WildFly (pid $wildfly_pid) while the writers write"
kill -KILL "$wildfly_pid"
sleep 3
kill "$notes_pid" "$bookings_pid" "$episodes_pid" 2>/dev/null
wait 2>/dev/null
say "Answers before the kill: $(cut -f1,2 "$log" | sort | uniq -c | awk '{printf "%s %s x%s; ", $2, $3, $1}')"

say "Starting WildFly again (same command and environment)"
( cd "$wf_cwd" && setsid env -i "${wf_env[@]}" "${wf_cmd[@]}" >> "$root/.hearth/logs/wildfly.log" 2>&1 & echo $! > "$work/wildfly.pid" )
new_pid="$(cat "$work/wildfly.pid")"
# ./hearth run's Ctrl-C stops the WildFly named in this file
pidfile="$(printf '%s\n' "${wf_env[@]}" | sed -n 's/^JBOSS_PIDFILE=//p')"
[ -n "$pidfile" ] && echo "$new_pid" > "$pidfile"
for _ in $(seq 1 180); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/api/v1/me" -H "Authorization: Bearer $(token carlos)")" = 200 ] && break
  sleep 2
done
say "WildFly is back (pid $new_pid): GET /api/v1/me answers $(curl -s -o /dev/null -w '%{http_code}' "$APP/api/v1/me" -H "Authorization: Bearer $(token carlos)")"

echo
echo "Nothing half-written (each count must be 0):"
fails=0
check() {
  local n; n="$(sql "$2")"
  printf '  %-96s %s\n' "$1" "$n"
  [ "$n" = 0 ] || fails=$((fails + 1))
}
check "signed notes without signing time or content hash" \
  "select count(*) from session_note where status <> 'DRAFT' and (signed_at is null or content_hash is null)"
check "signed notes of the drill without their SIGN_NOTE audit entry" \
  "select count(*) from session_note n join appointment a on a.id = n.appointment_id where a.booked_by = 'drill' and n.status <> 'DRAFT' and not exists (select 1 from audit_entry e where e.action = 'SIGN_NOTE' and e.entity_type = 'SessionNote' and e.entity_id = n.id::text)"
check "sessions without an attending member" \
  "select count(*) from appointment a where not exists (select 1 from appointment_member m where m.appointment_id = a.id)"
check "drill episodes whose status is not their last status change's" \
  "select count(*) from engagement_episode e join lateral (select ev.kind, ev.to_status from episode_event ev where ev.episode_id = e.id and ev.voided_at is null order by ev.id desc limit 1) last on true where e.id in ($(echo $episodes | tr ' ' ',')) and last.kind = 'STATUS_CHANGE' and last.to_status <> e.status"
check "status changes of the drill whose from-status is not the status before them" \
  "select count(*) from (select ev.from_status, lag(ev.to_status) over (partition by ev.episode_id order by ev.id) before from episode_event ev where ev.episode_id in ($(echo $episodes | tr ' ' ',')) and ev.kind = 'STATUS_CHANGE' and ev.voided_at is null and ev.recorded_at >= timestamptz '$started') c where c.before is not null and c.before <> c.from_status"
signed_ids="$(awk -F'\t' '$1 == "note-sign" && $2 == "200" {print $3}' "$log" | paste -sd, -)"
booked_ids="$(awk -F'\t' '$1 == "booking" && $2 == "201" {print $3}' "$log" | paste -sd, -)"
check "notes answered 'signed' (200) before the kill but not signed in the database" \
  "select $(echo "$signed_ids" | tr ',' '\n' | grep -c .) - count(*) from session_note where status <> 'DRAFT' and id in (${signed_ids:-0})"
check "sessions answered 'booked' (201) before the kill but not in the database" \
  "select $(echo "$booked_ids" | tr ',' '\n' | grep -c .) - count(*) from appointment where id in (${booked_ids:-0})"
echo
echo "For the record (not failures): SIGN_NOTE audit entries of drill notes still in draft - the audit entry is its"
echo "own transaction (REQUIRES_NEW) and commits before the signing does, so a kill between the two leaves one: "
echo "  $(sql "select count(*) from audit_entry e join session_note n on e.entity_type = 'SessionNote' and e.entity_id = n.id::text join appointment a on a.id = n.appointment_id where a.booked_by = 'drill' and e.action = 'SIGN_NOTE' and e.outcome = 'ALLOWED' and n.status = 'DRAFT'")"
echo
echo "The audit chain (./hearth verify-audit):"
verify_audit | sed 's/^/  /'
audit=${PIPESTATUS[0]}
[ "$audit" = 0 ] || [ "$audit" = 3 ] || fails=$((fails + 1))
echo
if [ "$fails" = 0 ]; then echo "Drill result: pass"; else echo "Drill result: fail ($fails checks failed)"; fi
[ "$fails" = 0 ]
