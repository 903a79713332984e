#!/usr/bin/env python3
"""Compare two icount boots of each kernel: how repeatable are the numbers?

Usage: repeatability.py [--tolerance PCT] repeat-KERNEL-RUN.json...
For each kernel with runs 1 and 2, every timing (per-op averages, usec
per test but that of a case that fails by design, ns metrics, ops/s)
and every count (hits, blocks, pages) of run 1 is compared with run 2.  Prints the largest relative timing
difference per kernel and overall, and counts that differ.  Exit status
1 when a timing differs by more than the tolerance (percent, default 1)
or a run had failures.
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import KERNELS, LABEL, is_time, one_run  # noqa: E402
from parse_log import XFAIL  # noqa: E402


def flatten(run):
    """{name: value} of every number of one_run()."""
    out = {}
    for name, s in run['scenarios'].items():
        for k, v in s.items():
            if k != 'failed' and isinstance(v, (int, float)):
                out['%s: %s' % (name, k)] = v
    for which, by_w in run['sets'].items():
        for w, e in by_w.items():
            for t, v in e.get('usec', {}).items():
                # A case that fails by design: the time of its error path.
                if t in XFAIL:
                    continue
                out['%s x%s: %s usec' % (which, w, t)] = v
            if 'ops_per_s' in e:
                out['%s x%s: ops/s' % (which, w)] = e['ops_per_s']
    return out


def is_timing(name):
    return is_time(name) or name.endswith('ops/s')


def compare(a, b):
    """Largest timing difference (rel, name, va, vb), differing counts."""
    worst = (0.0, None, None, None)
    counts = []
    for name in sorted(set(a) & set(b)):
        va, vb = a[name], b[name]
        if is_timing(name):
            rel = abs(va - vb) / max(abs(va), abs(vb)) if va or vb else 0.0
            if rel > worst[0] or worst[1] is None:
                worst = (rel, name, va, vb)
        elif va != vb:
            counts.append((name, va, vb))
    return worst, counts, len(set(a) ^ set(b))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--tolerance', type=float, default=1.0)
    ap.add_argument('json', nargs='+')
    a = ap.parse_args()
    runs = {}
    failed = False
    for path in a.json:
        m = re.search(r'repeat-(\w+)-([12])\.json$', path)
        if not m:
            continue
        with open(path) as f:
            res = json.load(f)
        if res.get('failures'):
            failed = True
            print('%s: failures: %s' % (path, '; '.join(res['failures'])))
        runs.setdefault(m.group(1), {})[m.group(2)] = flatten(one_run(res))
    overall = (0.0, None, None)
    checked = 0
    for k in KERNELS:
        if set(runs.get(k, {})) != {'1', '2'}:
            continue
        checked += 1
        (rel, name, va, vb), counts, unmatched = compare(runs[k]['1'],
                                                         runs[k]['2'])
        n = sum(map(is_timing, runs[k]['1']))
        print('%s: %d timings, largest difference %.3f%% (%s: %s vs %s); '
              '%d counts differ; %d values in one run only'
              % (LABEL[k], n, 100 * rel, name, va, vb, len(counts),
                 unmatched))
        for c in counts:
            print('    count differs: %s: %s vs %s' % c)
        if rel >= overall[0]:
            overall = (rel, k, name)
    if not checked:
        print('repeatability: no kernel with two runs')
        return 1
    ok = 100 * overall[0] <= a.tolerance
    print('repeatability: largest difference %.3f%% (%s, %s): %s %g%%'
          % (100 * overall[0], LABEL[overall[1]], overall[2],
             'within' if ok else 'ABOVE', a.tolerance))
    return 0 if ok and not failed else 1


if __name__ == '__main__':
    sys.exit(main())
