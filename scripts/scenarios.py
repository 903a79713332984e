#!/usr/bin/env python3
"""Print the "scenarios" guest job: one function profile per test case.

Usage: scenarios.py RESULT.json [RESULT.json...]
For each test_vmalloc case run alone under "test_vmalloc.sh profile":
the summed trace_stat table, the "Metric:" lines and the test's own time,
for each kernel given.
"""
import json
import re
import sys


def cases(res):
    """(case name, tvsh run, vmalloc run) in the order they ran."""
    runs = [r for r in res['vmalloc'] if r['params'].startswith('profile')]
    for t, run in zip(res['tvsh'], runs):
        names = [n for n in run['tests']]
        yield (names[0] if len(names) == 1 else t['args']), t, run


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    for path in sys.argv[1:]:
        with open(path) as f:
            res = json.load(f)
        print('==== %s (%s, %s CPUs)' % (path, res['kernel'], res['cpus']))
        for name, t, run in cases(res):
            args = re.sub(r'^profile\s*', '', t['args'])
            print('\n-- %s  [%s]' % (name, args))
            print('  %-24s %10s %14s %12s %14s' % (
                'Function', 'Hit', 'Time', 'Avg', 's^2'))
            for f, r in t['table'].items():
                print('  %-24s %10d %11.3f us %9.3f us %11.3f us' % (
                    f, r['hit'], r['time_us'], r['avg_us'], r['s2_us2']))
            for f in t['skipped']:
                print('  %-24s %10s' % (f, 'not traceable'))
            test = run['tests'].get(name)
            if test:
                print('  test: %s, %.0f usec' % (
                    'FAILED' if test['failed'] else 'passed',
                    test['avg_usec']))
            for mname, rows in run.get('metrics', {}).items():
                for row in rows:
                    print('  metric %s: %s' % (mname, ', '.join(
                        '%s=%d' % kv for kv in row.items())))
    return 0


if __name__ == '__main__':
    sys.exit(main())
