#!/usr/bin/perl
# dirs.t - directories as FILE arguments of `hugeresv diff` and `run`:
# a directory stands for every *.scn file under it, recursively, sorted
# by path (strcmp); files given explicitly keep their place; a directory
# with no .scn file is a usage error (exit 2) naming it.
#
# No kernel is needed: the diff side uses engine-only files, which diff
# skips before it opens the kernel back end, and one file that does not
# parse; run uses the engine.
use strict;
use warnings;
use File::Path qw(make_path);
use File::Temp qw(tempdir);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $tmp = tempdir(CLEANUP => 1);
my $n = 0;

# Run without a shell; stdout and stderr apart.
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

sub ok_if {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    unless ($good) {
        print STDERR "# $_\n" for map { split /\n/ } @diag;
    }
}

sub write_file {
    my ($path, $text) = @_;
    open(my $fh, '>', $path) or die "$path: $!";
    print $fh $text;
    close($fh);
}

# The paths diff reports, in its order ("PATH: ..." lines).
sub reported {
    my ($out) = @_;
    return join(' ', map { /^(\S+?): (?:ok|skipped|error|MISMATCH)/ ? $1 : () }
                     split /\n/, $out);
}

# An engine-only scenario: diff skips it with the parser's reason.
my $eo = "thp promotion_threshold=2\nproc A\nA: exit\n";

# d/: upper case before lower case, "sub-x/" before "sub/" ('-' < '/'),
# a file that is not a scenario, an empty subdirectory, one that does
# not parse.
my $d = "$tmp/d";
make_path("$d/sub", "$d/sub-x", "$d/empty", "$d/sub/deeper");
write_file("$d/a.scn", $eo);
write_file("$d/Z.scn", $eo);
write_file("$d/sub/c.scn", $eo);
write_file("$d/sub/deeper/f.scn", $eo);
write_file("$d/sub-x/e.scn", $eo);
write_file("$d/bad.scn", "this is not a statement\n");
write_file("$d/notes.txt", "not a scenario\n");

{
    my ($rc, $sig, $out, $err) = run_split('diff', $d);
    my $want = join(' ', map { "$d/$_" }
                    qw(Z.scn a.scn bad.scn sub-x/e.scn sub/c.scn sub/deeper/f.scn));
    ok_if(!$sig && reported($out) eq $want,
          'diff DIR: every *.scn under it, recursively, sorted by path',
          "got:  " . reported($out), "want: $want", $out, $err);
    ok_if(!$sig && $rc == 2, 'diff DIR: a file that does not parse is exit 2',
          "exit $rc", $out, $err);
    ok_if($out =~ /^\Q$d\E\/a\.scn: skipped \(engine-only: /m
          && $out =~ /^\Q$d\E\/bad\.scn: error \(cannot load it/m
          && $out =~ /^6 files, 0 mismatches, 5 skipped, 0 noisy$/m,
          'diff DIR: engine-only files skipped, the bad one an error, one summary',
          $out, $err);
}
{
    # a trailing slash gives the same paths, not "d//a.scn"
    my ($rc, $sig, $out, $err) = run_split('diff', "$d/sub/");
    my $want = "$d/sub/c.scn $d/sub/deeper/f.scn";
    ok_if(!$sig && $rc == 0 && reported($out) eq $want,
          'diff DIR/: the same paths as diff DIR', "exit $rc",
          "got:  " . reported($out), "want: $want", $err);
}
{
    # explicit files keep their place around an expanded directory
    my ($rc, $sig, $out, $err) =
        run_split('diff', "$d/sub-x/e.scn", "$d/sub", "$d/a.scn", "$d/Z.scn");
    my $want = "$d/sub-x/e.scn $d/sub/c.scn $d/sub/deeper/f.scn $d/a.scn $d/Z.scn";
    ok_if(!$sig && $rc == 0 && reported($out) eq $want,
          'diff FILE DIR FILE FILE: files keep their order', "exit $rc",
          "got:  " . reported($out), "want: $want", $err);
}
for my $cmd (qw(diff run)) {
    # no .scn file anywhere below: a usage error naming the directory,
    # before anything runs (no summary)
    my ($rc, $sig, $out, $err) = run_split($cmd, "$d/a.scn", "$d/empty");
    ok_if(!$sig && $rc == 2 && $out eq ''
          && $err =~ /^hugeresv \Q$cmd\E: \Q$d\E\/empty: a directory with no \.scn file/m,
          "$cmd: a directory with no .scn file is exit 2, with a message",
          "exit $rc", "stdout: $out", "stderr: $err");
}
{
    my $r = "$tmp/r";
    make_path("$r/x", "$r/y");
    my $s = "sysctl vm.nr_hugepages=2\nexpect meminfo HugePages_Free=2\n";
    write_file("$r/y/one.scn", $s);
    write_file("$r/x/two.scn", $s);
    write_file("$r/three.scn", $s);
    my ($rc, $sig, $out, $err) = run_split('run', '--json', $r);
    my $got = join(' ', $out =~ /^\{"file":"([^"]+)"/mg);
    my $want = "$r/three.scn $r/x/two.scn $r/y/one.scn";
    ok_if(!$sig && $rc == 0 && $got eq $want,
          'run DIR: every *.scn under it, sorted by path, on the engine',
          "exit $rc", "got:  $got", "want: $want", $err);
}

print "1..$n\n";
