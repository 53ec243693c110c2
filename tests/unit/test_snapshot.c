/* SPDX-License-Identifier: MIT */
/*
 * test_snapshot.c - snapshots (cli/backend/snapshot.c): parsing the kernel's text
 * formats, summing smaps, and the formatting helpers of cli.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "backend/backend.h"
#include "tap.h"

static const char meminfo[] =
	"MemTotal:        4194304 kB\n"
	"Active(anon):         12 kB\n"
	"AnonHugePages:      4096 kB\n"
	"HugePages_Total:       8\n"
	"HugePages_Free:        7\n"
	"Hugepagesize:       2048 kB\n";

static const char smaps[] =
	"7f0000000000-7f0000800000 rw-p 00000000 00:00 0 \n"
	"Size:               8192 kB\n"
	"KernelPageSize:     2048 kB\n"
	"Private_Hugetlb:    2048 kB\n"
	"THPeligible:           0\n"
	"VmFlags: rd wr mr mw me ac ht\n"
	"7f0000a00000-7f0000e00000 rw-s 00000000 00:2d 1234      /dev/hugepages/f (deleted)\n"
	"Size:               4096 kB\n"
	"KernelPageSize:     2048 kB\n"
	"Private_Hugetlb:       0 kB\n"
	"Shared_Hugetlb:     4096 kB\n"
	"THPeligible:           0\n"
	"VmFlags: rd wr sh mr mw me ms\n";

static int no_pagesize(const char *key)
{
	return strcmp(key, "KernelPageSize") != 0;
}

static void test_parse(void)
{
	struct snapshot s;
	int64_t v = -1;

	snapshot_init(&s);
	ok(snapshot_parse_keyvals(&s, "meminfo:", meminfo, NULL) == 0, "parse meminfo");
	is_int(s.n, 6, "six meminfo keys");
	ok(snapshot_get(&s, "meminfo:MemTotal", &v) && v == 4194304LL * 1024, "kB in bytes");
	ok(snapshot_get(&s, "meminfo:Active(anon)", &v) && v == 12 * 1024, "key with parentheses");
	ok(snapshot_get(&s, "meminfo:HugePages_Free", &v) && v == 7, "plain count");
	ok(!snapshot_get(&s, "meminfo:Nope", &v), "absent key");

	snapshot_clear(&s);
	is_int(s.n, 0, "clear");
	ok(snapshot_parse_keyvals(&s, "smaps:A:", smaps, no_pagesize) == 0, "parse smaps");
	ok(snapshot_get(&s, "smaps:A:Size", &v) && v == 12 << 20, "Size sums over VMAs");
	ok(snapshot_get(&s, "smaps:A:Private_Hugetlb", &v) && v == 2 << 20, "Private_Hugetlb");
	ok(snapshot_get(&s, "smaps:A:Shared_Hugetlb", &v) && v == 4 << 20, "Shared_Hugetlb");
	ok(!snapshot_get(&s, "smaps:A:KernelPageSize", NULL), "filter drops keys");
	ok(!snapshot_get(&s, "smaps:A:VmFlags", NULL), "words are not counters");
	ok(!snapshot_get(&s, "smaps:A:7f0000000000-7f0000800000", NULL), "VMA headers are skipped");
	is_int(s.n, 4, "Size, Private_Hugetlb, THPeligible, Shared_Hugetlb");

	snapshot_clear(&s);
	ok(snapshot_parse_keyvals(&s, "vmstat:", "nr_free_pages 100\nthp_fault_alloc 3\nweird -2\n",
				  NULL) == 0, "parse vmstat");
	ok(snapshot_get(&s, "vmstat:thp_fault_alloc", &v) && v == 3, "vmstat value");
	ok(snapshot_get(&s, "vmstat:weird", &v) && v == -2, "negative value");
	ok(snapshot_set(&s, "vmstat:thp_fault_alloc", 9) == 0 &&
	   snapshot_get(&s, "vmstat:thp_fault_alloc", &v) && v == 9 && s.n == 3, "set replaces");
	snapshot_free(&s);
	is_int(s.n, 0, "free");
}

static void test_format(void)
{
	char b[48];

	is_str(format_size(0, b, sizeof(b)), "0", "0");
	is_str(format_size(4 << 20, b, sizeof(b)), "4M", "4M");
	is_str(format_size(512 << 10, b, sizeof(b)), "512K", "512K");
	is_str(format_size(1536 << 10, b, sizeof(b)), "1536K", "1536K");
	is_str(format_size(1ULL << 30, b, sizeof(b)), "1G", "1G");
	is_str(format_size(3ULL << 40, b, sizeof(b)), "3T", "3T");
	is_str(format_size(1000, b, sizeof(b)), "1000B", "not a multiple of 1K");
	is_str(format_value("meminfo:Hugetlb", 16 << 20, b, sizeof(b)), "16M", "kB field");
	is_str(format_value("meminfo:HugePages_Rsvd", 3, b, sizeof(b)), "3", "count field");
	is_str(format_value("smaps:A:Rss", -(2 << 20), b, sizeof(b)), "-2M", "negative size");
	is_str(format_value("smaps:A:THPeligible", 1, b, sizeof(b)), "1", "THPeligible is a count");
	is_str(format_value("sysfs:hugepages/hugepages-2048kB/nr_hugepages", 8, b, sizeof(b)), "8", "sysfs");
	ok(snapshot_key_is_kb("meminfo:AnonHugePages"), "AnonHugePages is kB");
	ok(!snapshot_key_is_kb("meminfo:HugePages_Surp"), "HugePages_Surp is a count");
	ok(!snapshot_key_is_kb("vmstat:nr_thp_reserved"), "vmstat is counts");
	ok(!snapshot_key_is_kb("smaps:A:ProtectionKey"), "ProtectionKey is a count");
}

static void test_changes(void)
{
	struct snapshot a, b;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int n;

	snapshot_init(&a);
	snapshot_init(&b);
	snapshot_set(&a, "meminfo:HugePages_Free", 8);
	snapshot_set(&a, "meminfo:Hugetlb", 16 << 20);
	snapshot_set(&a, "smaps:A:Rss", 4096);
	snapshot_set(&b, "meminfo:HugePages_Free", 7);
	snapshot_set(&b, "meminfo:Hugetlb", 16 << 20);
	snapshot_set(&b, "smaps:B:Private_Hugetlb", 2 << 20);
	n = snapshot_print_changes(f, "  ", &a, &b);
	fclose(f);
	is_int(n, 3, "three counters changed");
	is_str(out, "  meminfo: HugePages_Free 8 -> 7\n"
		    "  B smaps: Private_Hugetlb 0 -> 2M\n"
		    "  A smaps: Rss 4K -> 0\n", "grouped by source");
	free(out);
	snapshot_free(&a);
	snapshot_free(&b);

	f = open_memstream(&out, &len);
	json_string(f, "a\"b\\c\n\x01");
	fclose(f);
	is_str(out, "\"a\\\"b\\\\c\\n\\u0001\"", "json_string escapes");
	free(out);
}

int main(void)
{
	test_parse();
	test_format();
	test_changes();
	return done_testing();
}
