#!/usr/bin/perl
# kernel-busy.t - `hugeresv diff` on a busy host: other processes move
# the machine-wide THP counters while it runs, and it must still find 0
# mismatches (issue 14, item 5: docs/kernel-backend.md, "Counters on a
# busy machine").
#
# A busy neighbour (tests/thp-noise.c, $HR_NOISE: memory only, ~40 MiB,
# no setting touched, bounded by a timeout and by this test's death)
# faults THPs in a loop, splits them, and keeps memory for khugepaged to
# collapse.  While it runs:
#
#  - `run --kernel` over a few THP scenarios that expect vmstat events
#    (faults, splits, COW, khugepaged): every expectation holds or is
#    reported noisy (exit 0);
#  - `diff` over scenarios/thp/ and every 8th other scenario: 0
#    mismatches (noisy keys are counted, not failed);
#  - the neighbour really moved the counters meanwhile;
#  - afterwards the neighbour is gone, and the settings hugeresv records
#    are as before, the pools clean, nothing of its own left.
#
# Needs root and hugetlbfs; otherwise one SKIP line.
use strict;
use warnings;
use Fcntl qw(:flock);
use File::Find;
use File::Temp qw(tempdir);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $noise = $ENV{HR_NOISE} // '';
my $LOCK = '/run/lock/hugeresv.lock';
my $HP = '/sys/kernel/mm/hugepages';
my $THP = '/sys/kernel/mm/transparent_hugepage';
my $NOISE_SECS = 150;	# the neighbour's own bound, should the test hang
$ENV{HUGERESV_LOCK_TIMEOUT} = 300;

sub skip_all { print "1..0 # SKIP $_[0]\n"; exit 0; }

skip_all('not root: the kernel back end needs root') if $> != 0;
{
    open(my $fh, '<', '/proc/filesystems') or skip_all('no /proc/filesystems');
    local $/;
    my $fs = <$fh>;
    skip_all('no hugetlbfs in /proc/filesystems') unless $fs =~ /\thugetlbfs$/m;
}
skip_all("no THP in this kernel") unless -d "$THP/khugepaged";
skip_all("HR_NOISE ($noise) is not built (run through 'make check')") unless -x $noise;

my $tmp = tempdir(CLEANUP => 1);
my $n = 0;

sub slurp {
    my ($path) = @_;
    open(my $fh, '<', $path) or return undef;
    local $/;
    my $s = <$fh>;
    return $s;
}

# Run a command without a shell; return (exit status, signal, stdout,
# stderr).
sub run {
    my (@cmd) = @_;
    my ($o, $e) = ("$tmp/out", "$tmp/err");
    my $pid = fork() // die "fork: $!\n";
    if (!$pid) {
        open(STDOUT, '>', $o) or die;
        open(STDERR, '>', $e) or die;
        exec { $cmd[0] } @cmd or exit 127;
    }
    waitpid($pid, 0);
    my $st = $?;
    return ($st >> 8, $st & 127, slurp($o) // '', slurp($e) // '');
}

sub ok {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    if (!$good) {
        print STDERR "# $_\n" for map { split /\n/ } @diag;
    }
    return $good;
}

# The settings the kernel back end records before it changes them, the
# pools' cleanliness, and what it makes (see kernel.t's machine()).
sub machine {
    my @l;
    for my $d (sort glob("$HP/hugepages-*")) {
        push @l, "$d/$_ " . (slurp("$d/$_") // "?\n")
            for qw(nr_hugepages nr_overcommit_hugepages);
        my %v = map { $_ => (slurp("$d/$_") // 0) + 0 }
            qw(nr_hugepages free_hugepages resv_hugepages surplus_hugepages);
        push @l, "$d " . (($v{resv_hugepages} || $v{surplus_hugepages}
                           || $v{free_hugepages} != $v{nr_hugepages}) ? "in use\n" : "clean\n");
    }
    for my $f (qw(enabled defrag use_zero_page shrink_underused
                  khugepaged/max_ptes_none khugepaged/max_ptes_swap
                  khugepaged/max_ptes_shared khugepaged/pages_to_scan
                  khugepaged/scan_sleep_millisecs
                  khugepaged/alloc_sleep_millisecs khugepaged/defrag),
               map { s{^\Q$THP\E/}{}r } sort glob("$THP/hugepages-*/enabled")) {
        my $v = slurp("$THP/$f");
        push @l, "thp/$f $v" if defined $v;
    }
    push @l, "vm.$_ " . (slurp("/proc/sys/vm/$_") // "?\n")
        for qw(overcommit_memory overcommit_ratio nr_hugepages nr_overcommit_hugepages);
    my $m = slurp('/proc/mounts') // '';
    push @l, map { "mount $_\n" } grep { m{^\S+ /tmp/hugeresv\.} } split /\n/, $m;
    push @l, "state-file\n" if -e '/run/hugeresv/state';
    push @l, map { "tmpdir $_\n" } glob('/tmp/hugeresv.*');
    return join('', @l);
}

sub machine_locked {
    open(my $lk, '>>', $LOCK) or die "$LOCK: $!\n";
    my $t0 = time;
    until (flock($lk, LOCK_EX | LOCK_NB)) {
        return undef if time - $t0 > 300;
        sleep 0.2;
    }
    my $m = machine();
    close($lk);
    return $m;
}

sub vmstat {
    my %v;
    for (split /\n/, slurp('/proc/vmstat') // '') {
        my ($k, $x) = split ' ';
        $v{$k} = $x;
    }
    my $pc = slurp("$THP/khugepaged/pages_collapsed") // 0;
    $v{pages_collapsed} = $pc + 0;
    return \%v;
}

# The neighbour's processes: those running $noise (its workers too).
sub noise_procs {
    my @p;
    for my $d (glob('/proc/[0-9]*')) {
        my $exe = readlink("$d/exe") // next;
        push @p, $d =~ s{/proc/}{}r if $exe eq $noise;
    }
    return @p;
}

my $before = machine_locked();
skip_all('/run/lock/hugeresv.lock stays busy') unless defined $before;
skip_all('huge page pools are in use by something else') if $before =~ / in use$/m;

my (@thp, @other);
find({ wanted => sub { push @other, $File::Find::name if /\.scn\z/ && -f $_ },
       no_chdir => 1 }, 'scenarios');
@thp = sort grep { m{^scenarios/thp/} } @other;
@other = sort grep { !m{^scenarios/thp} } @other;	# thp-resv: engine-only
my $i = 0;
my @sample = grep { $i++ % 8 == 0 } @other;
# run --kernel: the files whose vmstat expectations a neighbour moves
my @expect = grep { -f $_ } map { "scenarios/thp/$_.scn" }
    qw(thp_fault_write_always thp_partial_unmap thp_fork_parent_write
       thp_dontneed_part thp_khugepaged_registered_by_advice);

# --- the busy neighbour --------------------------------------------------
my $t0 = time;
my $npid = fork() // die "fork: $!\n";
if (!$npid) {
    exec { $noise } $noise, $NOISE_SECS or exit 127;
}
sleep 0.3;	# its workers are up and faulting
my $v0 = vmstat();

{
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', @expect);
    my $nz = () = $err =~ /: noisy: /g;
    ok($rc == 0 && !$sig && "$out$err" !~ /Sanitizer|runtime error:/,
       'busy host: run --kernel over ' . scalar(@expect) . " THP scenarios: every expectation holds ($nz noisy)",
       "exit $rc (signal $sig)", $out, $err);
}
{
    my ($rc, $sig, $out, $err) = run($bin, 'diff', @thp, @sample);
    my ($total) = $out =~ /^(\d+ files, \d+ mismatches, \d+ skipped, \d+ noisy)$/m;
    ok($rc == 0 && !$sig && defined $total && $total =~ / 0 mismatches/
       && "$out$err" !~ /Sanitizer|runtime error:/,
       'busy host: diff over ' . scalar(@thp) . ' THP and ' . scalar(@sample)
       . ' other scenarios: ' . ($total // 'no summary'),
       "exit $rc (signal $sig)", grep { !/: ok \(\d+ steps\)$/ } split /\n/, "$out$err");
}
my $v1 = vmstat();
my $alive = waitpid($npid, WNOHANG) == 0;
my %moved = map { $_ => ($v1->{$_} // 0) - ($v0->{$_} // 0) }
    qw(thp_fault_alloc thp_split_pmd thp_collapse_alloc pages_collapsed);
ok($alive && $moved{thp_fault_alloc} > 100 && $moved{thp_split_pmd} > 100,
   sprintf('the neighbour moved the counters meanwhile (thp_fault_alloc +%d, '
           . 'thp_split_pmd +%d, thp_collapse_alloc +%d, pages_collapsed +%d)',
           map { $moved{$_} } qw(thp_fault_alloc thp_split_pmd thp_collapse_alloc pages_collapsed)),
   $alive ? () : ('the neighbour died early'));

# --- stop it --------------------------------------------------------------
kill('TERM', $npid);
waitpid($npid, 0);
my @left;
for (1 .. 50) {
    @left = noise_procs();
    last unless @left;
    sleep 0.1;
}
ok(!@left, 'the neighbour and its workers are gone', "still running: @left");

{
    my $after = machine_locked();
    my %a = map { $_ => 1 } split /\n/, $after // '';
    my %b = map { $_ => 1 } split /\n/, $before;
    my @d;
    push @d, "before only: $_" for grep { !$a{$_} } split /\n/, $before;
    push @d, "after only:  $_" for grep { !$b{$_} } split /\n/, $after // '';
    ok(defined $after && !@d, 'the settings hugeresv records are as before, the pools clean', @d);
}
printf "# %.1f s\n", time - $t0;
print "1..$n\n";
