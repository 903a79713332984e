// SPDX-License-Identifier: GPL-2.0
/*
 * Negative control: a KUnit suite with one passing and one failing case.
 * The workbench must count the failing case as a failure.
 */
#include <kunit/test.h>
#include <linux/module.h>

static void wb_neg_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2, 1 + 1);
}

static void wb_neg_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, 3, 1 + 1, "wb-negative-control: planted failure");
}

static struct kunit_case wb_neg_cases[] = {
	KUNIT_CASE(wb_neg_passes),
	KUNIT_CASE(wb_neg_fails),
	{}
};

static struct kunit_suite wb_neg_suite = {
	.name = "wb_negative_control",
	.test_cases = wb_neg_cases,
};

kunit_test_suite(wb_neg_suite);

MODULE_DESCRIPTION("Workbench negative control: failing KUnit case");
MODULE_LICENSE("GPL");
