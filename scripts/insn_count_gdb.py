"""gdb script of insn-count.sh: single-step INSN_CALLS calls of INSN_FUNC
and write, per call, a line "call N caller ADDR insns M" and a line of
the program counters it executed."""
import os

import gdb  # pylint: disable=import-error

MODULES = 0xffffffffa0000000  # x86-64: modules are mapped above this

func = os.environ['INSN_FUNC']
want = int(os.environ['INSN_CALLS'])
from_modules = os.environ.get('INSN_CALLER') == 'module'
gdb.execute('set pagination off')
bp = gdb.Breakpoint('*' + func)
n = 0
with open(os.environ['INSN_OUT'], 'w', encoding='ascii') as out:
    while n < want:
        gdb.execute('continue')
        sp = int(gdb.parse_and_eval('$rsp'))
        ret = int(gdb.parse_and_eval('*(unsigned long *)$rsp'))
        if from_modules and ret < MODULES:
            continue
        n += 1
        bp.enabled = False
        pcs = []
        # Until the return lands in the caller with the frame popped.
        while True:
            pc = int(gdb.parse_and_eval('$pc'))
            if pc == ret and int(gdb.parse_and_eval('$rsp')) > sp:
                break
            pcs.append(pc)
            gdb.execute('stepi', to_string=True)
        bp.enabled = True
        out.write('call %d caller %x insns %d\n' % (n, ret, len(pcs)))
        out.write(' '.join('%x' % pc for pc in pcs) + '\n')
        out.flush()
gdb.execute('kill')
