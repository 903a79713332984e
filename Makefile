# Workbench for the mm/vmalloc.c series on Debian's Linux 6.1.
# 'make' runs the main job, 'make check' the test suite; see README.md.
include config.mk
export LINUX_PKG LINUX_PKG_VER ALLOW_OTHER_VERSION WB_NAME WB_EMAIL \
	ANCHOR_PKG ANCHOR_PKG_VER BENCH_RUNS PT_BOOTS \
	VCPUS MEM ACCEL BOOT_TIMEOUT PERF_LOOPS SMOKE_LOOPS STRESS_LOOPS \
	PROFILE_FUNCS ICOUNT_FUNCS LOCKSTAT_CLASSES

S := scripts
FLAVOURS := vanilla patched debug
# The kernels of make bench's lock_stat section (configs/lockstat.config).
LOCKSTAT := lockstat-vanilla lockstat-patched lockstat-anchor

.PHONY: all main check scenarios bench deps base tree export series-status \
	checkpatch bisect warnings lint test-parser clean distclean \
	$(addprefix build-,$(FLAVOURS)) $(addprefix initramfs-,$(FLAVOURS)) \
	$(addprefix boot-,$(FLAVOURS)) anchor port-6.12 build-anchor initramfs-anchor \
	boot-anchor bench-repeatability pagetables $(addprefix build-,$(LOCKSTAT)) \
	$(addprefix initramfs-,$(LOCKSTAT)) $(addprefix boot-,$(LOCKSTAT))

all: main

# Build vanilla and patched, boot each, run test_vmalloc with ftrace
# function profiles and print them side by side.
main:
	@$(S)/main.sh

# The test suite; ends with "N passed, N failed".
check:
	@$(S)/check.sh

# Every test_vmalloc case alone under "test_vmalloc.sh profile", on the
# vanilla (baseline) and the patched kernel: make scenarios ARGS="loops=1000"
scenarios: initramfs-vanilla initramfs-patched
	@for f in vanilla patched; do \
		LOG_NAME=$$f-scenarios $(S)/run-job.sh $$f scenarios $(ARGS) || exit 1; \
	done
	@$(S)/scenarios.py build/results/vanilla-scenarios.json \
		build/results/patched-scenarios.json

# The baseline, the patched 6.1 and the 6.12 anchor: BENCH_RUNS boots
# each (MTTCG), one icount boot each (single-CPU costs), one boot of each
# lock_stat kernel: results/bench.md, bench.json, throughput.png.
bench: initramfs-vanilla initramfs-patched initramfs-anchor \
	$(addprefix initramfs-,$(LOCKSTAT))
	@$(S)/bench.sh $(ARGS)

# The icount set twice on each kernel; prints the largest difference.
bench-repeatability: initramfs-vanilla initramfs-patched initramfs-anchor
	@$(S)/bench-repeatability.sh $(ARGS)

# The vmalloc range's page tables after the stress load, PT_BOOTS boots
# of the baseline and the patched kernel (config.mk).
pagetables: initramfs-vanilla initramfs-patched
	@$(S)/pagetables.sh $(ARGS)

deps:
	@$(S)/deps.sh

base: deps
	@$(S)/base.sh

# Create or refresh build/patched/src from patches/ (FORCE=1 discards
# local commits and changes).
tree: deps
	@$(S)/tree.sh

# Write the tree's commits back to patches/.
export:
	@$(S)/export.sh

# Non-zero when the tree and patches/ differ.
series-status:
	@$(S)/series-status.sh

checkpatch:
	@$(S)/checkpatch.sh

bisect: build-patched
	@$(S)/bisect-build.sh

warnings:
	@$(S)/warnings.sh

lint:
	@$(S)/lint.sh

test-parser:
	@tests/run.sh

$(addprefix build-,$(FLAVOURS)): build-%: tree
	@$(S)/build.sh $*

$(addprefix initramfs-,$(FLAVOURS)): initramfs-%: build-%
	@$(S)/initramfs.sh $*

build-lockstat-vanilla build-lockstat-patched: build-lockstat-%: tree
	@$(S)/build.sh lockstat-$*

build-lockstat-anchor: anchor
	@$(S)/build.sh lockstat-anchor

$(addprefix initramfs-,$(LOCKSTAT)): initramfs-%: build-%
	@$(S)/initramfs.sh $*

# The 6.12 anchor of make bench: Debian's linux-source-6.12 plus
# patches-6.12/ in build/anchor/src.
anchor: deps
	@$(S)/anchor.sh

# Regenerate patches-6.12/ from the series tree's test prefix.
port-6.12: deps
	@$(S)/port-6.12.sh

build-anchor: anchor
	@$(S)/build.sh anchor

initramfs-anchor: build-anchor
	@$(S)/initramfs.sh anchor

# Boot one flavour with one guest job: make boot-debug JOB=stress ARGS="loops=500"
JOB ?= smoke
ARGS ?=
$(addprefix boot-,$(FLAVOURS)) boot-anchor $(addprefix boot-,$(LOCKSTAT)): boot-%:
	@$(S)/run-job.sh $* $(JOB) $(ARGS)

# Remove build products but keep the trees and their git history.
clean:
	rm -rf build/*/obj build/*/obj-w1 build/*/mods build/*/negative \
		build/*/initramfs* build/logs build/results build/accel

# Remove everything under build/, including the kernel trees.
distclean:
	rm -rf build
