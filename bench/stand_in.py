"""What the live benchmarks share: a stand-in webhook on 127.0.0.1, `watcher run` as a process
(always stopped, even on failure), and the JVM flags of the Docker image, with a class-data archive
of our own where the image has its own."""
import http.server, json, os, re, shutil, socketserver, subprocess, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, 'watcher', 'target', 'watcher.jar')
JVM_FLAGS = os.path.join(ROOT, 'packaging', 'jvm-flags.sh')
# The class-data archive made here for JAR, in place of the image's (packaging/cds-archive.sh).
ARCHIVE = os.path.join(ROOT, 'watcher', 'target', 'watcher.jsa')


def image_jvm_flags(command='run', archive=ARCHIVE):
    """The flags between "java" and "-jar" in watcher/Dockerfile's ENTRYPOINT, as
    packaging/jvm-flags.sh reads them for every launcher: for command 'replay', without those its
    dev.bluegreen.replay-drops-jvm-flags label names. The image's class-data archive becomes
    archive, made for JAR first unless it is newer than JAR (no archive at all for archive=None)."""
    if archive:
        subprocess.run([os.path.join(ROOT, 'packaging', 'cds-archive.sh'), '--if-stale', JAR,
                        os.path.join(ROOT, 'packaging', 'watcher.classlist'), archive], check=True)
    return _jvm_flags(*(['--replay'] if command == 'replay' else []),
                      *(['--archive', archive] if archive else ['--no-archive'])).split()


def image_env():
    """The environment the launchers give the watcher's JVM: os.environ with watcher/Dockerfile's
    ENV MALLOC_ARENA_MAX, unless it is set there (and not empty, as the launchers' ${VAR:-} read it)."""
    arenas = os.environ.get('MALLOC_ARENA_MAX') or _jvm_flags('--malloc-arena-max')
    return {**os.environ, 'MALLOC_ARENA_MAX': arenas}


def _jvm_flags(*args):
    result = subprocess.run([JVM_FLAGS, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr.strip() or f'{JVM_FLAGS} failed ({result.returncode})')
    return result.stdout.strip()


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
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f'http://127.0.0.1:{self.server.server_address[1]}/hook'

    def kinds(self, kind):
        return [t for t, k in self.received if k == kind]

    def wait_for(self, kind, count, timeout):
        """Arrival time of the count-th alert of kind; raises TimeoutError after timeout seconds."""
        wait_until(lambda: len(self.kinds(kind)) >= count, timeout, f'{count} {kind} alert(s)')
        return self.kinds(kind)[count - 1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def status_kb(pid, field):
    """A field of /proc/PID/status in kB: VmHWM is the peak resident set, VmRSS the current."""
    with open(f'/proc/{pid}/status') as status:
        for row in status:
            if row.startswith(field + ':'):
                return int(row.split()[1])
    raise RuntimeError(f'no {field} in /proc/{pid}/status')


def wait_until(condition, timeout, what):
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            raise TimeoutError(f'no {what} within {timeout} s')
        time.sleep(0.0005)


class WatcherProcess:
    """`java FLAGS -jar watcher.jar run` on one log, alerting to a webhook; use in a with block."""

    def __init__(self, log, webhook, flags, **settings):
        env = {k: v for k, v in image_env().items()
               if k in ('PATH', 'HOME', 'JAVA_HOME', 'LANG', 'MALLOC_ARENA_MAX')}
        env.update(ALERT_WEBHOOK_URL=webhook.url, WATCHER_LOG_FORMAT='text', **settings)
        self.stderr = log + '.watcher.err'
        self.process = subprocess.Popen(
            ['java', *flags, '-jar', JAR, 'run', '--log', log, '--http-port', '0',
             '--http-bind', '127.0.0.1'],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(self.stderr, 'w'))
        self.port = None

    def __enter__(self):
        try:
            wait_until(self._listening, 30, 'watcher answering /healthz')
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _listening(self):
        if self.process.poll() is not None:
            raise RuntimeError(f'the watcher exited with {self.process.returncode}: see {self.stderr}')
        with open(self.stderr) as err:
            found = re.search(r'serving /healthz.* on [\d.]+:(\d+)', err.read())
        if found:
            self.port = int(found.group(1))
            return self.healthz() is not None
        time.sleep(0.05)
        return False

    def healthz(self):
        try:
            with urllib.request.urlopen(f'http://127.0.0.1:{self.port}/healthz', timeout=2) as answer:
                return json.load(answer)
        except OSError:
            return None

    def wait_for_lines(self, lines, timeout):
        wait_until(lambda: (self.healthz() or {}).get('lines', 0) >= lines, timeout,
                   f'{lines:,} lines read')

    def status_kb(self, field):
        """A field of the watcher's /proc/PID/status in kB (status_kb)."""
        return status_kb(self.process.pid, field)

    def heap_after_gc_kb(self):
        """Heap in use right after a full GC (the live set), through jcmd; None without jcmd."""
        jcmd = shutil.which('jcmd')
        if not jcmd:
            return None
        pid = str(self.process.pid)
        subprocess.run([jcmd, pid, 'GC.run'], check=True, capture_output=True, timeout=30)
        info = subprocess.run([jcmd, pid, 'GC.heap_info'], check=True, capture_output=True,
                              text=True, timeout=30).stdout
        used = re.findall(r'^\s*(?:def new generation|tenured generation|garbage-first heap|'
                          r'PSYoungGen|ParOldGen)\s+total \d+K, used (\d+)K', info, re.M)
        return sum(int(kb) for kb in used) if used else None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
