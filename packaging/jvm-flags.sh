#!/usr/bin/env bash
# The watcher's JVM settings, read from the one place they live, watcher/Dockerfile (where each flag
# is explained), for the launchers that run the jar outside the image: packaging/build-deb.sh's
# /usr/bin/watcher, scripts/sandbox.sh and bench/stand_in.py.
# Usage: jvm-flags.sh [--dockerfile FILE] [--replay] (--archive PATH | --no-archive)
#          The flags between "java" and "-jar" on the ENTRYPOINT line, on one line, each checked
#          against a safe set (no spaces, no quotes). The image's class-data archive
#          (-XX:SharedArchiveFile=/app/watcher.jsa) becomes PATH, or is left out. With --replay,
#          without the flags the dev.bluegreen.replay-drops-jvm-flags label names: replay is a
#          batch job (see the Dockerfile).
#        jvm-flags.sh [--dockerfile FILE] --malloc-arena-max
#          The N of the Dockerfile's ENV MALLOC_ARENA_MAX=N line (glibc's malloc arenas).
# A Dockerfile without one of those lines, or with a flag outside the safe set, stops it with one
# line that names the file and what is wrong (exit 1); bad usage exits 2.
set -euo pipefail
export LC_ALL=C
DOCKERFILE=$(cd "$(dirname "$0")/.." && pwd)/watcher/Dockerfile
IMAGE_ARCHIVE=/app/watcher.jsa

die() { echo "jvm-flags: $DOCKERFILE: $*" >&2; exit 1; }
# Letters, digits and :+=.,_/- only: what a launcher can paste on a command line unquoted.
safe() { [[ $1 =~ ^[A-Za-z0-9:+=.,_/-]+$ ]]; }
usage() {
  echo "usage: jvm-flags.sh [--dockerfile FILE] [--replay] (--archive PATH | --no-archive)" >&2
  echo "       jvm-flags.sh [--dockerfile FILE] --malloc-arena-max" >&2
  exit 2
}

# The flags between "java" and "-jar" on the one ENTRYPOINT line.
entrypoint_flags() {
  local lines flags flag
  lines=$(grep -c '^ENTRYPOINT ' "$DOCKERFILE" || true)
  [ "$lines" = 1 ] || die "expected one ENTRYPOINT line, found $lines"
  flags=$(sed -n 's/^ENTRYPOINT \["java", \(.*\), "-jar", .*/\1/p' "$DOCKERFILE" | sed 's/", "/ /g; s/"//g')
  [ -n "$flags" ] || die "ENTRYPOINT is not [\"java\", FLAGS..., \"-jar\", JAR]"
  for flag in $flags; do
    if [[ $flag != -* ]] || ! safe "$flag"; then
      die "unexpected JVM flag '$flag' on the ENTRYPOINT line"
    fi
  done
  [[ " $flags " == *" -XX:SharedArchiveFile=$IMAGE_ARCHIVE "* ]] \
    || die "no -XX:SharedArchiveFile=$IMAGE_ARCHIVE on the ENTRYPOINT line"
  echo "$flags"
}

replay_drops() {
  local drops
  drops=$(sed -n 's/^LABEL dev\.bluegreen\.replay-drops-jvm-flags="\([^"]*\)"$/\1/p' "$DOCKERFILE")
  [ -n "$drops" ] || die "no LABEL dev.bluegreen.replay-drops-jvm-flags=\"...\" line"
  echo "$drops"
}

malloc_arena_max() {
  local value
  value=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9][0-9]*\)$/\1/p' "$DOCKERFILE")
  [ -n "$value" ] || die "no ENV MALLOC_ARENA_MAX=N line"
  echo "$value"
}

replay=no
archive= # the launcher's archive path, or empty
no_archive=no
arenas=no
while [ $# -gt 0 ]; do
  case $1 in
    --dockerfile) [ $# -ge 2 ] || usage; DOCKERFILE=$2; shift 2 ;;
    --replay) replay=yes; shift ;;
    --archive)
      if [ $# -lt 2 ] || [ -z "$2" ]; then usage; fi
      archive=$2
      shift 2
      ;;
    --no-archive) no_archive=yes; shift ;;
    --malloc-arena-max) arenas=yes; shift ;;
    *) usage ;;
  esac
done
[ -f "$DOCKERFILE" ] || die "no such file"
if [ "$arenas" = yes ]; then
  if [ "$replay" = yes ] || [ -n "$archive" ] || [ "$no_archive" = yes ]; then usage; fi
  malloc_arena_max
  exit 0
fi
# exactly one of --archive and --no-archive
if [ -n "$archive" ] && [ "$no_archive" = yes ]; then usage; fi
if [ -z "$archive" ] && [ "$no_archive" = no ]; then usage; fi
if [ -n "$archive" ] && ! safe "$archive"; then
  echo "jvm-flags: unexpected archive path '$archive'" >&2
  exit 2
fi

drops=
if [ "$replay" = yes ]; then
  drops=$(replay_drops)
fi
flags=$(entrypoint_flags)
out=
for flag in $flags; do
  case " $drops " in
    *" $flag "*) continue ;;
  esac
  if [ "$flag" = "-XX:SharedArchiveFile=$IMAGE_ARCHIVE" ]; then
    [ "$no_archive" = yes ] && continue
    flag=-XX:SharedArchiveFile=$archive
  fi
  out="$out${out:+ }$flag"
done
echo "$out"
