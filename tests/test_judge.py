"""Self-tests of scripts/judge.py's bad-input expectations."""
import contextlib
import io
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import judge  # noqa: E402
import parse_log  # noqa: E402
from test_parse_log import log  # noqa: E402


def warning(msg):
    return ['[    2.0] ------------[ cut here ]------------',
            '[    2.0] %s' % msg,
            '[    2.0] WARNING: CPU: 0 PID: 1 at mm/vmalloc.c:2399 '
            'vm_unmap_ram+0x1/0x2',
            '[    2.0] ---[ end trace 0000000000000000 ]---']


def bad_input_log(problems, ktap_ok=True, flush_ok=True, purge_ok=True,
                  unmap_ok=True):
    lines = []
    for i, p in enumerate(problems):
        fn = 'vm_map_ram' if p == 'count is 0' and i == 0 else 'vm_unmap_ram'
        lines += warning('%s(0000000012345678, 1): %s' % (fn, p))
    lines += ['    # Subtest: vm_map_ram_bad_input',
              '    ok 1 map_count_zero',
              '    %s 2 unmap_twice' % ('ok' if ktap_ok else 'not ok'),
              '%s 1 vm_map_ram_bad_input' % ('ok' if ktap_ok else 'not ok')]
    if unmap_ok is not None:
        res = 'ok' if unmap_ok else 'not ok'
        lines += ['    # Subtest: vmap_block_unmap',
                  '    %s 1 unmap_slot_across_pmd' % res,
                  '%s 2 vmap_block_unmap' % res]
    if flush_ok is not None:
        res = 'ok' if flush_ok else 'not ok'
        lines += ['    # Subtest: vmap_block_flush',
                  '    ok 1 full_block_flushed',
                  '    %s 2 flushed_once' % res,
                  '%s 2 vmap_block_flush' % res]
    if purge_ok is not None:
        res = 'ok' if purge_ok else 'not ok'
        lines += ['    # Subtest: vmap_block_purge',
                  '    ok 1 block_with_max_alloc_free_kept',
                  '    %s 2 idle_block_drained' % res,
                  '%s 3 vmap_block_purge' % res]
    return lines


def run(lines):
    j = judge.Judge('badinput', parse_log.parse(log(*lines)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        j.completed()
        j.bad_input()
    return j.bad, out.getvalue()


ALL = list(judge.Judge.BAD_INPUT_PROBLEMS)
# 15 warnings, every problem named at least once.
FULL = ALL + ['count is 0', 'address is outside the vmalloc range'] + \
    ['no mapping starts at this address'] * 5 + \
    ['count differs from the mapping'] * 3


class BadInput(unittest.TestCase):
    def test_expected_warnings_pass(self):
        self.assertEqual(len(FULL), judge.Judge.BAD_INPUT_WARNINGS)
        bad, out = run(bad_input_log(FULL))
        self.assertEqual(bad, 0, out)

    def test_missing_warning_fails(self):
        bad, out = run(bad_input_log([p for p in FULL
                                      if p != 'count is 0']))
        self.assertIn('FAIL badinput one warning per bad call', out)
        self.assertIn('FAIL badinput a warning says "count is 0"', out)
        self.assertEqual(bad, 2)

    def test_failed_case_and_other_splat_fail(self):
        lines = bad_input_log(FULL, ktap_ok=False)
        lines += ['[    3.0] BUG: unable to handle page fault for address: 0']
        bad, out = run(lines)
        self.assertIn('FAIL badinput KUnit suite vm_map_ram_bad_input '
                      'passes', out)
        self.assertIn('FAIL badinput no other splats', out)

    def test_flush_suite_failure_fails(self):
        bad, out = run(bad_input_log(FULL, flush_ok=False))
        self.assertIn('PASS badinput KUnit suite vm_map_ram_bad_input '
                      'passes', out)
        self.assertIn('FAIL badinput KUnit suite vmap_block_flush passes',
                      out)
        self.assertEqual(bad, 1)

    def test_flush_suite_missing_fails(self):
        bad, out = run(bad_input_log(FULL, flush_ok=None))
        self.assertIn('FAIL badinput KUnit suite vmap_block_flush passes',
                      out)
        self.assertEqual(bad, 1)

    def test_purge_suite_failure_fails(self):
        bad, out = run(bad_input_log(FULL, purge_ok=False))
        self.assertIn('PASS badinput KUnit suite vm_map_ram_bad_input '
                      'passes', out)
        self.assertIn('PASS badinput KUnit suite vmap_block_flush passes',
                      out)
        self.assertIn('FAIL badinput KUnit suite vmap_block_purge passes',
                      out)
        self.assertEqual(bad, 1)

    def test_purge_suite_missing_fails(self):
        bad, out = run(bad_input_log(FULL, purge_ok=None))
        self.assertIn('FAIL badinput KUnit suite vmap_block_purge passes',
                      out)
        self.assertEqual(bad, 1)

    def test_unmap_suite_failure_fails(self):
        bad, out = run(bad_input_log(FULL, unmap_ok=False))
        self.assertIn('PASS badinput KUnit suite vm_map_ram_bad_input '
                      'passes', out)
        self.assertIn('FAIL badinput KUnit suite vmap_block_unmap passes',
                      out)
        self.assertEqual(bad, 1)

    def test_unmap_suite_missing_fails(self):
        bad, out = run(bad_input_log(FULL, unmap_ok=None))
        self.assertIn('FAIL badinput KUnit suite vmap_block_unmap passes',
                      out)
        self.assertEqual(bad, 1)

    def test_suite_missing_fails(self):
        bad, out = run(['@@WB n/a vm_map_ram_bad_input no module@@'])
        self.assertIn('FAIL badinput bad-input suite present', out)



def run_check(job, check, *lines):
    """Run one Judge check on a synthetic log: (failures, output)."""
    j = judge.Judge(job, parse_log.parse(log(*lines)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        getattr(j, check)()
    return j.bad, out.getvalue()


def run_hotplug(*lines):
    return run_check('hotplug', 'hotplug', *lines)


class Hotplug(unittest.TestCase):
    def test_cycles_pass(self):
        bad, out = run_hotplug('@@WB hotplug cycles=12 failed=0@@')
        self.assertEqual(bad, 0, out)

    def test_no_cycle_fails(self):
        bad, out = run_hotplug('@@WB hotplug cycles=0 failed=0@@')
        self.assertEqual(bad, 1, out)

    def test_failed_offline_fails(self):
        bad, out = run_hotplug('@@WB hotplug cycles=5 failed=1@@')
        self.assertEqual(bad, 1, out)

    def test_missing_report_fails(self):
        bad, out = run_hotplug('@@WB n/a hotplug no CPU that can go offline@@')
        self.assertIn('no CPU that can go offline', out)
        self.assertEqual(bad, 1, out)


def run_stress(*lines):
    return run_check('stress', 'stress_readers', *lines)


class StressReaders(unittest.TestCase):
    OK = ('@@WB vmallocinfo reads=40 dups=0@@', '@@WB dropcaches runs=9@@')

    def test_readers_pass(self):
        bad, out = run_stress(*self.OK)
        self.assertEqual(bad, 0, out)

    def test_area_listed_twice_fails(self):
        bad, out = run_stress('@@WB vmallocinfo reads=40 dups=1@@',
                              self.OK[1])
        self.assertEqual(bad, 1, out)

    def test_no_read_fails(self):
        bad, out = run_stress('@@WB vmallocinfo reads=0 dups=0@@',
                              self.OK[1])
        self.assertEqual(bad, 1, out)

    def test_no_drop_caches_fails(self):
        bad, out = run_stress(self.OK[0], '@@WB dropcaches runs=0@@')
        self.assertEqual(bad, 1, out)

    def test_missing_reports_fail(self):
        bad, out = run_stress()
        self.assertEqual(bad, 2, out)

    def test_meminfo_parsed(self):
        r = parse_log.parse(log(
            '@@WB meminfo when=before PageTables=1200 VmallocUsed=9000 @@',
            '@@WB meminfo when=after PageTables=1400 VmallocUsed=9100 @@'))
        self.assertEqual(r['meminfo']['after']['PageTables'], 1400)
        self.assertEqual(r['meminfo']['before']['VmallocUsed'], 9000)

    def test_meminfo_merges_the_page_table_probe(self):
        # The probe's marker comes from printk, after /init's own line.
        r = parse_log.parse(log(
            '@@WB meminfo when=after PageTables=1400 VmallocUsed=9100 @@',
            '[   12.5] @@WB meminfo when=after VmallocPmdTables=3 '
            'VmallocPteTables=40 VmallocPageTables=176@@'))
        self.assertEqual(r['meminfo']['after']['PageTables'], 1400)
        self.assertEqual(r['meminfo']['after']['VmallocPteTables'], 40)
        self.assertEqual(r['meminfo']['after']['VmallocPageTables'], 176)


def pools(when, areas, hits, misses, more=''):
    return ('@@WB pools when=%s areas=%d pages=%d hits=%d near=1 '
            'misses=%d other=7%s@@' % (when, areas, 3 * areas, hits, misses,
                                      more))


class VmapPools(unittest.TestCase):
    OK = (pools('before', 2000, 10, 5), pools('after', 300, 810, 105),
          pools('dropped', 0, 810, 105, ' drop_caches=2'))

    def test_filled_and_emptied_pass(self):
        bad, out = run_check('stress', 'vmap_pools', *self.OK)
        self.assertEqual(bad, 0, out)
        self.assertIn('800 hits, 0 near, 100 misses (11.1%), 0 other', out)

    def test_not_emptied_fails(self):
        bad, out = run_check('stress', 'vmap_pools', *self.OK[:2],
                             pools('dropped', 4, 810, 105, ' drop_caches=5'))
        self.assertEqual(bad, 1, out)
        self.assertIn('after 5 drop_caches', out)

    def test_nothing_pooled_fails(self):
        bad, out = run_check('stress', 'vmap_pools', self.OK[0],
                             pools('after', 0, 810, 105), self.OK[2])
        self.assertEqual(bad, 1, out)

    def test_pooled_during_the_load_passes(self):
        # Drained by the purges after the load, but seen during it.
        bad, out = run_check('stress', 'vmap_pools', self.OK[0],
                             pools('after', 0, 810, 105), self.OK[2],
                             '@@WB dropcaches runs=3 pooled_peak=41@@')
        self.assertEqual(bad, 0, out)
        self.assertIn('at most 41 areas during it', out)

    def test_nothing_pooled_during_the_load_fails(self):
        bad, out = run_check('stress', 'vmap_pools', self.OK[0],
                             pools('after', 0, 810, 105), self.OK[2],
                             '@@WB dropcaches runs=3 pooled_peak=0@@')
        self.assertEqual(bad, 1, out)

    def test_no_lookups_fail(self):
        bad, out = run_check('stress', 'vmap_pools', self.OK[0],
                             pools('after', 300, 10, 5), self.OK[2])
        self.assertEqual(bad, 1, out)

    def test_missing_reports_fail(self):
        bad, out = run_check('stress', 'vmap_pools')
        self.assertEqual(bad, 3, out)

    def test_kernel_without_pools_skips(self):
        r = parse_log.parse(log('@@WB n/a pools_drop no vmap_pools@@'))
        self.assertIn('pools_drop', r['not_run'])


KCORE_OK = ('@@WB kcore when=before areas=10 pages=740 spans=7 bad=0@@',
            '@@WB kcore_loop reads=11 bad=0@@',
            '@@WB kcore when=after areas=10 pages=740 spans=7 bad=0@@')


class Kcore(unittest.TestCase):
    def test_all_read_back_pass(self):
        bad, out = run_check('stress', 'kcore', *KCORE_OK)
        self.assertEqual(bad, 0, out)

    def test_wrong_bytes_fail(self):
        bad, out = run_check(
            'stress', 'kcore', KCORE_OK[0],
            '@@WB kcore bad: vmalloc ffffc90000400000+3 word '
            'ffffc90000403000 got 5 want 0@@',
            '@@WB kcore when=during areas=10 pages=740 spans=7 bad=512@@',
            '@@WB kcore_loop reads=11 bad=1@@', KCORE_OK[2])
        self.assertEqual(bad, 1, out)
        self.assertIn("during the load", out)

    def test_error_fails(self):
        bad, out = run_check(
            'stress', 'kcore', KCORE_OK[0], KCORE_OK[1],
            '@@WB kcore error when=after no area listing@@')
        self.assertEqual(bad, 1, out)
        self.assertIn('no area listing', out)

    def test_nothing_read_fails(self):
        bad, out = run_check('stress', 'kcore')
        self.assertEqual(bad, 3, out)

    def test_no_areas_fail(self):
        bad, out = run_check(
            'stress', 'kcore',
            '@@WB kcore when=before areas=0 pages=0 spans=0 bad=0@@',
            *KCORE_OK[1:])
        self.assertEqual(bad, 1, out)

    def test_kernel_without_kcore_skips(self):
        r = parse_log.parse(log('@@WB n/a kcore_before no /proc/kcore@@'))
        self.assertIn('kcore_before', r['not_run'])


class VmallocPageTables(unittest.TestCase):
    def test_counted_before_and_after_pass(self):
        bad, out = run_check(
            'stress', 'vmalloc_pagetables',
            '@@WB meminfo when=before VmallocPageTables=96@@',
            '@@WB meminfo when=after VmallocPageTables=180@@')
        self.assertEqual(bad, 0, out)
        self.assertIn('96 kB before the load, 180 kB after', out)

    def test_no_count_after_fails(self):
        bad, out = run_check(
            'stress', 'vmalloc_pagetables',
            '@@WB meminfo when=before VmallocPageTables=96@@',
            '@@WB meminfo when=after PageTables=1400 VmallocUsed=9100 @@')
        self.assertEqual(bad, 1, out)


def event(name, fields):
    return ('  vmalloc_test/0-85  [000] .....  12.345678: %s: %s'
            % (name, fields))


EVENTS_OK = [event('alloc_vmap_area', 'va_start=0xffffc90000400000 '
                   'size=4194304 align=4194304 vstart=0x1 vend=0x2 '
                   'failed=0'),
             event('free_vmap_area_noflush', 'va_start=0x1 nr_lazy=1 '
                   'nr_lazy_max=16384'),
             event('purge_vmap_area_lazy', 'start=0x1000 end=0x3000 '
                   'num_purged=2'),
             event('vmap_flush', 'start=0x1000 end=0x3000 pages=2 needed=2'),
             event('vmap_block_alloc', 'va_start=0x400000 cpu=0'),
             event('vmap_block_purge', 'va_start=0x400000 cpu=0 free=1019 '
                   'dirty=5 idle_ms=1504 forced=0'),
             event('vmap_block_free', 'va_start=0x400000 cpu=0 unflushed=4')]


def run_events(body):
    j = judge.Judge('smoke', parse_log.parse(log(*body)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        j.trace_events()
    return j.bad, out.getvalue()


class TraceEvents(unittest.TestCase):
    def wrap(self, events):
        return ['@@WB events begin@@'] + events + ['@@WB events end@@']

    def test_all_events_pass(self):
        bad, out = run_events(self.wrap(EVENTS_OK))
        self.assertEqual(bad, 0, out)

    def test_missing_event_fails(self):
        bad, out = run_events(self.wrap(
            [e for e in EVENTS_OK if 'vmap_block_alloc:' not in e]))
        self.assertIn('FAIL smoke trace event vmap_block_alloc fired', out)
        self.assertEqual(bad, 1, out)

    def test_no_idle_purge_fails(self):
        events = [e.replace('idle_ms=1504', 'idle_ms=3') for e in EVENTS_OK]
        bad, out = run_events(self.wrap(events))
        self.assertIn('FAIL smoke an idle block purge traced', out)
        self.assertEqual(bad, 1, out)

    def test_purge_without_free_fails(self):
        bad, out = run_events(self.wrap(
            [e for e in EVENTS_OK if 'vmap_block_free:' not in e]))
        self.assertIn('FAIL smoke every purged block traced as freed', out)

    def test_kernel_without_events_fails(self):
        bad, out = run_events(['@@WB n/a trace_events no vmalloc trace '
                               'events in this kernel@@'])
        self.assertIn('FAIL smoke vmalloc trace events present', out)
        self.assertEqual(bad, 1, out)


if __name__ == '__main__':
    unittest.main()
