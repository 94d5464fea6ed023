#!/bin/sh
# Writes the watcher's class-data sharing (CDS) archive: the classes an idle `watcher run` loads at
# start (packaging/watcher.classlist, `make classlist` remakes it), parsed and laid out once, which
# the JVM then maps instead of the JDK's own archive and the jar's classes. Idle RSS 52-53 -> 48 MB:
# the JDK's archive (12 MB, every page of it resident) holds classes the watcher never loads and
# lacks the 1,200 the watcher loads into metaspace at each start (bench/HISTORY.md, session 15).
# Usage: cds-archive.sh [--if-stale] JAR CLASSLIST ARCHIVE
#   --if-stale   do nothing when ARCHIVE is newer than JAR and CLASSLIST (make, the sandbox, bench;
#                the .deb's postinst always remakes it: an upgraded jar keeps its build's old time)
# The JVM maps ARCHIVE only for the JAR it was made from (the same path, size and time) and the same
# JVM build; for anything else it runs as without an archive, sharing no classes at all: silently
# for another jar (JDK 17 tells at -Xlog:cds level info), with a [warning][cds] line from a JVM of
# another major version (Temurin 25 prints one).
# So it is made again whenever the jar or the JVM changes: by the .deb's postinst and its trigger on
# /usr/lib/jvm, by the image's build, by make for the sandbox and bench. A JVM given a truncated
# archive crashes, so it is written beside ARCHIVE, tried, then renamed over it. POSIX sh: the
# image's base may be Alpine.
set -eu
if_stale=no
if [ "${1:-}" = --if-stale ]; then
  if_stale=yes
  shift
fi
if [ $# -ne 3 ]; then
  echo "usage: cds-archive.sh [--if-stale] JAR CLASSLIST ARCHIVE" >&2
  exit 2
fi
jar=$1
list=$2
archive=$3
if [ "$if_stale" = yes ] && [ -n "$(find "$archive" -newer "$jar" -newer "$list" 2> /dev/null)" ]; then
  exit 0
fi
tmp=$archive.new.$$
trap 'rm -f "$tmp" "$tmp.log"' EXIT
# Classes the list names that this jar or JVM lacks (renamed, another JDK build) are skipped with a
# warning in the log; only a failure is told. SerialGC as the watcher runs: with G1 (the default on
# a machine with 2 cores and 2 GB) JDK 17 also writes objects only G1 can map, 1.5 MB of file unused.
if ! java -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
  -cp "$jar" > "$tmp.log" 2>&1; then
  echo "cds-archive: no archive made (the watcher runs without one): $(tail -n 1 "$tmp.log")" >&2
  exit 1
fi
if ! java -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$jar" -version > "$tmp.log" 2>&1; then
  echo "cds-archive: the JVM refuses the archive it made: $(head -n 1 "$tmp.log")" >&2
  exit 1
fi
chmod 0644 "$tmp"
mv -f "$tmp" "$archive"
