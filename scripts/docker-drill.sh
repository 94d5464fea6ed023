#!/usr/bin/env bash
# make docker-drill: the Docker path end to end (docker-compose.yml, the Dockerfiles, RUNTIME=docker)
# through the e2e module's DockerDrillIT: the local e2e drill, on containers.
#
# A Docker engine that answers (docker info; DOCKER_HOST is honoured) is used as it is, with the
# build args the environment gives (the upstream images by default). Without one, as root on Debian:
#   - installs what is missing: podman (with runc and netavark), mmdebstrap, docker-compose;
#   - builds a stand-in base image from Debian packages (Java 17, nginx, wget: nothing can be pulled
#     from an image registry here), once: later runs find it in Podman's image store;
#   - starts Podman's Docker API on a socket in a temp dir, with rlimits this machine allows, and a
#     healthcheck runner (Podman runs healthchecks from systemd timers, and there is no systemd);
#   - builds the images on the stand-in base with JAR_SOURCE=host (a container here cannot reach
#     Maven Central, so the jars come from the Maven build that runs the test);
# and at the end stops the socket and the runner it started, by pid, and checks nothing is left.
# Settings: MVN (the Maven command, from the Makefile), DRILL_BASE (the stand-in base's name).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B -ntp}
export COMPOSE_PROJECT_NAME=bluegreen-drill # DockerDrillIT and the healthcheck runner use it too
# The stand-in base: what mmdebstrap installs, and its name (the recipe's hash: a change rebuilds).
# shellcheck source=/dev/null
SUITE=$(. /etc/os-release 2> /dev/null && echo "${VERSION_CODENAME:-bookworm}")
BASE_PACKAGES=openjdk-17-jre-headless,nginx-light,wget,ca-certificates
DRILL_BASE=${DRILL_BASE:-localhost/bluegreen-standin:$SUITE-$(echo "$SUITE $BASE_PACKAGES" | sha256sum | cut -c1-12)}
WORK='' SERVICE_PID='' RUNNER_PID=''
STARTED=$SECONDS

say() { echo "docker-drill: $*"; }
die() { echo "docker-drill: $*" >&2; exit 1; }
took() { say "$1 took $((SECONDS - $2)) s"; }

engine_answers() { command -v docker > /dev/null 2>&1 && docker info > /dev/null 2>&1; }
has_compose() { (command -v docker > /dev/null 2>&1 && docker compose version > /dev/null 2>&1) || command -v docker-compose > /dev/null 2>&1; }

install_missing() {
  local want=(podman runc netavark aardvark-dns iptables mmdebstrap curl) missing=() pkg
  has_compose || want+=(docker-compose)
  for pkg in "${want[@]}"; do
    dpkg-query -W -f '${Status}' "$pkg" 2> /dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: install them (apt-get install), or start a Docker engine"
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${missing[@]}" > /dev/null
}

# The Debian sources apt uses for this release (main, updates, security), as sources.list lines.
apt_sources() {
  # shellcheck disable=SC2016 # $(...) is apt's own field syntax
  apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' 'Identifier: Packages' |
    awk -v suite="$SUITE" '$2 == suite || index($2, suite "-") == 1 { print "deb " $0 }' | sort -u
}

build_base() {
  if podman image exists "$DRILL_BASE"; then
    say "stand-in base $DRILL_BASE: cached"
    return 0
  fi
  local since=$SECONDS tar sources=()
  mapfile -t sources < <(apt_sources)
  [ ${#sources[@]} -gt 0 ] || sources=("deb http://deb.debian.org/debian $SUITE main")
  say "building the stand-in base $DRILL_BASE from ${sources[*]}"
  tar=$(mktemp /tmp/bluegreen-standin.XXXXXX.tar)
  # Without docs and translations; man pages stay (openjdk's postinst needs /usr/share/man/man1).
  if ! mmdebstrap --variant=essential --include="$BASE_PACKAGES" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$SUITE" "$tar" "${sources[@]}" > "$tar.log" 2>&1; then
    tail -n 30 "$tar.log" >&2
    rm -f "$tar" "$tar.log"
    die "mmdebstrap failed (its last lines above)"
  fi
  rm -f "$tar.log"
  podman import --quiet --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tar" "$DRILL_BASE" > /dev/null
  rm -f "$tar"
  took "the stand-in base" "$since"
}

run_healthchecks() { # the runner: health checks of this project's containers still starting
  trap 'kill $! 2> /dev/null; exit 0' TERM
  local id
  while [ -d "$WORK" ]; do
    for id in $(podman ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
      --filter health=starting); do
      podman healthcheck run "$id" > /dev/null 2>&1 || true
    done
    sleep 2 &
    wait $!
  done
}

start_podman() {
  WORK=$(mktemp -d /tmp/bluegreen-drill.XXXXXX)
  # Podman's default rlimits are above this machine's hard limits ("error setting rlimit"); crun
  # refuses the hybrid cgroup layout here, runc does not; exec sessions linger 5 s, not 5 minutes.
  cat > "$WORK/containers.conf" << 'EOF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
[network]
network_backend = "netavark"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
exit_command_delay = 5
EOF
  export CONTAINERS_CONF=$WORK/containers.conf
  podman system service --time=0 "unix://$WORK/podman.sock" > "$WORK/podman.log" 2>&1 &
  SERVICE_PID=$!
  export DOCKER_HOST=unix://$WORK/podman.sock
  local deadline=$((SECONDS + 30))
  until curl -fs --unix-socket "$WORK/podman.sock" -o /dev/null http://podman/_ping; do
    kill -0 "$SERVICE_PID" 2> /dev/null || die "podman system service exited: $(tail -3 "$WORK/podman.log")"
    [ $SECONDS -lt $deadline ] || die "Podman's API did not answer within 30 s"
    sleep 0.2
  done
  down_leftovers
  run_healthchecks &
  RUNNER_PID=$!
  # Compose v1 builds with the docker CLI when there is one, else through the API itself.
  command -v docker > /dev/null 2>&1 || export COMPOSE_DOCKER_CLI_BUILD=0
  export JRE_IMAGE=$DRILL_BASE NGINX_IMAGE=$DRILL_BASE JAR_SOURCE=host
  say "Podman $(podman --version | awk '{print $3}') serves the Docker API on $DOCKER_HOST"
}

# Containers of the project that a drill left when it died before DockerDrillIT could stop them.
# shellcheck disable=SC2317 # runs from the EXIT trap too
down_leftovers() {
  [ -n "$(podman ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME")" ] || return 0
  say "containers of $COMPOSE_PROJECT_NAME left by a drill that died: compose down"
  RUNTIME=docker RUN_DIR=$WORK SANDBOX_ENV_FILE=/dev/null \
    bash scripts/sandbox.sh compose down --remove-orphans --volumes || true
}

# shellcheck disable=SC2317 # runs from the EXIT trap
stop_pid() { # pid what: TERM, up to 15 s, then KILL
  local pid=$1 deadline=$((SECONDS + 15))
  kill -TERM "$pid" 2> /dev/null || return 0
  while kill -0 "$pid" 2> /dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
  kill -KILL "$pid" 2> /dev/null && say "$2 did not stop on TERM: killed"
  wait "$pid" 2> /dev/null || true
}

# Podman's own processes (conmon, exec sessions, the DNS server) started since the drill began.
# shellcheck disable=SC2317 # runs from the EXIT trap
podman_leftovers() {
  ps -eo pid=,etimes=,comm= | awk -v age=$((SECONDS - STARTED + 1)) \
    '$2 <= age && ($3 == "conmon" || $3 == "podman" || $3 == "aardvark-dns" || $3 == "netavark") { print $1 "(" $3 ")" }'
}

# shellcheck disable=SC2317 # runs from the EXIT trap
cleanup() {
  local status=$?
  if [ -n "$WORK" ]; then
    down_leftovers # DockerDrillIT stops the sandbox itself: this is for when it could not
    [ -z "$RUNNER_PID" ] || stop_pid "$RUNNER_PID" "the healthcheck runner"
    [ -z "$SERVICE_PID" ] || stop_pid "$SERVICE_PID" "podman system service"
    rm -rf "$WORK"
  fi
  if [ -n "$SERVICE_PID" ]; then
    local deadline=$((SECONDS + 15)) left
    left=$(podman_leftovers)
    while [ -n "$left" ] && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.5
      left=$(podman_leftovers)
    done
    if [ -n "$left" ]; then
      say "FAILED: Podman processes still running after the drill: $left"
      status=1
    else
      say "socket, healthcheck runner and Podman's processes stopped"
    fi
  fi
  if [ "$status" -eq 0 ]; then say "passed in $((SECONDS - STARTED)) s"; else say "FAILED after $((SECONDS - STARTED)) s"; fi
  exit "$status"
}
trap cleanup EXIT

if engine_answers; then
  say "a Docker engine answers (docker info): using it as it is"
  has_compose || die "no docker compose and no docker-compose: install one"
  if docker version --format '{{range .Server.Components}}{{.Name}} {{end}}' 2> /dev/null |
    grep -q Podman && command -v podman > /dev/null 2>&1; then
    WORK=$(mktemp -d /tmp/bluegreen-drill.XXXXXX) # the runner runs while it exists
    run_healthchecks &
    RUNNER_PID=$!
    say "it is Podman: running its healthchecks too (no harm where systemd runs them)"
  fi
else
  [ "$(id -u)" = 0 ] || die "no Docker engine answers, and the Podman stand-in runs as root only"
  since=$SECONDS
  install_missing
  took "installing" "$since"
  build_base
  start_podman
fi
since=$SECONDS
# Maven builds the jars, then failsafe runs DockerDrillIT alone (make test runs every other test).
set +e
# shellcheck disable=SC2086 # MVN is a command with its options
$MVN -pl e2e -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DockerDrillIT -Dspotless.check.skip=true | grep -vE '^\[INFO\] (Download|---|Including|$)'
status=${PIPESTATUS[0]}
set -e
took "the build and DockerDrillIT" "$since"
exit "$status"
