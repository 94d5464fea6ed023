"""JMH figures per line (bench/jmh): ns/op and bytes allocated per op (-prof gc)."""
import json, os, signal, subprocess

from stand_in import ROOT

JMH_JAR = os.path.join(ROOT, 'bench', 'jmh', 'target', 'watcher-jmh.jar')
# 1 fork, 3 x 1 s warm-up, 5 x 1 s measured: about 10 s per benchmark
RUN = ['-f', '1', '-wi', '3', '-w', '1s', '-i', '5', '-r', '1s', '-bm', 'avgt', '-tu', 'ns',
       '-prof', 'gc', '-foe', 'true']
NAMES = {
    'ParseBenchmark.sandboxLine': 'parse a sandbox line',
    'ParseBenchmark.jsonLine': 'parse an escape=json line',
    'DetectBenchmark.detect': 'detect, per parsed event',
    'DetectBenchmark.pipeline': 'parse + detect (Pipeline.line)',
}


def order(name):
    """Where a figure goes in the summary: the order of NAMES."""
    names = list(NAMES.values())
    return names.index(name) if name in names else len(names)


def run(flags, work, timeout=600):
    """Runs every benchmark, forks with the image's JVM flags; returns {name: (ns/op, B/op)}."""
    results = os.path.join(work, 'jmh.json')
    output = os.path.join(work, 'jmh.out')
    with open(output, 'w') as out:
        # its own session, so a timeout also stops the benchmark JVM that JMH forked
        jmh = subprocess.Popen(['java', '-jar', JMH_JAR, *RUN, '-jvmArgs', ' '.join(flags),
                                '-rf', 'json', '-rff', results],
                               stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            jmh.wait(timeout=timeout)
        finally:
            if jmh.poll() is None:
                os.killpg(jmh.pid, signal.SIGKILL)
                jmh.wait()
    if jmh.returncode != 0:
        raise RuntimeError(f'JMH failed ({jmh.returncode}), see {output}')
    figures = {}
    for result in json.load(open(results)):
        name = NAMES.get(result['benchmark'].split('jmh.')[-1], result['benchmark'])
        alloc = result['secondaryMetrics'].get('gc.alloc.rate.norm', {}).get('score')
        figures[name] = (result['primaryMetric']['score'], alloc)
    return figures
