#!/usr/bin/env bash
# make tour: a guided drill for learners. Starts its own sandbox, then walks through a baseline,
# chaos error (failover, zero client errors), chaos-stop (recovery), an outage (5xx alert), slow
# answers (latency alert), maintenance and a planned switch, and stops the sandbox. Each step is
# narrated before it runs; after it, what the clients got, what the watcher said and what to look
# at. It waits for Enter between steps; TOUR=auto (or no terminal) runs straight through. It ends
# with a table (step, what clients saw, alert sent, seconds to alert) and exits 1 if a step did not
# go as expected: make test runs it with TOUR=auto, so the tour cannot rot.
set -euo pipefail

# The slow step expects a latency alert. The latency detector (LATENCY_P99_MS) is being built on
# another branch: until it is merged no latency alert exists, and the step passes without one. The
# one line to flip when it is: LATENCY_ALERTS=yes.
LATENCY_ALERTS=no

# The tour's own watcher settings, chosen so that every alert comes within seconds: a window of 20
# requests judged from 10, 2 % (one error in 20 is above it), latency p99 above 400 ms.
export WINDOW_SIZE=20 MIN_REQUESTS=10 ERROR_RATE_THRESHOLD=2 ALERT_COOLDOWN_SEC=300
export LATENCY_P99_MS=400 MAINTENANCE_MODE=false ACTIVE_POOL=blue WATCHER_INSTANCE=tour
TOUR=${TOUR:-}
[ -t 0 ] || TOUR=auto

# Your settings (a Slack webhook, ports) apply, but the planned switch must not rewrite your .env's
# ACTIVE_POOL: the tour works on a copy.
TOUR_ENV=$(mktemp "${TMPDIR:-/tmp}/tour-env.XXXXXX")
env_file=${SANDBOX_ENV_FILE:-$(dirname "$0")/../.env}
if [ -f "$env_file" ]; then cp "$env_file" "$TOUR_ENV"; fi
export SANDBOX_ENV_FILE=$TOUR_ENV

# shellcheck source=scripts/sandbox.sh
. "$(dirname "$0")/sandbox.sh"

export LC_ALL=C # join and sort agree on the order of kind names
b='' n=''
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then b=$(tput bold 2> /dev/null || true) n=$(tput sgr0 2> /dev/null || true); fi
narrate() { printf '\n%s== %s%s\n' "$b" "$1" "$n"; shift; printf '   %s\n' "$@"; }
look() { printf '   look: %s\n' "$@"; }
pause() {
  [ "$TOUR" = auto ] && return 0
  printf '\n   [Enter] next step, Ctrl-C stops the tour (and the sandbox) '
  read -r _
}

ROWS=() FAILED=0
row() { # step clients alerts seconds expected-ok
  ROWS+=("$1|$2|$3|$4|$5")
  [ "$5" = ok ] || [ "$5" = "ok (latency alerts not built yet)" ] || FAILED=1
}

# Counts of alerts per kind, from /metrics: "failover=1 error_rate=2".
alert_counts() {
  curl -s -m 2 "http://127.0.0.1:$HTTP_PORT/metrics" |
    sed -n 's/^watcher_alerts_total{kind="\([a-z_]*\)"} \([0-9.]*\)$/\1=\2/p' | sort
}
# The kinds whose count grew since $MARK_COUNTS, space separated.
new_kinds() {
  join -t= -a 2 -e 0 -o 0,1.2,2.2 <(echo "$MARK_COUNTS") <(alert_counts) |
    awk -F= '$3 + 0 > $2 + 0 { printf "%s%s", (n++ ? " " : ""), $1 }'
}
mark() {
  MARK_COUNTS=$(alert_counts) MARK_LINES=0 MARK_NANOS=$(date +%s%N)
  if [ -f "$LOGS/watcher.log" ]; then MARK_LINES=$(wc -l < "$LOGS/watcher.log"); fi
  MARK_ACCESS=$(wc -l < "$LOGS/access.log")
}

# Sends count requests through nginx; CLIENTS is what they got: "200 x20 (blue)".
traffic() { # count
  local code pool statuses=() pools=()
  for _ in $(seq "$1"); do
    read -r code pool < <(curl -s -m 15 -o /dev/null -D - -w '%{http_code}\n' \
      "http://127.0.0.1:$NGINX_PORT/version" | tr -d '\r' |
      awk -F': ' 'tolower($1) == "x-app-pool" { p = $2 } /^[0-9]+$/ { c = $0 } END { print c, (p ? p : "-") }')
    statuses+=("$code") pools+=("$pool")
  done
  CLIENTS="$(printf '%s\n' "${statuses[@]}" | tally) ($(printf '%s\n' "${pools[@]}" | sort -u | paste -sd,))"
  echo "   clients got: $CLIENTS"
}

# Waits until every expected kind has come (at most 15 s) or, expecting none, 3 s of quiet; sets
# KINDS and SECS (from the mark to the first new alert).
await_alerts() { # expected kinds...
  local deadline=$((SECONDS + 15)) got want all
  [ $# -gt 0 ] || deadline=$((SECONDS + 3))
  SECS=-
  while :; do
    got=$(new_kinds)
    if [ -n "$got" ] && [ "$SECS" = - ]; then
      SECS=$(awk -v a="$MARK_NANOS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    fi
    all=1
    for want in "$@"; do [[ " $got " == *" $want "* ]] || all=0; done
    if [ $# -gt 0 ] && [ $all = 1 ]; then break; fi
    [ $SECONDS -lt $deadline ] || break
    sleep 0.2
  done
  KINDS=${got:-none}
  echo "   watcher sent: $KINDS"
  # Without a sink the watcher prints each alert as a line starting with its ISO instant.
  tail -n "+$((MARK_LINES + 1))" "$LOGS/watcher.log" | grep -E '^[0-9-]+T[0-9:.]+Z ' |
    cut -c1-160 | sed 's/^/   alert text: /' || true
}

verdict() { # expected kinds...: ok, or what is missing (other kinds may come along: a failover
  # also counts its retried error in the error rate)
  local want missing=()
  for want in "$@"; do [[ " $KINDS " == *" $want "* ]] || missing+=("$want"); done
  if [ $# -eq 0 ] && [ "$KINDS" != none ]; then echo "FAIL: expected no alert"; return; fi
  if [ ${#missing[@]} -gt 0 ]; then echo "FAIL: no ${missing[*]}"; return; fi
  echo ok
}

# Back to a calm sandbox before the next step: chaos off, blue serving, the window clean, and the
# watcher's resolutions counted (so they are not the next step's).
settle() {
  local p before now
  for p in blue green; do curl -fs -m 3 -X POST "http://127.0.0.1:$(port_of $p)/chaos/stop" > /dev/null; done
  within 30 serving_is blue || die "blue does not serve again after chaos-stop (make status)"
  traffic 25 > /dev/null # a window of clean requests: every episode can close
  now=$(alert_counts)
  for _ in 1 2 3 4 5; do # until the watcher has said all it will (2 s without a new alert)
    before=$now
    sleep 2
    now=$(alert_counts)
    [ "$now" != "$before" ] || break
  done
}

access_line() { # pattern: the first line of the access log since the mark that matches
  tail -n "+$((MARK_ACCESS + 1))" "$LOGS/access.log" | grep -m 1 -E "$1" | cut -c1-200 || true
}

chaos_on() { chaos_switch "$1" "start?mode=$2${3:+&ms=$3}"; }

# shellcheck disable=SC2317 # the EXIT trap runs it
end_tour() {
  if [ -n "${TOUR_UP:-}" ]; then "$ROOT/scripts/sandbox.sh" down > /dev/null 2>&1 || true; fi
  rm -f "$TOUR_ENV"
}

# --- the steps ---
trap end_tour EXIT
if [ -f "$RUN_DIR/runtime" ]; then die "the tour starts its own sandbox: make down first"; fi

narrate "1. start" "make up: nginx :$NGINX_PORT sends traffic to blue (primary), green is the backup;" \
  "the watcher follows nginx's access log. The tour's settings: a window of 20 requests, 2 %."
pause
"$ROOT/scripts/sandbox.sh" up | sed 's/^/   /'
TOUR_UP=1
row "start" "-" "none" "-" ok

narrate "2. baseline" "20 requests with nothing broken: every one 200 from blue, and the watcher stays quiet."
pause
mark
traffic 20
await_alerts
row "baseline" "$CLIENTS" "$KINDS" "$SECS" "$(verdict)"

narrate "3. chaos error" "Blue answers 500 to everything. Nginx retries each failed request on green inside" \
  "the same client request, so clients see no error; the watcher sees the pool change (failover)."
pause
mark
chaos_on blue error
traffic 20
await_alerts failover
look "the retry in the access log: $(access_line 'upstream_status=500, 200')"
look "upstream_status=500, 200: blue failed, green answered; status=200 is what the client got"
row "chaos error" "$CLIENTS" "$KINDS" "$SECS" "$(verdict failover)"

narrate "4. chaos-stop" "Blue is fixed. Nginx tries it again after fail_timeout (5 s); the tour sends traffic" \
  "until blue serves, and the watcher announces the recovery."
pause
mark
chaos_switch blue stop
within 30 serving_is blue || true
traffic 20
await_alerts recovery
look "the first line blue served again: $(access_line 'pool=blue')"
row "chaos-stop" "$CLIENTS" "$KINDS" "$SECS" "$(verdict recovery)"
settle

narrate "5. outage" "Both pools answer 500: nothing to retry on, so clients get 5xx. This one hurts users:" \
  "the error-rate alert says the errors were seen by clients."
pause
mark
chaos_on blue error
chaos_on green error
traffic 20
await_alerts error_rate
look "a 5xx a client got: $(access_line ' status=5[0-9][0-9] ')"
row "outage" "$CLIENTS" "$KINDS" "$SECS" "$(verdict error_rate)"
settle

narrate "6. slow" "Blue answers 200, 600 ms late: no error, no failover. Only a latency check sees it" \
  "(request_time in the access log)."
pause
mark
chaos_on blue slow 600
traffic 20
if [ "$LATENCY_ALERTS" = yes ]; then
  await_alerts latency
  row "slow" "$CLIENTS" "$KINDS" "$SECS" "$(verdict latency)"
else
  await_alerts
  echo "   (the latency detector is not built yet: a latency alert is expected here once it is)"
  ok=$(verdict)
  [ "$ok" != ok ] || ok="ok (latency alerts not built yet)"
  row "slow" "$CLIENTS" "$KINDS" "$SECS" "$ok"
fi
look "request_time=0.6..: $(access_line 'request_time=0\.[6-9]')"
settle

narrate "7. maintenance" "Planned work: maintenance on, then blue breaks as in step 3. Clients are still fine" \
  "and the watcher sends no alert (one notice when maintenance starts and ends)."
pause
"$ROOT/scripts/sandbox.sh" maintenance on | sed 's/^/   /'
mark
chaos_on blue error
traffic 20
await_alerts
row "maintenance" "$CLIENTS" "$KINDS" "$SECS" "$(verdict)"
settle
"$ROOT/scripts/sandbox.sh" maintenance off | sed 's/^/   /'

narrate "8. planned switch" "make switch: nginx's config for green is tested, the watcher told, nginx reloaded:" \
  "green serves, and the watcher posts a notice, not a failover."
pause
mark
"$ROOT/scripts/sandbox.sh" switch | sed 's/^/   /'
traffic 20
await_alerts
look "the watcher's notice: $(tail -n "+$((MARK_LINES + 1))" "$LOGS/watcher.log" | grep -m 1 'NOTICE' | cut -c1-160)"
row "planned switch" "$CLIENTS" "$KINDS" "$SECS" "$(verdict)"

narrate "9. down" "make down: everything stops; this session's logs stay in $(readlink -f "$LOGS")."
pause
"$ROOT/scripts/sandbox.sh" down | sed 's/^/   /'
TOUR_UP=''
row "down" "-" "-" "-" ok

printf '\n%s%-15s | %-28s | %-28s | %-16s | %s%s\n' "$b" step "clients saw" "alert sent" "seconds to alert" "as expected" "$n"
for r in "${ROWS[@]}"; do
  IFS='|' read -r step clients kinds secs ok <<< "$r"
  printf '%-15s | %-28s | %-28s | %-16s | %s\n' "$step" "$clients" "$kinds" "$secs" "$ok"
done
exit $FAILED
