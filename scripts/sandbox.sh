#!/usr/bin/env bash
# The sandbox's runtimes behind the Makefile: docker (compose) or local (nginx + 2 JVMs + watcher).
# Usage: scripts/sandbox.sh up|down|status|chaos MODE|chaos-stop|switch|maintenance on|off|logs
#        MODE: error|timeout|slow|outage; CHAOS_MS=N sets the slow mode's delay (the app checks it)
#        scripts/sandbox.sh watcher ARGS...   (bin/watcher: the watcher command, ctl to the sandbox's)
#        scripts/sandbox.sh compose ARGS...   (docker runtime: compose with the sandbox's settings)
# RUNTIME=docker|local overrides the detection: the runtime `up` recorded in RUN_DIR while the
# sandbox is up, else docker when a Docker engine answers (Docker, or Podman's API on DOCKER_HOST).
# Local runtime: pid files and rendered config under RUN_DIR (default run/); each make up's logs and
# watcher state in RUN_DIR/sessions/<UTC time>/, RUN_DIR/logs links to the current one.
set -euo pipefail
CALLER_DIR=$PWD # bin/watcher runs the jar from here, so relative paths mean what the user meant
cd "$(dirname "$0")/.."
ROOT=$PWD
# Debian puts nginx in /usr/sbin, which is not on a normal user's PATH.
export PATH=$PATH:/usr/sbin:/sbin

ENV_FILE=${SANDBOX_ENV_FILE:-.env} # the tests point this elsewhere

load_env() {
  # .env fills in what the environment leaves unset or empty: SLACK_WEBHOOK_URL=... make up works.
  [ -f "$ENV_FILE" ] || return 0
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    value=${value%\"} value=${value#\"}
    if [ -z "${!key:-}" ] && [ -n "$value" ]; then export "$key=$value"; fi
  done < "$ENV_FILE"
}
load_env

RUN_DIR=${RUN_DIR:-$ROOT/run}
NGINX_PORT=${NGINX_PORT:-8080}
BLUE_PORT=${BLUE_PORT:-8081}
GREEN_PORT=${GREEN_PORT:-8082}
export HTTP_PORT=${HTTP_PORT:-9180}
WATCHER_JAR=$ROOT/watcher/target/watcher.jar
WATCHER_ARCHIVE=$ROOT/watcher/target/watcher.jsa # the class-data archive made for it (watcher_jvm_flags)
DEMO_JAR=$ROOT/demo-app/target/demo-app.jar
NGINX_DIR=$RUN_DIR/nginx
LOGS=$RUN_DIR/logs # a link to the current session: RUN_DIR/sessions/<UTC time of make up>/
KEEP_SESSIONS=10

say() { echo "sandbox: $*"; }
die() { echo "sandbox: $*" >&2; exit 1; }

# The watcher runs with its image's JVM flags, which live on watcher/Dockerfile's ENTRYPOINT line;
# replay (a batch job) without those the Dockerfile's replay-drops-jvm-flags label names; both read
# by packaging/jvm-flags.sh. The image's class-data archive becomes one made here for the jar, again
# whenever the jar is newer (packaging/cds-archive.sh; the watcher runs without one if that fails).
watcher_jvm_flags() {
  if [ -f "$WATCHER_JAR" ]; then
    "$ROOT/packaging/cds-archive.sh" --if-stale "$WATCHER_JAR" "$ROOT/packaging/watcher.classlist" \
      "$WATCHER_ARCHIVE" || true
  fi
  "$ROOT/packaging/jvm-flags.sh" --archive "$WATCHER_ARCHIVE" "$@"
}

replay_jvm_flags() {
  watcher_jvm_flags --replay
}

# Its JVM gets the Dockerfile's ENV MALLOC_ARENA_MAX (glibc's malloc arenas), unless already set.
malloc_arena_max() {
  echo "${MALLOC_ARENA_MAX:-$("$ROOT/packaging/jvm-flags.sh" --malloc-arena-max)}"
}

runtime() {
  case "${RUNTIME:-}" in
    docker | local) echo "$RUNTIME" ;;
    "")
      # The sandbox that is up is stopped, inspected and switched with the runtime it was started
      # with, whatever answers now (make clean relies on this).
      if [ -f "$RUN_DIR/runtime" ]; then
        cat "$RUN_DIR/runtime"
      elif command -v docker > /dev/null 2>&1 && docker info > /dev/null 2>&1; then
        echo docker
      else
        echo local
      fi
      ;;
    *) echo "sandbox: invalid RUNTIME '$RUNTIME': must be docker or local" >&2; exit 2 ;;
  esac
}

compose() {
  # Compose reads the sandbox's settings file, not whatever .env the directory holds (the tests
  # point ENV_FILE elsewhere); load_env has already put its values in the environment. Without
  # one, an empty file (compose refuses /dev/null, and v2 a missing file).
  local env_file=$ENV_FILE
  if [ ! -f "$env_file" ]; then
    mkdir -p "$RUN_DIR"
    env_file=$RUN_DIR/no-settings.env
    : > "$env_file"
  fi
  if docker compose version > /dev/null 2>&1; then
    docker compose --env-file "$env_file" "$@"
  else
    docker-compose --env-file "$env_file" "$@"
  fi
}

port_of() { if [ "$1" = green ]; then echo "$GREEN_PORT"; else echo "$BLUE_PORT"; fi; }
other() { if [ "$1" = green ]; then echo blue; else echo green; fi; }
listening() { (: > "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

healthy() { curl -fs -m 2 -o /dev/null "http://127.0.0.1:$1/healthz"; }

active_pool() {
  if [ -f "$RUN_DIR/active-pool" ]; then cat "$RUN_DIR/active-pool"; else echo "${ACTIVE_POOL:-blue}"; fi
}

render() { # $1 = pool, to stdout
  # The session's own directory, not the link: a later make up moves the link, never these files.
  local session
  session=$(cd "$LOGS" && pwd -P)
  ACTIVE_POOL=$1 BLUE_UPSTREAM=127.0.0.1:$BLUE_PORT GREEN_UPSTREAM=127.0.0.1:$GREEN_PORT \
    NGINX_LISTEN=127.0.0.1:$NGINX_PORT NGINX_RUN_DIR=$NGINX_DIR ACCESS_LOG=$session/access.log \
    ERROR_LOG=$session/nginx-error.log LOG_FORMAT_FILE=$ROOT/nginx/access-log-format.conf nginx/render.sh
}

# Each make up is one session: its logs and the watcher's state together in a directory of their
# own, RUN_DIR/logs linking to it, so a request id and a replay always refer to the same session.
new_session() {
  local name dir n=1 old
  name=$(date -u +%Y-%m-%dT%H%M%SZ)
  dir=$RUN_DIR/sessions/$name
  while [ -e "$dir" ]; do dir=$RUN_DIR/sessions/$name-$n n=$((n + 1)); done
  mkdir -p "$dir"
  # A run/logs directory from before sessions existed becomes a session of its own.
  if [ -d "$LOGS" ] && [ ! -L "$LOGS" ]; then mv "$LOGS" "$RUN_DIR/sessions/before-sessions-$name"; fi
  ln -sfn "sessions/${dir##*/}" "$LOGS"
  # The newest KEEP_SESSIONS stay; names sort by time.
  while IFS= read -r old; do rm -rf "$old"; done < <(
    find "$RUN_DIR/sessions" -mindepth 1 -maxdepth 1 -type d | sort | head -n "-$KEEP_SESSIONS")
}

# LOG_PATH and STATE_FILE describe a server's watcher: the sandbox's follows its session's log.
say_overridden() {
  local set=()
  # .env.example's LOG_PATH is the watcher's default: only a value someone chose is worth a line.
  [ -z "${LOG_PATH:-}" ] || [ "$LOG_PATH" = /var/log/nginx/access.log ] || set+=("LOG_PATH=$LOG_PATH")
  [ -z "${STATE_FILE:-}" ] || set+=("STATE_FILE=$STATE_FILE")
  [ ${#set[@]} -eq 0 ] ||
    say "not used by the sandbox: ${set[*]} (its watcher reads ${LOGS#"$ROOT"/}/access.log, state in ${LOGS#"$ROOT"/}/watcher-state.json)"
}

need_tools() {
  command -v nginx > /dev/null 2>&1 ||
    die "nginx is not installed; install it with: sudo apt-get install -y nginx-light (or RUNTIME=docker)"
  command -v curl > /dev/null 2>&1 || die "curl is not installed; install it with: sudo apt-get install -y curl"
  if [ ! -f "$WATCHER_JAR" ] || [ ! -f "$DEMO_JAR" ]; then die "jars missing: run make build"; fi
}

start_app() { # pool port
  local release_var=${1^^}_RELEASE_ID
  APP_POOL=$1 PORT=$2 RELEASE_ID="${!release_var:-$1-1}" \
    nohup java -Xmx128m -jar "$DEMO_JAR" > "$LOGS/$1.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$1.pid"
}

local_up() {
  need_tools
  if alive "$RUN_DIR/watcher.pid" || alive "$NGINX_DIR/nginx.pid"; then
    die "already up (make status; make down first)"
  fi
  local pool=${ACTIVE_POOL:-blue} port
  [ "$pool" = blue ] || [ "$pool" = green ] || die "invalid ACTIVE_POOL '$pool': must be blue or green"
  for port in "$NGINX_PORT" "$BLUE_PORT" "$GREEN_PORT" "$HTTP_PORT"; do
    ! listening "$port" || die "port $port is already in use (make down, or stop what holds it)"
  done
  mkdir -p "$NGINX_DIR/tmp"
  # A fresh session: the watcher's state starts empty (no cooldown or failover carried over from the
  # last make up); within a session the state file carries the watcher across its own restarts.
  new_session
  # From here on a failure stops what this start-up began, so the next make up is not "already up".
  trap abort_up EXIT
  echo local > "$RUN_DIR/runtime"
  echo "$pool" > "$RUN_DIR/active-pool"
  start_app blue "$BLUE_PORT"
  start_app green "$GREEN_PORT"
  render "$pool" > "$NGINX_DIR/nginx.conf"
  nginx -q -t -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
  nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
  NGINX_STARTED=1
  local flags jvm_flags
  flags=$(watcher_jvm_flags) || die "cannot start the watcher without its JVM flags (above)"
  read -r -a jvm_flags <<< "$flags"
  # The standby's probes: each app's /healthz (make chaos POOL=green breaks the standby).
  ACTIVE_POOL=$pool MALLOC_ARENA_MAX=$(malloc_arena_max) \
    PROBE_URLS=${PROBE_URLS:-blue=http://127.0.0.1:$BLUE_PORT/healthz,green=http://127.0.0.1:$GREEN_PORT/healthz} \
    nohup java "${jvm_flags[@]}" -jar "$WATCHER_JAR" run --log "$LOGS/access.log" \
    --state-file "$LOGS/watcher-state.json" --http-port "$HTTP_PORT" \
    > "$LOGS/watcher.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/watcher.pid"
  wait_started 30
  trap - EXIT
  say "up (local): http://127.0.0.1:$NGINX_PORT -> $pool (primary), $(other "$pool") (backup)"
  say "apps :$BLUE_PORT blue, :$GREEN_PORT green; watcher :$HTTP_PORT; this session's logs in ${LOGS#"$ROOT"/}/ -> $(readlink "$LOGS")"
  say "status page: http://127.0.0.1:$HTTP_PORT/ (live; read-only)"
  say_overridden
  if [ -z "${SLACK_WEBHOOK_URL:-}" ]; then say "no SLACK_WEBHOOK_URL: alerts are printed to ${LOGS#"$ROOT"/}/watcher.log"; fi
}

# Sets the caller's array waiting to the parts that do not answer yet (the local and the Docker
# sandbox wait for the same four).
not_answering() {
  waiting=()
  healthy "$BLUE_PORT" || waiting+=("blue on :$BLUE_PORT")
  healthy "$GREEN_PORT" || waiting+=("green on :$GREEN_PORT")
  healthy "$HTTP_PORT" || waiting+=("the watcher on :$HTTP_PORT")
  listening "$NGINX_PORT" || waiting+=("nginx on :$NGINX_PORT")
}

# Waits until every part answers. A process that exits meanwhile fails the start at once, with the
# line of its log that says why (the watcher's "invalid WINDOW_SIZE 'abc' ...").
wait_started() { # seconds
  local deadline=$((SECONDS + $1)) name waiting
  while :; do
    for name in blue green watcher; do
      alive "$RUN_DIR/$name.pid" ||
        die "$name exited during start-up: $(last_words "$LOGS/$name.log") (see ${LOGS#"$ROOT"/}/$name.log)"
    done
    not_answering
    [ ${#waiting[@]} -gt 0 ] || return 0
    [ $SECONDS -lt "$deadline" ] || die "timed out after ${1}s waiting for ${waiting[*]}"
    sleep 0.2
  done
}

# The line of a log that says why its process stopped: the first naming an error, else the last.
last_words() { # file
  local line
  line=$(grep -m 1 -iE 'invalid|error|exception|cannot|refused' "$1" 2> /dev/null || true)
  if [ -z "$line" ]; then line=$(grep -v '^[[:space:]]*$' "$1" 2> /dev/null | tail -n 1 || true); fi
  echo "${line:-no output}"
}

abort_up() { # EXIT trap of a failed local_up: stop what it started, quietly
  # nginx writes its pid file after it daemonizes: give a just-started one a moment to appear.
  local deadline=$((SECONDS + 3))
  while [ -n "${NGINX_STARTED:-}" ] && [ ! -f "$NGINX_DIR/nginx.pid" ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.1
  done
  stop_pids 10 "$RUN_DIR/watcher.pid" "$NGINX_DIR/nginx.pid" "$RUN_DIR/blue.pid" "$RUN_DIR/green.pid"
  rm -f "$RUN_DIR/runtime"
}

stop_pids() { # seconds pidfile...: TERM them all, wait up to seconds, then KILL what is left
  local seconds=$1 f pids=() deadline
  shift
  for f in "$@"; do
    if alive "$f"; then pids+=("$(cat "$f")"); fi
    rm -f "$f"
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2> /dev/null || true
  deadline=$((SECONDS + seconds))
  while kill -0 "${pids[@]}" 2> /dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  for f in "${pids[@]}"; do kill -KILL "$f" 2> /dev/null || true; done
}

local_down() {
  # The watcher first (SIGTERM lets its alert queue drain, up to 10 s), then nginx and the apps.
  stop_pids 15 "$RUN_DIR/watcher.pid"
  stop_pids 10 "$NGINX_DIR/nginx.pid" "$RUN_DIR/blue.pid" "$RUN_DIR/green.pid"
  ports_released
}

ports_released() { # after down: fail if a sandbox port is still taken
  local port busy=()
  for port in "$NGINX_PORT" "$BLUE_PORT" "$GREEN_PORT" "$HTTP_PORT"; do
    local deadline=$((SECONDS + 5))
    while listening "$port" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if listening "$port"; then busy+=("$port"); fi
  done
  [ ${#busy[@]} -eq 0 ] || die "still listening after make down: ${busy[*]} (not started by the sandbox?)"
  rm -f "$RUN_DIR/runtime"
  say "down: nothing listens on $NGINX_PORT $BLUE_PORT $GREEN_PORT $HTTP_PORT"
}

# Before the Docker runtime writes or starts anything: an engine and compose must answer, else one
# line with the way out (compose's own error is a traceback of a hundred lines).
docker_ready() { # what: the target, for the message
  local why
  command -v docker > /dev/null 2>&1 ||
    die "$1 with RUNTIME=docker: no docker command here; install Docker (or Podman: README, Docker or Podman), or use RUNTIME=local"
  if ! why=$(docker info 2>&1 > /dev/null); then
    why=$(printf '%s\n' "$why" | grep -v '^[[:space:]]*$' | tail -n 1)
    die "$1 with RUNTIME=docker: no Docker engine answers (${why:-docker info failed}); start it or point DOCKER_HOST at it, or use RUNTIME=local"
  fi
  docker compose version > /dev/null 2>&1 || command -v docker-compose > /dev/null 2>&1 ||
    die "$1 with RUNTIME=docker: neither 'docker compose' nor docker-compose is installed; install one, or use RUNTIME=local"
}

# Runs compose quietly into the session's compose.log; on failure says its error line and where the
# rest is. Usage: quiet_compose WHAT ARGS...
quiet_compose() {
  local what=$1 log=$LOGS/compose.log
  shift
  if [ ! -d "$LOGS" ]; then mkdir -p "$RUN_DIR" && log=$RUN_DIR/compose.log; fi
  if ! compose "$@" >> "$log" 2>&1; then
    die "$what failed: $(last_words "$log") (all of it: ${log#"$ROOT"/})"
  fi
}

docker_up() {
  docker_ready "make up"
  local pool=${ACTIVE_POOL:-blue}
  [ "$pool" = blue ] || [ "$pool" = green ] || die "invalid ACTIVE_POOL '$pool': must be blue or green"
  new_session
  trap abort_docker_up EXIT
  echo docker > "$RUN_DIR/runtime"
  echo "$pool" > "$RUN_DIR/active-pool" # make status/chaos/switch read it
  say "building and starting the containers (compose output: ${LOGS#"$ROOT"/}/compose.log)"
  quiet_compose "compose up" up -d --build
  wait_docker_started 120
  trap - EXIT
  say "up (docker): http://127.0.0.1:$NGINX_PORT -> $pool; alerts: make logs"
  say "status page: http://127.0.0.1:$HTTP_PORT/ (live; read-only)"
  say_overridden
}

abort_docker_up() { # EXIT trap of a failed docker_up: remove what it created, quietly
  local left
  compose down --remove-orphans --volumes >> "$LOGS/compose.log" 2>&1 || true
  # A container caught in its restart loop (a watcher exiting at start) can survive down: the
  # engine restarts it while compose stops the rest. Remove what is left by force, then again.
  left=$(compose ps -q 2> /dev/null || true)
  if [ -n "$left" ]; then
    xargs -r docker rm -f <<< "$left" >> "$LOGS/compose.log" 2>&1 || true
    compose down --remove-orphans --volumes >> "$LOGS/compose.log" 2>&1 || true
  fi
  rm -f "$RUN_DIR/runtime"
}

# As wait_started for local processes: a container that exits or restarts during start-up fails
# the start at once with its own error line.
wait_docker_started() { # seconds
  local deadline=$((SECONDS + $1)) waiting id name state restarts
  while :; do
    while read -r id; do
      [ -n "$id" ] || continue
      read -r name state restarts < <(docker inspect -f '{{.Name}} {{.State.Status}} {{.RestartCount}}' "$id" 2> /dev/null || true)
      if [ "${state:-}" = exited ] || [ "${state:-}" = dead ] || [ "${restarts:-0}" != 0 ]; then
        docker logs --tail 50 "$id" > "$LOGS/${name#/}.start.log" 2>&1 || true
        die "${name#/} exited during start-up: $(last_words "$LOGS/${name#/}.start.log") (docker logs ${name#/})"
      fi
    done < <(compose ps -q 2> /dev/null || true)
    not_answering
    [ ${#waiting[@]} -gt 0 ] || return 0
    [ $SECONDS -lt "$deadline" ] || die "timed out after ${1}s waiting for ${waiting[*]} (make logs; ${LOGS#"$ROOT"/}/compose.log)"
    sleep 1
  done
}

# A command's output into a file, unless it fails or says nothing: a second make down (the
# containers gone) must not empty what the first one saved.
keep_output() { # file command...
  local file=$1
  shift
  if "$@" > "$file.part" 2> /dev/null && [ -s "$file.part" ]; then mv "$file.part" "$file"; else rm -f "$file.part"; fi
}

docker_down() {
  docker_ready "make down"
  # The session keeps what the containers said: the access log and each one's output, saved before
  # --volumes removes them, so each make up starts a fresh watcher session as with local processes.
  if [ -d "$LOGS" ]; then
    keep_output "$LOGS/access.log" compose exec -T watcher cat /var/log/bluegreen/access.log
    local service
    for service in watcher nginx app_blue app_green; do
      keep_output "$LOGS/$service.log" compose logs --no-color "$service"
    done
  fi
  quiet_compose "compose down" down --remove-orphans --volumes
  ports_released
}

# Targets that act on a running sandbox refuse at once, in one line, when it is not up.
require_up() {
  if [ ! -f "$RUN_DIR/runtime" ] || ! listening "$NGINX_PORT"; then
    die "the sandbox is not up: run make up"
  fi
}

# The one place the sandbox reaches the watcher's admin endpoints (bin/watcher ctl, make status,
# switch, maintenance, the tour): the watcher's own `ctl`, inside its container with Docker.
# Changes need the admin token, which the watcher generated beside its state file at its first
# start (unless ADMIN_TOKEN is set): ctl finds it there from the same STATE_FILE. In the container
# the image's STATE_FILE points ctl at it; locally, the --state-file the watcher was started with.
watcher_ctl() {
  if [ "$RT" = docker ]; then
    compose exec -T watcher java -jar /app/watcher.jar ctl "$@"
  else
    java -jar "$WATCHER_JAR" ctl --http-port "$HTTP_PORT" --state-file "$LOGS/watcher-state.json" "$@"
  fi
}

# bin/watcher: the command a server has as /usr/bin/watcher. ctl goes to the sandbox's watcher;
# every other command (replay, test-alert, ...) runs the jar here, from the caller's directory.
watcher_command() {
  if [ "${1:-}" = ctl ]; then
    shift
    watcher_ctl "$@"
    return
  fi
  [ -f "$WATCHER_JAR" ] || die "no ${WATCHER_JAR#"$ROOT"/}: run make build"
  local flags jvm_flags
  if [ "${1:-}" = replay ]; then
    flags=$(replay_jvm_flags) || die "cannot run the watcher without its JVM flags (above)"
  else
    flags=$(watcher_jvm_flags) || die "cannot run the watcher without its JVM flags (above)"
  fi
  read -r -a jvm_flags <<< "$flags"
  cd "$CALLER_DIR"
  MALLOC_ARENA_MAX=$(malloc_arena_max)
  export MALLOC_ARENA_MAX
  exec java "${jvm_flags[@]}" -jar "$WATCHER_JAR" "$@"
}

status() {
  local pool serving code
  pool=$(active_pool)
  serving=$(curl -s -m 3 -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/version" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "x-app-pool" { print $2 }' || true)
  say "runtime $RT; active pool $pool; nginx :$NGINX_PORT serving ${serving:-nothing (down?)}"
  for p in blue green; do
    code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port_of $p)/healthz" || true)
    case "$code" in
      200) say "$p :$(port_of $p) healthy" ;;
      000) say "$p :$(port_of $p) not answering (down, or hanging: chaos timeout?)" ;;
      *) say "$p :$(port_of $p) unhealthy (HTTP $code; chaos error?)" ;;
    esac
  done
  watcher_ctl status 2> /dev/null || say "watcher: not answering on :$HTTP_PORT"
}

# Starts chaos on the active pool (error, timeout, slow), on CHAOS_POOL when set (make chaos
# POOL=green: the standby, which no request reaches: the watcher's probes see it), or on both
# (outage: each answers 500, so clients get 5xx), then sends traffic and shows what clients got and
# what the watcher said.
chaos() { # mode
  local mode=${1:-error} app_mode pools query pool
  case "$mode" in
    error | timeout | slow) app_mode=$mode pools=("${CHAOS_POOL:-$(active_pool)}") ;;
    outage) app_mode=error pools=(blue green) ;;
    *) die "MODE must be error, timeout, slow or outage, not '$mode'" ;;
  esac
  case "${CHAOS_POOL:-}" in
    "" | blue | green) ;;
    *) die "POOL must be blue or green, not '$CHAOS_POOL'" ;;
  esac
  [ -z "${CHAOS_POOL:-}" ] || [ "$mode" != outage ] || die "POOL does not apply to MODE=outage"
  require_up
  if [ -n "${CHAOS_POOL:-}" ] && [ "$CHAOS_POOL" != "$(active_pool)" ]; then
    chaos_standby "$app_mode"
    return
  fi
  query="mode=$app_mode"
  if [ -n "${CHAOS_MS:-}" ]; then
    [ "$mode" = slow ] || die "MS applies to MODE=slow only"
    [[ $CHAOS_MS =~ ^[0-9]{1,9}$ ]] || die "MS must be a whole number of milliseconds, not '$CHAOS_MS'"
    query="$query&ms=$CHAOS_MS"
  fi
  for pool in "${pools[@]}"; do chaos_switch "$pool" "start?$query"; done
  mark_alerts
  say "chaos $mode on ${pools[*]}; sending 20 requests through nginx :$NGINX_PORT"
  send_traffic 20
  show_new_alerts "no new alert within 10 s (already alerted, within ALERT_COOLDOWN_SEC, maintenance, or too few requests yet)"
  say "make chaos-stop ends it; make status shows who serves"
}

# Chaos on the standby: no request reaches it, so no log line shows it; the watcher's probes do,
# after 3 failed checks in a row (standby_down), within 3 PROBE_INTERVAL_SEC.
chaos_standby() { # app mode
  local interval=${PROBE_INTERVAL_SEC:-10}
  chaos_switch "$CHAOS_POOL" "start?mode=$1"
  mark_alerts
  say "chaos $1 on $CHAOS_POOL, the standby: no request goes there; the watcher's probes of its"
  say "/healthz should send standby_down after 3 failed checks (within $((3 * interval)) s)"
  show_new_alerts "no standby_down yet (maintenance? PROBE_URLS unset?): make status shows the probes" \
    $((3 * interval + 10))
  say "make chaos-stop ends it (standby_up follows at the next check)"
}

chaos_switch() { # pool action: POST /chaos/<action> on the pool's own port; dies with the app's reason
  local port answer code reason
  port=$(port_of "$1")
  answer=$(curl -s -m 3 -X POST -w '\n%{http_code}' "http://127.0.0.1:$port/chaos/$2" || true)
  code=${answer##*$'\n'} reason=${answer%$'\n'*}
  [ "$code" = 200 ] || die "$1 on :$port refused chaos/$2: HTTP ${code:-none} ${reason%$'\n'}"
}

# Remembers where the watcher's output and alert count stand, for show_new_alerts.
mark_alerts() {
  BEFORE_LINES=0
  if [ -f "$LOGS/watcher.log" ]; then BEFORE_LINES=$(wc -l < "$LOGS/watcher.log"); fi
  BEFORE_ALERTS=$(alert_count)
}

send_traffic() { # count: requests through nginx, one after another; prints what the clients got
  local code secs pool_seen codes=() pools=() times=()
  for _ in $(seq "$1"); do
    read -r code secs pool_seen < <(curl -s -m 15 -o /dev/null -D - -w '%{http_code} %{time_total}\n' \
      "http://127.0.0.1:$NGINX_PORT/version" | tr -d '\r' |
      awk -F': ' 'tolower($1) == "x-app-pool" { p = $2 } /^[0-9]+ [0-9.]+$/ { c = $0 } END { print c, p }')
    codes+=("$code") pools+=("${pool_seen:--}") times+=("$secs")
  done
  say "statuses: $(printf '%s\n' "${codes[@]}" | tally)"
  say "served by: $(printf '%s\n' "${pools[@]}" | tally)"
  say "slowest: $(printf '%s\n' "${times[@]}" | sort -n | tail -n 1) s"
}

tally() { sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 } END { print "" }'; }

show_new_alerts() { # message when none [seconds]: waits (10 s) for the watcher to count a new alert
  # The watcher counts its alerts in /healthz; wait (with a deadline) for a new one.
  local deadline=$((SECONDS + ${2:-10})) now=$BEFORE_ALERTS
  while [ "$now" = "$BEFORE_ALERTS" ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.2
    now=$(alert_count)
  done
  if [ "$now" = "$BEFORE_ALERTS" ]; then
    say "$1"
    return 0
  fi
  # Without a sink the watcher prints alerts on stdout, as lines starting with an ISO instant.
  local printed=""
  if [ "$RT" = local ]; then
    printed=$(tail -n "+$((BEFORE_LINES + 1))" "$LOGS/watcher.log" | grep -E '^[0-9-]+T[0-9:.]+Z ' || true)
  fi
  if [ -n "$printed" ]; then
    printf '%s\n' "$printed" | sed 's/^/sandbox: alert: /'
  else
    say "the watcher raised $((now - BEFORE_ALERTS)) alert(s), sent to its sink (Slack when SLACK_WEBHOOK_URL is set)"
  fi
}

alert_count() {
  curl -s -m 2 "http://127.0.0.1:$HTTP_PORT/healthz" | grep -o '"alerts":[0-9]*' | cut -d: -f2 || true
}

# Stops chaos on both pools, then sends a little traffic until the active pool serves again, so
# nginx retries it (it rests a failed pool for fail_timeout, 5 s) and the watcher sees the recovery.
chaos_stop() {
  local p pool served=0 sent=0 seen
  require_up
  mark_alerts
  for p in blue green; do
    if curl -fs -m 3 -X POST "http://127.0.0.1:$(port_of $p)/chaos/stop" > /dev/null; then
      say "chaos stopped on $p"
    else
      say "$p did not answer"
    fi
  done
  pool=$(active_pool)
  say "sending traffic until $pool serves 5 in a row (at most 30 requests, 2 a second)"
  while [ $served -lt 5 ] && [ $sent -lt 30 ]; do
    seen=$(curl -s -m 3 -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/version" |
      tr -d '\r' | awk -F': ' 'tolower($1) == "x-app-pool" { print $2 }' || true)
    if [ "$seen" = "$pool" ]; then served=$((served + 1)); else served=0; fi
    sent=$((sent + 1))
    sleep 0.5
  done
  if [ $served -ge 5 ]; then say "$pool serves again ($sent requests sent)"; else say "$pool does not serve yet (make status)"; fi
  show_new_alerts "no new alert within 10 s (nothing to recover from, or the watcher's sink is slow)"
}

serving_is() { [ "$(curl -s -m 3 -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/version" |
  tr -d '\r' | awk -F': ' 'tolower($1) == "x-app-pool" { print $2 }')" = "$1" ]; }

# After a reload, nginx's old workers may still take a new connection or two before they stop
# accepting: a pool serves new connections for sure once 5 requests in a row, each on a new
# connection, got it.
serving_steadily() {
  local n
  for n in 1 2 3 4 5; do serving_is "$1" || return 1; done
}

# The old workers also keep their clients' open connections, and answer them from the old config,
# until those fall idle (about 100 ms after the reload for a keep-alive client between requests;
# longer for a request in flight). A pool serves every client once no worker from before is left.
# nginx's master's children, read from /proc in POSIX sh, so it runs in nginx's container too.
# shellcheck disable=SC2016 # expanded by the sh that runs it
NGINX_WORKERS_SH='m=$(cat "$1") || exit 1
for s in /proc/[0-9]*/stat; do read -r p _ _ pp _ 2>/dev/null < "$s" && [ "$pp" = "$m" ] && echo "$p"; done
exit 0'
nginx_workers() { # prints the pids of nginx's workers, one a line
  if [ "$RT" = docker ]; then
    compose exec -T nginx sh -c "$NGINX_WORKERS_SH" sh /tmp/nginx/nginx.pid
  else
    sh -c "$NGINX_WORKERS_SH" sh "$NGINX_DIR/nginx.pid"
  fi
}
workers_gone() { # pid...: none of these nginx workers is left
  local now p
  now=$(nginx_workers) || return 1
  for p in "$@"; do
    if printf '%s\n' "$now" | grep -qxF "$p"; then return 1; fi
  done
}
# Once a reload served: waits for the workers from before it; prints what the switch's line adds.
# nginx always runs a worker, so none listed before the reload means they could not be listed.
old_workers_done() { # pid...
  if [ $# -eq 0 ]; then
    echo "; nginx's workers could not be listed: old ones may still answer open connections on the old config"
  elif ! within 5 workers_gone "$@"; then
    echo "; nginx's workers from before still finish their open connections on the old config"
  fi
}

# Waits for a condition (a command) with a deadline in seconds, no sleep-and-hope; says no instead
# of dying, so a caller can roll back.
within() { # seconds command...
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# nginx's configuration steps of a switch, on either runtime. The new config is written beside the
# live one and tested; apply keeps the live one as prev.conf, so restore can put it back.
NEXT_CONF=/tmp/nginx/next.conf LIVE_CONF=/tmp/nginx/nginx.conf PREV_CONF=/tmp/nginx/prev.conf
nginx_prepare() { # pool: render and test; prints nginx's error on failure
  if [ "$RT" = docker ]; then
    # -e stderr: as in nginx/Dockerfile, the built-in error log may not be writable.
    compose exec -T -e ACTIVE_POOL="$1" nginx sh -c \
      "/bluegreen/render.sh > $NEXT_CONF && nginx -q -e stderr -t -c $NEXT_CONF" 2>&1
  else
    render "$1" > "$NGINX_DIR/next.conf" && nginx -q -t -p "$NGINX_DIR" -c "$NGINX_DIR/next.conf" 2>&1
  fi
}
nginx_discard() {
  if [ "$RT" = docker ]; then compose exec -T nginx rm -f "$NEXT_CONF"; else rm -f "$NGINX_DIR/next.conf"; fi
}
nginx_apply() { # the tested config goes live; a reload lets old workers finish their requests
  if [ "$RT" = docker ]; then
    compose exec -T nginx sh -c \
      "cp $LIVE_CONF $PREV_CONF && mv $NEXT_CONF $LIVE_CONF && nginx -e stderr -s reload -c $LIVE_CONF" 2>&1
  else
    cp "$NGINX_DIR/nginx.conf" "$NGINX_DIR/prev.conf" && mv "$NGINX_DIR/next.conf" "$NGINX_DIR/nginx.conf" &&
      kill -HUP "$(cat "$NGINX_DIR/nginx.pid")"
  fi
}
nginx_restore() {
  if [ "$RT" = docker ]; then
    compose exec -T nginx sh -c "mv $PREV_CONF $LIVE_CONF && nginx -e stderr -s reload -c $LIVE_CONF" 2>&1
  else
    mv "$NGINX_DIR/prev.conf" "$NGINX_DIR/nginx.conf" && kill -HUP "$(cat "$NGINX_DIR/nginx.pid")"
  fi
}

# A planned switch, in the order that can be undone: nginx's new config rendered and tested (nothing
# changed yet), the watcher told (so the move is a notice, not a failover page), nginx reloaded and
# seen serving the new pool. A step that fails undoes the ones before it and says so in one line.
switch() {
  local from to why old
  require_up
  from=$(active_pool)
  to=$(other "$from")
  if ! why=$(nginx_prepare "$to"); then
    nginx_discard > /dev/null 2>&1 || true
    die "switch to $to refused: nginx's new config does not test: $(printf '%s\n' "$why" | grep -v '^[[:space:]]*$' | head -n 1); nothing changed, $from serves"
  fi
  if ! why=$(watcher_ctl active-pool "$to" 2>&1); then
    nginx_discard > /dev/null 2>&1 || true
    die "switch to $to refused: the watcher was not told ($(printf '%s\n' "$why" | tail -n 1)); nothing changed, $from serves"
  fi
  old=$(nginx_workers 2> /dev/null) || old=""
  if ! why=$(nginx_apply 2>&1); then
    switch_back "$from" "$to" "nginx did not reload ($(printf '%s\n' "$why" | tail -n 1))"
  fi
  if ! within 10 serving_steadily "$to"; then
    switch_back "$from" "$to" "nginx did not serve $to within 10 s ($to unhealthy? make status)"
  fi
  # shellcheck disable=SC2086 # one pid a word
  why=$(old_workers_done $old)
  echo "$to" > "$RUN_DIR/active-pool"
  say "switched: $from -> $to (nginx config tested and reloaded, watcher told; $(remember_pool "$to")$why)"
}

switch_back() { # from to reason: undo a switch whose nginx step failed, then fail
  local undone=() old
  old=$(nginx_workers 2> /dev/null) || old=""
  # shellcheck disable=SC2086 # one pid a word
  if nginx_restore > /dev/null 2>&1 && within 10 serving_steadily "$1"; then undone+=("nginx serves $1 again$(old_workers_done $old)"); else
    undone+=("nginx could NOT be put back on $1: make status")
  fi
  if watcher_ctl active-pool "$1" > /dev/null 2>&1; then undone+=("the watcher expects $1 again"); else
    undone+=("the watcher could NOT be told $1 again: bin/watcher ctl active-pool $1")
  fi
  die "switch to $2 failed: $3; rolled back: ${undone[0]}, ${undone[1]}"
}

# The next make up starts on ACTIVE_POOL from .env: rewrite its line, or say there is none.
remember_pool() { # pool; prints what it did
  if [ -f "$ENV_FILE" ] && grep -q '^ACTIVE_POOL=' "$ENV_FILE"; then
    sed -i "s/^ACTIVE_POOL=.*/ACTIVE_POOL=$1/" "$ENV_FILE"
    echo "${ENV_FILE#"$ROOT"/} ACTIVE_POOL=$1"
  else
    local where="${ENV_FILE#"$ROOT"/} has no ACTIVE_POOL line"
    [ -f "$ENV_FILE" ] || where="no ${ENV_FILE#"$ROOT"/}"
    echo "$where, so the next make up starts on ${ACTIVE_POOL:-blue}: set ACTIVE_POOL=$1 to keep $1"
  fi
}

# make logs: the access log and the watcher's output interleaved as they come, each line prefixed
# with its source. Each follower runs in a process group of its own (set -m) and the traps end
# those groups only: `kill 0` signalled make itself (make: *** [logs] Segmentation fault).
logs() {
  set -m
  trap 'end_followers; exit 0' INT TERM
  trap end_followers EXIT
  if [ "$RT" = docker ]; then
    # The access log lives in the shared volume, not on nginx's stdout.
    compose exec -T watcher tail -n 20 -F /var/log/bluegreen/access.log | sed -u 's/^/[nginx]   /' &
    compose logs -f --tail 20 --no-color watcher | sed -u 's/^/[watcher] /' &
  else
    [ -d "$LOGS" ] || die "no logs yet: run make up"
    tail -n 20 -F "$LOGS/access.log" 2> /dev/null | sed -u 's/^/[nginx]   /' &
    tail -n 20 -F "$LOGS/watcher.log" 2> /dev/null | sed -u 's/^/[watcher] /' &
  fi
  wait
}

end_followers() {
  local group
  for group in $(jobs -p); do kill -TERM -- "-$group" 2> /dev/null || true; done
}

RT=$(runtime) || exit 2
# scripts/tour.sh sources this file for its functions: the commands below run only when executed.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0
cmd=${1:-}
shift || true
case "$cmd:$RT" in
  up:docker) docker_up ;;
  up:local) local_up ;;
  down:docker) docker_down ;;
  down:local) local_down ;;
  status:*) status ;;
  chaos:*) chaos "${1:-error}" ;;
  chaos-stop:*) chaos_stop ;;
  switch:*) switch ;;
  maintenance:*) require_up && watcher_ctl maintenance "${1:?on or off}" ;;
  logs:*) logs ;;
  watcher:*) watcher_command "$@" ;;
  compose:docker) compose "$@" ;;
  *) echo "usage: scripts/sandbox.sh up|down|status|chaos error|timeout|slow|outage|chaos-stop|switch|maintenance on|off|logs|watcher ARGS|compose ARGS (docker)" >&2; exit 2 ;;
esac
