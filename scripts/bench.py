#!/usr/bin/env python3
"""Tables and plot of 'make bench' from the parsed bench guest runs.

Usage: bench.py --out DIR [--accel A --vcpus N --mem M --args S]
                bench-KERNEL-RUN.json...
KERNEL is vanilla (the 6.1 baseline: base + test prefix), patched or
anchor (Debian's 6.12 + the port of the test prefix).  Writes DIR/bench.md
(medians over the runs, [min, max] spread, ratios patched/baseline and
patched/6.12), DIR/bench.json (every number of every run) and
DIR/throughput.png (ops/s against workers, with gnuplot).
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenarios import cases  # noqa: E402

KERNELS = ('vanilla', 'patched', 'anchor')
LABEL = {'vanilla': 'baseline 6.1', 'patched': 'patched 6.1',
         'anchor': '6.12 anchor'}
# Sets whose tests all do test_loop_count operations per worker, so that
# ops/s compares across kernels.  align_shift_alloc_test fails by design.
SETS = {
    'mask7': ('fix_size_alloc_test', 'full_fit_alloc_test',
              'long_busy_list_alloc_test'),
    'full': ('fix_size_alloc_test', 'full_fit_alloc_test',
             'long_busy_list_alloc_test', 'random_size_alloc_test',
             'fix_align_alloc_test', 'random_size_align_alloc_test',
             'pcpu_alloc_test', 'kvfree_rcu_1_arg_vmalloc_test',
             'kvfree_rcu_2_arg_vmalloc_test'),
}
SET_TITLE = {'mask7': 'run_test_mask=7 (fix_size, full_fit, long_busy)',
             'full': 'full default set (the nine 6.1 tests but '
                     'align_shift, which fails by design)'}


def kv(params):
    return dict(w.split('=', 1) for w in params.split() if '=' in w)


def one_run(res):
    """The numbers of one bench boot."""
    out = {'kernel': res.get('kernel'), 'failures': res.get('failures', []),
           'not_run': res.get('not_run', {}), 'scenarios': {}, 'sets': {}}
    for name, t, run in cases(res):
        s = {}
        # Every function the profile lists (parse_log keeps them sorted).
        for f, row in t['table'].items():
            s[f + ' hits'] = row['hit']
        for f in ('vm_map_ram', 'vm_unmap_ram'):
            row = t['table'].get(f)
            if row and row['hit']:
                s[f + ' avg us'] = row['avg_us']
        if 'alloc_vmap_area hits' in s and 'free_vmap_block hits' in s:
            s['alloc - free hits'] = (s['alloc_vmap_area hits'] -
                                      s['free_vmap_block hits'])
        test = run['tests'].get(name)
        if test:
            s['test usec'] = test['avg_usec']
            s['failed'] = test['failed']
        for rows in run.get('metrics', {}).values():
            for row in rows:
                # lazy_chain_alloc_test reports one row per chain length.
                tag = ('@vunmaps=%d' % row['vunmaps']) if 'vunmaps' in row else ''
                for k, v in row.items():
                    if k != 'vunmaps':
                        s[k + tag] = v
        out['scenarios'][name] = s
    for run in res['vmalloc']:
        if run['params'].startswith('profile') or not run['complete']:
            continue
        p = kv(run['params'])
        which = 'mask7' if p.get('run_test_mask') == '7' else 'full'
        workers = int(p.get('nr_threads', 1))
        loops = int(p.get('test_loop_count', 0))
        usec = {n: t['avg_usec'] for n, t in run['tests'].items()}
        tests = SETS[which]
        entry = {'workers': workers, 'loops': loops, 'usec': usec}
        if all(n in usec for n in tests) and sum(usec[n] for n in tests):
            # Workers run side by side: the elapsed time is about a
            # worker's own total, the sum of its per-test times.
            entry['ops_per_s'] = (loops * len(tests) * workers /
                                  (sum(usec[n] for n in tests) / 1e6))
        out['sets'].setdefault(which, {})[str(workers)] = entry
    return out


def load(paths):
    runs = {k: [] for k in KERNELS}
    for path in sorted(paths):
        m = re.search(r'bench-(\w+)-(\d+)\.json$', path)
        if not m or m.group(1) not in runs:
            continue
        with open(path) as f:
            r = one_run(json.load(f))
        r['run'] = int(m.group(2))
        r['log'] = path
        runs[m.group(1)].append(r)
    return runs


def stat(vals):
    vals = [v for v in vals if v is not None]
    if not vals:
        return None
    return {'median': statistics.median(vals), 'min': min(vals),
            'max': max(vals), 'n': len(vals)}


def fmt(x):
    if x is None:
        return 'n/a'
    if abs(x) >= 1000 or x == int(x):
        return '%d' % round(x)
    return '%.3g' % x


def cell(st):
    if st is None:
        return 'n/a'
    if st['min'] == st['max']:
        return fmt(st['median'])
    return '%s [%s, %s]' % (fmt(st['median']), fmt(st['min']),
                            fmt(st['max']))


def ratio(a, b):
    if a is None or b is None or not b['median']:
        return 'n/a'
    return '%.2f' % (a['median'] / b['median'])


def table(lines, head, rows):
    lines.append('| ' + ' | '.join(head) + ' |')
    lines.append('|' + '---|' * len(head))
    for r in rows:
        lines.append('| ' + ' | '.join(r) + ' |')
    lines.append('')


def why_missing(runs, k, name):
    for r in runs[k]:
        if name in r['not_run']:
            return 'n/a (%s)' % r['not_run'][name]
    if not runs[k]:
        return 'n/a (no run)'
    return None


FRAG = ('vm_map_ram_frag_fixed_test', 'vm_map_ram_frag_random_test',
        'vm_map_ram_frag_orders_test')


def seed_check(runs):
    """Seed 000 on the baseline: blocks freed as often as allocated."""
    L = ['## Seed 000 on the baseline: free_vmap_block vs alloc_vmap_area',
         '', 'The fix 6.1 already carries frees every vmap block it '
         'allocates in the fragmentation scenarios: free_vmap_block() '
         'hits within 1% of alloc_vmap_area() hits (which also count the '
         'few areas of the module load).', '']
    rows = []
    for name in FRAG:
        for i, r in enumerate(runs['vanilla'], 1):
            n = str(r.get('run', i))
            s = r['scenarios'].get(name, {})
            a, f = s.get('alloc_vmap_area hits'), s.get('free_vmap_block hits')
            if not a or f is None:
                rows.append([name, n, 'n/a', 'n/a', 'n/a', 'n/a'])
                continue
            d = abs(a - f) / a
            rows.append([name, n, str(a), str(f),
                         '%.2f%%' % (100 * d),
                         'yes' if d <= 0.01 else 'NO'])
    table(L, ['scenario', 'run', 'alloc_vmap_area', 'free_vmap_block',
              'difference', 'within 1%'], rows)
    return L


# The rows of the summary at the top of bench.md (and in README.md).
SUMMARY_ROWS = (
    ('frag fixed: blocks taken', 'vm_map_ram_frag_fixed_test', 'new_blocks'),
    ('frag random: blocks taken', 'vm_map_ram_frag_random_test',
     'new_blocks'),
    ('frag orders: blocks taken', 'vm_map_ram_frag_orders_test',
     'new_blocks'),
    ('pack 100000 pages: blocks', 'vm_map_ram_pack_test', 'blocks'),
    ('pack 100000 pages: span (pages)', 'vm_map_ram_pack_test',
     'span_pages'),
    ('purge: new blocks in 100 rounds', 'vm_map_ram_purge_test',
     'new_blocks'),
    ('lazy: vmalloc() ns after 100k vunmaps', 'lazy_chain_alloc_test',
     'alloc_ns@vunmaps=100000'),
)


HEAD = ['', LABEL['vanilla'], LABEL['patched'], LABEL['anchor'],
        'patched/baseline', 'patched/6.12']


def stat_row(label, runs, get, missing=lambda k: 'n/a'):
    """label, one cell per kernel of get(run) over its runs, two ratios."""
    st = {k: stat([get(r) for r in runs[k]]) for k in KERNELS}
    return ([label] + [cell(st[k]) if st[k] else missing(k)
                       for k in KERNELS] +
            [ratio(st['patched'], st['vanilla']),
             ratio(st['patched'], st['anchor'])])


def scenario_value(name, key):
    return lambda r: r['scenarios'].get(name, {}).get(key)


def set_value(which, workers, key='ops_per_s', test=None):
    def get(r):
        e = r['sets'].get(which, {}).get(str(workers), {})
        return e.get('usec', {}).get(test) if test else e.get(key)
    return get


def summary(runs):
    rows = [stat_row(label, runs, scenario_value(name, key))
            for label, name, key in SUMMARY_ROWS]
    for which, w in (('mask7', 1), ('mask7', 8), ('full', 1), ('full', 8)):
        rows.append(stat_row('%s, %d worker%s: ops/s' % (
            'run_test_mask=7' if which == 'mask7' else 'full set', w,
            's' if w > 1 else ''), runs, set_value(which, w)))
    L = ['## Summary', '']
    table(L, HEAD, rows)
    return L


def report(runs, meta):
    L = ['# make bench', '',
         'Generated %s by `make bench` (%s, %s vCPUs, %s memory, %d '
         'run(s) per kernel%s).  Cells: median [min, max] over the runs.'
         % (meta['date'], meta['accel'], meta['vcpus'], meta['mem'],
            max([len(v) for v in runs.values()] + [0]),
            ', guest arguments: ' + meta['args'] if meta['args'] else ''),
         'Timings under TCG are noisy; hits and block counts are exact.',
         '']
    if meta.get('note'):
        L += [meta['note'], '']
    L += [
         '| kernel | version | runs | failures |', '|---|---|---|---|']
    for k in KERNELS:
        fails = sorted({f for r in runs[k] for f in r['failures']})
        L.append('| %s | %s | %d | %s |' % (
            LABEL[k], ', '.join(sorted({str(r['kernel']) for r in runs[k]}))
            or 'n/a', len(runs[k]), '; '.join(fails) or 'none'))
    L += ['', '"alloc - free hits" is alloc_vmap_area() minus '
          'free_vmap_block() calls: blocks (and other areas) that the '
          'profiled run allocated and did not free.  Pages flushed: n/a '
          '(no counter yet; needs a probe on the flush path).', '']
    L += summary(runs)
    L += seed_check(runs)
    names = []
    for k in KERNELS:
        for r in runs[k]:
            names += [n for n in r['scenarios'] if n not in names]
    names += sorted({n for k in KERNELS for r in runs[k]
                     for n in r['not_run'] if n not in names})
    for name in names:
        L += ['## %s' % name, '']
        keys = []
        for k in KERNELS:
            for r in runs[k]:
                keys += [x for x in r['scenarios'].get(name, {})
                         if x not in keys and x != 'failed']
        missing = lambda k: why_missing(runs, k, name) or 'n/a'  # noqa: E731
        rows = [stat_row(key, runs, scenario_value(name, key), missing)
                for key in keys]
        if not rows:
            rows.append(['(not run)'] + [why_missing(runs, k, name) or
                                         'n/a' for k in KERNELS] +
                        ['n/a', 'n/a'])
        table(L, HEAD, rows)
    for which in ('mask7', 'full'):
        L += ['## Throughput, %s' % SET_TITLE[which], '',
              'ops/s = test_loop_count x tests x workers / (sum of the '
              'per-test usec, averaged over workers).', '']
        workers = sorted({int(w) for k in KERNELS for r in runs[k]
                          for w in r['sets'].get(which, {})})
        rows = [stat_row('%d workers' % w, runs, set_value(which, w))
                for w in workers]
        table(L, ['ops/s'] + HEAD[1:], rows)
    L += ['## test_vmalloc usec per test, full set, 1 worker', '']
    tests = []
    for k in KERNELS:
        for r in runs[k]:
            e = r['sets'].get('full', {}).get('1', {})
            tests += [t for t in sorted(e.get('usec', {})) if t not in tests]
    rows = [stat_row(t, runs, set_value('full', 1, test=t),
                     lambda k: 'n/a (not in this kernel)') for t in tests]
    table(L, ['usec'] + HEAD[1:], rows)
    return '\n'.join(L)


def plot(runs, out):
    dat = os.path.join(out, 'throughput.dat')
    with open(dat, 'w') as f:
        for k in KERNELS:
            f.write('# %s\n' % LABEL[k])
            for which in ('mask7', 'full'):
                ws = sorted({int(w) for r in runs[k]
                             for w in r['sets'].get(which, {})})
                for w in ws:
                    st = stat([r['sets'][which].get(str(w), {})
                               .get('ops_per_s') for r in runs[k]
                               if which in r['sets']])
                    if st:
                        f.write('%s %d %g %g %g\n' % (
                            which, w, st['median'], st['min'], st['max']))
            f.write('\n\n')
    gp = ['set terminal pngcairo noenhanced size 1000,450 font ",10"',
          "set output '%s'" % os.path.join(out, 'throughput.png'),
          'set multiplot layout 1,2',
          'set logscale x 2', 'set xlabel "workers (nr_threads), 2 vCPUs"',
          'set ylabel "ops/s (median, min-max bars)"', 'set key top left',
          'set yrange [0:*]', 'set xrange [0.8:10]']
    for which in ('mask7', 'full'):
        gp.append('set title "%s"' % ('run_test_mask=7' if which == 'mask7'
                                      else 'full set (9 tests)'))
        gp.append('plot ' + ', '.join(
            "'%s' index %d using (strcol(1) eq \"%s\" ? $2 : NaN):3:4:5 "
            "with yerrorlines title '%s'" % (dat, i, which, LABEL[k])
            for i, k in enumerate(KERNELS)))
    subprocess.run(['gnuplot'], input='\n'.join(gp), text=True, check=True)
    os.remove(dat)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--accel', default='?')
    ap.add_argument('--vcpus', default='?')
    ap.add_argument('--mem', default='?')
    ap.add_argument('--args', default='')
    ap.add_argument('--note', default='', help='a line for the header')
    ap.add_argument('json', nargs='+')
    a = ap.parse_args()
    runs = load(a.json)
    meta = {'date': datetime.datetime.now(datetime.timezone.utc)
            .strftime('%Y-%m-%d %H:%M UTC'), 'accel': a.accel,
            'vcpus': a.vcpus, 'mem': a.mem, 'args': a.args, 'note': a.note}
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, 'bench.md'), 'w') as f:
        f.write(report(runs, meta) + '\n')
    with open(os.path.join(a.out, 'bench.json'), 'w') as f:
        json.dump({'meta': meta, 'runs': runs}, f, indent=1, sort_keys=True)
    plot(runs, a.out)
    print('bench: wrote %s/bench.md, bench.json, throughput.png' % a.out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
