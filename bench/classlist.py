#!/usr/bin/env python3
"""Writes packaging/watcher.classlist (make classlist): the classes an idle `watcher run` loads in
its first seconds, as the JVM lists them (-XX:DumpLoadedClassList), for the CDS archive that
packaging/cds-archive.sh makes of them. The watcher runs as bench runs it: the image's JVM flags
(without an archive), a webhook, an empty log; a log's first lines, a first alert (OkHttp) or the
admin page load more classes, which stay out: every page of the archive is resident whether its
classes are used or not (the JVM relocates it at start), so only what every watcher loads goes in.
Run it again when the start-up path changes; classes it names that were since renamed away are
skipped (CdsClassListTest names them), new ones are loaded from the jar as before.
Usage: python3 bench/classlist.py [--idle S]"""
import argparse, os, shutil, subprocess, tempfile, time

from stand_in import ROOT, Webhook, WatcherProcess, image_jvm_flags

CLASSLIST = os.path.join(ROOT, 'packaging', 'watcher.classlist')
HEADER = '''# The classes an idle `watcher run` loads at start: made by `make classlist` (bench/classlist.py),
# read by packaging/cds-archive.sh. Made with {java}.
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--idle', type=float, default=12,
                        help='seconds the watcher runs idle (12: past its first 10 s safety look)')
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix='bluegreen-classlist-')
    try:
        listed = os.path.join(work, 'loaded.classlist')
        log = os.path.join(work, 'access.log')
        open(log, 'w').close()
        flags = image_jvm_flags(archive=None)
        webhook = Webhook()
        try:
            with WatcherProcess(log, webhook, flags + [f'-XX:DumpLoadedClassList={listed}']):
                time.sleep(args.idle)
        finally:
            webhook.close()
        with open(listed) as dumped:
            rows = [row for row in dumped if not row.startswith('#')]
        with open(CLASSLIST, 'w') as out:
            out.write(HEADER.format(java=java_version()))
            out.writelines(rows)
        print(f'{os.path.relpath(CLASSLIST, ROOT)}: {len(rows):,} rows')
    finally:
        shutil.rmtree(work, ignore_errors=True)


def java_version():
    version = subprocess.run(['java', '-version'], capture_output=True, text=True).stderr
    return version.splitlines()[1].strip() if len(version.splitlines()) > 1 else 'java'


if __name__ == '__main__':
    main()
