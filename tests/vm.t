#!/usr/bin/perl
# vm.t - the kernel back end in qemu guests (cli/vm/): the smoke test.
#
#  - option errors of --vm (no guest needed);
#  - for each of Debian's 6.1 and 6.12 cloud kernels: `diff --vm` over
#    five scenario files in one guest (it boots, says its release, every
#    file is "ok"), and `run --kernel --vm --json` of one file reads as a
#    host run does (backend "kernel", every expectation held);
#  - on 6.12, files the engine predicts would damage a kernel until
#    reboot, which a host refuses (tests/kernel.t) and diff --vm runs in
#    a guest rebooted after: tests/unsafe/subpool_over_release.scn (the
#    6.18 bug: safe for 6.12's profile, so run as any file, where the
#    guest's agent used to refuse it) and, in the same guest after it,
#    subpool/min_size_noreserve_uses_subpool.scn (unsafe on 6.12: sent
#    as such, the guest powered off after it).  One boot.
#  - on 6.12, a two-node guest: a one-node file, two multi-node files
#    and a one-node file again in one diff --vm (the guest is booted with
#    each file's node count: 3 boots), every file agreeing, and the
#    guest's per-node pool counters in a --json run; and, without a
#    guest, a host diff skipping a multi-node file with its reason.
#
# The guests need qemu-system-x86_64, a static busybox, cpio, a static
# hugeresv (`make build-vm/hugeresv`, built here through HR_MAKE) and the
# two kernels (`hugeresv vm fetch 6.1 6.12`: apt).  Without one of them
# the guest tests print a SKIP line each.  Nothing here touches the
# host's huge page settings: everything kernel-side runs in the guests.
# The whole corpus on both kernels is `make check-vm`, not this test.
use strict;
use warnings;
use FindBin;
require "$FindBin::Bin/lib.pl";

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $src = $ENV{HR_SRCDIR} // "$FindBin::Bin/..";
my $make = $ENV{HR_MAKE} // 'make';
my $n = 0;

sub ok {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    if (!$good) { print STDERR "# $_\n" for map { split /\n/ } @diag; }
    return $good;
}

sub skip { my ($why, $count) = @_; for (1 .. $count) { $n++; print "ok $n # SKIP $why\n"; } }

sub run { my ($st, $out) = capture(undef, $bin, @_); return ($st >> 8, $out); }

# Files that agree on the engine and on both kernels (the sweep of
# `make check-vm`): hugetlb accounting, fork, subpools, shm, THP.
my @files = map { "$src/scenarios/$_" } qw(
    anon/anon_private_basic.scn
    cow/owner_cow_keeps_reservations.scn
    subpool/min_size_reserves_at_mount.scn
    shm/shm_two_attachers.scn
    thp/thp_fault_write_always.scn
);
my $runfile = "$src/scenarios/anon/anon_shared_basic.scn";
my @kernels = qw(6.1 6.12);
my $per_kernel = 4;
my @unsafe = ("$src/tests/unsafe/subpool_over_release.scn",
              "$src/scenarios/subpool/min_size_noreserve_uses_subpool.scn");
my $unsafe_kernel = '6.12';
my $unsafe_tests = 2;
my @numa = ("$src/scenarios/anon/anon_private_basic.scn",
            "$src/scenarios/numa/reserved_but_node_empty.scn",
            "$src/scenarios/numa/node_write_counts_surplus.scn",
            "$src/scenarios/anon/anon_shared_basic.scn");
my $numa_tests = 3;

print "1..", 4 + $per_kernel * @kernels + $unsafe_tests + $numa_tests, "\n";

# --- no guest needed --------------------------------------------------------
{
    my ($rc, $out) = run('run', '--vm', '6.1', $runfile);
    ok($rc == 2 && $out =~ /--vm needs --kernel/, 'run --vm without --kernel: usage error', $out);
    ($rc, $out) = run('diff', '--vm', '6.1', '--vm-mem', 'lots', $runfile);
    ok($rc == 2 && $out =~ /--vm-mem/, 'diff --vm-mem lots: usage error', $out);
    ($rc, $out) = run('diff', '--help');
    ok($rc == 0 && $out =~ /--vm KERNEL/ && $out =~ /--vm-cpus/ && $out =~ /--vm-nodes/,
       'diff --help lists the --vm options', $out);
    # the host: a file for two nodes is skipped before anything runs
    my $online = '';
    if (open(my $fh, '<', '/sys/devices/system/node/online')) { $online = <$fh> // ''; close($fh); }
    if ($online =~ /^0\s*$/) {
        ($rc, $out) = run('diff', $numa[1]);
        ok($out =~ /reserved_but_node_empty\.scn: skipped \(needs 2 NUMA nodes and the host has 1: --vm KERNEL/ &&
           $out =~ /1 files, 0 mismatches, 1 skipped/, 'host diff skips a two-node file, naming why', $out);
    } else {
        skip('the host has more than one NUMA node', 1);
    }
}

# --- what the guests need ---------------------------------------------------
sub have { my ($cmd) = @_; return system("command -v $cmd >/dev/null 2>&1") == 0; }

my $why;
$why = 'qemu-system-x86_64 not installed (apt-get install qemu-system-x86)' unless have('qemu-system-x86_64');
$why //= 'cpio not installed' unless have('cpio');
$why //= 'no scenario files' unless -f $files[0];
if (!$why) {
    my ($st, $out) = capture(undef, $make, '-s', '-C', $src, 'build-vm/hugeresv');
    $why = 'cannot build the static hugeresv (no static libc?)' if $st || !-x "$src/build-vm/hugeresv";
    $ENV{HUGERESV_VM_AGENT} = "$src/build-vm/hugeresv";
}
if (!$why) {
    # the initramfs: a static busybox (busybox-static), cpio
    my ($rc, $out) = run('vm', 'image');
    if ($rc) { chomp $out; $why = "no initramfs: $out"; $why =~ s/\n/ /g; }
}
my %fetched;
if (!$why) {
    for my $k (@kernels) {
        my ($rc, $out) = run('vm', 'fetch', $k);
        $fetched{$k} = $rc == 0 ? $out : undef;
    }
}

$ENV{HUGERESV_VM_VERBOSE} = 1;
for my $k (@kernels) {
    my $kwhy = $why;
    $kwhy //= "kernel $k not available (hugeresv vm fetch $k: apt)" unless $fetched{$k};
    if ($kwhy) { skip($kwhy, $per_kernel); next; }

    my ($rc, $out) = run('diff', '--vm', $k, @files);
    my ($rel) = $out =~ /guest 1 up: Linux (\S+) in ([\d.]+) s/;
    ok(defined $rel && index($rel, $k) == 0, "$k: the guest boots and runs the kernel asked for", $out);
    print "# $k: Linux $rel\n" if defined $rel;
    my $oks = () = $out =~ /^\S+: ok \(\d+ steps\)$/mg;
    ok($oks == @files, "$k: diff --vm: all five files agree", $out);
    ok($rc == 0 && $out =~ /^5 files, 0 mismatches, 0 skipped, 0 noisy$/m, "$k: diff --vm: exit 0 and the summary", $out);

    ($rc, $out) = run('run', '--kernel', '--vm', $k, '--json', $runfile);
    ok($rc == 0 && $out =~ /"backend":"kernel"/ && $out =~ /"failed":0,"status":"ok"/ &&
       $out =~ /"meminfo:HugePages_Total":\d+/,
       "$k: run --kernel --vm --json reads as a host run", substr($out, 0, 2000));
}

# --- unsafe files, judged in a guest ----------------------------------------
{
    my $k = $unsafe_kernel;
    my $kwhy = $why;
    $kwhy //= "kernel $k not available (hugeresv vm fetch $k: apt)" unless $fetched{$k};
    if ($kwhy) {
        skip($kwhy, $unsafe_tests);
    } else {
        my ($rc, $out) = run('diff', '--vm', $k, @unsafe);
        my $oks = () = $out =~ /^\S+: ok \(\d+ steps\)$/mg;
        my $boots = () = $out =~ /guest \d+ up:/g;
        ok($rc == 0 && $oks == 2 && $out !~ /skipped \(/ && $boots == 1 &&
           $out =~ /^2 files, 0 mismatches, 0 skipped, 0 noisy$/m,
           "$k: diff --vm runs the unsafe files in one guest and both agree", $out);
        ok($out =~ /^\(1 unsafe file run in guests, each guest rebooted after\)$/m &&
           $out =~ /min_size_noreserve_uses_subpool\.scn (?:left the guest unclean|was run as unsafe): rebooting/,
           "$k: diff --vm counts the unsafe file and reboots its guest", $out);
    }
}

# --- a two-node guest -------------------------------------------------------
{
    my $k = '6.12';
    my $kwhy = $why;
    $kwhy //= "kernel $k not available (hugeresv vm fetch $k: apt)" unless $fetched{$k};
    if ($kwhy) {
        skip($kwhy, $numa_tests);
    } else {
        my ($rc, $out) = run('diff', '--vm', $k, @numa);
        my $oks = () = $out =~ /^\S+: ok \(\d+ steps\)$/mg;
        my $boots = () = $out =~ /guest \d+ up:/g;
        ok($rc == 0 && $oks == 4 && $out =~ /^4 files, 0 mismatches, 0 skipped, 0 noisy$/m,
           "$k: diff --vm: one-node and two-node files agree", $out);
        ok($boots == 3, "$k: the guest is rebooted for each change of node count (3 boots, got $boots)", $out);
        ($rc, $out) = run('run', '--kernel', '--vm', $k, '--json', $numa[2]);
        ok($rc == 0 && $out =~ /"failed":0,"status":"ok"/ &&
           $out =~ /"node1:hugepages-2048kB\/nr_hugepages":\d+/,
           "$k: run --kernel --vm --json of a two-node file: its expectations held, node 1's pool read",
           substr($out, 0, 3000));
    }
}
