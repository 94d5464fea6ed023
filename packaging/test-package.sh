#!/usr/bin/env bash
# What CI checks of the bluegreen-watch .deb, as root on a machine where systemd does not run
# (make package-test): it builds the same bytes twice; lintian finds no error or warning but the
# overridden ones; copyright.sh stops at a bundled library without its licenses; systemd-analyze
# verifies the installed unit and rates its hardening; dpkg -i puts watcher on the PATH, with its
# manual page; the watcher runs as the service user with
# the installed settings, maps the class-data archive postinst made and saves its state; a JVM
# package's trigger remakes the archive; an upgrade over itself keeps an edited watcher.env; dpkg -r
# keeps the state; dpkg --purge removes everything. Nginx's logrotate rule is checked when
# Nginx is installed. The machine is left as found: the package purged, and the user removed if this
# test created it. Refuses to run where the package is already installed.
# Usage: packaging/test-package.sh DEB [JAR]   (JAR: what the .deb was built from, for the rebuild)
set -euo pipefail
export LC_ALL=C
# dpkg, adduser and setpriv live in sbin, which a non-login shell may lack.
export PATH=$PATH:/usr/sbin:/sbin
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
NAME=bluegreen-watch
UNIT=/lib/systemd/system/$NAME.service
WANTS=/etc/systemd/system/multi-user.target.wants/$NAME.service
ENV_FILE=/etc/$NAME/watcher.env
STATE_DIR=/var/lib/$NAME
STATE_FILE=$STATE_DIR/state.json
ARCHIVE=/var/cache/$NAME/watcher.jsa
# Most exposure systemd-analyze security may rate the unit, times ten (1.3 when this was written).
MAX_EXPOSURE=15

started=$SECONDS
checks=0
say() { echo "package-test: $*"; }
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
check() { # WHAT COMMAND [ARG...]: one check; the test stops at the first that fails
  local what=$1
  shift
  if "$@"; then checks=$((checks + 1)); say "ok: $what"; else fail "$what"; fi
}
same() { [ "$1" = "$2" ] || { echo "  expected '$2', got '$1'" >&2; return 1; }; }
quietly() { "$@" > /dev/null; }
absent() { [ ! -e "$1" ] && [ ! -L "$1" ]; }
in_group() { id -nG "$1" | tr ' ' '\n' | grep -qx "$2"; }
system_user() { [ "$(id -u "$1")" -lt 1000 ]; }
package_status() { dpkg-query -W -f='${db:Status-Status}' "$NAME" 2> /dev/null || echo not-installed; }
dpkg_quiet() { dpkg "$@" < /dev/null > "$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; return 1; }; }

if [ $# -lt 1 ] || [ $# -gt 2 ]; then fail "usage: packaging/test-package.sh DEB [JAR]"; fi
DEB=$1
JAR=${2:-$ROOT/watcher/target/watcher.jar}
[ -f "$DEB" ] || fail "no $DEB (make package builds it)"
[ "$(id -u)" = 0 ] || fail "needs root: it installs and removes the package"
status=$(package_status)
[ "$status" = not-installed ] \
  || fail "$NAME is already on this machine ($status); this test purges it at the end: dpkg --purge $NAME first"
for leftover in "/etc/$NAME" "$STATE_DIR" "/var/cache/$NAME"; do
  absent "$leftover" || fail "$leftover is left from before: remove it first"
done
user_existed=no
if getent passwd "$NAME" > /dev/null; then user_existed=yes; fi
# The JVM's performance-data directory for the user: what the run as the service leaves in /tmp.
perf_data=/tmp/hsperfdata_$NAME
perf_data_existed=no
if [ -e "$perf_data" ]; then perf_data_existed=yes; fi
work=$(mktemp -d)
chmod 0711 "$work" # the service user reaches the log inside
watcher_pid=

cleanup() {
  if [ -n "$watcher_pid" ]; then kill -KILL "$watcher_pid" 2> /dev/null || true; fi
  if [ "$(package_status)" != not-installed ]; then dpkg --purge "$NAME" < /dev/null > /dev/null 2>&1 || true; fi
  if [ "$user_existed" = no ] && getent passwd "$NAME" > /dev/null; then deluser --system "$NAME" > /dev/null 2>&1 || true; fi
  if [ "$user_existed" = no ] && getent group "$NAME" > /dev/null; then delgroup --system "$NAME" > /dev/null 2>&1 || true; fi
  if [ "$perf_data_existed" = no ]; then rm -rf "$perf_data"; fi
  rm -rf "$work"
}
trap cleanup EXIT

say "$DEB"
# -- the archive -------------------------------------------------------------------------------
check "the same jar and sources build the same bytes" \
  cmp "$DEB" "$("$HERE/build-deb.sh" "$JAR" "$work/again")"
dpkg-deb -c "$DEB" > "$work/contents"
check "every file in the archive is root's" same "$(awk '$2 != "root/root"' "$work/contents")" ""
check "watcher.env is never world-readable, not even before postinst" \
  grep -Eq "^-rw-r----- root/root .* ./etc/$NAME/watcher.env$" "$work/contents"

# COMMAND [ARG...] that should stop: "STATUS LINES", its exit status and how many lines it wrote to
# stderr (kept in stop.err); nothing, and false, when it succeeds
stop_of() {
  "$@" > /dev/null 2> "$work/stop.err" && return 1
  printf '%s %s' "$?" "$(wc -l < "$work/stop.err")"
}

# -- what Debian asks of a package (lintian), the licenses of what the jar bundles -------------
# Errors and warnings fail; debian/lintian-overrides lists those that are meant, with why.
lintian_clean() { # its tags (all it says but its warning about root) shown, and none allowed
  local status=0
  lintian --tag-display-limit 0 --fail-on error,warning "$DEB" > "$work/lintian" 2>&1 || status=$?
  grep -v '^running with root privileges is not recommended!$' "$work/lintian" > "$work/tags" || true
  cat "$work/tags" >&2
  [ "$status" = 0 ] && [ ! -s "$work/tags" ]
}
check "lintian finds no error and no warning" lintian_clean
# copyright.sh with a licenses.tsv beside it that lacks one row, or has one for a library not bundled
mkdir "$work/licenses"
cp "$HERE/copyright.sh" "$work/licenses/"
grep -v '^info\.picocli:picocli	' "$HERE/licenses.tsv" > "$work/licenses/licenses.tsv"
check "copyright.sh stops at a library the jar bundles without a licenses.tsv row: status 1, one line" \
  same "$(stop_of "$work/licenses/copyright.sh" "$JAR")" "1 1"
check "that line names the library" grep -qF "has no row for info.picocli:picocli (bundled" "$work/stop.err"
{ cat "$HERE/licenses.tsv"; printf 'org.example:gone\tMIT\tNobody\n'; } > "$work/licenses/licenses.tsv"
check "copyright.sh stops at a licenses.tsv row for a library the jar does not bundle: status 1, one line" \
  same "$(stop_of "$work/licenses/copyright.sh" "$JAR")" "1 1"
check "that line names the row" grep -qF "has a row for org.example:gone, which" "$work/stop.err"

# -- the JVM flags the launchers read from watcher/Dockerfile (jvm-flags.sh) --------------------
jvm_flags_error() { # FILE ARG...: stop_of jvm-flags.sh with the Dockerfile FILE
  local file=$1
  shift
  stop_of "$HERE/jvm-flags.sh" --dockerfile "$file" "$@"
}
grep -v '^ENTRYPOINT ' "$ROOT/watcher/Dockerfile" > "$work/no-entrypoint"
check "jvm-flags.sh stops at a Dockerfile without ENTRYPOINT: status 1, one line" \
  same "$(jvm_flags_error "$work/no-entrypoint" --no-archive)" "1 1"
check "that line names the file and what is missing" \
  grep -qxF "jvm-flags: $work/no-entrypoint: expected one ENTRYPOINT line, found 0" "$work/stop.err"
sed 's/^ENTRYPOINT \["java", /ENTRYPOINT ["java", "-Dx;touch", /' "$ROOT/watcher/Dockerfile" > "$work/unsafe-flag"
check "jvm-flags.sh refuses a flag outside its safe set: status 1, one line" \
  same "$(jvm_flags_error "$work/unsafe-flag" --archive /x.jsa)" "1 1"
check "that line names the flag" grep -qF "unexpected JVM flag '-Dx;touch'" "$work/stop.err"
grep -v '^LABEL dev.bluegreen.replay-drops-jvm-flags=' "$ROOT/watcher/Dockerfile" > "$work/no-label"
check "jvm-flags.sh --replay stops at a Dockerfile without the replay-drops-jvm-flags label" \
  same "$(jvm_flags_error "$work/no-label" --replay --archive /x.jsa)" "1 1"

# -- install -----------------------------------------------------------------------------------
check "dpkg -i installs it with no systemd running" dpkg_quiet -i "$DEB"
check "dpkg --verify finds every file as shipped" same "$(dpkg --verify "$NAME")" ""
check "watcher is on the PATH" same "$(command -v watcher)" /usr/bin/watcher
commands=$(watcher --help | sed -n '/^Commands:/,$s/^  \([a-z][a-z-]*\)  .*/\1/p')
check "watcher(1) has a section for each command watcher --help lists (${commands//$'\n'/ })" \
  same "$(zcat /usr/share/man/man1/watcher.1.gz | sed -n 's/^\.SS //p')" "$commands"
version=$(dpkg-query -W -f='${Version}' "$NAME")
check "watcher --version says the package's version" \
  same "$(watcher --version | head -n 1)" "watcher ${version//\~/-}"
flags=$(sed -n 's/^ENTRYPOINT \["java", \(.*\), "-jar", .*/\1/p' "$ROOT/watcher/Dockerfile" | sed 's/", "/ /g; s/"//g')
flags=${flags/-XX:SharedArchiveFile=\/app\/watcher.jsa/-XX:SharedArchiveFile=$ARCHIVE}
check "watcher runs java with the JVM flags of watcher/Dockerfile's ENTRYPOINT, the package's archive" \
  grep -qF -- "exec java $flags -jar /usr/share/$NAME/watcher.jar \"\$@\"" /usr/bin/watcher
check "watcher replay runs java without the flags of the Dockerfile's replay-drops-jvm-flags label" \
  grep -qF -- "exec java ${flags/ -XX:TieredStopAtLevel=1/} -jar /usr/share/$NAME/watcher.jar \"\$@\"" \
  /usr/bin/watcher
check "postinst made the class-data archive, readable by the service" \
  same "$(stat -c '%a %U' "$ARCHIVE")" "644 root"
check "systemd-analyze verify passes on the installed unit" same "$(systemd-analyze verify "$UNIT" 2>&1)" ""
check "systemd-analyze rates the unit's exposure at most $MAX_EXPOSURE/100" \
  quietly systemd-analyze security --offline=yes --threshold="$MAX_EXPOSURE" "$UNIT"
check "the unit is enabled (deb-systemd-helper, without systemd)" same "$(readlink "$WANTS")" "$UNIT"
check "the service user is a system user" system_user "$NAME"
check "in group adm, which reads Nginx's logs" in_group "$NAME" adm
check "watcher.env is 0640 root:$NAME (it holds the Slack webhook)" \
  same "$(stat -c '%a %U:%G' "$ENV_FILE")" "640 root:$NAME"
check "watcher.env is .env.example without the sandbox's settings" \
  cmp -s "$ENV_FILE" <("$HERE/env-file.sh" "$ROOT/.env.example")
check "the state directory is the service user's" same "$(stat -c '%a %U:%G' "$STATE_DIR")" "750 $NAME:$NAME"

# -- a run as the service, without systemd: its user and groups, its settings file, its state file.
# A log only group adm may read, in a directory anyone may enter.
install -d -m 0755 "$work/nginx"
echo 'a line the watcher reads from the start' > "$work/nginx/access.log"
chown root:adm "$work/nginx/access.log"
chmod 0640 "$work/nginx/access.log"
# shellcheck disable=SC2016 # $1 and $2 are the inner shell's
setpriv --reuid="$NAME" --regid="$NAME" --init-groups -- env -i PATH=/usr/bin:/bin STATE_FILE="$STATE_FILE" \
  sh -c 'set -a; . "$1"; set +a; exec watcher run --from-start --log "$2" --http-port 0' \
  sh "$ENV_FILE" "$work/nginx/access.log" > "$work/watcher.out" 2> "$work/watcher.err" &
watcher_pid=$!
for _ in $(seq 300); do
  if [ -s "$STATE_FILE" ] || ! kill -0 "$watcher_pid" 2> /dev/null; then break; fi
  sleep 0.1
done
[ -s "$STATE_FILE" ] || cat "$work/watcher.err" >&2
check "the watcher runs as $NAME with watcher.env and saves its state" test -s "$STATE_FILE"
check "its JVM maps the class-data archive (made for this jar and JVM)" \
  grep -qF " $ARCHIVE" "/proc/$watcher_pid/maps"
check "it generated its admin token beside the state file, 0600 $NAME" \
  same "$(stat -c '%a %U' "$STATE_DIR/admin-token")" "600 $NAME"
arenas=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9][0-9]*\)$/\1/p' "$ROOT/watcher/Dockerfile")
check "its JVM has watcher/Dockerfile's MALLOC_ARENA_MAX ($arenas) in its environment" \
  grep -qxF "MALLOC_ARENA_MAX=$arenas" <(tr '\0' '\n' < "/proc/$watcher_pid/environ")
stop_from=$EPOCHREALTIME
kill -TERM "$watcher_pid"
rc=0
wait "$watcher_pid" || rc=$?
watcher_pid=
stop_ms=$(( (${EPOCHREALTIME/./} - ${stop_from/./}) / 1000 ))
check "SIGTERM stops it with status 143 (the unit's SuccessExitStatus), in ${stop_ms} ms" same "$rc" 143
check "the state file is the service user's" same "$(stat -c %U "$STATE_FILE")" "$NAME"

# -- a JVM package installed, upgraded or removed: its files under /usr/lib/jvm trigger postinst.
rm "$ARCHIVE"
dpkg-trigger --no-await /usr/lib/jvm
check "a change under /usr/lib/jvm (a JVM's package) makes the archive again" \
  dpkg_quiet --triggers-only "$NAME"
check "the archive is back" test -s "$ARCHIVE"

# -- logrotate ---------------------------------------------------------------------------------
check "check-nginx-logrotate accepts the shipped example" \
  quietly "/usr/share/$NAME/check-nginx-logrotate" "/usr/share/doc/$NAME/examples/logrotate-nginx"
sed -e 's/^\tdelaycompress/\t# no delaycompress/' -e 's/kill -USR1/true/' \
  "/usr/share/doc/$NAME/examples/logrotate-nginx" > "$work/logrotate-bad"
check "check-nginx-logrotate rejects a rule without USR1 and delaycompress" \
  same "$("/usr/share/$NAME/check-nginx-logrotate" "$work/logrotate-bad" | grep -c '^problem:')" 2
if [ -f /etc/logrotate.d/nginx ]; then
  check "this machine's /etc/logrotate.d/nginx works with the watcher" \
    "/usr/share/$NAME/check-nginx-logrotate" /etc/logrotate.d/nginx /var/log/nginx/access.log
else
  say "skipped: no /etc/logrotate.d/nginx here (Nginx is not installed)"
fi

# -- upgrade over itself -----------------------------------------------------------------------
sed -i 's/^ALERT_COOLDOWN_SEC=.*/ALERT_COOLDOWN_SEC=120/' "$ENV_FILE"
sed -i 's|^SLACK_WEBHOOK_URL=.*|SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/package-test|' "$ENV_FILE"
edited=$(sha256sum < "$ENV_FILE")
check "dpkg -i of the same package again (an upgrade) asks nothing" dpkg_quiet -i "$DEB"
check "the upgrade keeps the edited watcher.env" same "$(sha256sum < "$ENV_FILE")" "$edited"
check "and leaves no watcher.env.dpkg-* beside it" same "$(find "/etc/$NAME" -name 'watcher.env.*')" ""
check "watcher.env is still 0640 root:$NAME" same "$(stat -c '%a %U:%G' "$ENV_FILE")" "640 root:$NAME"
check "the state survives the upgrade" test -s "$STATE_FILE"

# -- remove, then purge ------------------------------------------------------------------------
check "dpkg -r removes it" dpkg_quiet -r "$NAME"
check "watcher is gone from the PATH" absent /usr/bin/watcher
check "the unit is gone" absent "$UNIT"
check "dpkg -r leaves the state" test -s "$STATE_FILE"
check "dpkg -r removes the class-data archive, made of the jar that is gone" absent "/var/cache/$NAME"
check "dpkg -r leaves the edited watcher.env" same "$(sha256sum < "$ENV_FILE")" "$edited"
check "dpkg --purge purges it" dpkg_quiet --purge "$NAME"
check "purge removes /etc/$NAME" absent "/etc/$NAME"
check "purge removes the state" absent "$STATE_DIR"
check "purge removes the enable link" absent "$WANTS"
check "purge removes the statoverride" same "$(dpkg-statoverride --list "$ENV_FILE" || true)" ""
if [ "$user_existed" = no ]; then
  deluser --system "$NAME" > /dev/null 2>&1 # it says it cannot clean crontabs without cron
  if getent group "$NAME" > /dev/null; then delgroup --system "$NAME" > /dev/null; fi
  check "the user this test made is gone" same "$(getent passwd "$NAME" || getent group "$NAME" || true)" ""
fi
say "all $checks checks passed in $((SECONDS - started)) s"
