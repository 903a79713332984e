// SPDX-License-Identifier: GPL-2.0
/*
 * loadmod: load a kernel module once with finit_module(2).
 *
 * busybox insmod and modprobe retry with init_module(2) when
 * finit_module(2) fails, and test modules such as test_vmalloc fail their
 * init on purpose after running, so busybox runs every test twice.
 * Usage: loadmod FILE.ko [PARAM=VALUE...]; exit status 0, or the errno.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	size_t len = 1;
	char *params;
	int fd, i;

	if (argc < 2) {
		fprintf(stderr, "usage: loadmod FILE.ko [PARAM=VALUE...]\n");
		return 2;
	}
	for (i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;
	params = calloc(1, len);
	if (!params)
		return ENOMEM;
	for (i = 2; i < argc; i++) {
		strcat(params, argv[i]);
		if (i + 1 < argc)
			strcat(params, " ");
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return errno;
	}
	if (syscall(SYS_finit_module, fd, params, 0)) {
		fprintf(stderr, "loadmod: %s: %s\n", argv[1], strerror(errno));
		return errno;
	}
	return 0;
}
