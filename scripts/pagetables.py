#!/usr/bin/env python3
"""Print the vmalloc-range page tables that each stress boot counted
after its load (make pagetables): one row per kernel, the boots in run
order and their median.  Exits non-zero if a boot left no count.
Usage: pagetables.py RESULT.json...   (named pagetables-KERNEL-N.json)"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import stat  # noqa: E402

KEYS = ('VmallocPteTables', 'VmallocPageTables')


def counts(path):
    """(kernel, boot, {key: value}) of one result file, values None if
    the boot did not count them."""
    m = re.match(r'pagetables-(.+)-(\d+)\.json$', os.path.basename(path))
    if not m:
        raise ValueError('%s: not a pagetables-KERNEL-N.json' % path)
    with open(path, encoding='utf-8') as f:
        after = json.load(f).get('meminfo', {}).get('after', {})
    return m.group(1), int(m.group(2)), {k: after.get(k) for k in KEYS}


def table(rows):
    """Lines of the table of rows [(kernel, boot, counts)]."""
    kernels = {}
    for k, n, c in sorted(rows, key=lambda r: (r[0], r[1])):
        kernels.setdefault(k, []).append(c)
    out = ['| kernel | %s per boot | median | %s median |'
           % (KEYS[0], KEYS[1]), '|---|---|---|---|']
    for k, cs in sorted(kernels.items()):
        pte = [c[KEYS[0]] for c in cs]
        kb = [c[KEYS[1]] for c in cs]
        out.append('| %s | %s | %s | %s kB |' % (
            k, ' '.join(str(x) for x in pte),
            stat(pte)['median'], stat(kb)['median']))
    return out


def main():
    rows = [counts(p) for p in sys.argv[1:]]
    missing = ['%s boot %d' % (k, n) for k, n, c in rows
               if None in c.values()]
    if not rows:
        sys.exit('pagetables: no result files')
    if missing:
        sys.exit('pagetables: no page-table counts from ' +
                 ', '.join(missing))
    print('\n'.join(table(rows)))


if __name__ == '__main__':
    main()
