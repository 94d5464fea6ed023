"""The live figures, from `watcher run` with the image's JVM flags and a stand-in webhook."""
import os, shutil, statistics, time

from generate_log import failover_line, request_line
from stand_in import Webhook, WatcherProcess

ALERT_TIMEOUT = 120  # seconds; far beyond any figure worth reporting


def backlog(source, lines, flags, work, copies=3):
    """Appends the generated log (lines + its final failover) to an empty log the watcher follows:
    seconds from the start of the append until the failover alert arrives, and the watcher's
    memory. Then appends it copies-1 more times to show that memory does not grow with the log."""
    log = os.path.join(work, 'backlog.log')
    open(log, 'w').close()
    webhook = Webhook()
    try:
        with WatcherProcess(log, webhook, flags) as watcher:
            start = time.time()
            append(source, log)
            appended = time.time() - start
            alert = webhook.wait_for('failover', 1, ALERT_TIMEOUT) - start
            watcher.wait_for_lines(lines, ALERT_TIMEOUT)
            first = memory(watcher)
            for _ in range(copies - 1):
                append(source, log)
            watcher.wait_for_lines(copies * lines, copies * ALERT_TIMEOUT)
            last = memory(watcher)
    finally:
        webhook.close()
    return {'alert_s': alert, 'append_s': appended, 'lines_per_s': lines / alert,
            'copies': copies, 'first': first, 'last': last}


def append(source, log):
    with open(source, 'rb') as src, open(log, 'ab') as out:
        shutil.copyfileobj(src, out, 1 << 20)


def memory(watcher):
    """Peak and current RSS (kB), then the heap after a full GC: measured in that order, so the
    GC jcmd asks for does not lower the RSS figures."""
    peak, now = watcher.status_kb('VmHWM'), watcher.status_kb('VmRSS')
    return {'peak_rss_kb': peak, 'rss_kb': now, 'heap_after_gc_kb': watcher.heap_after_gc_kb()}


def single_event(flags, work, samples=20):
    """One failover line appended to an idle log, until its alert reaches the webhook (ms).
    Between samples 3 blue lines bring a recovery, and the next failover waits 1.1 s after it:
    the webhook sink sends at most one request per second. The failover lines are not errors:
    with no cooldown, an error-rate alert per line would hold the paced sink up."""
    log = os.path.join(work, 'idle.log')
    open(log, 'w').close()
    webhook = Webhook()
    latencies = []
    try:
        with WatcherProcess(log, webhook, flags, ALERT_COOLDOWN_SEC='0'), \
                open(log, 'a', buffering=1) as out:
            for n in range(1, samples + 1):
                start = time.time()
                out.write(failover_line(n, now(), retried=False))
                latencies.append((webhook.wait_for('failover', n, 10) - start) * 1000)
                out.write(request_line(0, now()) * 3)
                webhook.wait_for('recovery', n, 10)
                time.sleep(1.1)
    finally:
        webhook.close()
    return {'median_ms': statistics.median(latencies), 'max_ms': max(latencies),
            'samples': latencies}


def now():
    return time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime())
