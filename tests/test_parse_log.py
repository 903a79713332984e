"""Self-tests of scripts/parse_log.py on synthetic console logs."""
import os
import statistics
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import parse_log  # noqa: E402


def fmt_us(ns):
    """Format like the kernel's trace_print_graph_duration()."""
    us, rem = divmod(int(ns), 1000)
    s = '%d' % us
    if len(s) < 7:
        s += '.' + ('%03d' % rem)[:7 - len(s)]
    return s + ' us '


def stat_file(name, func, samples_ns):
    n, total = len(samples_ns), sum(samples_ns)
    sq = sum(x * x for x in samples_ns)
    s2 = (n * sq - total * total) // (n * (n - 1) * 1000) if n > 1 else 0
    return ['@@WB trace_stat %s begin@@' % name,
            '  Function                               Hit    Time'
            '            Avg             s^2',
            '  --------                               ---    ----'
            '            ---             ---',
            '  %-30.30s  %10d    %s    %s    %s' % (
                func, n, fmt_us(total), fmt_us(total // n), fmt_us(s2)),
            '@@WB trace_stat %s end@@' % name]


def log(*body, end=True):
    lines = ['[    0.000000] Linux version 6.1.192+',
             '@@WB begin job=perf kernel=6.1.192+ cpus=2 mem_kb=2000000@@']
    lines += list(body)
    if end:
        lines.append('@@WB end job=perf@@')
    return '\n'.join(lines) + '\n'


SUMMARY = ('[    5.1] Summary: %s passed: %d failed: %d repeat: 1 '
           'loops: 100 avg: %d usec')


class TraceStat(unittest.TestCase):
    def test_merge_matches_raw_samples(self):
        cpu0 = [1000, 3000, 2000, 5000]
        cpu1 = [10000, 12000, 11000]
        res = parse_log.parse(log(*stat_file('function0', 'f', cpu0),
                                  *stat_file('function1', 'f', cpu1)))
        r = res['trace_stat']['f']
        both = [x / 1000 for x in cpu0 + cpu1]
        self.assertEqual(res['trace_stat_files'], 2)
        self.assertEqual(r['hit'], 7)
        self.assertAlmostEqual(r['time_us'], sum(both), places=3)
        self.assertAlmostEqual(r['avg_us'], statistics.mean(both), places=3)
        self.assertAlmostEqual(r['s2_us2'], statistics.variance(both),
                               delta=0.01)

    def test_rows_outside_markers_ignored(self):
        res = parse_log.parse(log('  f   12    1.000 us    1.000 us    '
                                  '0.000 us'))
        self.assertEqual(res['trace_stat'], {})


class Vmalloc(unittest.TestCase):
    def run_log(self, *summaries, end=True):
        return parse_log.parse(log('@@WB vmalloc begin nr_threads=2@@',
                                   *summaries, '@@WB vmalloc end@@',
                                   end=end))

    def test_workers_summed_and_averaged(self):
        res = self.run_log(SUMMARY % ('fix_size_alloc_test', 1, 0, 100),
                           SUMMARY % ('fix_size_alloc_test', 1, 0, 300))
        t = res['vmalloc'][0]['tests']['fix_size_alloc_test']
        self.assertEqual((t['passed'], t['workers'], t['avg_usec']),
                         (2, 2, 200))
        self.assertEqual(res['failures'], [])

    def test_failure_reported(self):
        res = self.run_log(SUMMARY % ('fix_size_alloc_test', 0, 1, 100))
        self.assertIn('test_vmalloc: fix_size_alloc_test failed 1 time(s)',
                      res['failures'])

    def test_expected_failure(self):
        res = self.run_log(SUMMARY % ('align_shift_alloc_test', 0, 1, 1))
        self.assertEqual(res['failures'], [])
        res = self.run_log(SUMMARY % ('align_shift_alloc_test', 1, 0, 1))
        self.assertEqual(len(res['failures']), 1)

    def test_unfinished_job(self):
        res = self.run_log(SUMMARY % ('fix_size_alloc_test', 1, 0, 1),
                           end=False)
        self.assertTrue(any('did not finish' in f for f in res['failures']))

    def test_no_boot(self):
        res = parse_log.parse('[    0.0] Linux version\nKernel hangs\n')
        self.assertIn('boot: the guest never reached /init', res['failures'])


    def test_metrics_per_run(self):
        res = self.run_log(
            '[    5.0] Metric: vm_map_ram_purge_test rounds: 100 '
            'new_blocks: 97',
            '[    5.0] Metric: vm_map_ram_purge_test rounds: 100 '
            'new_blocks: 100',
            SUMMARY % ('vm_map_ram_purge_test', 1, 0, 10))
        self.assertEqual(res['vmalloc'][0]['metrics'], {
            'vm_map_ram_purge_test': [{'rounds': 100, 'new_blocks': 97},
                                      {'rounds': 100, 'new_blocks': 100}]})


class TestVmallocSh(unittest.TestCase):
    OUT = ['@@WB tvsh begin profile run_test_mask=1024 nr_threads=2@@',
           'Skip free_vmap_block: not in available_filter_functions',
           'Run the test with following parameters: run_test_mask=1024',
           SUMMARY % ('vm_map_ram_rw_test', 1, 0, 10),
           SUMMARY % ('vm_map_ram_rw_test', 1, 0, 30),
           'Function profile, all CPUs:',
           '  Function                 Hit    Time           Avg'
           '            s^2',
           '  --------                 ---    ----           ---'
           '            ---',
           '  vm_map_ram               200    59.430 us      0.297 us'
           '       2.919 us',
           '  vm_unmap_ram               0    0.000 us       0.000 us'
           '       0.000 us',
           '@@WB tvsh end rc=0@@']

    def test_table_and_run(self):
        res = parse_log.parse(log(*self.OUT))
        t = res['tvsh'][0]
        self.assertEqual(t['rc'], 0)
        self.assertEqual(t['skipped'], ['free_vmap_block'])
        self.assertEqual(t['table']['vm_map_ram']['hit'], 200)
        self.assertEqual(t['table']['vm_unmap_ram']['hit'], 0)
        self.assertAlmostEqual(t['table']['vm_map_ram']['avg_us'], 0.297)
        run = res['vmalloc'][0]
        self.assertTrue(run['complete'])
        self.assertEqual(run['tests']['vm_map_ram_rw_test']['workers'], 2)
        self.assertEqual(res['failures'], [])

    def test_flushes_follow_their_run(self):
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@',
            'kept 5 written 5',
            'range vmalloc_test/0 0xffffc90000000000 0xffffc90000004000',
            'range kworker/1:1 0xffffc90000000000 0xffffc90000400000',
            'range vmalloc_test/0 0xffffc90000000000 0xffffffffffffffff',
            'range vmalloc_test/0 0xffffc90000003000 0xffffc90000003001',
            'range loadmod 0xffff888000000000 0xffffc90000003001',
            '@@WB flushes end@@']))
        # 4 + 1024 + (all) + 1 pages; 1024 pages and "all" are full;
        # the module loader's flush is counted apart.
        self.assertEqual(res['tvsh'][0]['flushes'],
                         {'calls': 4, 'pages': 1029, 'full': 2, 'lost': 0,
                          'loader': 1, 'blocks': None})

    def test_ranges_call_is_one_flush(self):
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@',
            'kept 3 written 3',
            # Two ranges of one page: one call, 2 pages; the entries
            # past nr are whatever the array held next and are ignored.
            'ranges vmalloc_test/0 nr=2 s0=0xffffc90000000000 '
            'e0=0xffffc90000001000 s1=0xffffc90000200000 '
            'e1=0xffffc90000201000 s2=0x1 e2=0xffffffffffffffff '
            's3=0x0 e3=0x0',
            # 20 + 20 pages: above x86's ceiling in all, a full flush.
            'ranges kworker/0:1 nr=2 s0=0xffffc90000000000 '
            'e0=0xffffc90000014000 s1=0xffffc90000100000 '
            'e1=0xffffc90000114000 s2=0x0 e2=0x0 s3=0x0 e3=0x0',
            'ranges loadmod nr=1 s0=0xffffc90000000000 '
            'e0=0xffffc90000001000 s1=0x0 e1=0x0 s2=0x0 e2=0x0 '
            's3=0x0 e3=0x0',
            '@@WB flushes end@@']))
        self.assertEqual(res['tvsh'][0]['flushes'],
                         {'calls': 2, 'pages': 42, 'full': 1, 'lost': 0,
                          'loader': 1, 'blocks': None})

    def test_block_events_counted_without_the_loader(self):
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@',
            'blocks traced',
            'kept 6 written 6',
            'block new vmalloc_test/0',
            'block new vmalloc_test/0',
            'block new vmalloc_test/0',
            'block freed vmalloc_test/0',
            'block freed kworker/0:2',
            'block freed loadmod',
            '@@WB flushes end@@']))
        fl = res['tvsh'][0]['flushes']
        # The loader's purge at unload is not the case's.
        self.assertEqual(fl['blocks'], {'new': 3, 'freed': 2})
        self.assertEqual(fl['calls'], 0)

    def test_block_lines_without_events_ignored(self):
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@', 'block new vmalloc_test/0',
            '@@WB flushes end@@']))
        self.assertIsNone(res['tvsh'][0]['flushes']['blocks'])

    def test_kernel_message_inside_flushes(self):
        # The console interleaves a printk into a line, and the rest of
        # that line comes out empty: both are read as the guest wrote.
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@',
            'blocks traced',
            'kept 3 written 3',
            'block new vmalloc_test/0[   12.357947] random: crng init done',
            '',
            'block freed vmalloc_test/0',
            'range vmalloc_test/0 0xffffc90000000000 '
            '0xffffc90000004000[   12.4] x: y',
            '@@WB flushes end@@']))
        fl = res['tvsh'][0]['flushes']
        self.assertEqual(fl['blocks'], {'new': 1, 'freed': 1})
        self.assertEqual((fl['calls'], fl['pages']), (1, 4))

    def test_lost_flushes(self):
        res = parse_log.parse(log(*self.OUT + [
            '@@WB flushes begin@@', 'kept 10 written 12',
            '@@WB flushes end@@']))
        self.assertEqual(res['tvsh'][0]['flushes']['lost'], 2)

    def test_unfinished(self):
        res = parse_log.parse(log(*self.OUT[:5], end=False))
        self.assertIsNone(res['tvsh'][0]['rc'])
        self.assertTrue(any('did not finish' in f for f in res['failures']))


KTAP = '''[    1.0] KTAP version 1
[    1.0] 1..2
[    1.0]     KTAP version 1
[    1.0]     # Subtest: alpha
[    1.0]     1..3
[    1.0]     ok 1 - a_one
[    1.0]     ok 2 - a_two # SKIP not here
[    1.0]     not ok 3 - a_three
[    1.0] not ok 1 - alpha
[    1.1]     KTAP version 1
[    1.1]     # Subtest: beta
[    1.1]     1..1
[    1.1]         ok 1 - param-1
[    1.1]         ok 2 - param-2
[    1.1]     ok 1 - b_param
[    1.1] ok 2 - beta'''


class Ktap(unittest.TestCase):
    def test_counts_and_failed_cases(self):
        k = parse_log.parse(log(*KTAP.splitlines()))['ktap']
        self.assertEqual((k['passed'], k['failed'], k['skipped']), (2, 1, 1))
        self.assertEqual(k['suites'], {'alpha': 'not ok', 'beta': 'ok'})
        self.assertIn('alpha.a_three', k['failed_cases'])


class Splats(unittest.TestCase):
    def kinds(self, *body):
        return [s['kind'] for s in parse_log.parse(log(*body))['splats']]

    def test_warning_with_context(self):
        res = parse_log.parse(log(
            '[    2.0] ------------[ cut here ]------------',
            '[    2.0] planted',
            '[    2.0] WARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2',
            '[    2.0] Call Trace:',
            '[    2.0] ---[ end trace 0000000000000000 ]---',
            '[    2.1] unrelated line'))
        s = res['splats']
        self.assertEqual([x['kind'] for x in s], ['warning'])
        self.assertIn('[ cut here ]', s[0]['context'][0])
        self.assertNotIn('unrelated line', s[0]['context'])
        self.assertTrue(res['failures'][0].startswith('splat: warning'))

    def test_kinds(self):
        self.assertEqual(self.kinds(
            '[ 1.0] BUG: KASAN: slab-out-of-bounds in f+0x1/0x2'), ['kasan'])
        self.assertEqual(self.kinds(
            '[ 1.0] WARNING: possible circular locking dependency detected'),
            ['lockdep'])
        self.assertEqual(self.kinds(
            '[ 1.0] INFO: task kworker:1 blocked for more than 120 seconds.'),
            ['hung-task'])
        self.assertEqual(self.kinds(
            '[ 1.0] watchdog: BUG: soft lockup - CPU#0 stuck for 22s!'),
            ['lockup'])
        self.assertEqual(self.kinds(
            'unreferenced object 0xffff888003a1c000 (size 64):'),
            ['kmemleak'])
        self.assertEqual(self.kinds(
            '[ 1.0] Kernel panic - not syncing: Fatal exception'), ['panic'])
        self.assertEqual(self.kinds(
            '[ 1.0] BUG: sleeping function called from invalid context'),
            ['bug'])

    def test_no_false_positives(self):
        self.assertEqual(self.kinds(
            '[ 1.0] test_vmalloc: vmalloc error: size 4096, exceeds total '
            'pages, mode:0xcc0(GFP_KERNEL), nodemask=(null)',
            '[ 1.0] Call Trace:',
            '[ 1.0] clocksource: Marking clocksource tsc as unstable',
            '@@WB profile-skip free_vmap_block@@'), [])


if __name__ == '__main__':
    unittest.main()
