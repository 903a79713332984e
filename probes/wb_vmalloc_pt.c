// SPDX-License-Identifier: GPL-2.0
/*
 * wb_vmalloc_pt: count the page-table pages that map the vmalloc range,
 * which the kernel allocates as areas are first mapped and never frees
 * (/proc/meminfo's PageTables leaves them out), and print the counts as
 * a workbench marker.  The init fails on purpose, so that the module can
 * be loaded again at the next measuring point.
 *
 * The walk starts at the pgd of the loading task: on x86-64 every pgd
 * shares the kernel's tables for the vmalloc range.  It is meant for a
 * quiet moment, with no vmalloc() or vfree() running.
 */
#include <linux/module.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>

static char *when = "now";
module_param(when, charp, 0444);
MODULE_PARM_DESC(when, "the measuring point, named in the marker");

struct pt_count {
	unsigned long pud, pmd, pte;
};

static void count_pmd(pud_t *pud, unsigned long addr, unsigned long end,
		      struct pt_count *c)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_present(*pmd) && !pmd_leaf(*pmd))
			c->pte++;
	} while (pmd++, addr = next, addr != end);
}

static void count_pud(p4d_t *p4d, unsigned long addr, unsigned long end,
		      struct pt_count *c)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_present(*pud) && !pud_leaf(*pud)) {
			c->pmd++;
			count_pmd(pud, addr, next, c);
		}
	} while (pud++, addr = next, addr != end);
}

static int __init wb_vmalloc_pt_init(void)
{
	unsigned long addr = VMALLOC_START, end = VMALLOC_END, next;
	struct pt_count c = { };
	pgd_t *pgd;
	p4d_t *p4d;

	if (!current->mm)
		return -EINVAL;

	pgd = pgd_offset(current->mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		p4d = p4d_offset(pgd, addr);
		if (p4d_present(*p4d)) {
			c.pud++;
			count_pud(p4d, addr, next, &c);
		}
	} while (pgd++, addr = next, addr != end);

	pr_info("@@WB meminfo when=%s VmallocPudTables=%lu VmallocPmdTables=%lu VmallocPteTables=%lu VmallocPageTables=%lu@@\n",
		when, c.pud, c.pmd, c.pte,
		(c.pud + c.pmd + c.pte) * (PAGE_SIZE / 1024));
	return -EAGAIN;
}
module_init(wb_vmalloc_pt_init);

MODULE_DESCRIPTION("Count the page tables of the vmalloc range");
MODULE_LICENSE("GPL");
