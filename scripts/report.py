#!/usr/bin/env python3
"""Print the main job's results for vanilla and patched side by side.

Usage: report.py VANILLA.json PATCHED.json [--same-tree]
The JSON files are parse_log.py output of the "perf" guest job.
--same-tree says the series has no allocator patch yet: the patched kernel
is the baseline tree (base + test prefix), so any difference is noise.
"""
import argparse
import json
import sys

HDR = ('  Function                               Hit    Time            '
       'Avg             s^2\n'
       '  --------                               ---    ----            '
       '---             ---')


def duration(us):
    """Format microseconds as trace_stat does ("123.456 us")."""
    s = '%d' % int(us)
    if len(s) < 7:
        frac = ('%03d' % int(round((us - int(us)) * 1000) % 1000))
        s += '.' + frac[:max(0, 7 - len(s))]
    return (s + ' us ').ljust(12)


def stat_table(prof, funcs):
    rows = [HDR]
    for f in funcs:
        r = prof.get(f)
        if r is None:
            continue
        line = '  %-30.30s  %10d' % (f, r['hit'])
        if 'time_us' in r:
            line += '    ' + duration(r['time_us']) + '    ' + \
                duration(r['avg_us']) + '    ' + duration(r['s2_us2'])
        rows.append(line.rstrip())
    return '\n'.join(rows)


def ratio(p, v):
    if v is None or p is None:
        return 'n/a'
    if v == 0:
        return '-' if p == 0 else 'inf'
    return '%.2f' % (p / v)


def tests_of(res):
    out = {}
    for run in res['vmalloc']:
        for name, t in run['tests'].items():
            out[name] = t
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('vanilla')
    ap.add_argument('patched')
    ap.add_argument('--funcs', default='')
    ap.add_argument('--same-tree', action='store_true')
    args = ap.parse_args()
    res = {}
    for k in ('vanilla', 'patched'):
        with open(getattr(args, k)) as f:
            res[k] = json.load(f)
    v, p = res['vanilla'], res['patched']
    funcs = [f for f in args.funcs.split(',') if f]

    params = v['vmalloc'][0]['params'] if v['vmalloc'] else '?'
    print('== test_vmalloc, %s (per-test average, usec) ==' % params)
    print('vanilla: %s   patched: %s   cpus: %s' %
          (v['kernel'], p['kernel'], v['cpus']))
    if args.same_tree:
        print('The series has no allocator patch yet: the patched kernel is '
              'the vanilla tree (6.1 + test patches), so every ratio below '
              'is run-to-run noise.')
    vt, pt = tests_of(v), tests_of(p)
    print('%-32s %10s %10s %16s' % ('test', 'vanilla', 'patched',
                                     'patched/vanilla'))
    for name in sorted(set(vt) | set(pt), key=lambda n: (n not in vt, n)):
        a, b = vt.get(name), pt.get(name)
        fmt = lambda t: ('%.0f' % t['avg_usec'] if t and not t['failed']
                         else 'FAILED' if t else 'n/a')
        print('%-32s %10s %10s %16s' % (
            name, fmt(a), fmt(b),
            ratio(b and b['avg_usec'], a and a['avg_usec'])))

    for k in ('vanilla', 'patched'):
        r = res[k]
        print('\n== ftrace function profile, %s (%s), summed over %d '
              'trace_stat files ==' % (k, r['kernel'],
                                       r['trace_stat_files']))
        print(stat_table(r['trace_stat'], funcs))
        missing = [f for f in funcs if f not in r['trace_stat']]
        for f in missing:
            why = ('not traceable (inlined or absent)'
                   if f in r['profile_skipped'] else '0 hits')
            print('  %-30.30s  %s' % (f, why))

    print('\n== side by side ==')
    print('%-24s %9s %9s %7s %10s %10s %7s' % (
        'function', 'hit v', 'hit p', 'p/v', 'avg us v', 'avg us p',
        'p/v'))
    for f in funcs:
        a, b = v['trace_stat'].get(f), p['trace_stat'].get(f)
        ha, hb = (a or {}).get('hit', 0), (b or {}).get('hit', 0)
        aa, ab = (a or {}).get('avg_us'), (b or {}).get('avg_us')
        show = lambda x: 'n/a' if x is None else '%.3f' % x
        print('%-24s %9d %9d %7s %10s %10s %7s' % (
            f[:24], ha, hb, ratio(hb, ha), show(aa), show(ab),
            ratio(ab, aa)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
