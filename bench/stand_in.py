"""What the benchmarks share: a stand-in webhook on 127.0.0.1 and sandbox-format log lines."""
import http.server, json, os, socketserver, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, 'watcher', 'target', 'watcher.jar')


class Webhook:
    """A local HTTP server standing in for the alert webhook; records (arrival time, kind)."""

    def __init__(self):
        received = self.received = []

        class Hook(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get('Content-Length', 0))))
                received.append((time.time(), body.get('kind')))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Hook)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f'http://127.0.0.1:{self.server.server_address[1]}/hook'

    def kinds(self, kind):
        return [t for t, k in self.received if k == kind]


def line(pool, n=0):
    """One access-log line in the sandbox format, timestamped now."""
    now = time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime())
    return (f'127.0.0.1 - - [{now}] "GET /version?n={n} HTTP/1.1" status=200 body_bytes=57 pool={pool} '
            f'release=v1-{pool} upstream_status=200 upstream_addr=10.0.0.2:3000 request_time=0.004 '
            f'upstream_response_time=0.004 request_id={n:032d}\n')


def watcher_env(webhook, **extra):
    env = dict(os.environ, ALERT_WEBHOOK_URL=webhook.url, **extra)
    env.pop('SLACK_WEBHOOK_URL', None)
    return env
