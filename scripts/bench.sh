#!/bin/bash
# make bench: measure the baseline (vanilla: 6.1 + test prefix), the
# patched 6.1 and the 6.12 anchor three ways, then write results/bench.md,
# results/bench.json and results/throughput.png:
#  - BENCH_RUNS boots of each under multi-threaded TCG (round robin, so
#    that drift of the host hits all three alike), "bench" guest job;
#  - one icount boot of each (1 vCPU, guest time = instructions): the
#    scenarios and the sets with one worker, repeatable single-CPU costs;
#  - one boot of each lock_stat kernel: lock acquisitions and contentions
#    per vmalloc()+vfree() and per vm_map_ram()+vm_unmap_ram().
# Usage: bench.sh [KEY=VALUE...]   (guest job arguments, as wb.KEY=VALUE)
set -eu
. "$(dirname "$0")/lib.sh"

runs=$(cfg BENCH_RUNS)
kernels="vanilla patched anchor"
rm -f "$build"/results/bench-*.json "$build"/results/icount-*.json \
	"$build"/results/lockstat-*.json
for i in $(seq 1 "$runs"); do
	for k in $kernels; do
		LOG_NAME=bench-$k-$i "$top/scripts/run-job.sh" "$k" bench "$@" ||
			echo "bench: $k run $i had failures (see above); its numbers are kept and marked"
	done
done
for k in $kernels; do
	"$top/scripts/icount-run.sh" "$k" "icount-$k-1" "$@" ||
		echo "bench: $k icount run had failures (see above); its numbers are kept and marked"
done
for k in $kernels; do
	LOG_NAME=lockstat-$k-1 "$top/scripts/run-job.sh" "lockstat-$k" lockstat \
		locks="$(cfg LOCKSTAT_CLASSES)" ||
		echo "bench: $k lock_stat run had failures (see above); its numbers are kept and marked"
done
note=""
if [ "$(git -C "$series_src" rev-parse baseline)" = "$(git -C "$series_src" rev-parse HEAD)" ]; then
	note="The series has no allocator patch yet: patched 6.1 is the baseline tree, so every patched/baseline ratio is run-to-run noise."
fi
"$top/scripts/bench.py" --accel "$("$top/scripts/accel.sh")" \
	--vcpus "$(cfg VCPUS)" --mem "$(cfg MEM)" --args "$*" --note "$note" \
	--out "$top/results" "$build"/results/bench-*.json \
	"$build"/results/icount-*.json "$build"/results/lockstat-*.json
