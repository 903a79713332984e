#!/usr/bin/env python3
"""Parse a guest console log into JSON and a pass/fail verdict.

Reads what the guest /init and the kernel printed: the @@WB markers,
test_vmalloc "Summary:" lines, KTAP from KUnit, the ftrace
trace_stat/function* files (summed over all CPUs), /proc/lock_stat rows
and kernel splats.
Usage: parse_log.py LOG [-o OUT.json] [--quiet]
Exit status: 0 if the run passed, 1 if it failed, 2 on usage errors.
"""
import argparse
import json
import re
import sys

# A kernel message's timestamp: at the start of a line, and, when the
# message cuts into a line the guest prints, from there to the end.
TS_RE = r'\[\s*\d+\.\d+\]'
TS = re.compile('^' + TS_RE + r'\s?')
PRINTK = re.compile(TS_RE + '.*$')
MARK = re.compile(r'@@WB (.*?)@@')
SUMMARY = re.compile(r'Summary: (\S+) passed: (\d+) failed: (\d+) '
                     r'repeat: (\d+) loops: (\d+) avg: (\d+) usec')
KTAP_RESULT = re.compile(r'^( *)(not ok|ok) (\d+)(?: -)? ?(.*?)\s*'
                         r'(?:#\s*(SKIP|TODO)\b.*)?$', re.IGNORECASE)
KTAP_SUBTEST = re.compile(r'^( *)# Subtest: (\S+)')
STAT_ROW = re.compile(r'^\s+(\S+)\s+(\d+)\s+([\d.]+) us\s+([\d.]+) us\s+'
                      r'([\d.]+) us')
STAT_ROW_HITS = re.compile(r'^\s+(\S+)\s+(\d+)\s*$')
# Extra numbers a test_vmalloc case reports: "Metric: TEST key: N key: N".
METRIC = re.compile(r'Metric: (\S+) (.*)$')
METRIC_KV = re.compile(r'(\w+): (-?\d+)')
# A class row of /proc/lock_stat (version 0.4): name, then con-bounces,
# contentions and four wait times, acq-bounces, acquisitions and four
# hold times.
LOCK_ROW = re.compile(r'^\s*(\S+):\s*(\d+)\s+(\d+)(?:\s+[\d.]+){4}\s+'
                      r'(\d+)\s+(\d+)(?:\s+[\d.]+){4}\s*$')

# Lines that open a kernel splat, and its kind.
SPLATS = [
    (re.compile(r'BUG: KASAN:'), 'kasan'),
    (re.compile(r'UBSAN:'), 'ubsan'),
    (re.compile(r'BUG: (soft|hard) lockup'), 'lockup'),
    (re.compile(r'INFO: task .* blocked for more than'), 'hung-task'),
    (re.compile(r'rcu: INFO: .*(detected stall|self-detected stall)'),
     'rcu-stall'),
    (re.compile(r'WARNING: (possible circular|possible recursive|'
                r'inconsistent lock|suspicious RCU|possible irq lock|'
                r'lock held when returning|bad unlock balance|'
                r'held lock freed|nested lock)'), 'lockdep'),
    (re.compile(r'INFO: trying to register non-static key'), 'lockdep'),
    (re.compile(r'WARNING:'), 'warning'),
    (re.compile(r'kernel BUG at'), 'bug'),
    (re.compile(r'BUG:'), 'bug'),
    (re.compile(r'general protection fault'), 'oops'),
    (re.compile(r'Oops:'), 'oops'),
    (re.compile(r'Kernel panic'), 'panic'),
    (re.compile(r'unreferenced object 0x'), 'kmemleak'),
    (re.compile(r'kmemleak: \d+ new suspected memory leaks'), 'kmemleak'),
]
SPLAT_CONTEXT = 40
# test_vmalloc cases that fail by design: align_shift_alloc_test asks for
# alignments up to 2^63 ("This test case is supposed to be failed." in
# lib/test_vmalloc.c).  Such a case is a failure only if it passes.
XFAIL = {'align_shift_alloc_test'}


def fields(text):
    """The KEY=VALUE words of text, as a dict (other words ignored)."""
    return dict(w.split('=', 1) for w in text.split() if '=' in w)


def clean(line):
    return TS.sub('', line.rstrip('\r\n').replace('\r', ''))


def splat_kind(line):
    for pattern, kind in SPLATS:
        if pattern.search(line):
            return kind
    return None


def find_splats(lines):
    """One entry per splat: kind, first line, and its context."""
    splats = []
    end = -1
    for i, line in enumerate(lines):
        if '@@WB' in line:
            continue
        kind = splat_kind(line)
        if kind is None or i <= end:
            continue
        start = i
        if i > 0 and 'cut here' in lines[i - 1]:
            start = i - 1
        elif i > 1 and 'cut here' in lines[i - 2]:
            start = i - 2
        end = min(len(lines) - 1, i + SPLAT_CONTEXT)
        for j in range(i + 1, end + 1):
            if '---[ end trace' in lines[j] or '@@WB' in lines[j]:
                end = j
                break
        splats.append({'kind': kind, 'line': i + 1, 'title': line.strip(),
                       'context': lines[start:end + 1]})
    return splats


def parse_ktap(lines):
    res = {'passed': 0, 'failed': 0, 'skipped': 0, 'failed_cases': [],
           'suites': {}}
    suite = None
    for line in lines:
        m = KTAP_SUBTEST.match(line)
        if m:
            if len(m.group(1)) == 4:
                suite = m.group(2)
            continue
        m = KTAP_RESULT.match(line)
        if not m:
            continue
        indent, status, _, name, directive = m.groups()
        ok = status.lower() == 'ok'
        if len(indent) == 0:
            res['suites'][name] = ('skip' if directive else
                                   'ok' if ok else 'not ok')
            if not ok and not directive:
                # A suite can fail without a failing case (e.g. its init).
                res['failed_cases'].append(name)
            suite = None
        elif len(indent) == 4:
            if directive:
                res['skipped'] += 1
            elif ok:
                res['passed'] += 1
            else:
                res['failed'] += 1
                res['failed_cases'].append('%s.%s' % (suite or '?', name))
    return res


def merge_stat(rows):
    """Merge per-CPU trace_stat rows of one function."""
    n = sum(r['hit'] for r in rows)
    if not all('time_us' in r for r in rows):
        return {'hit': n}
    total = sum(r['time_us'] for r in rows)
    # Recover each CPU's sum of squares from its sample variance:
    # s^2 = (n * sum(t^2) - sum(t)^2) / (n * (n - 1)).
    sq = 0.0
    for r in rows:
        if r['hit'] > 0:
            sq += (r['s2_us2'] * r['hit'] * (r['hit'] - 1) +
                   r['time_us'] ** 2) / r['hit']
    avg = total / n if n else 0.0
    s2 = (n * sq - total * total) / (n * (n - 1)) if n > 1 else 0.0
    return {'hit': n, 'time_us': total, 'avg_us': avg,
            's2_us2': max(s2, 0.0)}


def parse_trace_stat(lines):
    per_func = {}
    files = 0
    inside = False
    for line in lines:
        m = MARK.search(line)
        if m and m.group(1).startswith('trace_stat '):
            inside = m.group(1).endswith(' begin')
            files += inside
            continue
        if not inside:
            continue
        m = STAT_ROW.match(line)
        if m:
            row = {'hit': int(m.group(2)), 'time_us': float(m.group(3)),
                   'avg_us': float(m.group(4)), 's2_us2': float(m.group(5))}
        else:
            m = STAT_ROW_HITS.match(line)
            if not m:
                continue
            row = {'hit': int(m.group(2))}
        per_func.setdefault(m.group(1), []).append(row)
    return files, {f: merge_stat(rows) for f, rows in per_func.items()}


def parse_vmalloc(lines):
    runs = []
    run = None
    for line in lines:
        m = MARK.search(line)
        # test_vmalloc.sh runs (tvsh) load test_vmalloc too.
        if m and m.group(1).split()[0] in ('vmalloc', 'tvsh') and \
                m.group(1).split()[1:2] == ['begin']:
            params = m.group(1).split(None, 2)[2:]
            run = {'params': params[0] if params else '',
                   'tests': {}, 'metrics': {}, 'complete': False}
            runs.append(run)
            continue
        if m and m.group(1).split()[:2] in (['vmalloc', 'end'],
                                            ['tvsh', 'end']) and run:
            run['complete'] = True
            run = None
            continue
        mm = METRIC.search(line)
        if mm and run is not None:
            run['metrics'].setdefault(mm.group(1), []).append(
                {k: int(v) for k, v in METRIC_KV.findall(mm.group(2))})
            continue
        m = SUMMARY.search(line)
        if not m:
            continue
        if run is None:
            run = {'params': '?', 'tests': {}, 'metrics': {},
                   'complete': False}
            runs.append(run)
        name = m.group(1)
        t = run['tests'].setdefault(name, {'passed': 0, 'failed': 0,
                                           'workers': 0, 'usec': []})
        t['passed'] += int(m.group(2))
        t['failed'] += int(m.group(3))
        t['workers'] += 1
        t['usec'].append(int(m.group(6)))
        t['loops'] = int(m.group(5))
        t['expected_failure'] = name in XFAIL
    for run in runs:
        for t in run['tests'].values():
            t['avg_usec'] = sum(t['usec']) / len(t['usec'])
    return runs


# x86's flush_tlb_kernel_range() flushes everything above this many
# pages (tlb_single_page_flush_ceiling) or for end == TLB_FLUSH_ALL.
FLUSH_CEILING = 33
PAGE_SIZE = 4096


# The guest's module loader: its flushes are test_vmalloc's own load and
# unload (module text permissions, VM_FLUSH_RESET_PERMS), not the case's.
LOADER = 'loadmod'


def flush_counts(rows):
    """Sum the "range TASK START END", "ranges TASK nr=N s0=S e0=E ..."
    and "kept K written W" lines of a flushes section: calls (a ranges
    line is one call), pages of the ranges (TLB_FLUSH_ALL apart),
    full flushes, events the trace buffer lost, and the flushes of the
    module loader, which are left out of the rest.  After a "blocks
    traced" line, "block new|freed TASK" lines count vmap blocks."""
    out = {'calls': 0, 'pages': 0, 'full': 0, 'lost': 0, 'loader': 0,
           'blocks': None}
    for w in rows:
        if not w:
            continue
        if w[0] == 'kept' and len(w) == 4:
            out['lost'] = int(w[3]) - int(w[1])
        elif w[:2] == ['blocks', 'traced']:
            # The series' vmap block events: blocks made and freed by the
            # case (the loader's purge at test_vmalloc's unload left out).
            out['blocks'] = {'new': 0, 'freed': 0}
        elif w[0] == 'block' and len(w) >= 3 and out['blocks'] is not None:
            if ' '.join(w[2:]) != LOADER and w[1] in ('new', 'freed'):
                out['blocks'][w[1]] += 1
        elif w[0] == 'range' and len(w) >= 4:
            if ' '.join(w[1:-2]) == LOADER:
                out['loader'] += 1
                continue
            count_flush(out, [(int(w[-2], 16), int(w[-1], 16))])
        elif w[0] == 'ranges':
            # flush_tlb_kernel_ranges(): "ranges TASK nr=N s0=.. e0=..",
            # one call for the first N (at most four) ranges.
            at = next((i for i, x in enumerate(w) if x.startswith('nr=')),
                      None)
            if at is None:
                continue
            if ' '.join(w[1:at]) == LOADER:
                out['loader'] += 1
                continue
            kv = fields(' '.join(w[at:]))
            nr = min(int(kv['nr']), 4)
            count_flush(out, [(int(kv['s%d' % i], 16), int(kv['e%d' % i], 16))
                              for i in range(nr)])
    return out


def count_flush(out, ranges):
    """Count one flush call of @ranges [(start, end)] into @out: its
    pages, and whether x86 makes it a full flush (end == TLB_FLUSH_ALL,
    or more than FLUSH_CEILING pages in all)."""
    out['calls'] += 1
    if any(end == 2 ** 64 - 1 for _, end in ranges):
        out['full'] += 1
        return
    pages = sum((end - start + PAGE_SIZE - 1) // PAGE_SIZE
                for start, end in ranges)
    out['pages'] += pages
    out['full'] += pages > FLUSH_CEILING


def parse_tvsh(lines):
    """Output of "test_vmalloc.sh profile" between tvsh markers, and the
    TLB flushes counted around it (a flushes section right after)."""
    out = []
    cur = None
    flushes = None
    for line in lines:
        m = MARK.search(line)
        if m and m.group(1) == 'flushes begin':
            flushes = []
            continue
        if m and m.group(1) == 'flushes end':
            if out and flushes is not None:
                out[-1]['flushes'] = flush_counts(flushes)
            flushes = None
            continue
        if flushes is not None:
            # A kernel message can cut into a line of the section.
            flushes.append(PRINTK.sub('', line).split())
            continue
        if m and m.group(1).startswith('tvsh begin'):
            cur = {'args': m.group(1)[len('tvsh begin'):].strip(),
                   'rc': None, 'table': {}, 'skipped': [], 'header': False}
            out.append(cur)
            continue
        if cur is None:
            continue
        if m and m.group(1).startswith('tvsh end'):
            cur['rc'] = int(fields(m.group(1)).get('rc', -1))
            cur = None
            continue
        if re.match(r'^\s+Function\s+Hit\b', line):
            cur['header'] = True
            continue
        s = re.match(r'^Skip (\S+): not in available_filter_functions', line)
        if s:
            cur['skipped'].append(s.group(1))
            continue
        r = STAT_ROW.match(line)
        if cur['header'] and r:
            cur['table'][r.group(1)] = {
                'hit': int(r.group(2)), 'time_us': float(r.group(3)),
                'avg_us': float(r.group(4)), 's2_us2': float(r.group(5))}
    return out


def parse_lockstat(lines):
    """The lock_stat rows printed between lockstat markers."""
    out = []
    cur = None
    for line in lines:
        m = MARK.search(line)
        if m and m.group(1).startswith('lockstat begin'):
            cur = {'params': m.group(1)[len('lockstat begin'):].strip(),
                   'classes': {}, 'complete': False}
            out.append(cur)
            continue
        if cur is None:
            continue
        if m and m.group(1) == 'lockstat end':
            cur['complete'] = True
            cur = None
            continue
        r = LOCK_ROW.match(line)
        if r:
            cur['classes'][r.group(1)] = {
                'con_bounces': int(r.group(2)),
                'contentions': int(r.group(3)),
                'acq_bounces': int(r.group(4)),
                'acquisitions': int(r.group(5))}
    return out


EVENT = re.compile(r'\s(alloc_vmap_area|free_vmap_area_noflush|'
                   r'purge_vmap_area_lazy|vmap_\w+): (.*)$')


def parse_events(lines):
    """The vmalloc trace events printed between events markers: a count
    per event, and the fields of each vmap_block_purge and vmap_flush."""
    out = None
    inside = False
    for line in lines:
        m = MARK.search(line)
        if m and m.group(1) == 'events begin':
            out = {'counts': {}, 'complete': False, 'fields': {}}
            inside = True
            continue
        if not inside:
            continue
        if m and m.group(1) == 'events end':
            out['complete'] = True
            inside = False
            continue
        e = EVENT.search(line)
        if not e:
            continue
        name = e.group(1)
        out['counts'][name] = out['counts'].get(name, 0) + 1
        if name in ('vmap_block_purge', 'vmap_flush'):
            out['fields'].setdefault(name, []).append(fields(e.group(2)))
    return out


# The counters of a "pools" marker (<debugfs>/vmap_pools's totals).
POOL_STATS = ('hits', 'near', 'misses', 'other')


def pool_lookups(before, after):
    """What allocations found in the vmap pools between two markers."""
    return {k: after.get(k, 0) - before.get(k, 0) for k in POOL_STATS}


def parse(text):
    lines = [clean(x) for x in text.splitlines()]
    res = {'job': None, 'kernel': None, 'cpus': None, 'completed': False,
           'profile_skipped': [], 'not_run': {}}
    for line in lines:
        m = MARK.search(line)
        if not m:
            continue
        words = m.group(1).split()
        if words[0] == 'begin':
            kv = fields(' '.join(words[1:]))
            res.update(job=kv.get('job'), kernel=kv.get('kernel'),
                       cpus=int(kv.get('cpus', 0)))
        elif words[0] == 'end':
            res['completed'] = True
        elif words[0] == 'profile-skip':
            res['profile_skipped'].append(words[1])
        elif words[0] == 'hotplug':
            res['hotplug'] = {k: int(v) for k, v in
                              fields(' '.join(words[1:])).items()}
        elif words[0] in ('vmallocinfo', 'dropcaches'):
            res[words[0]] = {k: int(v) for k, v in
                             fields(' '.join(words[1:])).items()}
        elif words[0] == 'kcore' and len(words) > 1 and words[1] != 'bad:':
            # "kcore when=W areas=N ...", or "kcore error when=W why".
            kv = fields(' '.join(words[1:]))
            when = kv.pop('when', '?')
            res.setdefault('kcore', {})[when] = (
                {'error': ' '.join(words[3:])} if words[1] == 'error'
                else {k: int(v) for k, v in kv.items()})
        elif words[0] == 'kcore_loop':
            res['kcore_loop'] = {k: int(v) for k, v in
                                 fields(' '.join(words[1:])).items()}
        elif words[0] == 'pools':
            kv = fields(' '.join(words[1:]))
            when = kv.pop('when', '?')
            res.setdefault('pools', {})[when] = {
                k: int(v) for k, v in kv.items()}
        elif words[0] == 'meminfo':
            kv = fields(' '.join(words[1:]))
            when = kv.pop('when', '?')
            # /proc/meminfo's line and the page-table probe's, merged.
            res.setdefault('meminfo', {}).setdefault(when, {}).update(
                {k: int(v) for k, v in kv.items()})
        elif words[0] == 'n/a' and len(words) > 1:
            # A case this kernel lacks: "n/a NAME reason".
            res['not_run'][words[1]] = ' '.join(words[2:])
    res['vmalloc'] = parse_vmalloc(lines)
    res['ktap'] = parse_ktap(lines)
    res['trace_stat_files'], res['trace_stat'] = parse_trace_stat(lines)
    res['tvsh'] = parse_tvsh(lines)
    res['lockstat'] = parse_lockstat(lines)
    res['events'] = parse_events(lines)
    res['splats'] = find_splats(lines)
    res['failures'] = failures(res)
    return res


def failures(res):
    out = []
    if res['job'] is None:
        out.append('boot: the guest never reached /init')
    elif not res['completed']:
        out.append('boot: job %s did not finish (crash or timeout)'
                   % res['job'])
    for s in res['splats']:
        out.append('splat: %s at log line %d: %s'
                   % (s['kind'], s['line'], s['title']))
    for case in res['ktap']['failed_cases']:
        out.append('kunit: %s failed' % case)
    for run in res['vmalloc']:
        if not run['complete']:
            out.append('test_vmalloc: run "%s" did not finish'
                       % run['params'])
        for name, t in sorted(run['tests'].items()):
            if name in XFAIL:
                if t['passed']:
                    out.append('test_vmalloc: %s passed %d time(s) but is '
                               'expected to fail' % (name, t['passed']))
            elif t['failed']:
                out.append('test_vmalloc: %s failed %d time(s)'
                           % (name, t['failed']))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('log')
    ap.add_argument('-o', '--output')
    ap.add_argument('--quiet', action='store_true')
    args = ap.parse_args()
    with open(args.log, errors='replace') as f:
        res = parse(f.read())
    res['log'] = args.log
    if args.output:
        with open(args.output, 'w') as f:
            json.dump(res, f, indent=1, sort_keys=True)
    if not args.quiet:
        for s in res['splats']:
            print('---- %s splat, %s:%d' % (s['kind'], args.log, s['line']))
            print('\n'.join(s['context']))
        for msg in res['failures']:
            print('FAIL: %s' % msg)
    return 1 if res['failures'] else 0


if __name__ == '__main__':
    sys.exit(main())
