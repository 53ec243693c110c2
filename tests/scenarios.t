#!/usr/bin/perl
# scenarios.t - every scenario under scenarios/ (recursively) runs on the
# engine with validators after every step: `hugeresv run --check FILE`
# must exit 0.  A file the engine refuses (exit status 3: a statement it
# does not model yet) is a TODO test carrying the engine's message.
use strict;
use warnings;
use File::Find;

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
use FindBin;
require "$FindBin::Bin/lib.pl";

my @files;
find({ wanted => sub { push @files, $File::Find::name if /\.scn\z/ && -f $_ },
       no_chdir => 1 }, 'scenarios') if -d 'scenarios';
@files = sort @files;
unless (@files) {
    print "1..0 # SKIP no scenarios yet\n";
    exit 0;
}
# A file with per-kernel expectations (expect[RANGE]) also runs on the
# engine's older profiles, whose lines it checks there.
my @runs = map { [$_] } @files;
for my $f (@files) {
    open(my $fh, '<', $f) or die "$f: $!\n";
    local $/;
    my $text = <$fh>;
    next unless $text =~ /^\s*expect\[/m;
    push @runs, [$f, '--engine-kernel', $_] for qw(6.1 6.12);
}
print "1..", scalar(@runs), "\n";
my $n = 0;
for my $r (@runs) {
    my ($f, @opt) = @$r;
    $n++;
    my ($status, $out) = capture(undef, $bin, 'run', '--check', @opt, $f);
    $f = "$f (@opt)" if @opt;
    my $rc = $status >> 8;
    if ($status == 0 && $out !~ /Sanitizer|runtime error:/) {
        print "ok $n - $f\n";
    } elsif (!($status & 127) && $rc == 3) {
        my ($why) = $out =~ /^(.*\S)/m;
        $why //= 'refused';
        $why =~ s/#/\\#/g;
        print "not ok $n - $f # TODO engine refused: $why\n";
    } else {
        print "not ok $n - $f (status $status)\n";
        print STDERR "# $_\n" for split /\n/, $out;
    }
}
