#!/usr/bin/env python3
"""make profile: where `watcher replay` spends its CPU, by async-profiler (from Maven Central),
with the JVM flags the launchers give replay (watcher/Dockerfile), on a generated sandbox log.
Prints the CPU share of each thread group (reading thread, other parsing threads, JIT compiler,
GC) and the top frames of the parsing threads; keeps the collapsed stacks (for a flame graph)
under bench/target/.
Usage: python3 bench/profile.py [--copies N] [LINES]   (LINES: 1,000,000; copies: 1)"""
import argparse, collections, os, platform, re, subprocess, sys, tempfile, zipfile

from generate_log import generate
from stand_in import JAR, ROOT, image_env, image_jvm_flags

TARGET = os.path.join(ROOT, 'bench', 'target')
PROFILER_JAR = os.path.join(TARGET, 'async-profiler-3.0.jar')  # make profile fetches it
TOP = 15


def main():
    parser = argparse.ArgumentParser(description='make profile: CPU profile of watcher replay')
    parser.add_argument('lines', nargs='?', type=int, default=1_000_000)
    parser.add_argument('--copies', type=int, default=1,
                        help='replay the log this many times in one run: 1 shows a cold JVM, '
                             '5 or more the compiled parser')
    args = parser.parse_args()
    agent = extract_agent()
    out = os.path.join(TARGET, f'profile-{args.lines}x{args.copies}.collapsed')
    with tempfile.TemporaryDirectory(prefix='bluegreen-profile-') as work:
        log = os.path.join(work, 'access.log')
        generate(args.lines, log)
        command = ['java', *image_jvm_flags('replay'),
                   f'-agentpath:{agent}=start,event=cpu,interval=1ms,threads,collapsed,file={out}',
                   '-jar', JAR, 'replay', *[log] * args.copies]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=image_env())
        if result.returncode != 0:
            sys.exit(f'watcher replay failed ({result.returncode}):\n{result.stderr}')
        print(next(row for row in result.stderr.splitlines() if ' lines from ' in row))
    summarize(out)
    print(f'\ncollapsed stacks (flame graph input): {out}')


def extract_agent():
    """The profiler's native agent for this machine, unpacked next to its jar."""
    arch = {'x86_64': 'linux-x64', 'aarch64': 'linux-arm64'}.get(platform.machine())
    if arch is None or not sys.platform.startswith('linux'):
        sys.exit(f'make profile: async-profiler has no agent for {sys.platform} {platform.machine()}')
    if not os.path.exists(PROFILER_JAR):
        sys.exit(f'{PROFILER_JAR} is missing: run make profile, which fetches it')
    agent = os.path.join(TARGET, 'async-profiler', arch, 'libasyncProfiler.so')
    if not os.path.exists(agent):
        with zipfile.ZipFile(PROFILER_JAR) as jar:
            jar.extract(f'{arch}/libasyncProfiler.so', os.path.join(TARGET, 'async-profiler'))
    return agent


def group(thread):
    """Threads by role: numbered threads of one kind count together."""
    name = re.sub(r'\s*tid=\d+', '', thread).strip('[]')
    if name == 'main':
        return 'main (JVM start-up, then reads, parses its share, decides)'
    if name.startswith('line-parser-'):
        return 'line-parser-* (parse the rest)'
    if 'CompilerThre' in name:
        return 'JIT compiler threads'
    if name in ('VM Thread', 'GC Thread#0'):
        return 'VM thread (GC, safepoints)'
    return 'other'


def summarize(collapsed):
    threads, frames, total_parse = collections.Counter(), collections.Counter(), 0
    with open(collapsed) as stacks:
        for row in stacks:
            stack, samples = row.rsplit(' ', 1)
            samples = int(samples)
            stack = stack.split(';')
            role = group(stack[0])
            threads[role] += samples
            if role.startswith(('main', 'line-parser')) and any('LineParser.parse' in f for f in stack):
                total_parse += samples
                frames[stack[-1].replace('/', '.')] += samples
    total = sum(threads.values())
    print(f'\nCPU samples (1 ms each): {total:,}')
    for role, samples in threads.most_common():
        print(f'  {100 * samples / total:5.1f} %  {role}')
    print(f'\ninside LineParser.parse, on the parsing threads ({total_parse:,} samples), top frames:')
    for frame, samples in frames.most_common(TOP):
        print(f'  {100 * samples / max(total_parse, 1):5.1f} %  {frame}')


if __name__ == '__main__':
    main()
