#!/usr/bin/env python3
"""Live backlog: `watcher run` on an empty log; 1,000,000 sandbox lines are appended at once,
followed by one blue->green failover; prints the time from the end of the append until the failover
alert reaches a local stand-in webhook, and the watcher's peak RSS.
Usage: make build && python3 bench/live_backlog.py [LINES]   (WATCHER_JAVA_OPTS sets the JVM flags)"""
import os, subprocess, sys, tempfile, time

from stand_in import JAR, Webhook, line, watcher_env


def peak_rss_kb(pid):
    try:
        with open(f'/proc/{pid}/status') as status:
            for row in status:
                if row.startswith('VmHWM:'):
                    return int(row.split()[1])
    except OSError:
        return -1
    return -1


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    webhook = Webhook()
    work = tempfile.mkdtemp(prefix='bench-backlog-')
    log = os.path.join(work, 'access.log')
    open(log, 'w').close()
    backlog = ''.join(line('blue', n) for n in range(count)) + line('green', count)
    flags = os.environ.get('WATCHER_JAVA_OPTS', '-Xmx64m -XX:+UseSerialGC').split()
    watcher = subprocess.Popen(['java', *flags, '-jar', JAR, 'run', '--log', log, '--http-port', '0'],
                               env=watcher_env(webhook), stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, 'watcher.err'), 'w'))
    time.sleep(3)
    try:
        with open(log, 'a') as out:
            out.write(backlog)
        appended = time.time()
        while not webhook.kinds('failover') and time.time() - appended < 120:
            time.sleep(0.001)
        alerted = webhook.kinds('failover')[0]
        rss = peak_rss_kb(watcher.pid)
    finally:
        watcher.terminate()
        watcher.wait()
    seconds = alerted - appended
    print(f'live backlog: {count:,} lines + failover, alert after {seconds:.2f} s '
          f'({count / seconds:,.0f} lines/s), peak RSS {rss / 1024:.0f} MB ({" ".join(flags)})')


if __name__ == '__main__':
    main()
