#!/usr/bin/env python3
"""Single-event time to alert: one failover line appended to an idle log, until the alert reaches a
local stand-in webhook. Prints median and max of 20. Usage: make build && python3 bench/single_event_latency.py"""
import http.server, json, os, socketserver, statistics, subprocess, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, 'watcher', 'target', 'watcher.jar')
received = []


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get('Content-Length', 0))))
        received.append((time.time(), body.get('kind')))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def line(pool):
    now = time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime())
    return (f'127.0.0.1 - - [{now}] "GET /version HTTP/1.1" status=200 body_bytes=57 pool={pool} '
            f'release=v1-{pool} upstream_status=200 upstream_addr=10.0.0.2:3000 request_time=0.004 '
            f'upstream_response_time=0.004 request_id=bench\n')


def failovers():
    return [r for r in received if r[1] == 'failover']


def main():
    server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = tempfile.mkdtemp(prefix='bench-latency-')
    log = os.path.join(work, 'access.log')
    open(log, 'w').close()
    env = dict(os.environ, ALERT_WEBHOOK_URL=f'http://127.0.0.1:{server.server_address[1]}/hook',
               ALERT_COOLDOWN_SEC='0')
    env.pop('SLACK_WEBHOOK_URL', None)
    watcher = subprocess.Popen(['java', '-jar', JAR, 'run', '--log', log, '--http-port', '0'], env=env,
                               stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, 'watcher.err'), 'w'))
    time.sleep(3)
    latencies = []
    try:
        with open(log, 'a', buffering=1) as out:
            for _ in range(20):
                for _ in range(3):
                    out.write(line('blue'))  # back on blue: a recovery, then quiet
                time.sleep(1.6)  # the webhook is paced at one request per second
                before = len(failovers())
                start = time.time()
                out.write(line('green'))
                while len(failovers()) == before and time.time() - start < 5:
                    time.sleep(0.0005)
                latencies.append((failovers()[-1][0] - start) * 1000)
                time.sleep(1.2)
    finally:
        watcher.terminate()
        watcher.wait()
    print(f'single event, append to webhook: median {statistics.median(latencies):.1f} ms, '
          f'max {max(latencies):.1f} ms, {len(latencies)} samples')


if __name__ == '__main__':
    main()
