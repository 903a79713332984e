#!/bin/bash
# Boot a flavour in QEMU and run one guest job.
# Usage: boot.sh FLAVOUR JOB [KEY=VALUE...]   (passed as wb.KEY=VALUE)
# The console log goes to build/logs/<flavour>-<job>.log (LOG_NAME
# overrides the file name); its path is printed.  Exits non-zero when
# QEMU fails or the hard timeout (BOOT_TIMEOUT seconds) expires.
# ICOUNT=1 boots one vCPU under single-threaded TCG with icount: guest
# time counts executed instructions (1 ns each), so that a single-CPU
# cost is the same on every boot however busy the host is.  (QEMU 7.2
# hangs bringing up secondary CPUs under icount: one vCPU only.)
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
job=$2
shift 2
obj=$(flavour_obj "$flavour")
kernel=$obj/arch/x86/boot/bzImage
initrd=$build/$flavour/initramfs.cpio
[ -f "$kernel" ] || die "$kernel missing: build the $flavour kernel first"
[ -f "$initrd" ] || die "$initrd missing: pack the $flavour initramfs first"

mkdir -p "$build/logs"
log=$build/logs/${LOG_NAME:-$flavour-$job}.log
if [ "$job" = probe ]; then
	accel=$(cfg ACCEL)
	log=$build/logs/accel-probe.log
else
	accel=$("$top/scripts/accel.sh" "$flavour")
fi
smp=$(cfg VCPUS)
case $accel in
kvm) accel_opts="-accel kvm -cpu host" ;;
*) accel_opts="-accel tcg,thread=multi -cpu qemu64" ;;
esac
if [ "${ICOUNT:-0}" = 1 ]; then
	accel_opts="-accel tcg,thread=single -cpu qemu64"
	accel_opts="$accel_opts -icount shift=0,sleep=off,align=off"
	# A fixed wall clock too: the guest seeds its RNG from it.
	accel_opts="$accel_opts -rtc base=2026-01-01T00:00:00,clock=vm"
	smp=1
fi

# GDBSTUB=1: QEMU waits for a debugger on localhost:1234 before the first
# instruction (scripts/insn-count.sh).
if [ "${GDBSTUB:-0}" = 1 ]; then
	accel_opts="$accel_opts -s -S"
fi

cmdline="console=ttyS0 panic=-1 oops=panic wb.job=$job"
for kv in "$@"; do
	cmdline="$cmdline wb.$kv"
done

rm -f "$log"
rc=0
# shellcheck disable=SC2086 # $accel_opts is a list of options
timeout -k 10 "$(cfg BOOT_TIMEOUT)" qemu-system-x86_64 \
	-nodefaults -no-user-config -display none -no-reboot \
	$accel_opts -smp "$smp" -m "$(cfg MEM)" \
	-kernel "$kernel" -initrd "$initrd" -append "$cmdline" \
	-serial "file:$log" </dev/null || rc=$?
# KVM that passed the probe can still fail later (a PVM host: QEMU aborts
# setting an MSR): with ACCEL=auto, a KVM boot whose guest never printed
# a marker (never reached /init) switches this build to TCG and boots
# again.  A guest that hangs after /init is not caught here.
if [ "$accel" = kvm ] && [ "${ICOUNT:-0}" != 1 ] && [ "$job" != probe ] &&
	[ "$(cfg ACCEL)" = auto ] && ! grep -q '@@WB' "$log" 2>/dev/null; then
	echo "boot: $flavour/$job: KVM boot failed (rc $rc), using TCG from now on" >&2
	echo tcg >"$build/accel"
	exec "$0" "$flavour" "$job" "$@"
fi
if [ $rc -eq 124 ]; then
	echo "boot: $flavour/$job: timed out after $(cfg BOOT_TIMEOUT)s, log: $log" >&2
elif [ $rc -ne 0 ]; then
	echo "boot: $flavour/$job: qemu exited with $rc, log: $log" >&2
fi
echo "$log"
exit $rc
