#!/bin/bash
# The test suite ('make check', run by .ci/run).  Every stage prints
# PASS/FAIL lines and its duration; the last line counts them:
# "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
. "$top/scripts/stage.sh"

results=$build/check-results.txt
mkdir -p "$build"
: >"$results"
t0=$(date +%s)

# run NAME CMD...: a stage whose exit status is one result.
run() {
	local name=$1
	shift
	if stage "$name" "$@"; then
		echo "PASS $name" | tee -a "$results"
	else
		echo "FAIL $name" | tee -a "$results"
		return 1
	fi
}

# lines NAME CMD...: a stage that prints its own PASS/FAIL lines.
lines() {
	local name=$1 rc out
	shift
	out=$(mktemp)
	stage "$name" "$@" 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	grep -E '^(PASS|FAIL) ' "$out" >>"$results"
	if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
		echo "FAIL $name (exit $rc)" | tee -a "$results"
	fi
	rm -f "$out"
	return 0
}

run deps "$top/scripts/deps.sh" || true
run "series applies" "$top/scripts/tree.sh" || true
lines shellcheck "$top/scripts/lint.sh"
lines "parser self-test" "$top/tests/run.sh"
lines checkpatch "$top/scripts/checkpatch.sh"
built=1
for f in patched vanilla debug; do
	run "build $f" "$top/scripts/build.sh" "$f" || built=0
	run "initramfs $f" "$top/scripts/initramfs.sh" "$f" || built=0
done
# After the patched build: it tells which of the touched files are built.
lines "per-patch builds" "$top/scripts/bisect-build.sh"
lines "W=1 and sparse" "$top/scripts/warnings.sh"
if [ $built -eq 1 ]; then
	lines "boot patched: KUnit + test_vmalloc smoke" \
		"$top/scripts/run-job.sh" patched smoke "loops=$(cfg SMOKE_LOOPS)"
	lines "boot patched: stress with vmallocinfo, kcore and drop_caches readers" \
		"$top/scripts/run-job.sh" patched stress "loops=$(cfg STRESS_LOOPS)"
	# 4 x vCPUs workers, as issue 5 asks, with a quarter of the loops
	# each (8 workers of 500 loops took 857 s of the 1200 s timeout),
	# and the readers every 10 s: 8 x 250 loops with them took 798 s,
	# 655 s without.
	lines "boot debug: test_vmalloc stress with the readers" \
		"$top/scripts/run-job.sh" debug stress \
		"loops=$(($(cfg STRESS_LOOPS) / 4))" \
		"threads=$((4 * $(cfg VCPUS)))" read_every=10
	lines "boot debug: CPU hotplug under load" \
		"$top/scripts/run-job.sh" debug hotplug "loops=$(cfg STRESS_LOOPS)"
	lines "negative controls" "$top/scripts/run-job.sh" patched negative
	lines "boot patched: bad vm_map_ram/vm_unmap_ram calls" \
		"$top/scripts/run-job.sh" patched badinput
	lines "boot debug: bad calls under KASAN, lockdep, kmemleak" \
		"$top/scripts/run-job.sh" debug badinput
	# make bench's icount mode, short: two boots must give the same times.
	run "icount: two boots agree within 1%" env REPEAT_KERNELS=patched \
		"$top/scripts/bench-repeatability.sh" loops=1000 set_loops=1000 \
		tests=vm_map_ram_rw_test,vm_map_ram_purge_test
else
	echo "FAIL boots skipped: a kernel or initramfs did not build" | tee -a "$results"
fi

pass=$(grep -c '^PASS' "$results")
fail=$(grep -c '^FAIL' "$results")
echo
echo "check: $(($(date +%s) - t0))s in all"
if [ "$fail" -gt 0 ]; then
	echo "Failures:"
	grep '^FAIL' "$results"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
