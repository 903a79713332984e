// SPDX-License-Identifier: GPL-2.0
/*
 * kcore: read the areas that probes/wb_kcore.ko lists back through
 * /proc/kcore and check every byte.
 *
 * Usage: kcore WHEN [LISTING]; LISTING defaults to the probe's debugfs
 * file.  Each area is read with its following page: a "data" area must
 * hold its own address XOR the seed in every 8-byte word and be followed
 * by its guard page, which reads as zeros; a "zero" area must read as
 * zeros.  Then each two "data" areas next to each other in address order
 * and at most SPAN_MAX apart are read again in one read, over whatever
 * lies between them.  read_kcore() still calls vread() a page at a time,
 * so that checks the same bytes again, but each page between makes
 * vread() look up the areas there, which a load may be freeing.
 *
 * A page that no busy area with a vm_struct starts above would read as
 * whatever read_kcore()'s bounce buffer held before: 6.1 ignores vread()'s
 * return of 0.  On x86-64 the probe's own module area lies above the
 * vmalloc range, so every page checked here has one.
 *
 * Prints one marker:
 *
 *	@@WB kcore when=WHEN areas=N pages=N spans=N bad=N@@
 *
 * after a marker for the first wrong word, if any.  Exit status 0 when
 * every byte was right, 1 when some was not, 2 when nothing could be read.
 */
#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LISTING "/sys/kernel/debug/wb_kcore"
#define MAX_AREAS 64
#define SPAN_MAX (16UL << 20)

struct area {
	char kind[16];
	uint64_t start;
	unsigned long pages;
	int data;
};

static struct area areas[MAX_AREAS];
static int nr_areas;
static uint64_t seed;
static long page_size;
static Elf64_Phdr *phdr;
static int nr_phdr;
static int kcore;
static unsigned long bad;

static int fail(const char *when, const char *what)
{
	printf("@@WB kcore error when=%s %s@@\n", when, what);
	return 2;
}

static int read_listing(const char *path)
{
	char line[128], expect[8];
	struct area *a;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return -1;
	if (!fgets(line, sizeof(line), f) ||
	    sscanf(line, "seed %" SCNx64, &seed) != 1) {
		fclose(f);
		return -1;
	}
	while (nr_areas < MAX_AREAS && fgets(line, sizeof(line), f)) {
		a = &areas[nr_areas];
		if (sscanf(line, "%15s %" SCNx64 " %lu %7s", a->kind, &a->start,
			   &a->pages, expect) != 4)
			continue;
		a->data = !strcmp(expect, "data");
		nr_areas++;
	}
	fclose(f);
	return nr_areas ? 0 : -1;
}

static int read_phdrs(void)
{
	Elf64_Ehdr eh;
	size_t len;

	if (pread(kcore, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof(Elf64_Phdr))
		return -1;
	len = (size_t)eh.e_phnum * sizeof(Elf64_Phdr);
	phdr = malloc(len);
	if (!phdr || pread(kcore, phdr, len, eh.e_phoff) != (ssize_t)len)
		return -1;
	nr_phdr = eh.e_phnum;
	return 0;
}

/* Read [addr, addr + len) of the kernel's address space into buf. */
static int read_kernel(uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;
	int i;

	for (i = 0; i < nr_phdr; i++) {
		if (phdr[i].p_type != PT_LOAD || addr < phdr[i].p_vaddr ||
		    addr + len > phdr[i].p_vaddr + phdr[i].p_memsz)
			continue;
		while (done < len) {
			n = pread(kcore, (char *)buf + done, len - done,
				  phdr[i].p_offset + addr - phdr[i].p_vaddr +
				  done);
			if (n <= 0)
				return -1;
			done += n;
		}
		return 0;
	}
	return -1;
}

/* Check [from, to) of area a, read into buf, which starts at base. */
static void check(const struct area *a, const uint64_t *buf, uint64_t base,
		  uint64_t from, uint64_t to)
{
	uint64_t end = a->start + a->pages * page_size, addr, want;

	for (addr = from; addr < to; addr += sizeof(*buf)) {
		want = a->data && addr < end ? addr ^ seed : 0;
		if (buf[(addr - base) / sizeof(*buf)] == want)
			continue;
		if (!bad++)
			printf("@@WB kcore bad: %s %" PRIx64 "+%lu word %" PRIx64
			       " got %" PRIx64 " want %" PRIx64 "@@\n",
			       a->kind, a->start, a->pages, addr,
			       buf[(addr - base) / sizeof(*buf)], want);
	}
}

static int by_start(const void *x, const void *y)
{
	const struct area *a = x, *b = y;

	return a->start < b->start ? -1 : a->start > b->start;
}

int main(int argc, char **argv)
{
	unsigned long pages = 0, spans = 0;
	const struct area *a, *b;
	uint64_t len, guard;
	uint64_t *buf;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: kcore WHEN [LISTING]\n");
		return 2;
	}
	page_size = sysconf(_SC_PAGESIZE);
	if (read_listing(argc > 2 ? argv[2] : LISTING))
		return fail(argv[1], "no area listing");
	kcore = open("/proc/kcore", O_RDONLY);
	if (kcore < 0 || read_phdrs())
		return fail(argv[1], "no /proc/kcore");

	for (i = 0; i < nr_areas; i++) {
		a = &areas[i];
		/* The guard page of a data area; zero areas have none. */
		guard = a->data ? page_size : 0;
		len = a->pages * page_size + guard;
		buf = malloc(len);
		if (!buf || read_kernel(a->start, buf, len))
			return fail(argv[1], "a read of an area failed");
		check(a, buf, a->start, a->start, a->start + len);
		free(buf);
		pages += a->pages;
	}

	qsort(areas, nr_areas, sizeof(areas[0]), by_start);
	for (i = 0, a = NULL; i < nr_areas; i++) {
		b = &areas[i];
		if (!b->data)
			continue;
		len = b->start + (b->pages + 1) * page_size - (a ? a->start : 0);
		if (a && len <= SPAN_MAX) {
			buf = malloc(len);
			if (!buf || read_kernel(a->start, buf, len))
				return fail(argv[1], "a read across areas failed");
			check(a, buf, a->start, a->start,
			      a->start + (a->pages + 1) * page_size);
			check(b, buf, a->start, b->start, a->start + len);
			free(buf);
			spans++;
		}
		a = b;
	}

	printf("@@WB kcore when=%s areas=%d pages=%lu spans=%lu bad=%lu@@\n",
	       argv[1], nr_areas, pages, spans, bad);
	return bad ? 1 : 0;
}
