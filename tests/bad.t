#!/usr/bin/perl
# bad.t - every malformed scenario in tests/bad/ is refused before anything
# runs: exit status 2 and "FILE:LINE:COL: message" at the position its
# first line names ("# want: LINE:COL"), with no crash and no sanitizer
# report.
use strict;
use warnings;

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
use FindBin;
require "$FindBin::Bin/lib.pl";

my @files = sort glob('tests/bad/*.scn');
die "no files in tests/bad\n" unless @files;
print "1..", scalar(@files), "\n";
my $n = 0;
for my $f (@files) {
    $n++;
    open(my $fh, '<', $f) or die "$f: $!\n";
    my $first = <$fh>;
    close($fh);
    my ($want) = ($first // '') =~ /^# want: (\d+:\d+)\s*$/;
    unless ($want) {
        print "not ok $n - $f\n# first line must be '# want: LINE:COL'\n";
        next;
    }
    my ($status, $out) = capture(undef, $bin, 'run', $f);
    my $rc = $status >> 8;
    my $sig = $status & 127;
    my @why;
    push @why, "killed by signal $sig" if $sig;
    push @why, "exit status $rc, want 2" if !$sig && $rc != 2;
    push @why, "sanitizer report" if $out =~ /Sanitizer|runtime error:/;
    push @why, "no '$f:$want: ' message" unless $out =~ /^\Q$f:$want: \E\S/m;
    if (@why) {
        print "not ok $n - $f\n";
        print STDERR "# $_\n" for @why;
        print "# output: $_\n" for split /\n/, $out;
    } else {
        my ($msg) = $out =~ /^\Q$f:$want: \E(.*)$/m;
        print "ok $n - $f: $msg\n";
    }
}
