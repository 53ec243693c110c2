/* SPDX-License-Identifier: MIT */
/*
 * vm_fetch.c - guest kernels: Debian's cloud kernels
 * (linux-image-VERSION-cloud-amd64, the flavour with virtio, the 8250
 * serial port and hugetlbfs built in), fetched with `apt-get download`,
 * unpacked with `dpkg-deb -x`, and kept as
 *
 *     $XDG_CACHE_HOME/hugeresv/kernels/VERSION/vmlinuz   (and config)
 *
 * (~/.cache when XDG_CACHE_HOME is unset).  Only the kernel image is
 * kept: the guest runs from an initramfs and loads no module.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/vm_int.h"

static const char pkg_prefix[] = "linux-image-";
static const char pkg_suffix[] = "-cloud-amd64";

/* mkdir -p */
static int mkdirs(const char *path)
{
	char tmp[512];
	size_t i;

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (i = 1; tmp[i]; i++) {
		if (tmp[i] != '/')
			continue;
		tmp[i] = '\0';
		if (mkdir(tmp, 0755) && errno != EEXIST)
			return -1;
		tmp[i] = '/';
	}
	return mkdir(tmp, 0755) && errno != EEXIST ? -1 : 0;
}

int vm_cache_dir(const char *sub, char *path, size_t len, char *err,
		 size_t errlen)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(path, len, "%s/hugeresv/%s", xdg, sub);
	else if (home && home[0] == '/')
		snprintf(path, len, "%s/.cache/hugeresv/%s", home, sub);
	else {
		snprintf(err, errlen, "no cache directory: set XDG_CACHE_HOME "
			 "or HOME");
		return -1;
	}
	if (mkdirs(path)) {
		snprintf(err, errlen, "cannot create %s: %s", path,
			 strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Does the kernel version @ver ("6.1.0-57", "6.12.117+deb12") belong to
 * @spec?  "6.1" takes 6.1.0-57 but not 6.12.117: the spec must end at a
 * separator of @ver.
 */
static int spec_matches(const char *spec, const char *ver)
{
	size_t n = strlen(spec);

	return !strncmp(ver, spec, n) &&
	       (ver[n] == '\0' || ver[n] == '.' || ver[n] == '-' ||
		ver[n] == '+');
}

/* Keep the newest matching version in @best. */
static void consider(const char *spec, const char *ver, char *best,
		     size_t len)
{
	if (!spec_matches(spec, ver) || strlen(ver) >= len)
		return;
	if (!best[0] || strverscmp(ver, best) > 0)
		snprintf(best, len, "%s", ver);
}

/* The newest cloud kernel apt offers for @spec ("" if none, or no apt). */
static void apt_newest(const char *spec, char *best, size_t len)
{
	char line[512];
	FILE *p;

	best[0] = '\0';
	p = popen("apt-cache search --names-only "
		  "'^linux-image-[0-9].*-cloud-amd64$' 2>/dev/null", "r");
	if (!p)
		return;
	while (fgets(line, sizeof(line), p)) {
		size_t n;

		line[strcspn(line, " \n")] = '\0';
		n = strlen(line);
		if (strncmp(line, pkg_prefix, sizeof(pkg_prefix) - 1) ||
		    n < sizeof(pkg_prefix) + sizeof(pkg_suffix) ||
		    strcmp(line + n - (sizeof(pkg_suffix) - 1), pkg_suffix))
			continue;
		line[n - (sizeof(pkg_suffix) - 1)] = '\0';
		consider(spec, line + sizeof(pkg_prefix) - 1, best, len);
	}
	pclose(p);
}

/* The newest version for @spec already in the cache @dir ("" if none). */
static void cached_newest(const char *dir, const char *spec, char *best,
			  size_t len)
{
	struct dirent *e;
	DIR *d = opendir(dir);

	best[0] = '\0';
	if (!d)
		return;
	while ((e = readdir(d))) {
		char k[600];

		if (e->d_name[0] == '.')
			continue;
		if (snprintf(k, sizeof(k), "%s/%s/vmlinuz", dir, e->d_name) <
		    (int)sizeof(k) && access(k, R_OK) == 0)
			consider(spec, e->d_name, best, len);
	}
	closedir(d);
}

/* The first name in @dir that starts with @prefix, as a path. */
static int find_prefixed(const char *dir, const char *prefix, char *path,
			 size_t len)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int found = -1;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, strlen(prefix)) &&
		    snprintf(path, len, "%s/%s", dir, e->d_name) < (int)len) {
			found = 0;
			break;
		}
	closedir(d);
	return found;
}

/* Download and unpack the package of @ver into @cache/@ver. */
static int fetch(const char *cache, const char *ver, char *err, size_t errlen)
{
	char tmp[600], pkg[256], log[700], boot[700], src[1300], dst[1024];
	char *dl[] = { "sh", "-c", "cd \"$1\" && apt-get download \"$2\" && "
		       "dpkg-deb -x ./*.deb x", "sh", tmp, pkg, NULL };
	char *rm[] = { "rm", "-rf", tmp, NULL };
	int fd, rc;

	snprintf(pkg, sizeof(pkg), "%s%s%s", pkg_prefix, ver, pkg_suffix);
	snprintf(tmp, sizeof(tmp), "%s/.fetch-XXXXXX", cache);
	if (!mkdtemp(tmp)) {
		snprintf(err, errlen, "mkdtemp in %s: %s", cache, strerror(errno));
		return -1;
	}
	fprintf(stderr, "hugeresv: fetching %s (apt-get download) into %s/%s\n",
		pkg, cache, ver);
	snprintf(log, sizeof(log), "%s.log", tmp);
	fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rc = vm_spawn_wait(dl, fd, fd);
	if (fd >= 0)
		close(fd);
	snprintf(boot, sizeof(boot), "%s/x/boot", tmp);
	if (rc != 0 || find_prefixed(boot, "vmlinuz-", src, sizeof(src))) {
		vm_spawn_wait(rm, -1, -1);
		snprintf(err, errlen, "cannot fetch %s: apt-get download or "
			 "dpkg-deb -x failed (see %s)", pkg, log);
		return -1;
	}
	/* into VERSION.tmp, then renamed: a cache entry is whole or absent */
	snprintf(dst, sizeof(dst), "%s/%s.tmp", cache, ver);
	mkdir(dst, 0755);
	snprintf(dst, sizeof(dst), "%s/%s.tmp/vmlinuz", cache, ver);
	rc = rename(src, dst);
	if (!rc && !find_prefixed(boot, "config-", src, sizeof(src))) {
		snprintf(dst, sizeof(dst), "%s/%s.tmp/config", cache, ver);
		rc = rename(src, dst);
	}
	if (!rc) {
		char final[1024];

		snprintf(dst, sizeof(dst), "%s/%s.tmp", cache, ver);
		snprintf(final, sizeof(final), "%s/%s", cache, ver);
		rc = rename(dst, final);
	}
	vm_spawn_wait(rm, -1, -1);
	if (rc) {
		snprintf(err, errlen, "cannot store %s in %s: %s", pkg, cache,
			 strerror(errno));
		return -1;
	}
	unlink(log);
	return 0;
}

int vm_kernel_path(const char *spec, char *path, size_t len, char *version,
		   size_t vlen, char *err, size_t errlen)
{
	char cache[512], best[200], cached[200];
	struct stat sb;

	if (strchr(spec, '/') || stat(spec, &sb) == 0) {
		const char *b = strrchr(spec, '/');

		if (stat(spec, &sb) || !S_ISREG(sb.st_mode)) {
			snprintf(err, errlen, "--vm %s: no such kernel image", spec);
			return -1;
		}
		snprintf(path, len, "%s", spec);
		snprintf(version, vlen, "%s", b ? b + 1 : spec);
		return 0;
	}
	if (vm_cache_dir("kernels", cache, sizeof(cache), err, errlen))
		return -1;
	apt_newest(spec, best, sizeof(best));
	cached_newest(cache, spec, cached, sizeof(cached));
	if (!best[0])
		snprintf(best, sizeof(best), "%s", cached);
	if (!best[0]) {
		snprintf(err, errlen, "--vm %s: no Debian cloud kernel "
			 "linux-image-%s*%s in apt (apt-get update?) or in %s",
			 spec, spec, pkg_suffix, cache);
		return -1;
	}
	snprintf(path, len, "%s/%s/vmlinuz", cache, best);
	snprintf(version, vlen, "%s%s", best, pkg_suffix);
	if (access(path, R_OK) == 0)
		return 0;
	return fetch(cache, best, err, errlen);
}
