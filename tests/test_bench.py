"""Self-tests of scripts/bench.py on synthetic bench guest logs."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import bench  # noqa: E402
import parse_log  # noqa: E402
import repeatability  # noqa: E402
from test_parse_log import SUMMARY, log  # noqa: E402

FULL = bench.SETS['full']


def set_run(workers, usec, loops=1000, tests=FULL):
    """A full-set test_vmalloc run: each test took usec per worker."""
    lines = ['@@WB vmalloc begin test_repeat_count=1 test_loop_count=%d '
             'nr_threads=%d@@' % (loops, workers)]
    for t in tests:
        lines += [SUMMARY % (t, 1, 0, usec)] * workers
    return lines + ['@@WB vmalloc end@@']


def scenario(hits_alloc, hits_free, new_blocks):
    name = 'vm_map_ram_frag_fixed_test'
    return ['@@WB tvsh begin profile run_test_mask=2048 nr_threads=1@@',
            '[    5.0] Metric: %s maps: 10 new_blocks: %d' % (name,
                                                            new_blocks),
            SUMMARY % (name, 1, 0, 500),
            'Function profile, all CPUs:',
            '  Function                 Hit    Time           Avg'
            '            s^2',
            '  alloc_vmap_area          %d    10.000 us      1.000 us'
            '       0.000 us' % hits_alloc,
            '  free_vmap_block          %d    10.000 us      1.000 us'
            '       0.000 us' % hits_free,
            '@@WB tvsh end rc=0@@']


def result(*lines):
    return bench.one_run(parse_log.parse(log(*lines)))


class OpsPerSecond(unittest.TestCase):
    def test_full_set(self):
        r = result(*set_run(2, 1000))
        # 1000 loops x 9 tests x 2 workers in 9 x 1000 usec.
        self.assertAlmostEqual(r['sets']['full']['2']['ops_per_s'], 2e6)

    def test_incomplete_set_has_no_rate(self):
        r = result(*set_run(1, 1000, tests=FULL[:3]))
        self.assertNotIn('ops_per_s', r['sets']['full']['1'])


class BlocksLeft(unittest.TestCase):
    def flushes(self, *body):
        return ['@@WB flushes begin@@', 'kept 4 written 4'] + list(body) + \
            ['@@WB flushes end@@']

    def test_made_minus_freed(self):
        r = result(*scenario(13, 13, 10), *self.flushes(
            'blocks traced', 'block new vmalloc_test/0',
            'block new vmalloc_test/0', 'block new vmalloc_test/0',
            'block freed vmalloc_test/0', 'block freed loadmod'))
        s = r['scenarios']['vm_map_ram_frag_fixed_test']
        self.assertEqual(s['blocks left'], 2)

    def test_kernel_without_events(self):
        r = result(*scenario(13, 13, 10), *self.flushes(
            'block new vmalloc_test/0'))
        self.assertNotIn('blocks left',
                         r['scenarios']['vm_map_ram_frag_fixed_test'])


class PoolLookups(unittest.TestCase):
    def pools(self, when, hits, misses):
        return ('@@WB pools when=%s:vm_map_ram_frag_fixed_test areas=3 '
                'pages=9 hits=%d near=2 misses=%d other=40@@'
                % (when, hits, misses))

    def test_counted_per_case(self):
        r = result(self.pools('before', 5, 100), *scenario(13, 13, 10),
                   self.pools('after', 25, 130))
        s = r['scenarios']['vm_map_ram_frag_fixed_test']
        self.assertEqual((s['pool hits'], s['pool near'], s['pool misses'],
                          s['pool other']), (20, 0, 30, 0))

    def test_kernel_without_pools(self):
        r = result(*scenario(13, 13, 10))
        self.assertNotIn('pool hits',
                         r['scenarios']['vm_map_ram_frag_fixed_test'])


class Report(unittest.TestCase):
    def runs(self):
        runs = {k: [] for k in bench.KERNELS}
        for usec, new in ((1000, 10), (2000, 12), (4000, 11)):
            runs['vanilla'].append(result(*scenario(13, 10, new),
                                          *set_run(1, usec)))
            runs['patched'].append(result(*scenario(13, 13, new),
                                          *set_run(1, usec / 2)))
        runs['anchor'].append(result(
            '@@WB n/a vm_map_ram_frag_fixed_test not in this kernel@@',
            *set_run(1, 1000)))
        return runs

    def test_medians_spread_ratios_and_na(self):
        md = bench.report(self.runs(), {'date': 'd', 'accel': 'tcg',
                                        'vcpus': 2, 'mem': '2G',
                                        'args': ''})
        rows = {line.split(' | ')[0]: line for line in md.splitlines()}
        # free_vmap_block hits: 10 on vanilla, 13 patched: ratio 1.30.
        # Every run 10 against every run 13: beyond the spread ("*").
        self.assertIn('| free_vmap_block hits | 10 | 13 | n/a (not in '
                      'this kernel) | 1.30* | n/a |',
                      rows['| free_vmap_block hits'])
        self.assertIn('| new_blocks | 11 [10, 12] | 11 [10, 12] |',
                      rows['| new_blocks'])
        # ops/s = 1000 loops x 9 tests / (9 x usec): 1e9 / usec.
        self.assertIn('| 1 workers | 500000 [250000, 1000000] | 1000000 '
                      '[500000, 2000000] | 1000000 | 2.00 | 1.00 |',
                      rows['| 1 workers'])

    def test_seed_check(self):
        lines = bench.seed_check(self.runs())
        rows = [line for line in lines if line.startswith('| vm_map')]
        # 13 allocated, 10 freed: 23% apart, not within 1%.
        self.assertEqual(rows[0], '| vm_map_ram_frag_fixed_test | 1 | 13 | '
                         '10 | 23.08% | NO |')
        self.assertEqual(len(rows), 3 + 2 * 3)


def lock_row(name, con, acq):
    """A /proc/lock_stat class row as 6.1 prints it."""
    return ('%40s:%14d %14d %14s %14s %14s %14s %14d %14d %14s %14s %14s '
            '%14s' % (name, con, con, '0.10', '2.50', '7.00', '1.40', acq,
                      acq, '0.08', '3.10', '900.20', '0.30'))


def lockstat_run(test, workers, loops, classes, failed=0):
    params = ('run_test_mask=1 test_repeat_count=1 test_loop_count=%d '
              'nr_threads=%d' % (loops, workers))
    return (['@@WB vmalloc begin %s@@' % params] +
            [SUMMARY % (test, 1 - failed, failed, 100)] * workers +
            ['@@WB vmalloc end@@', '@@WB lockstat begin %s@@' % params] +
            [lock_row(n, c, a) for n, (c, a) in classes.items()] +
            ['@@WB lockstat end@@'])


class LockStat(unittest.TestCase):
    def test_per_pair(self):
        r = result(*lockstat_run('fix_size_alloc_test', 2, 1000, {
            'vmap_area_lock': (40, 6000), '&vbq->lock': (0, 10)}))
        per = r['locks']['fix_size_alloc_test']['2']
        # 2 workers x 1000 loops = 2000 vmalloc()+vfree() pairs.
        self.assertEqual(per['vmap_area_lock'], {'acq': 3.0, 'con': 0.02})
        self.assertEqual(per['&vbq->lock']['acq'], 0.005)

    def test_contention_points_and_failed_runs_ignored(self):
        lines = lockstat_run('vm_map_ram_rw_test', 1, 10,
                             {'vmap_area_lock': (1, 30)})
        # A contention point line ("name count [<addr>] symbol").
        lines.insert(-1, '%40s %14d %29s %s' % (
            'vmap_area_lock', 1, '[<ffffffff811502a7>]', 'vb_alloc+0x57'))
        r = result(*lines)
        self.assertEqual(r['locks']['vm_map_ram_rw_test']['1'],
                         {'vmap_area_lock': {'acq': 3.0, 'con': 0.1}})
        r = result(*lockstat_run('vm_map_ram_rw_test', 1, 10,
                                 {'vmap_area_lock': (1, 30)}, failed=1))
        self.assertEqual(r['locks'], {})

    def test_section(self):
        runs = {k: [] for k in bench.KERNELS}
        runs['vanilla'].append(result(*lockstat_run(
            'fix_size_alloc_test', 1, 100,
            {'vmap_area_lock': (0, 300), 'free_vmap_area_lock': (0, 100),
             '&vbq->lock': (0, 50), 'drain_vmap_work': (0, 7)})))
        runs['patched'].append(result(*lockstat_run(
            'fix_size_alloc_test', 1, 100, {'&vn->busy.lock': (2, 200)})))
        rows = [x for x in bench.lockstat_section(runs) if x.startswith('|')]
        self.assertIn('| vmap_area_lock | 1 | 3 / 0 | - | n/a |', rows)
        self.assertIn('| &vn->busy.lock | 1 | - | 2 / 0.02 | n/a |', rows)
        # Global locks: 3 + 1 on the baseline (not the work item), none
        # patched.
        self.assertIn('| all global locks | 1 | 4 / 0 | 0 / 0 | n/a |', rows)
        self.assertFalse([r for r in rows if 'drain_vmap_work' in r])


class Ratio(unittest.TestCase):
    def test_spread(self):
        a = bench.stat([10, 11, 12])
        self.assertEqual(bench.ratio(bench.stat([12, 13, 14]), a), '1.18')
        self.assertEqual(bench.ratio(bench.stat([13, 14, 15]), a), '1.27*')
        # One run each: no spread to compare against.
        self.assertEqual(bench.ratio(bench.stat([20]), bench.stat([10])),
                         '2.00')


class Icount(unittest.TestCase):
    def test_regression_marked(self):
        runs = {k: [] for k in bench.KERNELS}
        runs['vanilla'].append(result(*set_run(1, 1000)))
        runs['patched'].append(result(*set_run(1, 1040)))
        rows = [x for x in bench.icount_section(runs) if x.startswith('|')]
        self.assertIn('| full set, 1 worker: pcpu_alloc_test usec | 1000 | '
                      '1040 | n/a | 1.04 ! | n/a |', rows)
        runs['patched'] = [result(*set_run(1, 1020))]
        rows = [x for x in bench.icount_section(runs) if x.startswith('|')]
        self.assertIn('| full set, 1 worker: pcpu_alloc_test usec | 1000 | '
                      '1020 | n/a | 1.02 | n/a |', rows)


class Repeatability(unittest.TestCase):
    def test_compare(self):
        a = repeatability.flatten(result(*scenario(13, 10, 5),
                                         *set_run(1, 1000)))
        b = repeatability.flatten(result(*scenario(13, 11, 5),
                                         *set_run(1, 1005)))
        (rel, name, va, vb), counts, only = repeatability.compare(a, b)
        # Every usec 0.5% apart, and with them ops/s.
        self.assertAlmostEqual(rel, 5 / 1005)
        self.assertTrue(name.startswith('full x1: '), name)
        self.assertEqual(counts, [
            ('vm_map_ram_frag_fixed_test: alloc - free hits', 3, 2),
            ('vm_map_ram_frag_fixed_test: free_vmap_block hits', 10, 11)])
        self.assertEqual(only, 0)


if __name__ == '__main__':
    unittest.main()
