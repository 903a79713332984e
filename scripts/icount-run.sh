#!/bin/bash
# One icount boot of a kernel for make bench and make bench-repeatability:
# the "bench" guest job with one worker (the seed scenarios, then
# run_test_mask=7 and the full default set), ICOUNT_FUNCS profiled, TLB
# flushes not counted (the probe would add its cost to the timings).
# Usage: icount-run.sh FLAVOUR LOG_NAME [KEY=VALUE...]
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
name=$2
shift 2
ICOUNT=1 LOG_NAME=$name "$top/scripts/run-job.sh" "$flavour" bench \
	workers=1 sequential=1 flushes=0 funcs="$(cfg ICOUNT_FUNCS)" "$@"
