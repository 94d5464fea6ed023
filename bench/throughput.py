"""Replay throughput on the generated log, beside `wc -l` on the same file."""
import re, subprocess, time

from stand_in import JAR


def wc_lines_per_s(log, lines):
    """The ceiling of reading the file: the best of 3 `wc -l` runs (page cache warm)."""
    best = float('inf')
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(['wc', '-l', log], check=True, stdout=subprocess.DEVNULL, timeout=120)
        best = min(best, time.perf_counter() - start)
    return lines / best


def replay(log, flags):
    """`watcher replay` with the image's JVM flags: its own lines/s (JVM start excluded), alerts."""
    start = time.perf_counter()
    result = subprocess.run(['java', *flags, '-jar', JAR, 'replay', log], check=True, text=True,
                            capture_output=True, timeout=600)
    wall = time.perf_counter() - start
    summary = [row for row in result.stderr.splitlines() if ' lines from ' in row][-1]
    lines_per_s = int(re.search(r'\(([\d,]+) lines/s\)', summary).group(1).replace(',', ''))
    return {'lines_per_s': lines_per_s, 'wall_s': wall, 'alerts': result.stdout.splitlines()}
