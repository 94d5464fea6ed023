#!/usr/bin/env python3
"""Replay throughput on a generated sandbox log (with a blue->green failover and back), beside
`wc -l` on the same file: the ceiling of reading it. Usage: make build && python3 bench/replay_throughput.py [LINES]"""
import os, re, subprocess, sys, tempfile, time

from stand_in import JAR, line


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    work = tempfile.mkdtemp(prefix='bench-replay-')
    log = os.path.join(work, 'access.log')
    blue, green = line('blue', 1), line('green', 2)
    with open(log, 'w') as out:
        third = count // 3
        out.write(blue * third + green * third + blue * (count - 2 * third))
    start = time.time()
    subprocess.run(['wc', '-l', log], check=True, stdout=subprocess.DEVNULL)
    wc_seconds = time.time() - start
    result = subprocess.run(['java', '-jar', JAR, 'replay', log], check=True, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    summary = [row for row in result.stderr.splitlines() if ' lines from ' in row][-1]
    lines_per_s = int(re.search(r'\(([\d,]+) lines/s\)', summary).group(1).replace(',', ''))
    alerts = len(result.stdout.splitlines())
    print(f'replay: {count:,} lines at {lines_per_s:,} lines/s ({alerts} alerts); '
          f'wc -l: {count / wc_seconds:,.0f} lines/s')


if __name__ == '__main__':
    main()
