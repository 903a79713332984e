#!/bin/bash
# The main job: set up, build vanilla and patched, boot each in turn with
# the same QEMU settings, run test_vmalloc with ftrace function profiles
# and print the results side by side.  The table is also kept in
# build/results/main.txt.
set -eu
. "$(dirname "$0")/lib.sh"
. "$top/scripts/stage.sh"

stage deps "$top/scripts/deps.sh"
stage tree "$top/scripts/tree.sh"
for f in patched vanilla; do
	stage "build $f" "$top/scripts/build.sh" "$f"
	stage "initramfs $f" "$top/scripts/initramfs.sh" "$f"
done
args=("loops=$(cfg PERF_LOOPS)" "funcs=$(cfg PROFILE_FUNCS)" threads=1)
rc=0
for f in vanilla patched; do
	stage "run $f" "$top/scripts/run-job.sh" "$f" perf "${args[@]}" || rc=1
done

same=()
[ -n "$(git -C "$series_src" rev-list baseline..series)" ] || same=(--same-tree)
echo
"$top/scripts/report.py" --funcs "$(cfg PROFILE_FUNCS)" "${same[@]}" \
	"$build/results/vanilla-perf.json" "$build/results/patched-perf.json" |
	tee "$build/results/main.txt"
echo "accelerator $(cat "$build/accel" 2>/dev/null || cfg ACCEL), $(cfg VCPUS) vCPUs, $(cfg MEM) memory; logs in build/logs/"
exit $rc
