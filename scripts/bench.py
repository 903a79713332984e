#!/usr/bin/env python3
"""Tables and plot of 'make bench' from the parsed bench guest runs.

Usage: bench.py --out DIR [--accel A --vcpus N --mem M --args S]
                {bench,icount,lockstat}-KERNEL-RUN.json...
KERNEL is vanilla (the 6.1 baseline: base + test prefix), patched or
anchor (Debian's 6.12 + the port of the test prefix).  bench-* are the
MTTCG boots, icount-* the single-CPU boots under icount, lockstat-* the
boots of the lock_stat kernels.  Writes DIR/bench.md (medians over the
runs, [min, max] spread, ratios patched/baseline and patched/6.12, the
icount and lock_stat sections), DIR/bench.json (every number of every
run) and DIR/throughput.png (ops/s against workers, with gnuplot).
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
from parse_log import fields, pool_lookups  # noqa: E402
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


def one_run(res):
    """The numbers of one bench boot."""
    out = {'kernel': res.get('kernel'), 'failures': res.get('failures', []),
           'not_run': res.get('not_run', {}), 'scenarios': {}, 'sets': {}}
    for name, t, run in cases(res):
        s = {}
        # Every function the profile lists (parse_log keeps them sorted).
        for f, row in t['table'].items():
            s[f + ' hits'] = row['hit']
        for f in ('vm_map_ram', 'vm_unmap_ram', 'vm_unmap_aliases'):
            row = t['table'].get(f)
            if row and row['hit']:
                s[f + ' avg us'] = row['avg_us']
        fl = t.get('flushes')
        if fl and not fl['lost']:
            s['TLB flushes'] = fl['calls']
            s['pages flushed'] = fl['pages']
            s['full TLB flushes'] = fl['full']
            if fl.get('blocks'):
                # Blocks the case left alive: partly used ones, since
                # a block is freed once all its pages are unmapped.
                s['blocks left'] = (fl['blocks']['new'] -
                                    fl['blocks']['freed'])
        # vm_map_ram_far_test: how much wider than the freed space.
        freed = run.get('metrics', {}).get(name, [{}])[0].get('freed_pages')
        if freed and 'pages flushed' in s:
            s['pages flushed per freed'] = s['pages flushed'] / freed
        if 'alloc_vmap_area hits' in s and 'free_vmap_block hits' in s:
            s['alloc - free hits'] = (s['alloc_vmap_area hits'] -
                                      s['free_vmap_block hits'])
        # What the case's allocations found in the vmap pools.
        pools = res.get('pools', {})
        before, after = pools.get('before:' + name), pools.get('after:' + name)
        if before and after:
            for k, v in pool_lookups(before, after).items():
                s['pool ' + k] = v
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
        p = fields(run['params'])
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
    out['locks'] = lock_counts(res)
    return out


# The lock_stat workloads: a test_vmalloc case that does one pair per
# loop and worker, and what the pair is.
PAIRS = {'fix_size_alloc_test': 'vmalloc()+vfree()',
         'vm_map_ram_rw_test': 'vm_map_ram()+vm_unmap_ram()'}


def lock_counts(res):
    """Acquisitions and contentions per pair of each lock class.

    A lockstat section carries the parameters of the test_vmalloc run it
    was read around; that run names the case.  Pairs = loops x workers.
    """
    runs = {r['params']: r for r in res['vmalloc']}
    out = {}
    for sec in res.get('lockstat', []):
        run = runs.get(sec['params'])
        if not sec['complete'] or not run or len(run['tests']) != 1:
            continue
        name, t = next(iter(run['tests'].items()))
        if name not in PAIRS or t['failed'] or not t['passed']:
            continue
        p = fields(sec['params'])
        workers = int(p.get('nr_threads', 1))
        pairs = int(p.get('test_loop_count', 0)) * workers
        if pairs <= 0:
            continue
        per = {c: {'acq': v['acquisitions'] / pairs,
                   'con': v['contentions'] / pairs}
               for c, v in sec['classes'].items()}
        out.setdefault(name, {})[str(workers)] = per
    return out


KINDS = ('bench', 'icount', 'lockstat')


def load(paths):
    """{kind: {kernel: [one_run(), ...]}} from the parsed guest runs."""
    runs = {kind: {k: [] for k in KERNELS} for kind in KINDS}
    for path in sorted(paths):
        m = re.search(r'(bench|icount|lockstat)-(\w+)-(\d+)\.json$', path)
        if not m or m.group(2) not in KERNELS:
            continue
        with open(path) as f:
            r = one_run(json.load(f))
        r['run'] = int(m.group(3))
        r['log'] = path
        runs[m.group(1)][m.group(2)].append(r)
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
    """a/b of the medians; '*' when the [min, max] ranges do not overlap
    (a difference larger than the run-to-run spread)."""
    if a is None or b is None or not b['median']:
        return 'n/a'
    beyond = (a['n'] > 1 and b['n'] > 1 and
              (a['min'] > b['max'] or a['max'] < b['min']))
    return '%.2f%s' % (a['median'] / b['median'], '*' if beyond else '')


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
    ('frag fixed: blocks left at the end', 'vm_map_ram_frag_fixed_test',
     'blocks left'),
    ('frag random: blocks left at the end', 'vm_map_ram_frag_random_test',
     'blocks left'),
    ('frag orders: blocks left at the end', 'vm_map_ram_frag_orders_test',
     'blocks left'),
    ('pack 100000 pages: blocks', 'vm_map_ram_pack_test', 'blocks'),
    ('pack 100000 pages: span (pages)', 'vm_map_ram_pack_test',
     'span_pages'),
    ('purge: new blocks in 100 rounds', 'vm_map_ram_purge_test',
     'new_blocks'),
    ('purge: pages flushed in 100 rounds', 'vm_map_ram_purge_test',
     'pages flushed'),
    ('far-apart frees: pages flushed per page freed', 'vm_map_ram_far_test',
     'pages flushed per freed'),
    ('far-apart frees: TLB flush calls (256 vm_unmap_aliases)',
     'vm_map_ram_far_test', 'TLB flushes'),
    ('idle: blocks kept after 1.5 s + vm_unmap_aliases() (of 2)',
     'vm_map_ram_idle_test', 'unmap_aliases_kept'),
    ('idle: blocks kept after 1.5 s + lazy drain (of 2)',
     'vm_map_ram_idle_test', 'drain_kept'),
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


# Summary rows from the icount boots: label, scenario, key.
SUMMARY_ICOUNT = (
    ('icount: vm_map_ram() us (rw test)', 'vm_map_ram_rw_test',
     'vm_map_ram avg us'),
    ('icount: vm_unmap_ram() us (rw test)', 'vm_map_ram_rw_test',
     'vm_unmap_ram avg us'),
    ('icount: vm_unmap_aliases() us (purge test)', 'vm_map_ram_purge_test',
     'vm_unmap_aliases avg us'),
    ('icount: vm_unmap_aliases() us (far-apart test)', 'vm_map_ram_far_test',
     'vm_unmap_aliases avg us'),
    ('icount: vm_unmap_ram() us (far-apart test)', 'vm_map_ram_far_test',
     'vm_unmap_ram avg us'),
)


def global_sum(per_class, key):
    """Sum of key ('acq' or 'con') over the global locks of one run."""
    return sum(v[key] for c, v in per_class.items()
               if is_global(c) and not NOT_A_LOCK.search(c))


def global_locks(test, workers):
    """Acquisitions of global locks per pair, from a lock_stat run."""
    def get(r):
        d = r['locks'].get(test, {}).get(str(workers))
        return None if d is None else global_sum(d, 'acq')
    return get


def summary(runs, icount=None, lockstat=None):
    rows = [stat_row(label, runs, scenario_value(name, key))
            for label, name, key in SUMMARY_ROWS]
    for which, w in (('mask7', 1), ('mask7', 8), ('full', 1), ('full', 8)):
        rows.append(stat_row('%s, %d worker%s: ops/s' % (
            'run_test_mask=7' if which == 'mask7' else 'full set', w,
            's' if w > 1 else ''), runs, set_value(which, w)))
    if icount and any(icount.values()):
        rows += [stat_row(label, icount, scenario_value(name, key))
                 for label, name, key in SUMMARY_ICOUNT]
    if lockstat and any(lockstat.values()):
        rows += [stat_row('global lock acquisitions per %s, %d worker(s)'
                          % (pair, w), lockstat, global_locks(test, w))
                 for test, pair in PAIRS.items() for w in (1, 8)]
    L = ['## Summary', '']
    table(L, HEAD, rows)
    return L


def report(runs, meta, icount=None, lockstat=None):
    L = ['# make bench', '',
         'Generated %s by `make bench` (%s, %s vCPUs, %s memory, %d '
         'run(s) per kernel%s).  Cells: median [min, max] over the runs.'
         % (meta['date'], meta['accel'], meta['vcpus'], meta['mem'],
            max([len(v) for v in runs.values()] + [0]),
            ', guest arguments: ' + meta['args'] if meta['args'] else ''),
         'Timings under TCG are noisy; hits and block counts are exact.  '
         'A ratio marked "*" is beyond the run-to-run spread (the two '
         '[min, max] ranges do not overlap); unmarked ratios of timings '
         'are within the noise.  Single-CPU costs: see the icount '
         'section; lock counts: the lock_stat section.',
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
          'profiled run allocated and did not free.  TLB flushes and pages '
          'flushed count the flush_tlb_kernel_range() calls of the case '
          'and, on the patched kernel, its flush_tlb_kernel_ranges() calls '
          '(one IPI for up to four ranges: one call each) (kprobe events; '
          'those of the module loader, which loads and unloads '
          'test_vmalloc, left out) and the pages of their ranges; "full" '
          'are the calls above x86\'s 33-page ceiling in all, which flush '
          'everything.  The probe (an int3 after the fentry site) adds its '
          'cost to the functions that flush (vm_unmap_aliases, '
          '__purge_vmap_area_lazy) in these tables; the icount boots run '
          'without it.', '']
    L += summary(runs, icount, lockstat)
    if icount is not None:
        L += icount_section(icount)
    if lockstat is not None:
        L += lockstat_section(lockstat)
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


# The 3% rule of the issues: a single-CPU cost this much above the
# baseline is a regression.
REGRESSION = 1.03


def is_time(key):
    return key.endswith(' us') or key.endswith('usec') or '_ns' in key


def icount_section(runs):
    """Single-CPU costs from the icount boots (guest time = instructions)."""
    L = ['## Single-CPU costs (icount: 1 vCPU, guest time counts '
         'instructions)', '',
         'Repeatable to within 1%% from boot to boot (make '
         'bench-repeatability checks it), so these are the numbers the '
         '3%% rules are judged on: a patched/baseline ratio above %.2f is '
         'marked "!".  Per-op times are ftrace profile averages (the '
         'profiler\'s own cost included, alike on every kernel).'
         % REGRESSION, '']
    if not any(runs.values()):
        return L + ['No icount run.', '']
    names = []
    for k in KERNELS:
        for r in runs[k]:
            names += [n for n in r['scenarios'] if n not in names]
    rows = []
    for name in names:
        keys = []
        for k in KERNELS:
            for r in runs[k]:
                keys += [x for x in r['scenarios'].get(name, {})
                         if is_time(x) and x not in keys]
        rows += [stat_row('%s: %s' % (name, key), runs,
                          scenario_value(name, key)) for key in keys]
    for which in ('mask7', 'full'):
        tests = []
        for k in KERNELS:
            for r in runs[k]:
                e = r['sets'].get(which, {}).get('1', {})
                tests += [t for t in sorted(e.get('usec', {}))
                          if t not in tests]
        rows += [stat_row('%s, 1 worker: %s usec' % (
            'mask 7' if which == 'mask7' else 'full set', t), runs,
            set_value(which, 1, test=t)) for t in tests]
    for row in rows:
        try:
            if float(row[4].rstrip('*')) > REGRESSION:
                row[4] += ' !'
        except ValueError:
            pass
    table(L, ['per op / per test'] + HEAD[1:], rows)
    return L


# lockdep maps in /proc/lock_stat that are not locks: work items, and a
# mutex's internal wait_lock.
NOT_A_LOCK = re.compile(r'^\(|_work$|\.wait_lock$')


def is_global(cls):
    """A lock with a name of its own (DEFINE_SPINLOCK, DEFINE_MUTEX), not
    one of many in a structure ("&vb->lock")."""
    return not cls.startswith('&')


def lockstat_section(runs):
    L = ['## Lock acquisitions and contentions per pair (lock_stat)', '',
         'One boot of each kernel built with configs/lockstat.config '
         '(LOCK_STAT, hence lockdep\'s class tracking: never timed).  '
         '/proc/lock_stat is cleared before each test_vmalloc run and read '
         'after it; counts are divided by the pairs the run made (loops x '
         'workers), so module load and unload add a little.  Cells: '
         'acquisitions / contentions per pair, "-" for a class the kernel '
         'did not take (or does not have).  Acquisitions repeat from boot '
         'to boot; contentions depend on scheduling.  Classes named '
         '"&..." are one lock per structure (block, CPU queue, node); the '
         'others are global.  Work items and mutex wait_locks, which '
         'lockdep also lists, are left out.', '']
    if not any(runs.values()):
        return L + ['No lock_stat run.', '']
    for test, pair in PAIRS.items():
        L += ['### %s (%s)' % (pair, test), '']
        per = {k: [r['locks'].get(test, {}) for r in runs[k]]
               for k in KERNELS}
        workers = sorted({int(w) for k in KERNELS for d in per[k]
                          for w in d})
        classes = sorted({c for k in KERNELS for d in per[k]
                          for v in d.values() for c in v
                          if not NOT_A_LOCK.search(c)},
                         key=lambda c: (not is_global(c), c))
        rows = []

        def cell_of(k, w, get):
            vals = [get(d[str(w)]) for d in per[k] if str(w) in d]
            vals = [v for v in vals if v is not None]
            if not vals:
                return None
            return statistics.median(vals)

        def pair_cell(k, w, get_acq, get_con):
            a, c = cell_of(k, w, get_acq), cell_of(k, w, get_con)
            if a is None:
                return '-' if any(str(w) in d for d in per[k]) else 'n/a'
            return '%s / %s' % (fmt(a), fmt(c))

        for w in workers:
            for cls in classes:
                cells = [pair_cell(
                    k, w, lambda d: d.get(cls, {}).get('acq'),
                    lambda d: d.get(cls, {}).get('con')) for k in KERNELS]
                if any(c not in ('-', 'n/a') for c in cells):
                    rows.append([cls, str(w)] + cells)
            rows.append(['all global locks', str(w)] + [pair_cell(
                k, w, lambda d: global_sum(d, 'acq'),
                lambda d: global_sum(d, 'con')) for k in KERNELS])
        table(L, ['class', 'workers'] + [LABEL[k] for k in KERNELS], rows)
    return L


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
    kinds = load(a.json)
    runs = kinds['bench']
    meta = {'date': datetime.datetime.now(datetime.timezone.utc)
            .strftime('%Y-%m-%d %H:%M UTC'), 'accel': a.accel,
            'vcpus': a.vcpus, 'mem': a.mem, 'args': a.args, 'note': a.note}
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, 'bench.md'), 'w') as f:
        f.write(report(runs, meta, kinds['icount'], kinds['lockstat']) +
                '\n')
    with open(os.path.join(a.out, 'bench.json'), 'w') as f:
        json.dump({'meta': meta, 'runs': runs, 'icount': kinds['icount'],
                   'lockstat': kinds['lockstat']}, f, indent=1,
                  sort_keys=True)
    plot(runs, a.out)
    print('bench: wrote %s/bench.md, bench.json, throughput.png' % a.out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
