#!/bin/bash
# Exact instruction counts of a kernel function: boot a flavour under
# icount (one vCPU) with QEMU's gdb stub, break on FUNC, and single-step
# each call to its return (the stub masks interrupts and timers while
# stepping, so only the call's own instructions count).  Prints one line
# per call: "call N caller ADDR insns M", then the instructions of the
# last call per function.
# Usage: insn-count.sh FLAVOUR FUNC CALLS [KEY=VALUE...]
#   CALLER=module counts only calls from modules (e.g. test_vmalloc's).
#   The KEY=VALUE words go to the guest as for boot.sh (default job:
#   smoke; JOB= picks another).
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
func=$2
calls=$3
shift 3
obj=$(flavour_obj "$flavour")
out=$build/results/insn-$flavour-$func.txt
mkdir -p "$build/results"

GDBSTUB=1 ICOUNT=1 LOG_NAME=insn-$flavour "$top/scripts/boot.sh" \
	"$flavour" "${JOB:-smoke}" "$@" >/dev/null 2>"$out.qemu.log" &
qemu=$!
sleep 2
INSN_FUNC=$func INSN_CALLS=$calls INSN_OUT=$out INSN_CALLER=${CALLER:-any} \
	timeout 900 gdb -q -batch -ex "file $obj/vmlinux" \
	-ex 'target remote localhost:1234' \
	-x "$top/scripts/insn_count_gdb.py" >"$out.gdb.log" 2>&1 || true
kill "$qemu" 2>/dev/null || true
wait "$qemu" 2>/dev/null || true
python3 "$top/scripts/insn_count.py" "$obj/vmlinux" "$out"
