#!/usr/bin/perl
# install.t - `make install` as a package build would run it: into a
# temporary DESTDIR with PREFIX=/usr.  What it installs, that the shared
# library exports only hr_* and has its SONAME, and that a program built
# with nothing but `pkg-config --cflags --libs hugeresv` compiles, links
# against the installed library, loads it and gets the engine's figures.
# Then `make uninstall` takes every file away again.
#
# The Makefile's check target gives the tree (HR_SRCDIR), its make
# (HR_MAKE) and compiler (HR_CC); the release build is reused when it is
# up to date.  Nothing is installed outside the temporary directory.
use strict;
use warnings;
use File::Temp qw(tempdir);

use FindBin;
require "$FindBin::Bin/lib.pl";

my $src = $ENV{HR_SRCDIR} or die "HR_SRCDIR is not set (run through 'make check')\n";
my $make = $ENV{HR_MAKE} || 'make';
my $cc = $ENV{HR_CC} || 'cc';
my $tmp = tempdir(CLEANUP => 1);
my $root = "$tmp/root";
my $n = 0;

sub result {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    print STDERR "# $_\n" for $good ? () : map { split /\n/ } @diag;
    return $good;
}

sub skip {
    my ($why, $count) = @_;
    print 'ok ', ++$n, " # SKIP $why\n" for 1 .. $count;
}

sub have {
    my ($tool) = @_;
    return grep { -x "$_/$tool" } split /:/, $ENV{PATH} // '';
}

# The version the header declares: what every file name and the .pc
# must say.
open(my $h, '<', "$src/include/hugeresv.h") or die "hugeresv.h: $!\n";
my @header = <$h>;
close($h);
my %v = map { /^#define HR_VERSION_(MAJOR|MINOR|PATCH)\s+(\d+)\s*$/ ? ($1, $2) : () } @header;
# The functions the header declares (a declaration starts in column 0;
# comments and macros do not), and those it forgot to mark HR_EXPORT.
my %declared = map { /^(?:HR_EXPORT\s+)?[a-z][\w\s\*]*?\b(hr_\w+)\(/ ? ($1, 1) : () } @header;
my @unmarked = map { /^(?!HR_EXPORT)[a-z][\w\s\*]*?\b(hr_\w+)\(/ ? ($1) : () } @header;
die "no HR_VERSION_MAJOR/MINOR/PATCH in hugeresv.h\n" unless keys %v == 3;
my $version = "$v{MAJOR}.$v{MINOR}.$v{PATCH}";
my $soname = "libhugeresv.so.$v{MAJOR}";

# The outer make's jobserver and command-line variables are not this
# make's business: a plain sequential make in the tree.
delete @ENV{qw(MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES)};
my @make = ($make, '-C', $src, "CC=$cc", "DESTDIR=$root", 'PREFIX=/usr');

print "1..11\n";

my ($st, $out) = capture(undef, @make, 'install');
result($st == 0, 'make install DESTDIR=... PREFIX=/usr', $out) or do {
    skip('make install failed', 10);
    exit 0;
};

my $lib = "$root/usr/lib";
my @man = map { s{.*/docs/man/}{}r } glob("$src/docs/man/*.[15]");
my @want = ('usr/bin/hugeresv', "usr/lib/libhugeresv.so.$version",
    'usr/lib/libhugeresv.a', 'usr/include/hugeresv.h',
    'usr/lib/pkgconfig/hugeresv.pc',
    map { "usr/share/man/man" . substr($_, -1) . "/$_" } @man);
my @missing = grep { !-f "$root/$_" } @want;
my $links = (readlink("$lib/$soname") // '') eq "libhugeresv.so.$version"
    && (readlink("$lib/libhugeresv.so") // '') eq $soname;
result(!@missing && $links, 'the files and the .so links (' . @man . ' man pages)',
    "missing: @missing", "links: " . join(' ', map { readlink($_) // '?' }
        "$lib/$soname", "$lib/libhugeresv.so"));

# Only the public API in the dynamic symbol table.
($st, $out) = capture(undef, 'nm', '-D', '--defined-only', "$lib/libhugeresv.so.$version");
my @syms = map { (split ' ')[-1] } grep { /\S/ } split /\n/, $out;
my @foreign = grep { !/^hr_/ } @syms;
my %has = map { $_ => 1 } @syms;
my @hidden = grep { !$has{$_} } sort keys %declared;
my @extra = grep { !$declared{$_} } @syms;
result($st == 0 && @syms && !@foreign && !@hidden && !@extra && !@unmarked
    && !$has{hr_bug} && !$has{hr_zalloc},
    'nm -D: exactly the functions hugeresv.h declares (' . @syms . ' symbols)',
    "not hr_*: @foreign", "declared but not exported: @hidden",
    "exported but not declared: @extra", "declared without HR_EXPORT: @unmarked", $out);

($st, $out) = capture(undef, 'readelf', '-d', "$lib/libhugeresv.so.$version");
result($st == 0 && $out =~ /\(SONAME\)\s+Library soname: \[\Q$soname\E\]/,
    "readelf -d: SONAME $soname", $out);

($st, $out) = capture(undef, "$root/usr/bin/hugeresv", '--version');
result($st == 0 && $out eq "hugeresv $version\n", "installed hugeresv --version: $version", $out);

# A program of the library's users, built the way they would build it.
my $prog_src = <<'EOF';
#include <hugeresv.h>
#include <stdio.h>
#include <string.h>

static long meminfo(hr_machine *m, const char *key)
{
	int64_t v;
	return hr_counter(m, NULL, "meminfo", key, &v) ? -1 : (long)v;
}

#define SHOW(what) printf("%s free=%ld rsvd=%ld\n", what, \
	meminfo(m, "HugePages_Free"), meminfo(m, "HugePages_Rsvd"))

int main(void)
{
	struct hr_mmap_args a = { .len = 4 * HR_SZ_2M,
		.prot = HR_PROT_READ | HR_PROT_WRITE,
		.flags = HR_MAP_PRIVATE | HR_MAP_ANONYMOUS | HR_MAP_HUGETLB };
	hr_machine *m = hr_machine_new(NULL);
	hr_proc *p;
	uint64_t addr;

	if (!m || hr_sysctl_write(m, "vm.nr_hugepages", "8") ||
	    hr_proc_new(m, &p) || hr_mmap(p, &a, &addr))
		return 1;
	SHOW("mapped");
	if (hr_touch(p, addr, 1) || hr_touch(p, addr + HR_SZ_2M, 1))
		return 1;
	SHOW("touched");
	if (hr_munmap(p, addr, a.len))
		return 1;
	SHOW("unmapped");
	printf("version %s %s %d\n", hr_version(), HR_VERSION,
	       HR_VERSION_NUMBER);
	hr_machine_free(m);
	return 0;
}
EOF

user_program();

($st, $out) = capture(undef, @make, 'uninstall');
my @left = grep { !-d } split /\n/, `find '$root' 2>/dev/null`;
result($st == 0 && !@left, 'make uninstall removes every file', $out, "left: @left");

# Tests 6..10: pkg-config, the build, the link, the load, the figures.
sub user_program {
    return skip('pkg-config not found (apt-get install pkg-config)', 5)
        unless have('pkg-config');
    local $ENV{PKG_CONFIG_PATH} = "$lib/pkgconfig";
    local $ENV{PKG_CONFIG_SYSROOT_DIR} = $root;
    local $ENV{PKG_CONFIG_LIBDIR} = "$lib/pkgconfig";	# nothing of the host's
    ($st, $out) = capture(undef, 'pkg-config', '--modversion', 'hugeresv');
    result($st == 0 && $out eq "$version\n", "pkg-config --modversion: $version", $out);
    ($st, my $flags) = capture(undef, 'pkg-config', '--cflags', '--libs', 'hugeresv');
    $flags =~ s/\s+\z//;

    open(my $fh, '>', "$tmp/user.c") or die "user.c: $!\n";
    print $fh $prog_src;
    close($fh);
    ($st, $out) = capture(undef, $cc, '-std=c11', '-Wall', '-Wextra', '-Werror',
        '-o', "$tmp/user", "$tmp/user.c", split(' ', $flags));
    result($st == 0, 'a program built with pkg-config --cflags --libs', "flags: $flags", $out)
        or return skip('the program did not build', 3);

    ($st, $out) = capture(undef, 'readelf', '-d', "$tmp/user");
    result($out =~ /\(NEEDED\)\s+Shared library: \[\Q$soname\E\]/, "it needs $soname", $out);

    local $ENV{LD_LIBRARY_PATH} = $lib;
    {
        local $ENV{LD_TRACE_LOADED_OBJECTS} = 1;	# what ldd does
        ($st, $out) = capture(undef, "$tmp/user");
    }
    result($out =~ m{^\s*\Q$soname\E => \Q$lib/$soname\E }m, 'it loads the installed library', $out);

    ($st, $out) = capture(undef, "$tmp/user");
    my $num = $v{MAJOR} * 10000 + $v{MINOR} * 100 + $v{PATCH};
    result($st == 0 && $out eq "mapped free=8 rsvd=4\ntouched free=6 rsvd=2\n"
        . "unmapped free=8 rsvd=0\nversion $version $version $num\n",
        'map, touch, unmap: HugePages_Free and HugePages_Rsvd, hr_version()', "exit $st", $out);
}
