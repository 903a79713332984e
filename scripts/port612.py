#!/usr/bin/env python3
"""Port the series' lib/test_vmalloc.c cases onto 6.12's test_vmalloc.c.

Usage: port612.py SERIES_TEST_VMALLOC_C BASE_6_12_TEST_VMALLOC_C OUT
Copies the parameters, the vm_map_ram/lazy-chain code block, the mask
descriptions and the test table entries of the series into 6.12's file.
6.12 has vm_map_ram_test at id 1024, so the series' cases take the ids
from 2048 on, in the series' order.
"""
import re, sys
ours = open(sys.argv[1]).read()
s = open(sys.argv[2]).read()
def rep(a, b):
    global s
    assert s.count(a) == 1, a
    s = s.replace(a, b)
incs = re.findall(r'#include <linux/(?:highmem|kasan|sort)\.h>\n', ours)
rep('#include <linux/slab.h>\n', '#include <linux/slab.h>\n' + ''.join(incs))
m = re.search(r'(__param\(int, vm_map_ram_iters.*?)(?=__param\(int, run_test_mask)', ours, re.S)
rep('__param(int, run_test_mask,', m.group(1) + '__param(int, run_test_mask,')
names = re.findall(r'"\\t\\tid: \d+, name: ((?:vm_map_ram_|lazy_chain_)\w+)\\n"', ours)
desc = ''.join('\t\t"\\t\\tid: %d, name: %s\\n"\n' % (2048 << k, n) for k, n in enumerate(names))
rep('\t\t"\\t\\tid: 1024, name: vm_map_ram_test\\n"\n', '\t\t"\\t\\tid: 1024, name: vm_map_ram_test\\n"\n' + desc)
a = ours.index('/*\n * vm_map_ram() tests.')
b = ours.index('struct test_case_desc {')
rep('struct test_case_desc {', ours[a:b] + 'struct test_case_desc {')
arr = re.findall(r'\t\{ "((?:vm_map_ram_|lazy_chain_)\w+)", \w+ \},\n', ours)
assert arr == names
rep('\t{ "vm_map_ram_test", vm_map_ram_test },\n', '\t{ "vm_map_ram_test", vm_map_ram_test },\n' + ''.join('\t{ "%s", %s },\n' % (n, n) for n in names))
assert 'prandom_u32_max' not in ours[a:b]
open(sys.argv[3], 'w').write(s)
