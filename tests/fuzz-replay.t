#!/usr/bin/perl
# fuzz-replay.t - the libFuzzer harnesses (fuzz/fuzz_parse.c,
# fuzz/fuzz_engine.c) replayed over their seed corpora by the replay
# drivers that `make check` builds without libFuzzer ($FUZZDIR/replay-parse,
# $FUZZDIR/replay-engine: ASan, UBSan, -DHR_DEBUG=1).  A harness aborts on
# a broken invariant and the sanitizers end the process on a memory error
# or a leak, so a corpus passes when its driver exits 0 with no sanitizer
# report.  Reproducers of known, unfixed bugs (fuzz/findings/HARNESS/*)
# are TODO tests: they pass once the bug is fixed.
use strict;
use warnings;

my $dir = $ENV{FUZZDIR} or die "FUZZDIR is not set (run through 'make check')\n";
use FindBin;
require "$FindBin::Bin/lib.pl";

my @tests;
for my $h (qw(parse engine)) {
    push @tests, [$h, "fuzz/corpus/$h", 0];
    for my $f (sort glob("fuzz/findings/$h/*")) {
        # notes are not inputs, nor are an engine finding's scenarios
        next if $f =~ /\.md\z/ || ($h eq 'engine' && $f =~ /\.scn\z/);
        push @tests, [$h, $f, 1] if -f $f;
    }
}
print "1..", scalar(@tests), "\n";
my $n = 0;
for my $t (@tests) {
    my ($h, $what, $todo) = @$t;
    my $bin = "$dir/replay-$h";
    $n++;
    unless (-x $bin) {
        print "not ok $n - replay-$h $what\n# $bin is missing (make check-build)\n";
        next;
    }
    unless (-e $what) {
        print "not ok $n - replay-$h $what\n# $what is missing\n";
        next;
    }
    my ($status, $out) = capture(undef, $bin, $what);
    my ($summary) = $out =~ /^replay: (\d+ inputs.*)$/m;
    my $sig = $status & 127;
    # an empty corpus replays nothing: that is not a pass
    if (!$todo && defined $summary && $summary =~ /^0 inputs/) {
        print "not ok $n - replay-$h $what: no inputs\n";
        next;
    }
    if ($status == 0 && defined $summary
        && $out !~ /Sanitizer|runtime error:|invariant|crashed on/) {
        print "ok $n - replay-$h $what: $summary", ($todo ? " # TODO known bug, fixed?" : ""), "\n";
        next;
    }
    my $why = $sig ? "killed by signal $sig" : "exit status " . ($status >> 8);
    if ($todo) {
        print "not ok $n - replay-$h $what ($why) # TODO known bug (fuzz/findings/README.md)\n";
        next;
    }
    print "not ok $n - replay-$h $what ($why)\n";
    my @lines = split /\n/, $out;
    splice(@lines, 60) if @lines > 60;
    print STDERR "# $_\n" for @lines;
}
