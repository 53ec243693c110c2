#!/usr/bin/perl
# cli.t - the hugeresv command line: help, version, usage errors, the
# demo, exit statuses of run, -v, --json.
use strict;
use warnings;
use File::Temp qw(tempdir);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $tmp = tempdir(CLEANUP => 1);
my $n = 0;
my @plan;

use FindBin;
require "$FindBin::Bin/lib.pl";

# Scenario text never goes through a shell: it is written to a file
# and handed over as standard input.
my $stdin_count = 0;
sub run_cmd {
    my ($args, $stdin) = @_;
    my $path;
    $path = write_file('stdin' . ++$stdin_count . '.scn', $stdin) if defined $stdin;
    my ($status, $out) = capture($path, $bin, split(' ', $args));
    return ($status >> 8, $status & 127, $out);
}

sub check {
    my ($name, $args, $want_rc, $pattern, $stdin) = @_;
    my ($rc, $sig, $out) = run_cmd($args, $stdin);
    $n++;
    my $good = !$sig && $rc == $want_rc && $out =~ $pattern
        && $out !~ /Sanitizer|runtime error:/;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    unless ($good) {
        print "# exit $rc (signal $sig), want $want_rc; output:\n";
        print STDERR "# $_\n" for split /\n/, $out;
    }
}

sub write_file {
    my ($name, $text) = @_;
    my $path = "$tmp/$name";
    open(my $fh, '>', $path) or die "$path: $!";
    print $fh $text;
    close($fh);
    return $path;
}

check('--help', '--help', 0, qr/^usage: hugeresv COMMAND/m);
check('-h', '-h', 0, qr/^usage: hugeresv/m);
check('--version', '--version', 0, qr/^hugeresv \d+\.\d+\.\d+$/m);
{
    # the version is the header's: HR_VERSION_MAJOR.MINOR.PATCH
    open(my $h, '<', "$FindBin::Bin/../include/hugeresv.h") or die "hugeresv.h: $!";
    my %v = map { /^#define HR_VERSION_(MAJOR|MINOR|PATCH)\s+(\d+)\s*$/ ? ($1, $2) : () } <$h>;
    close($h);
    check('--version is the header\'s', '--version', 0,
          qr/\Ahugeresv \Q$v{MAJOR}.$v{MINOR}.$v{PATCH}\E\n\z/);
}
check('no command', '', 2, qr/^usage: hugeresv/m);
check('unknown command', 'frob', 2, qr/unknown command 'frob'/);
check('unknown option', '--frob', 2, qr/unknown option '--frob'/);
check('run without files', 'run', 2, qr/^hugeresv run: needs at least one FILE\nTry 'hugeresv run --help'\.$/m);
check('run: unknown option', 'run --kernal x.scn', 2, qr/^hugeresv run: unknown option '--kernal'\nTry 'hugeresv run --help'\.$/m);
check('run: missing file', 'run /nonexistent.scn', 2, qr{^/nonexistent\.scn: });
check('demo', 'demo', 0, qr/^demo: \d+ steps, \d+ checks, 0 failed$/m);
check('demo --print parses back', 'run -', 0, qr/\A# -:30: show\n(?:expect [^\n]*\n)+\z/,
      (capture(undef, $bin, 'demo', '--print'))[1]);

my $pass = write_file('pass.scn', "sysctl vm.nr_hugepages=2\nproc A\n"
    . "A: map x 2h anon private hugetlb -> ok\n"
    . "expect meminfo HugePages_Rsvd=2 Hugetlb=4M\n"
    . "A: touch x all write -> ok\nexpect A smaps Private_Hugetlb=4M\n");
my $fail = write_file('fail.scn', "sysctl vm.nr_hugepages=1\nproc A\n"
    . "A: map x 2h anon private hugetlb -> ok\n"
    . "expect meminfo HugePages_Rsvd=1 Hugetlb=4M\n"
    . "A: touch x 0 write -> SIGBUS\n");
check('run: passing file', "run $pass", 0, qr/\A\z/);
check('run: failures reported, run goes on', "run $fail", 1,
      qr/\Q$fail\E:3: expected ok, got ENOMEM\n\Q$fail\E:4: expected HugePages_Rsvd=1, got 0\n\Q$fail\E:4: expected Hugetlb=4M, got 2M\n\Q$fail\E:5: expected SIGBUS, got SIGSEGV/);
check('run -v', "run -v $pass", 0, qr/^\Q$pass\E:3: A: map x 2h anon private hugetlb -> ok\n    meminfo: HugePages_Rsvd 0 -> 2/m);
check('run --json', "run --json $pass", 0,
      qr/^\{"file":"\Q$pass\E","backend":"engine","events":\[\],"summary":\{"steps":6,"checks":5,"failed":0,"status":"ok"\},"figures":\{.*"meminfo:HugePages_Rsvd":0/m);
check('run: a bad file stops every file', "run $pass $tmp/none.scn", 2, qr{none\.scn: });
check('show prints expect lines', 'run -', 0,
      qr/^expect meminfo HugePages_Total=3 HugePages_Free=3 HugePages_Rsvd=0 HugePages_Surp=0 Hugetlb=6M$/m,
      "sysctl vm.nr_hugepages=3\nshow\n");

# --- every subcommand's help and usage errors ----------------------------------
# Run without a shell, stdout and stderr apart: help goes to stdout, a
# usage error to stderr.  Nothing here gets past an option parser, so
# no command touches the machine (diff, bench and calibrate included).
sub run_split {
    my (@args) = @_;
    my $err = "$tmp/stderr";
    my $pid = open(my $fh, '-|') // die "fork: $!\n";
    if (!$pid) {
        open(STDERR, '>', $err) or die "$err: $!\n";
        open(STDIN, '<', '/dev/null') or die;
        exec { $bin } $bin, @args or exit 127;
    }
    local $/;
    my $out = <$fh> // '';
    close($fh);
    my $st = $?;
    open(my $e, '<', $err) or die "$err: $!\n";
    my $errout = <$e> // '';
    close($e);
    return ($st >> 8, $st & 127, $out, $errout);
}

sub check_split {
    my ($name, $args, $want_rc, $out_re, $err_re) = @_;
    my ($rc, $sig, $out, $err) = run_split(@$args);
    $n++;
    my $good = !$sig && $rc == $want_rc && $out =~ $out_re && $err =~ $err_re;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    print STDERR "# exit $rc (signal $sig), want $want_rc\n# stdout: $out\n# stderr: $err\n"
        unless $good;
    return $out;
}

check_split('help: the main help', ['help'], 0, qr/\Ausage: hugeresv COMMAND/, qr/\A\z/);
check_split('help nosuch: a usage error', ['help', 'nosuch'], 2, qr/\A\z/,
            qr/\Ahugeresv help: no command 'nosuch'\nTry 'hugeresv help --help'\.\n\z/);
for my $cmd (qw(run diff bench fuzz lab replay capture calibrate demo help)) {
    my $usage = qr/\Ausage: hugeresv \Q$cmd\E(?: |\n)/;
    my $h = check_split("help $cmd", ['help', $cmd], 0, $usage, qr/\A\z/);
    my $o = check_split("$cmd --help", [$cmd, '--help'], 0, $usage, qr/\A\z/);
    $n++;
    print $h eq $o ? "ok $n - $cmd: help $cmd is $cmd --help\n"
                   : "not ok $n - $cmd: help $cmd is $cmd --help\n";
    check_split("$cmd -h", [$cmd, '-h'], 0, $usage, qr/\A\z/);
    check_split("$cmd: an unknown option", [$cmd, '--no-such-option'], 2, qr/\A\z/,
                qr/\Ahugeresv \Q$cmd\E: unknown option '--no-such-option'\nTry 'hugeresv \Q$cmd\E --help'\.\n\z/);
}

print "1..$n\n";
