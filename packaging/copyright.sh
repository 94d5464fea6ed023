#!/bin/sh
# Writes the .deb's /usr/share/doc/bluegreen-watch/copyright (Debian policy 12.5) to stdout: the
# project's own part, then each library watcher.jar bundles, read from the list the Maven build put
# in the jar (META-INF/bluegreen-watch/dependencies.txt), with its licenses and holders from
# packaging/licenses.tsv, then where each license's text is (those not in /usr/share/common-licenses
# in full). Stops with one line (status 1) at a bundled library without a row in licenses.tsv, or a
# row for a library the jar no longer bundles: the file never names what the jar does not hold.
# Usage: copyright.sh JAR   (needs the JDK's jar command, as the build does)
set -eu
export LC_ALL=C
if [ $# -ne 1 ]; then
  echo "usage: copyright.sh JAR" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
TABLE=$HERE/licenses.tsv
LIST=META-INF/bluegreen-watch/dependencies.txt
die() { echo "copyright.sh: $*" >&2; exit 1; }

[ -f "$1" ] || die "no $1"
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && jar xf "$jar" "$LIST") || die "cannot read $1 (the JDK's jar command)"
[ -f "$work/$LIST" ] || die "$1 has no $LIST: build it with mvn package"
# "   group:artifact:type:version -- module name" -> "group:artifact version"
sed -n 's/^ *\([^: ]*\):\([^: ]*\):[^: ]*:\([^: ]*\).*/\1:\2 \3/p' "$work/$LIST" > "$work/bundled"
[ -s "$work/bundled" ] || die "$1: $LIST lists no library"
grep -v '^#' "$TABLE" > "$work/table"
cut -f 1 "$work/table" | sort > "$work/rows"
cut -d ' ' -f 1 "$work/bundled" | sort > "$work/names"
missing=$(comm -23 "$work/names" "$work/rows" | tr '\n' ' ')
[ -z "$missing" ] || die "$TABLE has no row for ${missing% } (bundled in the jar): add its licenses"
stale=$(comm -13 "$work/names" "$work/rows" | tr '\n' ' ')
[ -z "$stale" ] || die "$TABLE has a row for ${stale% }, which the jar no longer bundles: remove it"

cat <<'TEXT'
bluegreen-watch: alerts on failovers and 5xx spikes of a blue/green Nginx pair.

bluegreen-watch itself (the watcher's code, its scripts and documents):
  Copyright: 2026 the bluegreen-watch maintainers
  License: none declared yet (the project's repository has no license file).

/usr/share/bluegreen-watch/watcher.jar also holds these libraries, each under its own licenses
(Maven coordinates and version):
TEXT
while read -r artifact version; do
  awk -F '\t' -v artifact="$artifact" -v version="$version" '$1 == artifact {
    printf "\n  %s %s\n    License: %s\n    Copyright: %s\n", artifact, version, $2, $3 }' "$TABLE"
done < "$work/bundled"
used=$(cut -f 2 "$work/table")
echo
echo "Where the license texts are:"
for license in Apache-2.0 LGPL-2.1; do
  if echo "$used" | grep -qw -- "$license"; then
    printf '  %-11s /usr/share/common-licenses/%s\n' "$license" "$license"
  fi
done
if echo "$used" | grep -qw EPL-1.0; then
  echo "  EPL-1.0     https://www.eclipse.org/legal/epl-v10.html (its libraries are also under the"
  echo "              LGPL-2.1, under which this package distributes them)"
fi
if echo "$used" | grep -qw MIT; then
  cat <<'TEXT'
  MIT         below, for each holder named with it above

  Permission is hereby granted, free of charge, to any person obtaining a copy of this software
  and associated documentation files (the "Software"), to deal in the Software without
  restriction, including without limitation the rights to use, copy, modify, merge, publish,
  distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
  Software is furnished to do so, subject to the following conditions:

  The above copyright notice and this permission notice shall be included in all copies or
  substantial portions of the Software.

  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
  BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
  NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
  DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
TEXT
fi
