"""Replay throughput on the generated log, beside `wc -l` on the same file."""
import re, statistics, subprocess, time

from stand_in import JAR, image_env


def wc_lines_per_s(log, lines):
    """The ceiling of reading the file: the best of 3 `wc -l` runs (page cache warm)."""
    best = float('inf')
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(['wc', '-l', log], check=True, stdout=subprocess.DEVNULL, timeout=120)
        best = min(best, time.perf_counter() - start)
    return lines / best


def replay(log, flags, runs=5, copies=1):
    """`watcher replay` with the JVM flags given (make bench: those the launchers give replay), `runs` times: its own lines/s (JVM start
    excluded) as the median and range of the runs, and the alerts. With copies > 1 the file is
    given that many times in one replay, to show the rate once the JIT has compiled the parser."""
    rates, wall, env = [], [], image_env()
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(['java', *flags, '-jar', JAR, 'replay', *[log] * copies], check=True,
                                text=True, capture_output=True, timeout=600, env=env)
        wall.append(time.perf_counter() - start)
        summary = [row for row in result.stderr.splitlines() if ' lines from ' in row][-1]
        rates.append(int(re.search(r'\(([\d,]+) lines/s\)', summary).group(1).replace(',', '')))
    return {'lines_per_s': statistics.median(rates), 'min': min(rates), 'max': max(rates),
            'runs': runs, 'wall_s': statistics.median(wall), 'alerts': result.stdout.splitlines()}
