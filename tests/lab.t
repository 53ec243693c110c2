#!/usr/bin/perl
# lab.t - the policy lab: `hugeresv lab forkchunk`, `lab policies`,
# `replay`, on small machines (the full-scale run and its 60 s target
# are in `make bench`).
#
# Expected values are what the design says, not what the engine printed:
#  - resv-1 is Linux's own path (threshold 1 = no reservation), so its
#    row equals `always` field for field;
#  - with THP always and one page per region, every region's first touch
#    is a THP fault: thp_fault_alloc = children x regions, 100% coverage;
#  - with THP never nothing is huge, and one page per region costs that
#    page plus its PTE page (bloat 2x, a little more for upper tables);
#  - resv-512 never promotes a region that holds one page;
#  - with a cost model of round figures, a base-page fault costs
#    fault_4k and a THP fault fault_2m (docs/cost-model.md's rule);
#  - the same seed gives the same results, another seed other touches.
use strict;
use warnings;
use File::Temp qw(tempdir);
use FindBin;
require "$FindBin::Bin/lib.pl";

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $tmp = tempdir(CLEANUP => 1);
my $n = 0;

sub ok {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    if (!$good) { print STDERR "# $_\n" for map { split /\n/ } @diag; }
    return $good;
}

sub run { my ($st, $out) = capture(undef, $bin, @_); return ($st >> 8, $st & 127, $out); }

sub spit {
    my ($name, $text) = @_;
    open(my $fh, '>', "$tmp/$name") or die;
    print $fh $text;
    close($fh);
    return "$tmp/$name";
}

sub slurp { open(my $fh, '<', $_[0]) or return ''; local $/; return <$fh>; }

# results.csv as a list of hashes
sub csv {
    my @l = split /\n/, slurp($_[0]);
    my @h = split /,/, shift @l;
    return map { my @v = split /,/; my %r; @r{@h} = @v; \%r } @l;
}

sub row { my ($rows, $wl, $pol) = @_; (grep { $_->{workload} eq $wl && $_->{policy} eq $pol } @$rows)[0] }

my @policies = qw(never always always-tuned resv-1 resv-64 resv-256 resv-512 freebsd resv-sync resv-util);

# --- lab policies ------------------------------------------------------------
{
    my ($rc, $sig, $out) = run('lab', 'policies');
    ok($rc == 0 && !grep({ $out !~ /^\Q$_\E /m } @policies),
       'lab policies lists the ten built-in policies', $out);
}

# --- a small forkchunk ---------------------------------------------------------
my $chunk_mib = 128;
my $regions = $chunk_mib / 2;
my $out1 = "$tmp/out1";
my ($rc, $sig, $out) = run('lab', 'forkchunk', '--memory', '2G', '--chunk', "${chunk_mib}M",
                           '-q', '--out', $out1, '--seed', '7');
ok($rc == 0 && !$sig && $out !~ /Sanitizer|runtime error/,
   'forkchunk on a 2 GiB machine runs', "exit $rc signal $sig", $out);
my @rows = csv("$out1/results.csv");
ok(@rows == 2 * @policies, 'results.csv: one row per policy and touch pattern',
   scalar(@rows) . " rows");
for my $wl (qw(one random)) {
    my ($a, $r1) = (row(\@rows, $wl, 'always'), row(\@rows, $wl, 'resv-1'));
    my @diff = grep { $_ ne 'policy' && $_ ne 'run_seconds' && ($a->{$_} // '') ne ($r1->{$_} // '') }
        keys %$a;
    ok($a && $r1 && !@diff, "$wl: resv-1 equals always (threshold 1 is Linux's path)",
       map { "$_: always $a->{$_}, resv-1 $r1->{$_}" } @diff);
    my $nv = row(\@rows, $wl, 'never');
    ok($nv && $nv->{anon_huge_bytes} == 0 && $nv->{thp_fault_alloc} == 0
       && $nv->{huge_coverage_pct} == 0, "$wl: never maps nothing huge");
}
{
    my $a = row(\@rows, 'one', 'always');
    ok($a->{children} > 0 && $a->{thp_fault_alloc} == $a->{children} * $regions
       && $a->{huge_coverage_pct} == 100,
       'one page, always: a THP fault per region, everything huge',
       "children $a->{children}, thp_fault_alloc $a->{thp_fault_alloc}, coverage $a->{huge_coverage_pct}");
    ok($a->{end} eq 'map failed', 'one page, always: the run ends at a map (2018 heuristic)', $a->{end});
    my $nv = row(\@rows, 'one', 'never');
    ok($nv->{bloat} >= 2.0 && $nv->{bloat} < 2.2 && $nv->{touched_bytes} == $nv->{children} * $regions * 4096,
       'one page, never: the page and its PTE page (bloat 2x)',
       "bloat $nv->{bloat}, touched $nv->{touched_bytes}");
    ok($nv->{children} > 10 * $a->{children},
       'one page: never fits far more children than always',
       "never $nv->{children}, always $a->{children}");
    my $r512 = row(\@rows, 'one', 'resv-512');
    ok($r512->{promotions_in_place} == 0 && $r512->{resv_alloc} > 0,
       'one page, resv-512: reservations made, none promoted',
       "promotions $r512->{promotions_in_place}, resv_alloc $r512->{resv_alloc}");
    my $ar = row(\@rows, 'random', 'always');
    ok($ar->{huge_coverage_pct} == 100, 'random pages, always: everything huge');
}
{
    my $svg = slurp("$out1/children.svg") . slurp("$out1/memory.svg");
    my @tags = ($svg =~ /<svg\b/g);
    my @ends = ($svg =~ m{</svg>}g);
    ok(@tags == 2 && @ends == 2 && !grep({ $svg !~ />\Q$_\E</ } @policies),
       'children.svg and memory.svg: two SVG documents naming every policy');
}
# reproducible with the same seed, other touches with another
{
    my ($rc2, undef, $o2) = run('lab', 'forkchunk', '--memory', '2G', '--chunk', "${chunk_mib}M",
                                '-q', '--out', "$tmp/out2", '--seed', '7');
    my ($rc3, undef, $o3) = run('lab', 'forkchunk', '--memory', '2G', '--chunk', "${chunk_mib}M",
                                '-q', '--out', "$tmp/out3", '--seed', '8', '--touch', 'random',
                                '--policies', 'never');
    my $strip = sub { join "\n", map { s/,[^,]*$//r } split /\n/, slurp($_[0]) };
    ok($rc2 == 0 && $strip->("$out1/results.csv") eq $strip->("$tmp/out2/results.csv"),
       'the same seed gives the same results.csv', $o2);
    my @r3 = csv("$tmp/out3/results.csv");
    ok($rc3 == 0 && @r3 == 1 && $r3[0]{touched_bytes} != row(\@rows, 'random', 'never')->{touched_bytes},
       'another seed touches other pages', $o3);
}

# --- the cost model drives the latency figures ---------------------------------
{
    my $cm = spit('cost', <<'EOF');
# hugeresv cost model 1
host test
date 2026-11-21T00:00:00Z
kernel test
fault_4k_ns 2000
fault_2m_ns 300000
zero_2m_ns 102400
copy_2m_ns 204800
walk_4k_ns 30
walk_2m_ns 10
EOF
    my ($rc4, undef, $o4) = run('lab', 'forkchunk', '--memory', '1G', '--chunk', '64M', '-q',
                                '--no-out', '--touch', 'one', '--policies', 'never,always',
                                '--cost', $cm);
    my ($nv) = $o4 =~ /^never .*?(\S+ us)\s+(\S+ us)\s+\S+\s+\S+$/m;
    my ($al) = $o4 =~ /^always .*?(\S+ us)\s+(\S+ us)\s+\S+\s+\S+$/m;
    ok($rc4 == 0 && $o4 =~ /cost model: \Q$cm\E/ && ($nv // '') eq '2.0 us'
       && ($al // '') eq '300.0 us',
       'fault latency: fault_4k for a base page, fault_2m for a THP', $o4);
    my $bad = spit('badcost', "# hugeresv cost model 1\nfault_4k_ns -1\n");
    ($rc4, undef, $o4) = run('lab', 'forkchunk', '--cost', $bad, '--no-out');
    ok($rc4 == 2 && $o4 =~ /\Q$bad\E:\d+:\d+: /, 'a bad cost model: FILE:LINE:COL, exit 2', $o4);
}

# --- replay ---------------------------------------------------------------------
{
    my $fp = "$FindBin::Bin/../footprints/sqlite.fp";
    my ($rc5, undef, $o5) = run('replay', '--memory', '4G', '-q', '--no-out',
                                '--policies', 'never,always', $fp);
    my ($cn) = $o5 =~ /^never\s+(\d+)/m;
    ok($rc5 == 0 && $o5 =~ /^sqlite \(/m && defined $cn && $cn >= 1,
       'replay of a shipped footprint runs every policy', $o5);
    my $bad = spit('bad.fp', "# hugeresv footprint 1\nname x\nvma 2000-1000 rw-p anon\n");
    ($rc5, undef, $o5) = run('replay', '--no-out', $bad);
    ok($rc5 == 2 && $o5 =~ /\Q$bad\E:3:\d+: /, 'replay of a malformed footprint: FILE:LINE:COL, exit 2', $o5);
    ($rc5, undef, $o5) = run('replay', '--no-out');
    ok($rc5 == 2 && $o5 =~ /needs a footprint/, 'replay without a file: exit 2', $o5);
}

# --- bad command lines -----------------------------------------------------------
for my $case (
    [ ['lab'], 'lab alone' ],
    [ ['lab', 'frob'], 'an unknown lab command' ],
    [ ['lab', 'forkchunk', '--policies', 'nosuch'], 'an unknown policy' ],
    [ ['lab', 'forkchunk', '--policy', 'nocolon'], 'a --policy without NAME:' ],
    [ ['lab', 'forkchunk', '--policy', 'x:enabled=sometimes'], 'a policy knob with a bad value' ],
    [ ['lab', 'forkchunk', '--policy', 'x:nosuch=1'], 'a policy knob that does not exist' ],
    [ ['lab', 'forkchunk', '--chunk', '3M'], 'a chunk that is not whole 2 MiB' ],
    [ ['lab', 'forkchunk', '--memory', '1G', '--chunk', '2G'], 'a chunk larger than memory' ],
    [ ['lab', 'forkchunk', '--touch', 'some'], 'a bad --touch' ],
    [ ['lab', 'forkchunk', '--jobs', '0'], '--jobs 0' ],
    [ ['lab', 'forkchunk', '--bogus'], 'an unknown option' ],
) {
    my ($args, $what) = @$case;
    my ($r, $s, $o) = run(@$args);
    ok($r == 2 && !$s && $o =~ /\S/ && $o !~ /Sanitizer/, "$what: exit 2 with a message", "exit $r", $o);
}
{
    my ($r, undef, $o) = run('lab', '--help');
    ok($r == 0 && $o =~ /forkchunk/ && $o =~ /--overcommit/ && $o =~ /replay/, 'lab --help', $o);
}

print "1..$n\n";
