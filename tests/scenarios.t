#!/usr/bin/perl
# scenarios.t - every scenario under scenarios/ (recursively) runs on the
# engine with validators after every step: `hugeresv run --check FILE`
# must exit 0.
#
# A file the engine refuses (exit status 3: something it does not model)
# fails the test, unless it is on %ALLOW below with the reason: a new
# refusal must be a decision, not a TODO line nobody reads.  An allowed
# file that runs now, or an entry naming no file, fails too, so the list
# stays exactly the files that are refused.  The last two tests run a
# scenario the engine refuses (anonymous shared memory) through the same
# judgement, to show that a refusal does fail when it is not allowed.
use strict;
use warnings;
use File::Find;
use File::Temp qw(tempdir);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
use FindBin;
require "$FindBin::Bin/lib.pl";

# FILE => why the engine may refuse it.  Empty: the engine runs every
# scenario under scenarios/ (checked 2026-12-02; shmem, `anon shared`,
# is its only refusal and no scenario maps it).
my %ALLOW = (
);

die "HUGERESV=$bin is not an executable\n" unless -x $bin;

my @files;
find({ wanted => sub { push @files, $File::Find::name if /\.scn\z/ && -f $_ },
       no_chdir => 1 }, 'scenarios') if -d 'scenarios';
@files = sort @files;
die "no scenarios under scenarios/ (run from the top of the tree)\n" unless @files;

# The verdict on one run: (pass, TAP description, diagnostics).
sub judge {
    my ($f, $status, $out, $allow) = @_;
    my $rc = $status >> 8;

    if ($status & 127) {
        return (0, "$f (killed by signal " . ($status & 127) . ")", $out);
    }
    if ($out =~ /Sanitizer|runtime error:/) {
        return (0, "$f (sanitizer report, status $rc)", $out);
    }
    if ($rc == 3) {
        my ($why) = $out =~ /^(.*\S)/m;
        $why //= 'refused';
        $why =~ s/#/\\#/g;
        return (1, "$f # TODO engine refused ($allow->{$f}): $why", '')
            if exists $allow->{$f};
        return (0, "$f (engine refused, not on the allow-list: $why)", $out);
    }
    if ($rc == 0) {
        return (0, "$f (on the allow-list but runs now: remove it)", '')
            if exists $allow->{$f};
        return (1, $f, '');
    }
    return (0, "$f (status $rc)", $out);
}

my $n = 0;
sub report {
    my ($pass, $desc, $diag) = @_;
    $n++;
    print $pass ? "ok $n - $desc\n" : "not ok $n - $desc\n";
    print STDERR "# $_\n" for grep { length } split /\n/, $diag // '';
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

my %seen = map { $_ => 1 } @files;
my @stale = grep { !$seen{$_} } sort keys %ALLOW;
print "1..", scalar(@runs) + @stale + 2, "\n";
for my $r (@runs) {
    my ($f, @opt) = @$r;
    my ($st, $out) = capture(undef, $bin, 'run', '--check', @opt, $f);
    my ($pass, $desc, $diag) = judge($f, $st, $out, \%ALLOW);
    $desc .= " (@opt)" if @opt;
    report($pass, $desc, $diag);
}
report(0, "allow-list entry $_ names no scenario", '') for @stale;

# The judgement can fail: a refused scenario outside the allow-list.
my $dir = tempdir(CLEANUP => 1);
my $refused = "$dir/shmem.scn";
open(my $fh, '>', $refused) or die "$refused: $!\n";
print $fh "proc A\nA: map x 2M anon shared -> ok\n";
close($fh);
my ($status, $out) = capture(undef, $bin, 'run', '--check', $refused);
my ($pass) = judge($refused, $status, $out, {});
report(($status >> 8) == 3 && !$pass,
       "self-test: a refused scenario (exit " . ($status >> 8) . ") not on the allow-list fails");
($pass) = judge($refused, $status, $out, { $refused => 'self-test' });
report($pass, "self-test: the same scenario on the allow-list passes as a TODO");
