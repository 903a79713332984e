"""Self-tests of scripts/bench.py on synthetic bench guest logs."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import bench  # noqa: E402
import parse_log  # noqa: E402
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
        self.assertIn('| free_vmap_block hits | 10 | 13 | n/a (not in '
                      'this kernel) | 1.30 | n/a |',
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


if __name__ == '__main__':
    unittest.main()
