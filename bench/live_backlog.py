#!/usr/bin/env python3
"""Live backlog: `watcher run` on an empty log; 1,000,000 sandbox lines are appended at once,
followed by one blue->green failover; prints the time from the end of the append until the failover
alert reaches a local stand-in webhook, and the watcher's peak RSS.
Usage: make build && python3 bench/live_backlog.py [LINES]"""
import http.server, json, os, socketserver, subprocess, sys, tempfile, threading, time

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


def line(pool, n):
    now = time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime())
    return (f'127.0.0.1 - - [{now}] "GET /version?n={n} HTTP/1.1" status=200 body_bytes=57 pool={pool} '
            f'release=v1-{pool} upstream_status=200 upstream_addr=10.0.0.2:3000 request_time=0.004 '
            f'upstream_response_time=0.004 request_id={n:032d}\n')


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
    server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = tempfile.mkdtemp(prefix='bench-backlog-')
    log = os.path.join(work, 'access.log')
    open(log, 'w').close()
    backlog = ''.join(line('blue', n) for n in range(count)) + line('green', count)
    env = dict(os.environ, ALERT_WEBHOOK_URL=f'http://127.0.0.1:{server.server_address[1]}/hook')
    env.pop('SLACK_WEBHOOK_URL', None)
    flags = os.environ.get('WATCHER_JAVA_OPTS', '-Xmx64m -XX:+UseSerialGC').split()
    watcher = subprocess.Popen(['java', *flags, '-jar', JAR, 'run', '--log', log, '--http-port', '0'],
                               env=env, stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(work, 'watcher.err'), 'w'))
    time.sleep(3)
    try:
        with open(log, 'a') as out:
            out.write(backlog)
        appended = time.time()
        while not any(kind == 'failover' for _, kind in received) and time.time() - appended < 120:
            time.sleep(0.001)
        alerted = next(t for t, kind in received if kind == 'failover')
        rss = peak_rss_kb(watcher.pid)
    finally:
        watcher.terminate()
        watcher.wait()
    seconds = alerted - appended
    print(f'live backlog: {count:,} lines + failover, alert after {seconds:.2f} s '
          f'({count / seconds:,.0f} lines/s), peak RSS {rss / 1024:.0f} MB ({" ".join(flags)})')


if __name__ == '__main__':
    main()
