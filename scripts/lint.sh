#!/bin/sh
# make lint: shellcheck on every shell script of the repository. A script is found by its name
# (*.sh) or its #! line (sh, bash, dash; the Debian maintainer scripts and .ci/run have no .sh), so
# a new one is checked without being listed here. Files git ignores (run/, target/) are skipped.
# Exit status: 0 no finding, 1 findings (shellcheck prints them), 2 shellcheck is not installed.
set -eu
cd "$(dirname "$0")/.."

if ! command -v shellcheck > /dev/null 2>&1; then
  echo "lint: shellcheck is not installed (Debian: apt-get install shellcheck)" >&2
  exit 2
fi

is_shell_script() {
  case $1 in
    *.sh) return 0 ;;
  esac
  head -n 1 "$1" 2> /dev/null | grep -qE '^#!.*[/ ](ba|da)?sh([[:space:]]|$)'
}

list=$(mktemp)
trap 'rm -f "$list"' EXIT
if git rev-parse --git-dir > /dev/null 2>&1; then
  git ls-files --cached --others --exclude-standard
else
  find . -type f ! -path './.git/*' ! -path './run/*' ! -path '*/target/*' | sed 's|^\./||'
fi | sort -u | while IFS= read -r file; do
  if [ -f "$file" ] && is_shell_script "$file"; then
    echo "$file"
  fi
done > "$list"

count=$(wc -l < "$list")
if [ "$count" -eq 0 ]; then
  echo "lint: no shell script found" >&2
  exit 1
fi
if ! tr '\n' '\0' < "$list" | xargs -0 shellcheck --external-sources; then
  exit 1
fi
echo "lint: shellcheck found nothing in $count scripts"
