#!/usr/bin/env python3
"""make bench: every performance figure of issue 6 from one generated sandbox log, with the targets
beside them. Every watcher JVM (replay, live, JMH forks) runs with the JVM flags of watcher/Dockerfile.
Needs watcher/target/watcher.jar and bench/jmh/target/watcher-jmh.jar (make bench builds both).
Usage: python3 bench/run.py [--copies N] [--samples N] [--no-jmh] [--no-footprint] [LINES]   (LINES: 1,000,000)"""
import argparse, os, platform, shutil, signal, statistics, subprocess, sys, tempfile, time

import footprint, live, per_line, throughput
from generate_log import generate
from stand_in import image_env, image_jvm_flags

MB = 1024  # kB
REPLAYS = 5  # replay runs; the figure is their median (this machine's runs vary by +-20 %)
STEADY_COPIES = 5  # a replay of the log this many times over shows the rate after JIT warm-up
BACKLOGS = 3  # live backlog runs; the figure is their median


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanups below
    flags = image_jvm_flags()
    replay_flags = image_jvm_flags('replay')
    print(f'make bench, {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}')
    print(f'machine: {machine()}')
    print(f'watcher JVM flags (watcher/Dockerfile ENTRYPOINT): {" ".join(flags)}')
    print(f'watcher replay JVM flags (without the replay-drops-jvm-flags label\'s): '
          f'{" ".join(replay_flags)}')
    print(f'watcher JVM environment (watcher/Dockerfile ENV, unless set here): '
          f'MALLOC_ARENA_MAX={image_env()["MALLOC_ARENA_MAX"]}')
    work = tempfile.mkdtemp(prefix='bluegreen-bench-')
    try:
        log = os.path.join(work, 'access.log')
        step(f'generating {args.lines:,} sandbox lines', generate, args.lines, log)
        print(f'  {log}: {os.path.getsize(log) / 1e6:,.0f} MB, one blue->green failover at its end')
        wc = step('wc -l', throughput.wc_lines_per_s, log, args.lines)
        replay = step(f'watcher replay x {REPLAYS}', throughput.replay, log, replay_flags,
                      REPLAYS)
        steady = step(f'watcher replay of {STEADY_COPIES}x the log, x 3', throughput.replay, log,
                      replay_flags, 3, STEADY_COPIES)
        backlog = step(f'live backlog (then {args.copies - 1} more copies for memory)',
                       live.backlog, log, args.lines, flags, work, args.copies)
        backlogs = [backlog] + [step('live backlog again', live.backlog, log, args.lines, flags,
                                     work, 1) for _ in range(BACKLOGS - 1)]
        single = step(f'single event x {args.samples}', live.single_event, flags, work,
                      args.samples)
        # JMH's forks run another jar, for which the watcher's class-data archive would not map
        jmh = step('JMH (bench/jmh)', per_line.run, image_jvm_flags(archive=None), work) \
            if args.jmh else {}
        method = footprint.defaults()
        foot = step(f'footprint beside mtail ({method.idle} s idle, then {method.rate:,} lines/s '
                    f'for {method.load} s)', footprint.measure, work, method) \
            if args.footprint else []
    except BaseException:
        for name in os.listdir(work):  # keep what explains the failure, not the big logs
            if name.endswith('.log'):
                os.remove(os.path.join(work, name))
        print(f'\nfailed: the watcher and JMH output is kept in {work}', file=sys.stderr)
        raise
    shutil.rmtree(work, ignore_errors=True)
    print(f'load average at the end: {load()}')
    summary(args, wc, replay, steady, backlogs, single, jmh)
    if foot:
        footprint.table(foot, method)


def parse_args():
    parser = argparse.ArgumentParser(description='make bench: the performance figures of issue 6')
    parser.add_argument('lines', nargs='?', type=int, default=1_000_000,
                        help='lines in the generated log (default 1,000,000)')
    parser.add_argument('--copies', type=int, default=3,
                        help='the backlog appends the log this many times in all; memory is '
                             'compared after the first and the last (default 3)')
    parser.add_argument('--samples', type=int, default=20, help='single-event samples (20)')
    parser.add_argument('--no-jmh', dest='jmh', action='store_false', help='skip the JMH figures')
    parser.add_argument('--no-footprint', dest='footprint', action='store_false',
                        help='skip the footprint beside mtail (3.5 minutes)')
    args = parser.parse_args()
    if args.lines < 1_000 or args.copies < 1 or args.samples < 1:
        parser.error('LINES must be at least 1000, --copies and --samples at least 1')
    return args


def step(what, function, *args):
    print(f'{what} ...', end=' ', flush=True)
    start = time.time()
    result = function(*args)
    print(f'{time.time() - start:.1f} s', flush=True)
    return result


def machine():
    cpu = next((row.split(':', 1)[1].strip() for row in open('/proc/cpuinfo')
                if row.startswith('model name')), platform.machine())
    ram_kb = next(int(row.split()[1]) for row in open('/proc/meminfo') if row.startswith('MemTotal'))
    java = subprocess.run(['java', '-version'], capture_output=True, text=True, timeout=30)
    runtime = java.stderr.splitlines()[1] if len(java.stderr.splitlines()) > 1 else java.stderr
    return (f'{cpu}, {os.cpu_count()} cores, {ram_kb / MB / MB:.1f} GiB RAM, '
            f'load average {load()} at the start; {runtime.strip()}')


def load():
    return ' '.join(open('/proc/loadavg').read().split()[:3])


def summary(args, wc, replay, steady, backlogs, single, jmh):
    first, last = backlogs[0]['first'], backlogs[0]['last']
    within = args.lines / 1e6
    alert = statistics.median(run['alert_s'] for run in backlogs)
    append = statistics.median(run['append_s'] for run in backlogs)
    rows = [
        (f'replay throughput, median of {replay["runs"]}', f'{replay["lines_per_s"]:,.0f} lines/s',
         '>= 2,000,000 lines/s', replay['lines_per_s'] >= 2e6),
        ('  range of the runs', f'{replay["min"]:,} to {replay["max"]:,}', '', None),
        (f'  {STEADY_COPIES}x the log in one replay (warm JIT)',
         f'{steady["lines_per_s"]:,.0f} lines/s', '', None),
        ('  wc -l, same file (the ceiling)', f'{wc:,.0f} lines/s', '', None),
        (f'live backlog: append to alert, median of {len(backlogs)}',
         f'{alert:.2f} s = {args.lines / alert:,.0f} lines/s',
         f'<= {within:g} s (>= 1,000,000 lines/s)', args.lines / alert >= 1e6),
        ('  runs (s)', ' '.join(f'{run["alert_s"]:.2f}' for run in backlogs), '', None),
        ('  of which the append itself (median)', f'{append:.2f} s', '', None),
        ('single event to alert, median',
         f'{single["median_ms"]:.0f} ms (max {single["max_ms"]:.0f}, n={len(single["samples"])})',
         '<= 50 ms', single['median_ms'] <= 50),
        ('peak RSS during the backlog (VmHWM)', f'{first["peak_rss_kb"] / MB:.0f} MB',
         '<= 128 MB', first['peak_rss_kb'] <= 128 * MB),
        (f'  after {args.copies}x the log', f'{last["peak_rss_kb"] / MB:.0f} MB', '<= 128 MB',
         last['peak_rss_kb'] <= 128 * MB),
        (f'heap after full GC, 1x / {args.copies}x the log',
         f'{mb(first["heap_after_gc_kb"])} / {mb(last["heap_after_gc_kb"])} MB',
         'no growth (+1 MB)', no_growth(first['heap_after_gc_kb'], last['heap_after_gc_kb'])),
    ]
    for name, (ns, alloc) in sorted(jmh.items(), key=lambda item: per_line.order(item[0])):
        bytes_op = 'n/a' if alloc is None else f'{alloc:,.0f} B/op'
        budget = '<= 500 ns (2M lines/s)' if name.startswith('parse + detect') else ''
        rows.append((f'JMH {name}', f'{ns:,.0f} ns/op, {bytes_op}', budget,
                     ns <= 500 if budget else None))
    print(f'\n{"figure":<46}{"measured":<34}{"target":<34}')
    for name, measured, target, met in rows:
        verdict = '' if met is None else 'ok' if met else 'MISSED'
        print(f'{name:<46}{measured:<34}{target:<34}{verdict}'.rstrip())
    print(f'\nsingle event samples, in order (ms): {" ".join(f"{ms:.0f}" for ms in single["samples"])}')
    print(f'replay alerts: {"; ".join(replay["alerts"]) or "none"}')


def mb(kb):
    return 'n/a' if kb is None else f'{kb / MB:.1f}'


def no_growth(before, after):
    return None if before is None or after is None else after <= before + MB


if __name__ == '__main__':
    main()
