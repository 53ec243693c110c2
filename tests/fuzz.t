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

print "1..14\n";

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
