#!/usr/bin/perl
# capture.t - `hugeresv capture`: a real capture of a child process that
# holds 64 MiB of anonymous memory, the file it writes read back in perl
# and by `capture --check`, the parser's FILE:LINE:COL messages for
# malformed footprints, and the exit statuses (2 bad command line or
# file, 3 no such process).
use strict;
use warnings;
no warnings 'portable';    # 64-bit addresses through hex()
use File::Temp qw(tempdir);
use POSIX ();

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $tmp = tempdir(CLEANUP => 1);
my $n = 0;

use FindBin;
require "$FindBin::Bin/lib.pl";

sub result {
    my ($good, $name, @diag) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    unless ($good) {
        print STDERR "# $_\n" for map { split /\n/ } @diag;
    }
    return $good;
}

# check NAME, ARGS (array ref), WANT_RC, PATTERN: run, compare, report.
sub check {
    my ($name, $args, $want_rc, $pattern) = @_;
    my ($status, $out) = capture(undef, $bin, @$args);
    my ($rc, $sig) = ($status >> 8, $status & 127);
    my $good = !$sig && $rc == $want_rc && $out =~ $pattern
        && $out !~ /Sanitizer|runtime error:/;
    result($good, $name, "exit $rc (signal $sig), want $want_rc; output:", $out);
    return $out;
}

sub write_file {
    my ($name, $text) = @_;
    my $path = "$tmp/$name";
    open(my $fh, '>', $path) or die "$path: $!";
    print $fh $text;
    close($fh);
    return $path;
}

print "1..27\n";

check('--help', ['capture', '--help'], 0, qr/^usage: hugeresv capture/m);
check('no PID', ['capture'], 2, qr/capture needs a PID/);
check('bad PID', ['capture', '12x'], 2, qr/bad PID '12x'/);
check('unknown option', ['capture', '--frob', '1'], 2, qr/unknown option '--frob'/);
check('--name with a blank', ['capture', '--name', 'a b', '1'], 2, qr/must be one word/);
# PID_MAX_LIMIT is 4194304: this pid can never exist.
check('no such process', ['capture', '4194305'], 3, qr/no process 4194305/);

# A child with 64 MiB of anonymous memory it has written: perl's "x"
# string repetition fills a malloc'ed (mmap'ed) buffer.
pipe(my $rd, my $wr) or die "pipe: $!";
my $child = fork() // die "fork: $!";
if (!$child) {
    close($rd);
    open(STDOUT, '>&', $wr) or die;
    exec($^X, '-e', '$| = 1; my $s = "x" x (64 * 1024 * 1024); print "ready\n"; sleep 120; print length $s')
        or POSIX::_exit(127);
}
close($wr);
my $ready = <$rd>;
result(defined $ready && $ready eq "ready\n", 'child allocated 64 MiB');

my $fp = "$tmp/child.fp";
check('capture the child', ['capture', '--source', 'capture.t child', '-o', $fp, $child],
      0, qr/^hugeresv capture: pid $child \(perl\): \d+ vmas, \d+ anon, [\d.]+ MiB anon present, \d+ THP ranges(?: \(no \/proc\/kpageflags: THPs not recorded\))? -> \Q$fp\E$/m);
result(!-e "$fp.tmp", 'no temporary file left');

# Read the footprint back in perl.
my (@lines, %seen, $anon_max, $sorted, $inside, $magic);
if (open(my $fh, '<', $fp)) {
    @lines = <$fh>;
    close($fh);
}
$magic = @lines && $lines[0] eq "# hugeresv footprint 1\n";
result($magic, 'magic line', "first line: " . ($lines[0] // '(none)'));
result(scalar(grep { /^name perl$/ } @lines) == 1, 'name is the comm');
result(scalar(grep { /^source capture\.t child; pid $child comm perl, captured \S+, Linux \S+$/ } @lines) == 1,
       'source: the text, then pid, comm, date, kernel',
       grep { /^source/ } @lines);
{
    my ($cur, $pages, $last_end, $prev_vma_end) = (undef, 0, -1, 0);
    ($sorted, $inside, $anon_max) = (1, 1, 0);
    my $finish = sub {
        $anon_max = $pages if defined $cur && $cur->{kind} eq 'anon' && $pages > $anon_max;
    };
    for (@lines) {
        if (/^vma ([0-9a-f]+)-([0-9a-f]+) (\S{4}) (anon|file|shared|special)(?: (.*))?$/) {
            $finish->();
            my ($s, $e) = (hex $1, hex $2);
            $sorted &&= $s >= $prev_vma_end && $s < $e;
            $prev_vma_end = $e;
            $cur = { kind => $4, pages => ($e - $s) / 4096 };
            ($pages, $last_end) = (0, -1);
        } elsif (/^present((?: \d+(?:\+\d+)?)+)$/) {
            for my $r (split ' ', $1) {
                my ($f, $c) = split /\+/, $r;
                $c //= 1;
                $sorted &&= $f > $last_end;     # disjoint, not adjacent
                $inside &&= defined $cur && $f + $c <= $cur->{pages};
                $last_end = $f + $c;
                $pages += $c;
            }
        }
    }
    $finish->();
}
result($sorted, 'vmas and runs sorted, disjoint, runs merged');
result($inside, 'runs inside their vma');
result($anon_max >= 60 * 256, 'an anon vma holds >= 60 MiB present',
       "largest anon vma: $anon_max pages");

check('--check the capture', ['capture', '--check', $fp], 0,
      qr/^\Q$fp\E: \d+ vmas, \d+ anon vmas, \d+ present pages \((?:6[4-9]|[7-9]\d|\d{3,})\.\d MiB anon\)$/m);
check('--check -v: regions', ['capture', '--check', '-v', $fp], 0,
      qr/^\Q$fp\E: anon 2 MiB regions: \d+ touched; present pages 1-63: \d+, 64-255: \d+, 256-511: \d+, 512: (?:[3-9]\d|\d{3,}); \d+ THP-mapped$/m);
check('capture to stdout', ['capture', $child], 0, qr/\A# hugeresv footprint 1\nname perl\n/);
check('-o into a missing directory', ['capture', '-o', "$tmp/no/such/x.fp", $child], 1,
      qr{\Q$tmp\E/no/such/x\.fp\.tmp: No such file or directory});

kill('KILL', $child);
waitpid($child, 0);
check('a process that is gone', ['capture', '-o', "$tmp/gone.fp", $child], 3, qr/no process $child/);
result(!-e "$tmp/gone.fp" && !-e "$tmp/gone.fp.tmp", 'nothing written for it');

# Malformed footprints: each gives FILE:LINE:COL and exit 2.
my $h = "# hugeresv footprint 1\nname t\n";
my @bad = (
    ['magic.fp', "# hugeresv footprnt 1\nname t\n", qr/:1:1: not a hugeresv footprint/],
    ['unsorted.fp', "${h}vma 5000-6000 rw-p anon\nvma 1000-2000 rw-p anon\n",
     qr/:4:5: vma overlaps or comes before the previous one/],
    ['outside.fp', "${h}vma 1000-3000 rw-p anon\npresent 0 1+2\n",
     qr/:4:11: run 1\+2 goes past the vma's 2 pages/],
    ['hex.fp', "${h}vma 1000-2z00 rw-p anon\n", qr/:3:11: bad hex digit 'z' in end address/],
    ['align.fp', "${h}vma 200000-800000 rw-p anon\nhuge 300000\n",
     qr/:4:6: huge page address 300000 is not 2 MiB aligned/],
    ['dupname.fp', "${h}name u\n", qr/:3:1: second 'name' line/],
);
for my $b (@bad) {
    my ($file, $text, $want) = @$b;
    my $path = write_file($file, $text);
    check("malformed: $file", ['capture', '--check', $path], 2, qr/^\Q$path\E$want/m);
}
