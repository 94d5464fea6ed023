#!/usr/bin/env python3
"""Single-event time to alert: one failover line appended to an idle log, until the alert reaches a
local stand-in webhook. Prints median and max of 20. Usage: make build && python3 bench/single_event_latency.py"""
import os, statistics, subprocess, tempfile, time

from stand_in import JAR, Webhook, line, watcher_env


def main():
    webhook = Webhook()
    work = tempfile.mkdtemp(prefix='bench-latency-')
    log = os.path.join(work, 'access.log')
    open(log, 'w').close()
    watcher = subprocess.Popen(['java', '-jar', JAR, 'run', '--log', log, '--http-port', '0'],
                               env=watcher_env(webhook, ALERT_COOLDOWN_SEC='0'),
                               stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, 'watcher.err'), 'w'))
    time.sleep(3)
    latencies = []
    try:
        with open(log, 'a', buffering=1) as out:
            for _ in range(20):
                for _ in range(3):
                    out.write(line('blue'))  # back on blue: a recovery, then quiet
                time.sleep(1.6)  # the webhook is paced at one request per second
                before = len(webhook.kinds('failover'))
                start = time.time()
                out.write(line('green'))
                while len(webhook.kinds('failover')) == before and time.time() - start < 5:
                    time.sleep(0.0005)
                latencies.append((webhook.kinds('failover')[-1] - start) * 1000)
                time.sleep(1.2)
    finally:
        watcher.terminate()
        watcher.wait()
    print(f'single event, append to webhook: median {statistics.median(latencies):.1f} ms, '
          f'max {max(latencies):.1f} ms, {len(latencies)} samples')


if __name__ == '__main__':
    main()
