#!/usr/bin/perl
# fuzz.t - `hugeresv fuzz`, quickly and with fixed seeds.
#
#  - a short campaign on the engine (every validator and the fuzzer's
#    invariants after every step) finds nothing, and says its seed first;
#  - a scenario is a function of (seed, k): --print is stable, seeds differ;
#  - shards of a campaign are disjoint and together are the campaign;
#  - the shrinker and the reproducer work: with --selftest-sigbus every
#    SIGBUS is a failure, and the written file must be small and make
#    `hugeresv run` fail the same way;
#  - --jobs N: the workers together run exactly the scenarios of the
#    single campaign (same counts of steps, outcomes and statements),
#    write their reproducers side by side in one --out directory, stop at
#    --max-failures counted across them, and leave nothing running after
#    a SIGTERM to the parent;
#  - bad command lines exit 2 with a message.
# The kernel campaign (--kernel) is in kernel.t's territory: it needs root
# and is run by hand (docs/fuzzing.md).
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
require "$FindBin::Bin/lib.pl";

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $n = 0;
sub ok { my ($c, $name, $diag) = @_; $n++;
    print(($c ? "ok" : "not ok") . " $n - $name\n");
    if (!$c && defined $diag) { print STDERR "# $_\n" for split /\n/, $diag; }
    return $c; }

print "1..24\n";

# 1-3: fixed-seed campaigns, engine only.
for my $seed (1, 0xdecaf, 20261121) {
    my ($st, $out) = capture(undef, $bin, 'fuzz', '--seed', $seed, '--steps',
                             '20000', '-q', '--out', tempdir(CLEANUP => 1));
    ok($st == 0 && $out =~ /^hugeresv fuzz: seed 0x[0-9a-f]+ shard 0\/1/
       && $out =~ / 0 failures/ && $out !~ /Sanitizer|runtime error/,
       "seed $seed: 20000 steps, 0 failures", $out);
}

# 4-5: determinism.
my (undef, $a1) = capture(undef, $bin, 'fuzz', '--seed', '42', '--print', '17');
my (undef, $a2) = capture(undef, $bin, 'fuzz', '--seed', '42', '--print', '17');
my (undef, $b1) = capture(undef, $bin, 'fuzz', '--seed', '43', '--print', '17');
ok($a1 eq $a2 && $a1 =~ /\nproc P/, 'same seed, same scenario', $a1);
ok($a1 ne $b1, 'another seed, another scenario');

# 6: shards 0/2 and 1/2 run the even and the odd scenarios of the campaign.
{
    my (undef, $all) = capture(undef, $bin, 'fuzz', '--seed', '5', '--scenarios', '6', '-q');
    my (undef, $s0) = capture(undef, $bin, 'fuzz', '--seed', '5', '--scenarios', '3', '--shard', '0/2', '-q');
    my (undef, $s1) = capture(undef, $bin, 'fuzz', '--seed', '5', '--scenarios', '3', '--shard', '1/2', '-q');
    my ($na) = $all =~ / (\d+) steps in/;
    my ($n0) = $s0 =~ / (\d+) steps in/;
    my ($n1) = $s1 =~ / (\d+) steps in/;
    ok(defined $na && defined $n0 && defined $n1 && $n0 > 0 && $n1 > 0
       && $n0 + $n1 == $na,
       "shards 0/2 + 1/2 = the campaign (" . ($n0 // '?') . " + " . ($n1 // '?')
       . " steps = " . ($na // '?') . ")", "$all\n$s0\n$s1");
}

# 7-10: the shrinker, through the self-test oracle.
{
    my $dir = tempdir(CLEANUP => 1);
    my ($st, $out) = capture(undef, $bin, 'fuzz', '--seed', '7', '--selftest-sigbus',
                             '--max-failures', '1', '-q', '--out', $dir);
    ok(($st >> 8) == 1 && $out =~ /FAIL scenario \d+: sigbus/, 'self-test failure found (exit 1)', $out);
    my ($file) = $out =~ /reproducer: (\S+)/;
    ok(defined $file && -f $file, 'reproducer written', $out);
    my $text = defined $file ? do { local (@ARGV, $/) = $file; <> } : '';
    my @stmts = grep { !/^#/ && /\S/ } split /\n/, $text;
    my ($from) = $out =~ /shrunk from (\d+) to/;
    ok(@stmts <= 6 && defined $from && $from > @stmts,
       'shrunk to ' . scalar(@stmts) . ' statements (from ' . ($from // '?') . ')', $text);
    my ($rst, $rout) = defined $file ? capture(undef, $bin, 'run', $file) : (0, '');
    ok(($rst >> 8) == 1 && $rout =~ /expected ok, got SIGBUS/,
       'the reproducer fails the same way under run', $rout);
}

# 11-14: bad command lines.
for my $args (['--shard', '2/2'], ['--steps', 'x'], ['--time', '5parsecs'], ['--bogus']) {
    my ($st, $out) = capture(undef, $bin, 'fuzz', @$args);
    ok(($st >> 8) == 2 && $out =~ /hugeresv fuzz: /, "fuzz @$args: exit 2", $out);
}

# The summary without what depends on the clock or on the number of jobs.
sub counts {
    my ($out) = @_;
    my @l = grep { !/^hugeresv fuzz: seed|^job \d|^fuzz: / } split /\n/, $out;
    s/ in [\d.]+s \(\d+ steps\/s\)// for @l;
    return join("\n", @l);
}

# 15-16: --jobs N runs the same scenarios as one process: with a fixed
# seed and --scenarios, the same steps, outcomes and statements.
{
    my ($s1, $one) = capture(undef, $bin, 'fuzz', '--seed', '0x5eed', '--scenarios', '200', '-q');
    my ($s2, $two) = capture(undef, $bin, 'fuzz', '--seed', '0x5eed', '--scenarios', '200',
                             '--jobs', '2', '-q');
    my ($n) = $two =~ /: (\d+) scenarios, \d+ steps/;
    ok($s1 == 0 && $s2 == 0 && counts($one) eq counts($two) && ($n // 0) == 200
       && $two =~ /^job 0 \(shard 0\/2\): 100 scenarios/m
       && $two =~ /^job 1 \(shard 1\/2\): 100 scenarios/m,
       '--jobs 2 --scenarios 200 = --jobs 1 (' . ($n // '?') . ' scenarios)',
       "--jobs 1:\n" . counts($one) . "\n--jobs 2:\n" . counts($two));
    my (undef, $sh) = capture(undef, $bin, 'fuzz', '--seed', '0x5eed', '--scenarios', '60',
                              '--shard', '1/2', '-q');
    my (undef, $sj) = capture(undef, $bin, 'fuzz', '--seed', '0x5eed', '--scenarios', '60',
                              '--shard', '1/2', '--jobs', '3', '-q');
    ok(counts($sh) eq counts($sj) && $sj =~ /^job 2 \(shard 5\/6\): 20 scenarios/m,
       '--shard 1/2 --jobs 3 = --shard 1/2', "$sh\n$sj");
}

# 17-20: findings of two workers in one directory, --max-failures across
# them: exactly 3 reproducers, named by their scenarios, each failing.
{
    my $dir = tempdir(CLEANUP => 1);
    my ($st, $out) = capture(undef, $bin, 'fuzz', '--seed', '7', '--selftest-sigbus',
                             '--max-failures', '3', '--jobs', '2', '-q', '--out', $dir);
    my @fail = $out =~ /^FAIL scenario (\d+): sigbus/mg;
    my @files = sort glob("$dir/fuzz-*.scn");
    ok(($st >> 8) == 1 && @fail == 3 && $out =~ /: \d+ scenarios, \d+ steps in .*, 3 failures/,
       '--jobs 2 --max-failures 3: 3 failures in all (exit 1)', $out);
    my %want = map { ("$dir/fuzz-0000000000000007-$_.scn" => 1) } @fail;
    ok(@files == 3 && !grep({ !$want{$_} } @files),
       'one reproducer a failure, named by its scenario', join("\n", $out, @files));
    my $bad = 0;
    for my $f (@files) {
        my ($rst, $rout) = capture(undef, $bin, 'run', $f);
        $bad++ unless ($rst >> 8) == 1 && $rout =~ /expected ok, got SIGBUS/;
    }
    ok(@files && !$bad, 'every reproducer fails under run');
    my @reps = $out =~ /reproducer: \S+ \(scenario (\d+)\)/g;
    ok(join(',', sort @reps) eq join(',', sort @fail),
       'a worker names the scenario of its reproducer', $out);
}

# 21: SIGTERM to the parent stops the workers; none is left running.
{
    my $seed = 900000 + $$;
    my $t0 = time;
    my $pid = fork() // die "fork: $!\n";
    if (!$pid) {
        open(STDOUT, '>', '/dev/null'); open(STDERR, '>', '/dev/null');
        exec { $bin } $bin, 'fuzz', '--seed', $seed, '--time', '120', '--jobs', '2',
            '-q', '--out', tempdir(CLEANUP => 1);
        exit 127;
    }
    select(undef, undef, undef, 1.5);
    kill 'TERM', $pid;
    local $SIG{ALRM} = sub { kill 'KILL', $pid; };
    alarm 20;
    waitpid($pid, 0);
    my $st = $?;
    alarm 0;
    select(undef, undef, undef, 0.3);
    my @left;
    for my $c (glob('/proc/[0-9]*/cmdline')) {
        open(my $fh, '<', $c) or next;
        local $/;
        my $cmd = <$fh> // '';
        push @left, $c if $cmd =~ /\x00--seed\x00$seed\x00/;
    }
    ok(($st & 127) == 15 && !@left && time - $t0 < 15,
       'SIGTERM: the parent ends by it and no worker is left',
       "status $st, left: @left");
}

# 22-24: bad --jobs.
for my $args (['--jobs', '0'], ['--jobs', '65'], ['--jobs', '2', '--kernel']) {
    my ($st, $out) = capture(undef, $bin, 'fuzz', @$args);
    ok(($st >> 8) == 2 && $out =~ /hugeresv fuzz: .*--jobs/, "fuzz @$args: exit 2", $out);
}
