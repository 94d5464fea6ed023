#!/usr/bin/env python3
"""The footprint figures of issue 15, beside mtail's when it is installed: each program follows an
empty log for 30 s (idle), then the same log appended at 10,000 lines/s for 60 s. Figures: idle CPU
(share of one core), RSS at the end of the idle time and its peak, CPU-seconds per 1M lines.
CPU time is read from the kernel's per-thread scheduler stats (nanoseconds), not from clock ticks:
0.05 % of 30 s is 15 ms, near the 10 ms tick.
With --threads, the idle CPU of each thread by name (comm), biggest first: where to look next.
Usage: python3 bench/footprint.py [--idle S] [--load S] [--rate N] [--only watcher|mtail] [--threads]
                                 [--flags="JVM FLAGS"] [--env KEY=VALUE]...  (--flags= with "=": the flags start with -)"""
import argparse, glob, os, shutil, subprocess, sys, tempfile, threading, time, urllib.request

from generate_log import request_line
from stand_in import Webhook, WatcherProcess, image_jvm_flags, status_kb, wait_until

TARGETS = {'idle_cpu_pct': 0.05, 'idle_rss_mb': 40, 'peak_rss_mb': 56, 'cpu_s_per_m': 3.0}
SETTLE = 5  # seconds after start-up before the idle time is measured (start-up is not idle)
MTAIL_PROGRAM = r'''# what the watcher counts, for a like-for-like footprint
counter requests_total by status, pool
counter upstream_errors_total by pool
/status=(?P<status>\d{3}) .* pool=(?P<pool>\S+) .* upstream_status=(?P<upstream>[^u]*) upstream_addr=/ {
  requests_total[$status][$pool]++
  $upstream =~ /5\d\d/ {
    upstream_errors_total[$pool]++
  }
}
'''


def main():
    args = parse_args()
    work = tempfile.mkdtemp(prefix='bluegreen-footprint-')
    try:
        table(measure(work, args), args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def defaults():
    """The method of issue 15, for make bench: 30 s idle, then 10,000 lines/s for 60 s."""
    return argparse.Namespace(idle=30, load=60, rate=10_000, only=None, flags=None, env=[],
                              threads=False)


def measure(work, args):
    """[(program, figures)]: the watcher's, then mtail's when it is installed."""
    chunk = lines_for(args.rate // 10)
    rows = []
    if args.only in (None, 'watcher'):
        flags = args.flags.split() if args.flags else image_jvm_flags()
        name = 'watcher (' + ('--flags' if args.flags else 'image JVM flags') + ''.join(
            ', ' + setting for setting in args.env) + ')'
        rows.append((name, measure_watcher(work, chunk, args, flags)))
    if args.only in (None, 'mtail'):
        if shutil.which('mtail'):
            rows.append((mtail_version(), measure_mtail(work, chunk, args)))
        else:
            print('mtail is not installed (apt-get install -y mtail): no figures beside ours')
    return rows


def parse_args():
    parser = argparse.ArgumentParser(description='footprint beside mtail (issue 15)')
    parser.add_argument('--idle', type=float, default=30, help='idle seconds (30)')
    parser.add_argument('--load', type=float, default=60, help='seconds of appending (60)')
    parser.add_argument('--rate', type=int, default=10_000, help='lines appended per second')
    parser.add_argument('--only', choices=['watcher', 'mtail'])
    parser.add_argument('--flags', help="the watcher's JVM flags, to try others than the image's")
    parser.add_argument('--env', action='append', default=[], metavar='KEY=VALUE',
                        help="an environment variable of the watcher's process, to try (repeatable)")
    parser.add_argument('--threads', action='store_true',
                        help='also print the idle CPU of each thread, by name')
    return parser.parse_args()


def lines_for(count):
    """One tenth of a second of traffic, as bytes: the same lines for every program."""
    stamp = time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime())
    return ''.join(request_line(n, stamp) for n in range(count)).encode()


def measure_watcher(work, chunk, args, flags):
    log = os.path.join(work, 'watcher.log')
    open(log, 'w').close()
    webhook = Webhook()
    try:
        env = dict(setting.split('=', 1) for setting in args.env)
        with WatcherProcess(log, webhook, flags, **env) as watcher:
            return drive(watcher.process.pid, log, chunk, args,
                         lambda total: watcher.wait_for_lines(total, 120))
    finally:
        webhook.close()


def measure_mtail(work, chunk, args):
    log = os.path.join(work, 'mtail.log')
    progs = os.path.join(work, 'progs')
    os.makedirs(progs)
    with open(os.path.join(progs, 'nginx.mtail'), 'w') as program:
        program.write(MTAIL_PROGRAM)
    open(log, 'w').close()
    port = free_port()
    process = subprocess.Popen(
        ['mtail', '--progs', progs, '--logs', log, '--address', '127.0.0.1', '--port', str(port)],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, 'mtail.err'), 'w'))
    try:
        wait_until(lambda: mtail_lines(port) is not None, 30, 'mtail answering /metrics')
        return drive(process.pid, log, chunk, args,
                     lambda total: wait_until(lambda: (mtail_lines(port) or 0) >= total, 120,
                                              f'mtail reading {total:,} lines'))
    finally:
        process.terminate()
        process.wait(timeout=15)


def drive(pid, log, chunk, args, wait_for_lines):
    """Idle, then appends chunk every 0.1 s; the figures of one program."""
    per_chunk = chunk.count(b'\n')
    time.sleep(SETTLE)
    with CpuMeter(pid) as idle:
        time.sleep(args.idle)
    idle_rss, idle_anon = status_kb(pid, 'VmRSS'), status_kb(pid, 'RssAnon')
    appended = 0
    start = time.monotonic()
    with CpuMeter(pid) as load:
        with open(log, 'ab') as out:
            for tick in range(int(args.load * 10)):
                out.write(chunk)
                out.flush()
                appended += per_chunk
                delay = start + (tick + 1) / 10 - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
        wait_for_lines(appended)
    return {'idle_cpu_pct': 100 * idle.seconds / args.idle, 'idle_threads': idle.by_name(),
            'idle_rss_mb': idle_rss / 1024, 'idle_anon_mb': idle_anon / 1024,
            'peak_rss_mb': status_kb(pid, 'VmHWM') / 1024,
            'cpu_s_per_m': load.seconds / appended * 1e6, 'lines': appended}


class CpuMeter:
    """CPU time of a process while the with block runs, from each thread's schedstat (ns), read
    every 0.1 s: a thread that ends meanwhile (a JIT compiler thread the JVM stops when idle, a
    pool's idle thread) keeps what it used up to its last reading instead of taking its whole past
    out of the sum (which once made idle CPU negative). Reading /proc does not wake the process."""

    def __init__(self, pid):
        self.pid = pid
        self.first = {}
        self.last = {}
        self.names = {}
        self.seconds = None
        self._done = threading.Event()

    def __enter__(self):
        self.first = thread_cpu_ns(self.pid)
        self.last = dict(self.first)
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    def _sample(self):
        while not self._done.wait(0.1):
            self._read()

    def _read(self):
        for tid, ns in thread_cpu_ns(self.pid).items():
            self.last[tid] = ns
            self.first.setdefault(tid, 0)  # born during the block: all of its time counts
            if tid not in self.names:
                self.names[tid] = thread_name(self.pid, tid)

    def __exit__(self, *exc):
        self._done.set()
        self._sampler.join()
        self._read()
        self.seconds = sum(self.last[tid] - self.first[tid] for tid in self.last) / 1e9


    def by_name(self):
        """[(thread name, CPU ms)] in the block, biggest first; threads of one name summed."""
        used = {}
        for tid in self.last:
            name = self.names.get(tid) or '?'
            used[name] = used.get(name, 0) + (self.last[tid] - self.first[tid]) / 1e6
        return sorted(((n, ms) for n, ms in used.items() if ms > 0), key=lambda row: -row[1])


def thread_name(pid, tid):
    """The thread's name as the kernel knows it (15 characters at most), or None once it ended."""
    try:
        with open(f'/proc/{pid}/task/{tid}/comm') as comm:
            return comm.read().strip()
    except (FileNotFoundError, ProcessLookupError):
        return None


def thread_cpu_ns(pid):
    """{thread id: CPU nanoseconds so far} of every live thread of pid."""
    used = {}
    for path in glob.glob(f'/proc/{pid}/task/*/schedstat'):
        try:
            with open(path) as stat:
                used[path.split('/')[4]] = int(stat.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # the thread ended between glob and open
    return used


def mtail_lines(port):
    try:
        with urllib.request.urlopen(f'http://127.0.0.1:{port}/metrics', timeout=2) as answer:
            text = answer.read().decode()
    except OSError:
        return None
    return sum(float(row.rsplit(' ', 1)[1]) for row in text.splitlines()
               if row.startswith('requests_total{'))


def mtail_version():
    out = subprocess.run(['mtail', '--version'], capture_output=True, text=True).stdout
    words = out.split()
    return f'mtail {words[2] if len(words) > 2 else "?"}'


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def table(rows, args):
    print(f'\nfootprint: {args.idle:.0f} s idle, then {args.rate:,} lines/s for {args.load:.0f} s')
    print(f'| | idle CPU | RSS idle / peak | CPU-s per 1M lines |')
    print(f'|---|---|---|---|')
    for name, f in rows:
        print(f'| {name} | {f["idle_cpu_pct"]:.3f} % | {f["idle_rss_mb"]:.0f} / '
              f'{f["peak_rss_mb"]:.0f} MB | {f["cpu_s_per_m"]:.2f} |')
    t = TARGETS
    print(f'| target (watcher) | <= {t["idle_cpu_pct"]} % | <= {t["idle_rss_mb"]} / '
          f'{t["peak_rss_mb"]} MB | <= {t["cpu_s_per_m"]} |')
    print('of the idle RSS, anonymous memory (RssAnon; the rest is pages of files the kernel can drop '
          'and read again: code, the unpatched part of a class-data archive): ' +
          ', '.join(f'{name.split(" (")[0]} {f["idle_anon_mb"]:.0f} MB' for name, f in rows))
    if args.threads:
        for name, f in rows:
            print(f'\nidle CPU by thread, {name}:')
            for thread, ms in f.get('idle_threads', []):
                print(f'  {thread:16s} {ms:8.2f} ms  {100 * ms / 1000 / args.idle:.3f} %')
    watcher = next((f for name, f in rows if name.startswith('watcher')), None)
    if watcher:
        missed = [k for k in TARGETS if watcher[k] > TARGETS[k]]
        print('targets: ' + ('all met' if not missed else 'missed: ' + ', '.join(missed)))


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
