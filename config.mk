# Workbench settings: the one place for pinned versions and defaults.
# Every value can be overridden on the make command line (make VCPUS=4).

# Debian package that provides the base tree, and its exact version.
LINUX_PKG     ?= linux-source-6.1
LINUX_PKG_VER ?= 6.1.192-2
# Set to 1 to build from whatever version Debian offers instead of failing
# when LINUX_PKG_VER is gone (the base commit then names the real version).
ALLOW_OTHER_VERSION ?= 0

# Project identity: author, committer and Signed-off-by of the series.
WB_NAME  ?= Seed 7f772b0f maintainers
WB_EMAIL ?= maintainers@users.noreply.h-seed-7f772b0f.example

# Guest settings.  ACCEL is auto (KVM if a probe boot reaches userspace,
# TCG otherwise), kvm or tcg.
VCPUS   ?= 2
MEM     ?= 2G
ACCEL   ?= auto
# Hard limit for one guest boot, in seconds.
BOOT_TIMEOUT ?= 1200

# test_vmalloc loop counts for the main job, the smoke set and the debug
# stress run (scaled for TCG: each run stays within a few minutes).
PERF_LOOPS   ?= 100000
SMOKE_LOOPS  ?= 2000
STRESS_LOOPS ?= 1000
# Functions whose ftrace profile the main job prints.
PROFILE_FUNCS ?= vm_map_ram,vm_unmap_ram,alloc_vmap_area,free_vmap_block,__purge_vmap_area_lazy

# The anchor of 'make bench': Debian's upstream 6.12, built from the same
# config fragments, with the 6.12 port of the test prefix (patches-6.12/).
ANCHOR_PKG     ?= linux-source-6.12
ANCHOR_PKG_VER ?= 6.12.117-1~deb12u1
# Repetitions of each kernel's bench boot (medians and spread over them).
BENCH_RUNS ?= 3
# Stress boots per kernel of make pagetables.
PT_BOOTS ?= 5
# Functions profiled in make bench's icount runs: PROFILE_FUNCS plus the
# cost of vm_unmap_aliases() (called by vm_map_ram_purge_test).
ICOUNT_FUNCS ?= vm_map_ram,vm_unmap_ram,alloc_vmap_area,free_vmap_block,__purge_vmap_area_lazy,vm_unmap_aliases
# The lock classes make bench's lock_stat section reports (an extended
# regular expression over /proc/lock_stat's class names): the global
# vmalloc locks, the per-CPU queues and blocks, 6.12's per-node locks.
LOCKSTAT_CLASSES ?= vmap|vmalloc|&vbq?->|&vn->
