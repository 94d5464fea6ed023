#!/usr/bin/env bash
# Runs the installed unit under a real systemd on a machine where none runs (a CI VM, a container
# with CAP_SYS_ADMIN): systemd boots as PID 1 in its own pid, mount and cgroup namespaces, with its
# own /run and /tmp, and starts only bluegreen-watch.service. It proves what systemd-analyze cannot:
# that the JVM starts and works under the unit's sandboxing and system-call filter (its class-data
# archive mapped), runs as its user, saves its state, and stops cleanly. Not in CI (make
# package-test is); run it after changing the unit: make package-systemd-test. Installs the .deb
# and purges it afterwards, like test-package.sh.
# The test's own drop-in adds only: no default dependencies (nothing else is booted), output to
# files (no journald), and a second EnvironmentFile that points LOG_PATH at a test log and takes a
# free HTTP port.
# Usage: packaging/systemd-test.sh DEB
set -euo pipefail
export LC_ALL=C PATH=$PATH:/usr/sbin:/sbin
NAME=bluegreen-watch
STATE_FILE=/var/lib/$NAME/state.json

say() { echo "systemd-test: $*"; }
fail() { echo "systemd-test: FAILED: $*" >&2; exit 1; }
if [ $# -ne 1 ] || [ ! -f "$1" ]; then fail "usage: packaging/systemd-test.sh DEB"; fi
[ "$(id -u)" = 0 ] || fail "needs root"
[ ! -d /run/systemd/system ] || fail "systemd runs here: install the package and use systemctl instead"
[ "$(dpkg-query -W -f='${db:Status-Status}' "$NAME" 2> /dev/null || echo not-installed)" = not-installed ] \
  || fail "$NAME is installed; this test purges it at the end: dpkg --purge $NAME first"
if [ "$(stat -f -c %T /sys/fs/cgroup)" = cgroup2fs ]; then
  cgroup_root=/sys/fs/cgroup
elif [ "$(stat -f -c %T /sys/fs/cgroup/unified 2> /dev/null)" = cgroup2fs ]; then
  cgroup_root=/sys/fs/cgroup/unified
else
  fail "no cgroup2 hierarchy to give systemd"
fi
user_existed=no
if getent passwd "$NAME" > /dev/null; then user_existed=yes; fi
cgroup=$cgroup_root/$NAME-test-$$
work=$(mktemp -d)
manager=

in_ns() { nsenter -t "$manager" -m -p -- "$@"; }
cleanup() {
  if [ -n "$manager" ]; then
    in_ns systemctl exit > /dev/null 2>&1 || true
    for _ in $(seq 50); do kill -0 "$manager" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$manager" 2> /dev/null || true
  fi
  if [ -d "$cgroup" ]; then find "$cgroup" -depth -type d -exec rmdir {} + 2> /dev/null || true; fi
  dpkg --purge "$NAME" < /dev/null > /dev/null 2>&1 || true
  if [ "$user_existed" = no ] && getent passwd "$NAME" > /dev/null; then deluser --system "$NAME" > /dev/null 2>&1 || true; fi
  if [ "$user_existed" = no ] && getent group "$NAME" > /dev/null; then delgroup --system "$NAME" > /dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dpkg -i "$1" < /dev/null > "$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -i"; }
mkdir "$cgroup"
# The child moves itself into the new cgroup, so that is the root of the namespace's cgroup view.
(
  echo "$BASHPID" > "$cgroup/cgroup.procs"
  exec unshare --pid --fork --mount --uts --ipc --cgroup --propagation private bash -c '
    set -eu
    mount -t proc proc /proc
    umount -R /sys/fs/cgroup 2> /dev/null || umount -l /sys/fs/cgroup
    mount -t cgroup2 cgroup2 /sys/fs/cgroup
    mount -t tmpfs tmpfs /run
    mount -t tmpfs tmpfs /tmp
    mount -t tmpfs tmpfs /var/tmp # PrivateTmp= makes its directories there too
    mkdir -p /run/test /run/systemd/system/bluegreen-watch.service.d
    printf "[Unit]\nWants=bluegreen-watch.service\n" > /run/systemd/system/test.target
    printf "%s\n" "[Unit]" "DefaultDependencies=no" "[Service]" \
      "EnvironmentFile=/run/test/test.env" \
      "StandardOutput=file:/run/test/out" "StandardError=file:/run/test/err" \
      > /run/systemd/system/bluegreen-watch.service.d/test.conf
    printf "%s\n" "LOG_PATH=/run/test/access.log" "HTTP_PORT=0" > /run/test/test.env
    echo "a line the watcher reads" > /run/test/access.log
    chown root:adm /run/test/access.log
    chmod 0640 /run/test/access.log
    container=bluegreen-watch-test exec /lib/systemd/systemd --system --unit=test.target --log-level=warning
  '
) > "$work/systemd.out" 2>&1 &
unshare_pid=$!
for _ in $(seq 100); do
  manager=$(pgrep -P "$unshare_pid" || true)
  if [ -n "$manager" ] && in_ns test -S /run/systemd/private 2> /dev/null; then break; fi
  sleep 0.1
done
[ -n "$manager" ] || { cat "$work/systemd.out" >&2; fail "systemd did not start"; }

property() { in_ns systemctl show -p "$1" --value "$NAME.service"; }
until_true() { # LIMIT_SECONDS COMMAND...: polls every 0.1 s
  local tries=$(($1 * 10))
  shift
  while ! "$@"; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ] || [ "$(property ActiveState)" = failed ]; then return 1; fi
    sleep 0.1
  done
}
# It starts at the end of the log (it has no state yet): a line appended then is read and saved.
if ! until_true 60 in_ns grep -q 'following /run/test/access.log' /run/test/err; then
  in_ns cat /run/test/err >&2 || true
  fail "the service does not follow the test log ($(property ActiveState))"
fi
say "ok: the service follows the test log: $(property ActiveState)/$(property SubState)"
in_ns sh -c 'echo "another line" >> /run/test/access.log'
size=$(in_ns stat -c %s /run/test/access.log)
until_true 30 grep -Eq "\"offset\" *: *$size\b" "$STATE_FILE" 2> /dev/null \
  || fail "the service saved no state at the log's end (byte $size)"
say "ok: it read the new line, readable by group adm only, and saved its state"
pid=$(property MainPID) # as the namespace numbers it
status=$(in_ns grep -E '^(Uid|Groups|CapEff|NoNewPrivs|Seccomp):' "/proc/$pid/status" | tr -s '\t ' ' ' | tr '\n' ';')
say "ok: its process: $status"
[[ $status == *"CapEff: 0000000000000000"* && $status == *"NoNewPrivs: 1"* && $status == *"Seccomp: 2"* ]] \
  || fail "not sandboxed as the unit says"
[ "$(stat -c %U "$STATE_FILE")" = "$NAME" ] || fail "the state file is not $NAME's"
in_ns grep -qF " /var/cache/$NAME/watcher.jsa" "/proc/$pid/maps" \
  || fail "its JVM does not map the class-data archive postinst made"
say "ok: its JVM maps the class-data archive postinst made (/var/cache/$NAME/watcher.jsa)"
started=$EPOCHREALTIME
in_ns systemctl stop "$NAME.service"
stop_ms=$(((${EPOCHREALTIME/./} - ${started/./}) / 1000))
[ "$(property Result)/$(property ExecMainStatus)" = success/143 ] \
  || fail "stop: result $(property Result), status $(property ExecMainStatus)"
say "ok: systemctl stop took $stop_ms ms; exit status 143 counts as success"
say "all passed"
