"""Self-tests of scripts/pagetables.py (the report of make pagetables)."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import pagetables  # noqa: E402


def result(d, name, after):
    path = os.path.join(d, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'meminfo': {'before': {'VmallocPteTables': 1},
                               'after': after}}, f)
    return path


class Report(unittest.TestCase):
    def test_boots_in_run_order_and_median_per_kernel(self):
        with tempfile.TemporaryDirectory() as d:
            paths = [result(d, 'pagetables-%s-%d.json' % (k, n),
                            {'VmallocPteTables': pte,
                             'VmallocPageTables': 4 * pte})
                     for k, n, pte in (('vanilla', 2, 300), ('vanilla', 1, 690),
                                       ('vanilla', 3, 276),
                                       ('patched', 10, 1), ('patched', 9, 5))]
            lines = pagetables.table([pagetables.counts(p) for p in paths])
        self.assertEqual(lines[2], '| patched | 5 1 | 3.0 | 12.0 kB |')
        self.assertEqual(lines[3], '| vanilla | 690 300 276 | 300 | 1200 kB |')

    def test_a_boot_without_counts_is_reported(self):
        with tempfile.TemporaryDirectory() as d:
            path = result(d, 'pagetables-patched-1.json', {'PageTables': 3})
            k, n, c = pagetables.counts(path)
        self.assertEqual((k, n), ('patched', 1))
        self.assertIsNone(c['VmallocPteTables'])


if __name__ == '__main__':
    unittest.main()
