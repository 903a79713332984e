#!/usr/bin/env python3
"""Print the calls counted by insn-count.sh, and the instructions of the
last one per function of vmlinux (from nm).
Usage: insn_count.py VMLINUX COUNTS"""
import bisect
import collections
import subprocess
import sys


def symbols(vmlinux):
    """Text symbols of vmlinux in address order: [(address, name)]."""
    nm = subprocess.run(['nm', '-n', vmlinux], capture_output=True,
                        text=True, check=True).stdout
    out = []
    for line in nm.splitlines():
        w = line.split()
        if len(w) == 3 and w[1] in 'tTwW':
            out.append((int(w[0], 16), w[2]))
    return out


def per_function(syms, pcs):
    """Instructions executed in each function: Counter name -> count."""
    addrs = [a for a, _ in syms]
    c = collections.Counter()
    for pc in pcs:
        i = bisect.bisect_right(addrs, pc) - 1
        c[syms[i][1] if i >= 0 else '?'] += 1
    return c


def main():
    vmlinux, counts = sys.argv[1:3]
    with open(counts, encoding='ascii') as f:
        lines = f.read().splitlines()
    if not lines:
        sys.exit('insn-count: no call counted (see %s.gdb.log)' % counts)
    last = []
    for head, pcs in zip(lines[::2], lines[1::2]):
        print(head)
        last = [int(x, 16) for x in pcs.split()]
    print('last call, per function:')
    for name, n in per_function(symbols(vmlinux), last).most_common():
        print('%7d %s' % (n, name))
    print('%7d total' % len(last))


if __name__ == '__main__':
    main()
