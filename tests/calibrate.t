#!/usr/bin/perl
# calibrate.t - `hugeresv calibrate`: the command line, a quick
# calibration (every figure written and positive; no timing is judged:
# a VM is too noisy for that), the default destination, and `--check`
# on malformed cost model files (FILE:LINE:COL, exit 2).
use strict;
use warnings;
use File::Temp qw(tempdir);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
my $tmp = tempdir(CLEANUP => 1);
my $n = 0;

use FindBin;
require "$FindBin::Bin/lib.pl";

my @keys = qw(host date kernel fault_4k_ns fault_2m_ns zero_2m_ns copy_2m_ns
              walk_4k_ns walk_2m_ns);

sub run_cmd {
    my (@args) = @_;
    my ($status, $out) = capture(undef, $bin, 'calibrate', @args);
    return ($status >> 8, $status & 127, $out);
}

sub report {
    my ($good, $name, $why, $out) = @_;
    $n++;
    print $good ? "ok $n - $name\n" : "not ok $n - $name\n";
    return if $good;
    print STDERR "# $why\n";
    print STDERR "# $_\n" for split /\n/, $out // '';
}

sub check {
    my ($name, $args, $want_rc, $pattern) = @_;
    my ($rc, $sig, $out) = run_cmd(@$args);
    my $good = !$sig && $rc == $want_rc && $out =~ $pattern
        && $out !~ /Sanitizer|runtime error:/;
    report($good, $name, "exit $rc (signal $sig), want $want_rc; output:", $out);
}

sub write_file {
    my ($name, $text) = @_;
    my $path = "$tmp/$name";
    open(my $fh, '>', $path) or die "$path: $!";
    print $fh $text;
    close($fh);
    return $path;
}

sub slurp {
    my ($path) = @_;
    open(my $fh, '<', $path) or return undef;
    local $/;
    return <$fh>;
}

# What is wrong with a model file's text ('' if nothing).
sub model_problems {
    my ($text) = @_;
    return "no file" unless defined $text;
    return "no magic line" unless $text =~ /\A# hugeresv cost model 1\n/;
    my @bad;
    for my $k (@keys) {
        my @v = $text =~ /^\Q$k\E[ \t]+(.*?)[ \t]*$/mg;
        if (@v != 1) { push @bad, "$k given " . scalar(@v) . " times"; next; }
        next unless $k =~ /_ns$/;
        push @bad, "$k=$v[0] is not a positive number"
            unless $v[0] =~ /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i && $v[0] > 0;
    }
    return join('; ', @bad);
}

# A quick calibration; 'skip' when THP cannot be had without root.
sub calibrate_quick {
    my ($name, @args) = @_;
    my ($rc, $sig, $out) = run_cmd('--quick', @args);
    if (!$sig && $rc == 3 && $> != 0 && $out =~ /need THP|no THP/) {
        $n++;
        print "ok $n # SKIP $name: THP cannot be had here without root\n";
        return ('skip', $out);
    }
    my $good = !$sig && $rc == 0 && $out !~ /Sanitizer|runtime error:/;
    return ($good ? 'ok' : 'fail', $out, $rc, $sig);
}

my $good_model = <<'EOF';
# hugeresv cost model 1
host test
date 2026-11-21T10:00:00Z
kernel 6.18.44
fault_4k_ns 812.5
fault_2m_ns 41234.0
zero_2m_ns 38000.0
copy_2m_ns 61000.0
walk_4k_ns 31.2
walk_2m_ns 9.8
EOF

# The good model with line $line (1-based) replaced by $text.
sub variant {
    my ($name, $line, $text) = @_;
    my @l = split /\n/, $good_model;
    splice(@l, $line - 1, 1, defined $text ? ($text) : ());
    return write_file($name, join("\n", @l) . "\n");
}

print "1..21\n";

check('--help', ['--help'], 0, qr/^usage: hugeresv calibrate \[-o FILE\] \[--quick\] \[--runs N\]$/m);
check('unknown option', ['--frob'], 2, qr/^hugeresv calibrate: unknown option '--frob'$/m);
check('--runs 0', ['--runs', '0'], 2, qr/--runs takes a count from 1 to 1000, not '0'/);
check('--runs x', ['--runs', 'x'], 2, qr/--runs takes a count/);
check('-o without FILE', ['-o'], 2, qr/-o needs an argument/);
check('stray argument', ['model'], 2, qr/unexpected argument 'model'/);
check('--check with --quick', ['--quick', '--check', 'x'], 2, qr/--check takes no other option/);

# A quick calibration to a file.
{
    my $path = "$tmp/quick.model";
    my ($res, $out, $rc, $sig) = calibrate_quick('calibrate --quick -o FILE', '-o', $path);
    if ($res eq 'skip') {
        $n++;
        print "ok $n # SKIP --check of a calibrated file: no calibration\n";
    } else {
        my $why = $res eq 'ok' ? model_problems(slurp($path)) : "exit $rc (signal $sig)";
        report(!$why && $out =~ /^fault_2m_ns\s+[\d.]+\s+[\d.]+\s+[\d.]+/m,
               'calibrate --quick -o FILE: every key, positive; a table',
               $why || 'no table', $out);
        check('--check of the calibrated file', ['--check', $path], 0,
              qr/\A# hugeresv cost model 1\n(?:#[^\n]*\n)*host /);
    }
    report(!-e "$path.tmp", 'no FILE.tmp left behind', "$path.tmp exists", '');
}

# The default destination, its directory made on the way.
{
    my $path = "$tmp/config/hugeresv/cost-model";
    local $ENV{HUGERESV_COST_MODEL} = $path;
    my ($res, $out, $rc, $sig) = calibrate_quick('calibrate --quick (default path)');
    if ($res ne 'skip') {
        my $why = $res eq 'ok' ? model_problems(slurp($path)) : "exit $rc (signal $sig)";
        report(!$why, 'calibrate --quick writes $HUGERESV_COST_MODEL (directory made)',
               $why, $out);
    }
}

# -o -: the model on stdout (stderr is mixed in here; find the model).
{
    my ($res, $out, $rc, $sig) = calibrate_quick('calibrate --quick -o -', '-o', '-');
    if ($res ne 'skip') {
        my ($model) = $out =~ /^(# hugeresv cost model 1\n(?:.*\n)*?walk_2m_ns [^\n]*\n)/m;
        my $why = $res eq 'ok' ? model_problems($model) : "exit $rc (signal $sig)";
        report(!$why, 'calibrate --quick -o -: the model on stdout', $why, $out);
    }
}

# Malformed models: FILE:LINE:COL and exit 2.
check('--check: a good file', ['--check', write_file('good', $good_model)], 0,
      qr/^fault_4k_ns 812\.5$/m);
my $f = write_file('magic', "# hugeresv cost model 2\n");
check('--check: wrong magic', ['--check', $f], 2, qr/^\Q$f\E:1:1: not a hugeresv cost model/m);
$f = variant('unknown', 5, 'fault_4K_ns 812.5');
check('--check: unknown key', ['--check', $f], 2, qr/^\Q$f\E:5:1: unknown key 'fault_4K_ns'$/m);
$f = variant('dup', 10, "walk_2m_ns 9.8\nzero_2m_ns 1");
check('--check: duplicate key', ['--check', $f], 2,
      qr/^\Q$f\E:11:1: duplicate key 'zero_2m_ns' \(first on line 7\)$/m);
$f = variant('number', 6, 'fault_2m_ns 41k');
check('--check: bad number', ['--check', $f], 2, qr/^\Q$f\E:6:13: bad number '41k' for 'fault_2m_ns'$/m);
$f = variant('missing', 8);
check('--check: missing key', ['--check', $f], 2, qr/^\Q$f\E:10:1: missing key 'copy_2m_ns'$/m);
$f = variant('zero', 10, 'walk_2m_ns 0.0');
check('--check: zero', ['--check', $f], 2, qr/^\Q$f\E:10:12: 'walk_2m_ns' must be positive, not 0\.0$/m);
$f = variant('negative', 5, 'fault_4k_ns -3');
check('--check: negative', ['--check', $f], 2, qr/^\Q$f\E:5:13: 'fault_4k_ns' must be positive, not -3$/m);
check('--check: no such file', ['--check', "$tmp/none"], 2, qr/^\Q$tmp\E\/none: No such file or directory$/m);
