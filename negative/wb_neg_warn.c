// SPDX-License-Identifier: GPL-2.0
/*
 * Negative control: a planted WARN.  The workbench loads this module in
 * its "negative" guest job and must report the run as failed.
 */
#include <linux/module.h>
#include <linux/bug.h>

static int __init wb_neg_warn_init(void)
{
	WARN(1, "wb-negative-control: planted warning\n");
	return -EAGAIN;
}
module_init(wb_neg_warn_init);

MODULE_DESCRIPTION("Workbench negative control: planted WARN");
MODULE_LICENSE("GPL");
