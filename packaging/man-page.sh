#!/bin/sh
# Writes the watcher(1) manual page (roff) to stdout: `watcher --help` and each command's `--help`,
# as the jar prints them, so the page says what the installed command does and never drifts from
# it. Each help is run with an empty environment: a setting in the builder's environment would
# show in the help (a flag's default comes from its environment variable) and change the page.
# The date is SOURCE_DATE_EPOCH's (build-deb.sh sets it), so the same jar gives the same bytes.
# Usage: man-page.sh JAR VERSION
set -eu
export LC_ALL=C
if [ $# -ne 2 ]; then
  echo "usage: man-page.sh JAR VERSION" >&2
  exit 2
fi
jar=$1
version=$2
die() { echo "man-page.sh: $*" >&2; exit 1; }
[ -f "$jar" ] || die "no $jar"
[ -n "${SOURCE_DATE_EPOCH:-}" ] || die "SOURCE_DATE_EPOCH is not set"
date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)

help_of() { # [COMMAND]: its --help, or a stop naming the command
  env -i PATH="$PATH" java -jar "$jar" "$@" --help || die "watcher $* --help failed"
}
# Text as roff prints it, as is: backslashes and minus signs escaped, a line that begins with a
# dot or an apostrophe (a roff request) made text.
literal() {
  echo ".nf"
  sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
  echo ".fi"
}

top=$(help_of)
commands=$(echo "$top" | sed -n '/^Commands:/,$s/^  \([a-z][a-z-]*\)  .*/\1/p')
[ -n "$commands" ] || die "watcher --help lists no command"
cat <<ROFF
.TH WATCHER 1 "$date" "bluegreen-watch $version" "User Commands"
.SH NAME
watcher \\- alerts on failovers and 5xx spikes of a blue/green Nginx pair
.SH SYNOPSIS
.B watcher
.RI [ COMMAND ]
.RI [ OPTION ...]
.SH DESCRIPTION
ROFF
echo "$top" | literal
echo ".SH COMMANDS"
for command in $commands; do
  text=$(help_of "$command")
  echo ".SS $command"
  echo "$text" | literal
done
cat <<'ROFF'
.SH FILES
.TP
.I /etc/bluegreen\-watch/watcher.env
the service's settings, one VARIABLE=value a line, read by the systemd unit
.TP
.I /var/lib/bluegreen\-watch/
the service's state: its state file and admin token
.SH SEE ALSO
.BR systemctl (1),
.BR journalctl (1);
the README and the runbook in
.IR /usr/share/doc/bluegreen\-watch/ .
ROFF
