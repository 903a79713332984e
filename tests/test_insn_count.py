"""Self-tests of scripts/insn_count.py (the report of insn-count.sh)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))
import insn_count  # noqa: E402

SYMS = [(0x1000, 'a'), (0x1040, 'b'), (0x2000, 'c')]


class PerFunction(unittest.TestCase):
    def test_each_pc_counts_in_the_function_it_lies_in(self):
        pcs = [0x1000, 0x1003, 0x1040, 0x103f, 0x2000, 0x2100, 0x1041]
        c = insn_count.per_function(SYMS, pcs)
        self.assertEqual(c, {'a': 2 + 1, 'b': 2, 'c': 2})

    def test_pc_below_every_symbol_is_unknown(self):
        self.assertEqual(insn_count.per_function(SYMS, [0x10]), {'?': 1})


if __name__ == '__main__':
    unittest.main()
