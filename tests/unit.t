#!/usr/bin/perl
# unit.t - run every unit-test binary in $UNITDIR (built from
# tests/unit/*.c); each speaks TAP itself, this file gives one test per
# binary and shows a failing binary's output.
use strict;
use warnings;

my $dir = $ENV{UNITDIR} or die "UNITDIR is not set (run through 'make check')\n";
use FindBin;
require "$FindBin::Bin/lib.pl";

my @bins = sort grep { -f $_ && -x $_ } glob("$dir/*");
die "no unit tests in $dir\n" unless @bins;
print "1..", scalar(@bins), "\n";
my $n = 0;
for my $b (@bins) {
    $n++;
    my ($status, $out) = capture(undef, $b);
    my ($plan) = $out =~ /^1\.\.(\d+)/m;
    my $run = () = $out =~ /^(?:not )?ok \d+/mg;
    my $bad = () = $out =~ /^not ok \d+/mg;
    my $name = $b;
    $name =~ s{.*/}{};
    # a binary that runs no test (1..0) proves nothing: not a pass
    if ($status == 0 && defined $plan && $plan == $run && $run > 0 && !$bad
        && $out !~ /Sanitizer|runtime error:/) {
        print "ok $n - $name ($run tests)\n";
    } else {
        print "not ok $n - $name (status $status, $bad failed)\n";
        print STDERR "# $_\n" for split /\n/, $out;
    }
}
