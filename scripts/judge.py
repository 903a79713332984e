#!/usr/bin/env python3
"""Judge a parsed guest run (parse_log.py JSON) against what its job must show.

Usage: judge.py JOB RESULT.json
Prints one "PASS name" or "FAIL name: why" line per expectation and exits 1
if any failed.  Jobs: perf, smoke, stress, scenarios, bench, lockstat
(real runs: must be clean), badinput (exactly the expected warnings) and
negative (the planted failures must each be reported as failures).
"""
import json
import sys

from parse_log import fields, pool_lookups


class Judge:
    def __init__(self, job, res):
        self.job, self.res, self.bad = job, res, 0

    def check(self, name, ok, why=''):
        if ok:
            print('PASS %s %s' % (self.job, name))
        else:
            self.bad += 1
            print('FAIL %s %s: %s' % (self.job, name, why))

    def completed(self):
        r = self.res
        self.check('guest finished the job', r['completed'],
                   'no end marker in %s (crash or timeout)' % r.get('log'))

    def no_splats(self):
        s = self.res['splats']
        self.check('no kernel splats', not s, '%d splat(s): %s' % (
            len(s), '; '.join('%s: %s' % (x['kind'], x['title'])
                              for x in s[:5])))

    def vmalloc_clean(self):
        runs = self.res['vmalloc']
        tests = {}
        for run in runs:
            tests.update(run['tests'])
        ok = bool(runs) and all(r['complete'] for r in runs) and bool(tests)
        self.check('test_vmalloc ran', ok,
                   'no complete test_vmalloc run with Summary lines')
        for run in runs:
            kv = fields(run['params'])
            threads = max(1, int(kv.get('nr_threads', '1')))
            odd = [n for n, t in run['tests'].items()
                   if t['workers'] != threads]
            self.check('test_vmalloc ran once per worker (%s)'
                       % run['params'], not odd,
                       'Summary lines per test != nr_threads=%d: %s'
                       % (threads, ', '.join(sorted(odd))))
        for name, t in sorted(tests.items()):
            if t.get('expected_failure'):
                self.check('test_vmalloc %s (fails by design)' % name,
                           t['passed'] == 0 and t['failed'] > 0,
                           'passed %d failed %d' % (t['passed'], t['failed']))
                continue
            self.check('test_vmalloc %s' % name,
                       t['failed'] == 0 and t['passed'] > 0,
                       'passed %d failed %d' % (t['passed'], t['failed']))

    def kunit_clean(self):
        k = self.res['ktap']
        self.check('kunit (%d suites, %d cases)' % (len(k['suites']),
                                                   k['passed']),
                   k['passed'] > 0 and not k['failed_cases'],
                   'failed: %s' % (', '.join(k['failed_cases']) or
                                   'no KUnit case ran'))

    def tvsh_profile(self):
        """test_vmalloc.sh profile: the table must count every call."""
        runs = self.res.get('tvsh', [])
        self.check('test_vmalloc.sh profile ran', bool(runs) and all(
            t['rc'] == 0 and t['header'] for t in runs),
            'runs: %s' % [(t['args'], t['rc']) for t in runs])
        for t in runs:
            kv = fields(t['args'])
            if kv.get('run_test_mask') != '1024':
                continue
            # vm_map_ram_rw_test maps and unmaps once per loop and worker.
            want = int(kv.get('test_loop_count', 0)) * \
                max(1, int(kv.get('nr_threads', 1)))
            for f in ('vm_map_ram', 'vm_unmap_ram'):
                got = t['table'].get(f, {}).get('hit')
                self.check('test_vmalloc.sh profile counts %s' % f,
                           got == want, '%s hits, expected %d' % (got, want))

    # What vm_map_ram_bad_input (lib/vmalloc_kunit.c) must make the kernel
    # say: one warning per bad call, each naming its problem.
    BAD_INPUT_WARNINGS = 16
    BAD_INPUT_PROBLEMS = (
        'count is 0', 'address is outside the vmalloc range',
        'address is not page aligned', 'no mapping starts at this address',
        'count differs from the mapping',
        'address was not mapped by vm_map_ram()')

    def bad_input(self):
        r = self.res
        if 'vm_map_ram_bad_input' in r['not_run']:
            self.check('bad-input suite present', False,
                       r['not_run']['vm_map_ram_bad_input'])
            return
        k = r['ktap']
        # The same module's other suites: the PTEs vm_unmap_ram() clears,
        # what vm_unmap_aliases() flushes, and which blocks it and the
        # lazy drain purge.
        others = ('vmap_block_unmap', 'vmap_block_flush',
                  'vmap_block_purge')
        bad_cases = [c for c in k['failed_cases']
                     if not c.startswith(others)]
        suite = k['suites'].get('vm_map_ram_bad_input')
        self.check('KUnit suite vm_map_ram_bad_input passes',
                   suite == 'ok' and not bad_cases,
                   'suite: %s, failed: %s' % (suite, ', '.join(
                       bad_cases) or 'none'))
        for name in others:
            st = k['suites'].get(name)
            self.check('KUnit suite %s passes' % name, st == 'ok',
                       'suite: %s, failed: %s' % (st, ', '.join(
                           c for c in k['failed_cases']
                           if c.startswith(name)) or 'none'))
        warns, other = [], []
        for s in r['splats']:
            text = '\n'.join(s['context'])
            if s['kind'] == 'warning' and ('vm_unmap_ram(' in text or
                                           'vm_map_ram(' in text):
                warns.append(text)
            else:
                other.append('%s: %s' % (s['kind'], s['title']))
        self.check('one warning per bad call', len(warns) ==
                   self.BAD_INPUT_WARNINGS, '%d vm_map_ram/vm_unmap_ram '
                   'warnings, expected %d' % (len(warns),
                                              self.BAD_INPUT_WARNINGS))
        for p in self.BAD_INPUT_PROBLEMS:
            self.check('a warning says "%s"' % p,
                       any(': ' + p in w for w in warns),
                       'no warning names it')
        self.check('no other splats', not other, '; '.join(other[:5]))

    # The vmalloc trace events of the series (smoke job, patched kernel).
    EVENTS = ('alloc_vmap_area', 'free_vmap_area_noflush',
              'purge_vmap_area_lazy', 'vmap_flush', 'vmap_block_alloc',
              'vmap_block_free', 'vmap_block_purge')

    def trace_events(self):
        """Each event fired around the idle and far-apart cases."""
        r = self.res
        if 'trace_events' in r['not_run']:
            self.check('vmalloc trace events present', False,
                       r['not_run']['trace_events'])
            return
        ev = r.get('events')
        self.check('vmalloc trace events printed',
                   bool(ev) and ev['complete'], 'no complete events section')
        if not ev:
            return
        c = ev['counts']
        for name in self.EVENTS:
            self.check('trace event %s fired' % name, c.get(name, 0) > 0,
                       '%d events' % c.get(name, 0))
        purges = ev['fields'].get('vmap_block_purge', [])
        idle = [p for p in purges if p.get('forced') == '0' and
                int(p.get('idle_ms', '0')) >= 1000]
        self.check('an idle block purge traced (idle_ms >= 1000)',
                   bool(idle), '%d purges, none idle' % len(purges))
        self.check('every purged block traced as freed',
                   c.get('vmap_block_free', 0) >= len(purges),
                   '%d purged, %d freed' % (len(purges),
                                            c.get('vmap_block_free', 0)))

    def stress_readers(self):
        """The stress job's readers ran beside the load."""
        vi = self.res.get('vmallocinfo', {})
        self.check('/proc/vmallocinfo read under load, each area once',
                   vi.get('reads', 0) > 0 and vi.get('dups', 1) == 0,
                   'vmallocinfo: %s' % (vi or 'no report'))
        dc = self.res.get('dropcaches', {})
        self.check('drop_caches ran under load', dc.get('runs', 0) > 0,
                   'dropcaches: %s' % (dc or 'no report'))

    def kcore(self, loop=True):
        """Areas of known content read back through /proc/kcore.

        Before and after the load, and once a second during it when
        loop is set (the readers run): every byte as written, guard
        pages and vm_map_ram areas as zeros (vread() reads areas
        without a vm_struct as holes).
        """
        k = self.res.get('kcore', {})
        for when in ('before', 'after'):
            r = k.get(when, {})
            self.check('/proc/kcore reads back the probe\'s areas %s the '
                       'load' % when,
                       r.get('areas', 0) > 0 and r.get('bad', 1) == 0,
                       'kcore %s: %s' % (when, r or 'no report'))
        if loop:
            r = self.res.get('kcore_loop', {})
            self.check('/proc/kcore reads back the probe\'s areas during '
                       'the load', r.get('reads', 0) > 0 and
                       r.get('bad', 1) == 0,
                       'kcore_loop: %s' % (r or 'no report'))

    def vmap_pools(self):
        """The load filled the vmap pools and drop_caches emptied them.

        Also what the load's allocations found in the pools: misses and
        other allocations take free_vmap_area_lock, hits do not.
        """
        p = self.res.get('pools', {})
        before, after = p.get('before', {}), p.get('after', {})
        dropped = p.get('dropped', {})
        # The drop_caches loop empties the pools during the load, and the
        # purges after it drain the pools nobody takes from any more: the
        # most the loop saw during the load counts as well as what is left.
        peak = self.res.get('dropcaches', {}).get('pooled_peak', 0)
        self.check('the load filled the vmap pools (at most %d areas '
                   'during it, %d after it)'
                   % (peak, after.get('areas', 0)),
                   max(peak, after.get('areas', 0)) > 0,
                   'pools: %s' % (p or 'no report'))
        self.check('drop_caches emptied the vmap pools',
                   dropped.get('areas') == 0,
                   'pools after %s drop_caches: %s'
                   % (dropped.get('drop_caches', 'no'), dropped or 'no report'))
        d = pool_lookups(before, after)
        looked = d['hits'] + d['near'] + d['misses']
        self.check('pool lookups during the load: %d hits, %d near, '
                   '%d misses (%.1f%%), %d other allocations'
                   % (d['hits'], d['near'], d['misses'],
                      100.0 * d['misses'] / max(looked, 1), d['other']),
                   before and after and looked > 0,
                   'no lookups counted: %s' % (p or 'no report'))

    def vmalloc_pagetables(self):
        """The probe counted the vmalloc range's page tables around the load.

        The counts are for reading, not judging: they only grow, and how
        far depends on where the load's areas landed.
        """
        mi = self.res.get('meminfo', {})
        kb = [mi.get(w, {}).get('VmallocPageTables') for w in
              ('before', 'after')]
        self.check('vmalloc page tables counted: %s kB before the load, '
                   '%s kB after' % tuple(kb), None not in kb,
                   'no count from probes/wb_vmalloc_pt.ko: %s' % mi)

    def hotplug(self):
        """The hotplug job's CPU went offline and online, every time."""
        hp = self.res.get('hotplug', {})
        self.check('a CPU went offline and online during the run',
                   hp.get('cycles', 0) > 0 and not hp.get('failed'),
                   'hotplug: %s' % (hp or self.res['not_run'].get(
                       'hotplug', 'no report')))

    def negative(self):
        r = self.res
        planted = [s for s in r['splats'] if s['kind'] == 'warning' and
                   any('wb-negative-control' in line
                       for line in s['context'])]
        self.check('planted WARN reported as a failure',
                   planted and any(f.startswith('splat: warning')
                                   for f in r['failures']),
                   'the WARN from wb_neg_warn was not reported')
        k = r['ktap']
        self.check('failing KUnit case reported as a failure',
                   'wb_negative_control.wb_neg_fails' in k['failed_cases']
                   and k['passed'] > 0 and
                   'kunit: wb_negative_control.wb_neg_fails failed'
                   in r['failures'],
                   'failed cases seen: %s' % k['failed_cases'])
        kc = r.get('kcore', {}).get('negative', {})
        self.check('wrong /proc/kcore bytes found',
                   kc.get('bad', 0) > 0,
                   'kcore with vm_map_ram areas expected to hold data: %s'
                   % (kc or 'no report'))
        failed = [t for run in r['vmalloc'] for n, t in run['tests'].items()
                  if n == 'fix_size_alloc_test' and t['failed'] > 0]
        self.check('failing test_vmalloc case reported as a failure',
                   failed and any(f.startswith('test_vmalloc: '
                                               'fix_size_alloc_test failed')
                                  for f in r['failures']),
                   'fix_size_alloc_test failure not reported')


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    job = sys.argv[1]
    with open(sys.argv[2]) as f:
        res = json.load(f)
    j = Judge(job, res)
    if job == 'negative':
        j.completed()
        j.negative()
    elif job in ('scenarios', 'bench'):
        j.completed()
        j.no_splats()
        j.vmalloc_clean()
        j.check('every scenario profiled', res['tvsh'] and all(
            t['rc'] == 0 and t['header'] for t in res['tvsh']),
            'runs: %s' % [(t['args'], t['rc']) for t in res['tvsh']])
    elif job == 'badinput':
        j.completed()
        j.bad_input()
    elif job == 'hotplug':
        j.completed()
        j.no_splats()
        j.vmalloc_clean()
        j.hotplug()
    elif job == 'lockstat':
        j.completed()
        j.no_splats()
        j.vmalloc_clean()
        ls = res.get('lockstat', [])
        j.check('lock_stat read around every run', ls and all(
            x['complete'] and x['classes'] for x in ls),
            'sections: %s' % [(x['params'], len(x['classes'])) for x in ls])
    elif job in ('perf', 'smoke', 'stress'):
        j.completed()
        j.no_splats()
        j.vmalloc_clean()
        if job in ('smoke', 'stress'):
            j.kunit_clean()
        if job == 'smoke':
            j.tvsh_profile()
            j.trace_events()
        if job == 'stress':
            j.vmalloc_pagetables()
        if job == 'stress' and 'pools_drop' not in res['not_run']:
            j.vmap_pools()
        if job == 'stress' and 'stress_readers' not in res['not_run']:
            j.stress_readers()
        if job == 'stress' and 'kcore_before' not in res['not_run']:
            j.kcore('stress_readers' not in res['not_run'])
    else:
        print('judge: unknown job %s' % job, file=sys.stderr)
        return 2
    return 1 if j.bad else 0


if __name__ == '__main__':
    sys.exit(main())
