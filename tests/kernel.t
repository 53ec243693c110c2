#!/usr/bin/perl
# kernel.t - the kernel back end on the running kernel.
#
#  - `hugeresv diff` over every scenarios/**/*.scn but scenarios/thp/:
#    0 mismatches;
#  - scenarios/thp/: every expectation holds on the kernel (`run
#    --kernel`), and `diff` over them finds 0 mismatches;
#  - the machine is as before afterwards, as far as hugeresv may change
#    it: every setting it records (pool sizes and overcommit, THP knobs,
#    vm sysctls) exactly, the pools clean again, and nothing of its own
#    left (hugetlbfs mounts below /tmp/hugeresv.*, shm segments its
#    processes created, the state file); not what other users of the
#    host do meanwhile (their shm segments, mounts, THP counters);
#  - engine-only scenarios: refused by `run --kernel` (3), skipped by diff;
#  - a run killed with SIGKILL mid-scenario leaves no agent behind, and
#    the next run puts the machine back exactly as it was;
#  - SIGTERM: the run restores the machine before it dies;
#  - refusals: lock held by someone else, pools in use.
#
# Needs root and hugetlbfs; otherwise one SKIP line.  The machine's huge
# page settings are shared: the test takes /run/lock/hugeresv.lock only
# to look at the machine (never while hugeresv runs, which takes it
# itself).
use strict;
use warnings;
use Fcntl qw(:flock);
use File::Find;
use File::Temp qw(tempdir);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);
use IPC::SysV qw(IPC_PRIVATE IPC_RMID);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $LOCK = '/run/lock/hugeresv.lock';
my $STATE = '/run/hugeresv/state';
my $HP = '/sys/kernel/mm/hugepages';
my $THP = '/sys/kernel/mm/transparent_hugepage';
$ENV{HUGERESV_LOCK_TIMEOUT} = 300;	# others may hold the lock a while

sub skip_all { print "1..0 # SKIP $_[0]\n"; exit 0; }

skip_all('not root: the kernel back end needs root') if $> != 0;
{
    open(my $fh, '<', '/proc/filesystems') or skip_all('no /proc/filesystems');
    local $/;
    my $fs = <$fh>;
    skip_all('no hugetlbfs in /proc/filesystems') unless $fs =~ /\thugetlbfs$/m;
}

my $tmp = tempdir(CLEANUP => 1);
my $n = 0;
# The processes this test started (hugeresv runs, itself): the shm
# segments the machine check looks at are those they created.
my %ours = ($$ => 1);

sub slurp {
    my ($path) = @_;
    open(my $fh, '<', $path) or return undef;
    local $/;
    my $s = <$fh>;
    return $s;
}

sub spit {
    my ($path, $text) = @_;
    open(my $fh, '>', $path) or die "$path: $!\n";
    print $fh $text;
    close($fh);
    return $path;
}

# Run a command without a shell; return (exit status, signal, stdout,
# stderr).
sub run {
    my (@cmd) = @_;
    my ($o, $e) = ("$tmp/out", "$tmp/err");
    my $pid = fork() // die "fork: $!\n";
    $ours{$pid} = 1 if $pid;
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

sub skip_one {
    my ($name, $why) = @_;
    $n++;
    print "ok $n - $name # SKIP $why\n";
}

# The machine as far as the kernel back end may change it: the settings
# it records before it changes them, whether the pools are clean (in
# use or reserved by nobody: what its teardown must leave), and what it
# makes (mounts below /tmp/hugeresv.*, shm segments of our processes,
# the state file, its directory).  Not what other users of a shared
# host change: their shm segments and mounts, the THP counters.
sub machine {
    my @l;
    for my $d (sort glob("$HP/hugepages-*")) {
        for my $f (qw(nr_hugepages nr_overcommit_hugepages)) {
            my $v = slurp("$d/$f") // "?\n";
            push @l, "$d/$f $v";
        }
        my %v = map { $_ => (slurp("$d/$_") // 0) + 0 }
            qw(nr_hugepages free_hugepages resv_hugepages surplus_hugepages);
        push @l, "$d " . (($v{resv_hugepages} || $v{surplus_hugepages}
                           || $v{free_hugepages} != $v{nr_hugepages})
                          ? "in use: free $v{free_hugepages} of $v{nr_hugepages}, "
                            . "resv $v{resv_hugepages}, surplus $v{surplus_hugepages}\n"
                          : "clean\n");
    }
    for my $f (qw(enabled defrag use_zero_page shmem_enabled
                  shrink_underused
                  khugepaged/max_ptes_none khugepaged/max_ptes_swap
                  khugepaged/max_ptes_shared khugepaged/pages_to_scan
                  khugepaged/scan_sleep_millisecs
                  khugepaged/alloc_sleep_millisecs khugepaged/defrag)) {
        my $v = slurp("$THP/$f");
        push @l, "thp/$f $v" if defined $v;
    }
    for my $f (sort glob("$THP/hugepages-*/enabled")) {
        my $v = slurp($f);
        push @l, "$f $v" if defined $v;
    }
    for my $f (qw(overcommit_memory overcommit_ratio nr_hugepages
                  nr_overcommit_hugepages)) {
        push @l, "vm.$f " . (slurp("/proc/sys/vm/$f") // "?\n");
    }
    my $m = slurp('/proc/mounts') // '';
    push @l, map { "mount $_\n" } grep { m{^\S+ /tmp/hugeresv\.} } split /\n/, $m;
    my $shm = slurp('/proc/sysvipc/shm') // '';
    my @s = split /\n/, $shm;
    shift @s;
    # columns: key shmid perms size cpid ...
    push @l, map { my @f = split ' '; $ours{$f[4]} ? ("shm key=$f[0] id=$f[1] size=$f[3] cpid=$f[4]\n") : () } @s;
    push @l, "state-file\n" if -e $STATE;
    push @l, map { "tmpdir $_\n" } glob('/tmp/hugeresv.*');
    return join('', @l);
}

# Look at the machine while nobody changes it (under the lock).
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

sub same_machine {
    my ($name, $before) = @_;
    my $after = machine_locked();
    return ok(0, $name, 'lock busy: cannot look at the machine') unless defined $after;
    my @d;
    my %a = map { $_ => 1 } split /\n/, $after;
    my %b = map { $_ => 1 } split /\n/, $before;
    push @d, "before only: $_" for grep { !$a{$_} } split /\n/, $before;
    push @d, "after only:  $_" for grep { !$b{$_} } split /\n/, $after;
    return ok(!@d, $name, @d);
}

sub live_agents {
    my @p;
    for my $d (glob('/proc/[0-9]*')) {
        my $c = slurp("$d/comm") // next;
        next unless $c eq "hr-agent\n";
        my $st = slurp("$d/stat") // next;
        next if $st =~ /\)\s+Z/;	# a zombie holds no memory
        push @p, $d =~ s{/proc/}{}r;
    }
    return @p;
}

# Other hugeresv processes than this test's own (a concurrent make check).
sub concurrent_runs {
    for my $d (glob('/proc/[0-9]*')) {
        my $pid = $d =~ s{/proc/}{}r;
        next if $pid == $$;
        my $c = slurp("$d/comm") // next;
        return 1 if $c =~ /^hugeresv/;
    }
    return 0;
}

sub pools_clean {
    for my $d (glob("$HP/hugepages-*")) {
        my %v = map { $_ => (slurp("$d/$_") // 0) + 0 }
            qw(nr_hugepages free_hugepages resv_hugepages surplus_hugepages);
        return 0 if $v{resv_hugepages} || $v{surplus_hugepages}
            || $v{free_hugepages} != $v{nr_hugepages};
    }
    return 1;
}

my $trivial = spit("$tmp/trivial.scn", <<'EOF');
sysctl vm.nr_hugepages=1
proc A
A: map x 1h anon private hugetlb -> ok
A: touch x 0 write -> ok
expect meminfo HugePages_Free=0 HugePages_Rsvd=0
A: exit
EOF

# A previous run that died: let hugeresv put the machine back first.
if (-e $STATE) {
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $trivial);
    print "# a state file was left behind; recovery run: exit $rc\n";
}

my $before = machine_locked();
skip_all('/run/lock/hugeresv.lock stays busy') unless defined $before;
skip_all('huge page pools are in use by something else') unless pools_clean();

# --- 1. diff over the corpus ------------------------------------------------
my (@files, @thp);
find({ wanted => sub { push @files, $File::Find::name if /\.scn\z/ && -f $_ },
       no_chdir => 1 }, 'scenarios') if -d 'scenarios';
@thp = sort grep { m{^scenarios/thp/} } @files;
@files = sort grep { !m{^scenarios/thp/} } @files;
if (!@files) {
    skip_one('diff over scenarios/', 'no scenarios');
} else {
    my ($rc, $sig, $out, $err) = run($bin, 'diff', @files);
    my ($total) = $out =~ /^(\d+ files, \d+ mismatches, \d+ skipped, \d+ noisy)$/m;
    if ($rc == 3 && $out =~ /is held by another/) {
        skip_one('diff over scenarios/', 'lock busy');
    } else {
        ok($rc == 0 && !$sig && defined $total && $total =~ / 0 mismatches/
           && "$out$err" !~ /Sanitizer|runtime error:/,
           'diff over ' . scalar(@files) . ' scenarios: ' . ($total // 'no summary'),
           "exit $rc (signal $sig)", grep { !/: ok \(\d+ steps\)$/ } split /\n/, "$out$err");
    }
}
same_machine('the machine is as before the diff', $before);

# --- 1b. THP scenarios ------------------------------------------------------
# Written against the kernel: every expectation must hold there, and the
# engine must agree with the kernel step by step.
if (!@thp) {
    skip_one('run --kernel over scenarios/thp/', 'no scenarios');
} else {
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', @thp);
    if ($rc == 3 && $err =~ /is held by another/) {
        skip_one('run --kernel over scenarios/thp/', 'lock busy');
    } else {
        ok($rc == 0 && !$sig && "$out$err" !~ /Sanitizer|runtime error:/,
           'run --kernel over ' . scalar(@thp) . ' THP scenarios: every expectation holds',
           "exit $rc (signal $sig)", $out, $err);
    }
    ($rc, $sig, $out, $err) = run($bin, 'diff', @thp);
    my ($total) = $out =~ /^(\d+ files, \d+ mismatches, \d+ skipped, \d+ noisy)$/m;
    ok($rc == 0 && !$sig && defined $total && $total =~ / 0 mismatches/
       && "$out$err" !~ /Sanitizer|runtime error:/,
       'diff over ' . scalar(@thp) . ' THP scenarios: ' . ($total // 'no summary'),
       "exit $rc (signal $sig)", grep { !/: ok \(\d+ steps\)$/ } split /\n/, "$out$err");
    same_machine('the machine is as before the THP scenarios', $before);
}

# --- 1c. the policy lab's scaled forkchunk, for real ------------------------
# Children each map a chunk and write 1 to 512 pages of every 2 MiB
# region, with THP always and then never; each child's Rss and
# AnonHugePages on this kernel must be within 2% of the engine's.
{
    my ($rc, $sig, $out, $err) = run($bin, 'lab', 'forkchunk', '--kernel', '--chunk', '64M',
                                     '--children', '3', '--touch', 'random', '-q');
    if ($rc == 3 && $err =~ /is held by another/) {
        skip_one('lab forkchunk --kernel', 'lock busy');
    } else {
        my @rows = grep { /^(always|never)\s+random\s+\d/ } split /\n/, $out;
        ok($rc == 0 && !$sig && @rows == 6 && $out =~ /every child within the tolerance/
           && "$out$err" !~ /Sanitizer|runtime error:/,
           'lab forkchunk --kernel: 3 children x 2 policies, Rss and AnonHugePages within 2%',
           "exit $rc (signal $sig)", $out, $err);
    }
    same_machine('the machine is as before lab forkchunk --kernel', $before);
}

# --- 2. engine-only scenarios ---------------------------------------------
my $eo = spit("$tmp/engine_only.scn", <<'EOF');
thp promotion_threshold=64
proc A
A: map x 4M anon private -> ok
EOF
{
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $eo);
    ok($rc == 3 && $err =~ /engine-only/, 'run --kernel refuses an engine-only scenario (3)',
       "exit $rc", $out, $err);
    ($rc, $sig, $out, $err) = run($bin, 'diff', $eo);
    ok($rc == 0 && $out =~ /skipped \(engine-only: .+\)/ && $out =~ /1 files, 0 mismatches, 1 skipped/,
       'diff skips an engine-only scenario', "exit $rc", $out, $err);
}

# --- 3. SIGKILL mid-scenario, then recovery ----------------------------------
# It changes pools, overcommit, THP knobs and a sysctl, mounts a subpool,
# makes a file and a shm segment, forks; then takes seconds (read faults
# over 3 x 16 GiB of base pages, all on the zero page) while the test
# kills it.
my $long = spit("$tmp/long.scn", <<'EOF');
sysctl vm.nr_hugepages=7
sysctl vm.nr_overcommit_hugepages=3
sysctl vm.overcommit_ratio=61
thp khugepaged.max_ptes_none=100
thp use_zero_page=1
mount m size=4h min_size=1h
file f mount=m
shm s 2h
proc A
A: map x 2h anon private hugetlb -> ok
A: touch x 0 write -> ok
A: map y 2h file=f shared -> ok
A: touch y 0 write -> ok
A: map z 2h shm=s shared -> ok
A: touch z all write -> ok
A: fork B -> ok
A: map big1 16G anon private noreserve -> ok
A: touch big1 all read -> ok
A: map big2 16G anon private noreserve -> ok
A: touch big2 all read -> ok
A: map big3 16G anon private noreserve -> ok
A: touch big3 all read -> ok
A: exit
B: exit
EOF

# Start the long run; return its pid once it holds huge pages.
sub start_long {
    my $pid = fork() // die "fork: $!\n";
    $ours{$pid} = 1 if $pid;
    if (!$pid) {
        open(STDOUT, '>', "$tmp/long.out") or die;
        open(STDERR, '>', "$tmp/long.err") or die;
        exec { $bin } $bin, 'run', '--kernel', $long or exit 127;
    }
    my $t0 = time;
    while (time - $t0 < 300) {
        my $mi = slurp('/proc/meminfo') // '';
        my ($t) = $mi =~ /^HugePages_Total:\s+(\d+)/m;
        my ($f) = $mi =~ /^HugePages_Free:\s+(\d+)/m;
        my $mounted = (slurp('/proc/mounts') // '') =~ m{ /tmp/hugeresv\.\S+/m hugetlbfs };
        # three agents: the khugepaged anchor, A and B
        return $pid if ($t // 0) == 7 && ($f // 7) < 7 && $mounted && live_agents() >= 3;
        return -1 if waitpid($pid, WNOHANG) == $pid;	# ended already
        sleep 0.01;
    }
    kill('KILL', $pid);
    waitpid($pid, 0);
    return -1;
}

{
    my $pid = start_long();
    if ($pid < 0) {
        ok(0, 'SIGKILL: the long run held pages before it could be killed',
           slurp("$tmp/long.out"), slurp("$tmp/long.err"));
    } else {
        my $sf = slurp($STATE) // '';
        ok($sf =~ /^mount /m && $sf =~ /^shm /m && $sf =~ /^agent .*\n(?s:.*)^agent /m
           && $sf =~ m{^set /sys/kernel/mm/transparent_hugepage/khugepaged/max_ptes_none }m,
           'the state file records mounts, shm, agents and saved settings', $sf);
        kill('KILL', $pid);
        waitpid($pid, 0);
        my $t0 = time;
        my @left;
        while (time - $t0 < 5) {
            @left = live_agents();
            last unless @left;
            sleep 0.05;
        }
        ok(!@left, 'no agent outlives a conductor killed with SIGKILL',
           "still alive after 5 s: @left");
        ok(-e $STATE, 'the state file survives the SIGKILL');

        # Another hugeresv run on this machine (a concurrent make check)
        # may take the lock first and do the recovery itself.
        my $pending = -e $STATE;
        my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $trivial);
        # A concurrent run can also take the lock between the check of
        # the state file above and this run's start: then it, not this
        # run, says "restoring", and this run finds nothing to restore.
        if ($pending && ($err =~ /did not finish; restoring the machine/ || !concurrent_runs())) {
            ok($rc == 0 && $err =~ /did not finish; restoring the machine/
               && $err =~ /machine restored/,
               'the next run restores the machine first, and says so', "exit $rc", $out, $err);
        } else {
            ok($rc == 0, 'the next run succeeds (a concurrent run did the recovery)',
               "exit $rc", $out, $err);
        }
        ok(!-e $STATE, 'no state file after the recovery run');
        same_machine('SIGKILL + next run: the machine is exactly as before', $before);
    }
}

# --- 4. SIGTERM: the run restores before it dies -----------------------------
{
    my $pid = start_long();
    if ($pid < 0) {
        ok(0, 'SIGTERM: the long run held pages', slurp("$tmp/long.err"));
    } else {
        kill('TERM', $pid);
        waitpid($pid, 0);
        my $st = $?;
        my $err = slurp("$tmp/long.err") // '';
        ok(($st & 127) == 15 && $err =~ /restored after signal 15/,
           'SIGTERM: the run stops, restores, then dies of the signal',
           "wait status $st", $err);
        ok(!-e $STATE, 'SIGTERM: no state file left');
        same_machine('SIGTERM: the machine is exactly as before', $before);
    }
}

# --- 5. refusals -----------------------------------------------------------
{
    open(my $lk, '>>', $LOCK) or die "$LOCK: $!\n";
    my $t0 = time;
    sleep 0.2 until flock($lk, LOCK_EX | LOCK_NB) || time - $t0 > 300;
    local $ENV{HUGERESV_LOCK_TIMEOUT} = 1;
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $trivial);
    ok($rc == 3 && $err =~ /hugeresv\.lock is held by another/,
       'a busy lock: refused (3) after the bounded wait', "exit $rc", $out, $err);

    # A reservation of our own makes the pools unclean.
    my $nr = "$HP/hugepages-2048kB/nr_hugepages";
    my $old = slurp($nr);
    spit($nr, "1\n");
    my $id = shmget(IPC_PRIVATE, 2 << 20, 04000 | 0600);	# SHM_HUGETLB
    if (!defined $id) {
        skip_one('busy pools: refused (3)', "shmget: $!");
    } else {
        close($lk);	# hugeresv needs the lock; the segment stays
        ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $trivial);
        open($lk, '>>', $LOCK) or die;
        $t0 = time;
        sleep 0.2 until flock($lk, LOCK_EX | LOCK_NB) || time - $t0 > 300;
        shmctl($id, IPC_RMID, 0);
        ok($rc == 3 && $err =~ /pools are not clean/, 'busy pools: refused (3)',
           "exit $rc", $out, $err);
    }
    spit($nr, $old);
    close($lk);
    same_machine('after the refusals the machine is as before', $before);
}

# A program the engine predicts would break the machine until reboot (a
# Linux subpool unmount bug) is refused before anything runs.
{
    my $b0 = machine_locked();
    my $unsafe = 'tests/unsafe/subpool_over_release.scn';
    my ($rc, $sig, $out, $err) = run($bin, 'run', '--kernel', $unsafe);
    ok($rc == 3 && $err =~ /engine predicts/,
       'a program the engine predicts would leave Rsvd wrong: refused (3)',
       "exit $rc", $out, $err);
    ($rc, $sig, $out, $err) = run($bin, 'diff', $unsafe);
    ok($rc == 0 && $out =~ /skipped \(kernel back end: refusing/,
       'diff skips it (only that file)', "exit $rc", $out, $err);
    same_machine('after the predicted-damage refusal the machine is as before', $b0);
}

print "1..$n\n";
