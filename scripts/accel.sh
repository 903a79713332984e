#!/bin/bash
# Print the accelerator to use (kvm or tcg).  ACCEL=kvm|tcg forces one;
# ACCEL=auto probes once: KVM is used only when a short KVM boot of the
# given flavour reaches the guest's /init.  The answer is cached in
# build/accel (delete it to probe again).
set -eu
. "$(dirname "$0")/lib.sh"

flavour=${1:-patched}
accel=$(cfg ACCEL)
case $accel in
kvm | tcg)
	echo "$accel"
	exit 0
	;;
auto) ;;
*) die "ACCEL must be auto, kvm or tcg (got '$accel')" ;;
esac

if [ -s "$build/accel" ]; then
	cat "$build/accel"
	exit 0
fi

result=tcg
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	log=$build/logs/accel-probe.log
	if ACCEL=kvm BOOT_TIMEOUT=60 "$top/scripts/boot.sh" "$flavour" probe >/dev/null 2>&1 &&
		grep -q '@@WB end job=probe@@' "$log"; then
		result=kvm
	fi
fi
echo "$result" >"$build/accel"
echo "$result"
