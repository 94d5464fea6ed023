#!/usr/bin/env python3
"""Writes a sandbox-format access log for the benchmarks: LINES requests served by blue (a mix of
paths, 200/304/404, Nginx's own /nginx-health answers, a rare 502 no pool could serve: 1 in 1,000,
far below the 2 % error threshold), ending in a blue->green failover (the last 3 requests failed on
blue and were retried on green). The failover is the file's first and only alert, at its very end.
Timestamps run at 200 requests/s and end now. Usage: python3 bench/generate_log.py LINES FILE"""
import sys, time

FAILOVER_LINES = 3
PER_SECOND = 200
BLUE, GREEN = '10.0.0.2:3000', '10.0.0.3:3000'
PATHS = ['/version', '/api/orders/{n}', '/api/orders/{n}/items', '/static/app.js', '/login',
         '/api/search?q=item{n}', '/favicon.ico']


def request_line(n, stamp):
    """Request n of the log (0-based), logged at the time text stamp."""
    path = PATHS[n % len(PATHS)].format(n=n % 9973)
    head = f'10.1.{n % 251}.{n % 13} - - [{stamp}] '
    request_id = f'{(n * 0x9E3779B97F4A7C15) % (1 << 128):032x}'
    if n % 100 == 42:  # a health check Nginx answers itself: no pool, no upstream
        return (f'{head}"GET /nginx-health HTTP/1.1" status=200 body_bytes=3 pool=- release=- '
                f'upstream_status=- upstream_addr=- request_time=0.000 upstream_response_time=- '
                f'request_id={request_id}\n')
    if n % 1000 == 500:  # neither pool answered: the client saw the error
        return (f'{head}"GET {path} HTTP/1.1" status=502 body_bytes=157 pool=- release=- '
                f'upstream_status=502, 502 upstream_addr={BLUE}, {GREEN} request_time=0.012 '
                f'upstream_response_time=0.006, 0.006 request_id={request_id}\n')
    status = 404 if n % 50 == 7 else 304 if n % 7 == 3 else 200
    millis = 2 + n % 37
    return (f'{head}"GET {path} HTTP/1.1" status={status} body_bytes={57 + n % 900} pool=blue '
            f'release=blue-1 upstream_status={status} upstream_addr={BLUE} '
            f'request_time=0.{millis:03d} upstream_response_time=0.{millis:03d} '
            f'request_id={request_id}\n')


def failover_line(n, stamp, retried=True):
    """Green served the client: retried after blue answered 500 (a hidden error), or, not retried,
    straight away because Nginx already took blue out."""
    if retried:
        attempts = (f'upstream_status=500, 200 upstream_addr={BLUE}, {GREEN} request_time=0.009 '
                    'upstream_response_time=0.004, 0.005')
    else:
        attempts = (f'upstream_status=200 upstream_addr={GREEN} request_time=0.005 '
                    'upstream_response_time=0.005')
    return (f'10.1.0.1 - - [{stamp}] "GET /version HTTP/1.1" status=200 body_bytes=57 pool=green '
            f'release=green-1 {attempts} request_id={(n * 0x9E3779B97F4A7C15) % (1 << 128):032x}\n')


def generate(lines, path):
    """Writes the log to path; the last line is logged now."""
    start = int(time.time()) - lines // PER_SECOND
    stamps = {}

    def stamp(n):
        second = start + n // PER_SECOND
        if second not in stamps:
            stamps.clear()
            stamps[second] = time.strftime('%d/%b/%Y:%H:%M:%S +0000', time.gmtime(second))
        return stamps[second]

    blue = max(lines - FAILOVER_LINES, 0)
    with open(path, 'w') as out:
        for first in range(0, blue, 10_000):
            out.write(''.join(request_line(n, stamp(n)) for n in range(first, min(first + 10_000, blue))))
        out.write(''.join(failover_line(n, stamp(n)) for n in range(blue, lines)))


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    generate(int(sys.argv[1]), sys.argv[2])
