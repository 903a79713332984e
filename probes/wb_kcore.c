// SPDX-License-Identifier: GPL-2.0
/*
 * wb_kcore: areas of known content for the guest's /proc/kcore check.
 *
 * The module maps areas of several kinds and sizes, fills every 8-byte
 * word of each with its own address XOR a random seed, and lists them in
 * <debugfs>/wb_kcore:
 *
 *	seed <hex>
 *	<kind> <start, hex> <pages> <expect>
 *
 * where <expect> is "data" for areas /proc/kcore must read back (vmalloc
 * and vmap areas: vread() copies those with a vm_struct) and "zero" for
 * those it reads as a hole (vm_map_ram areas have none).  The page after
 * a "data" area is its guard page, which the checker reads too and
 * expects to be zeros; a vm_map_ram area has no guard page.
 *
 * The areas stay mapped until the module is unloaded, so that the check
 * can run while a load allocates and frees around them.  The sizes cover
 * the vmap pools' classes and beyond (1 to 300 pages), and neighbours of
 * the same kind usually sit in different vmap nodes.
 */
#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>

enum wb_kind { WB_VMALLOC, WB_VMAP, WB_VM_MAP_RAM };

static const char * const wb_kind_name[] = {
	[WB_VMALLOC] = "vmalloc",
	[WB_VMAP] = "vmap",
	[WB_VM_MAP_RAM] = "vm_map_ram",
};

struct wb_area {
	enum wb_kind kind;
	unsigned int pages;
	void *addr;
	struct page **page;	/* vmap() and vm_map_ram() areas */
};

static struct wb_area wb_areas[] = {
	{ WB_VMALLOC, 1 }, { WB_VMALLOC, 3 }, { WB_VMALLOC, 16 },
	{ WB_VMALLOC, 17 }, { WB_VMALLOC, 64 }, { WB_VMALLOC, 300 },
	{ WB_VMAP, 2 }, { WB_VMAP, 33 },
	{ WB_VM_MAP_RAM, 4 }, { WB_VM_MAP_RAM, 300 },
};

static u64 wb_seed;
static struct dentry *wb_file;

static void wb_fill(struct wb_area *a)
{
	u64 *p = a->addr, *end = p + a->pages * PAGE_SIZE / sizeof(*p);

	for (; p < end; p++)
		*p = (u64)(unsigned long)p ^ wb_seed;
}

static void wb_unmap(struct wb_area *a)
{
	unsigned int i;

	if (a->addr) {
		if (a->kind == WB_VMALLOC)
			vfree(a->addr);
		else if (a->kind == WB_VMAP)
			vunmap(a->addr);
		else
			vm_unmap_ram(a->addr, a->pages);
		a->addr = NULL;
	}
	if (a->page) {
		for (i = 0; i < a->pages && a->page[i]; i++)
			__free_page(a->page[i]);
		kvfree(a->page);
		a->page = NULL;
	}
}

static int wb_map(struct wb_area *a)
{
	unsigned int i;

	if (a->kind == WB_VMALLOC) {
		a->addr = vmalloc(a->pages * PAGE_SIZE);
		return a->addr ? 0 : -ENOMEM;
	}

	a->page = kvcalloc(a->pages, sizeof(*a->page), GFP_KERNEL);
	if (!a->page)
		return -ENOMEM;
	for (i = 0; i < a->pages; i++) {
		a->page[i] = alloc_page(GFP_KERNEL);
		if (!a->page[i])
			return -ENOMEM;
	}
	if (a->kind == WB_VMAP)
		a->addr = vmap(a->page, a->pages, VM_MAP, PAGE_KERNEL);
	else
		a->addr = vm_map_ram(a->page, a->pages, NUMA_NO_NODE);
	return a->addr ? 0 : -ENOMEM;
}

static int wb_show(struct seq_file *m, void *v)
{
	unsigned int i;

	seq_printf(m, "seed %llx\n", wb_seed);
	for (i = 0; i < ARRAY_SIZE(wb_areas); i++)
		seq_printf(m, "%s %lx %u %s\n", wb_kind_name[wb_areas[i].kind],
			   (unsigned long)wb_areas[i].addr, wb_areas[i].pages,
			   wb_areas[i].kind == WB_VM_MAP_RAM ? "zero" : "data");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(wb);

static void wb_unmap_all(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(wb_areas); i++)
		wb_unmap(&wb_areas[i]);
}

static int __init wb_kcore_init(void)
{
	unsigned int i;
	int ret;

	wb_seed = get_random_u64();
	for (i = 0; i < ARRAY_SIZE(wb_areas); i++) {
		ret = wb_map(&wb_areas[i]);
		if (ret) {
			wb_unmap_all();
			return ret;
		}
		wb_fill(&wb_areas[i]);
	}
	wb_file = debugfs_create_file("wb_kcore", 0400, NULL, NULL, &wb_fops);
	return 0;
}
module_init(wb_kcore_init);

static void __exit wb_kcore_exit(void)
{
	debugfs_remove(wb_file);
	wb_unmap_all();
}
module_exit(wb_kcore_exit);

MODULE_DESCRIPTION("Areas of known content for a /proc/kcore read-back check");
MODULE_LICENSE("GPL");
