#!/bin/sh
# Writes the package's /etc/bluegreen-watch/watcher.env to stdout from .env.example, so the settings,
# defaults and comments have one source. Changes: a header for the service instead of the file's own
# (up to its first blank line), STATE_FILE left to the unit, and the sandbox's part dropped (from
# "# --- the sandbox" on). Fails if .env.example no longer has those landmarks.
# Usage: packaging/env-file.sh .env.example
set -eu
example=${1:?usage: env-file.sh .env.example}
for landmark in '^STATE_FILE=' '^# --- the sandbox'; do
  grep -q "$landmark" "$example" || {
    echo "env-file.sh: $example has no line matching '$landmark'; update packaging/env-file.sh" >&2
    exit 1
  }
done

cat <<'EOF'
# bluegreen-watch service settings, read by systemd (EnvironmentFile= of bluegreen-watch.service)
# each time the service starts: after an edit, run  systemctl restart bluegreen-watch
# A secret lives here (SLACK_WEBHOOK_URL): keep the file 0640 root:bluegreen-watch, as installed.
# dpkg keeps your edits on upgrade. One KEY=value a line, no "export"; a value with spaces, quotes or
# $ goes in single quotes (NGINX_LOG_FORMAT='...'), which systemd and sh both read verbatim.
# An empty value counts as unset (the default applies).
# Made from the project's .env.example: the same settings and defaults, without the sandbox's.
EOF
awk '
  !body { if ($0 == "") { body = 1; print }; next }   # the header of .env.example
  /^# --- the sandbox/ { exit }
  /^STATE_FILE=/ {
    print "# The service keeps it in its StateDirectory, the one place it may write (set in the unit):"
    print "# STATE_FILE=/var/lib/bluegreen-watch/state.json"
    next
  }
  { print }
' "$example" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' # no trailing blank lines
