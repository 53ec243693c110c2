#!/usr/bin/perl
# man.t - the man pages, docs/man/hugeresv.1 and docs/man/hugeresv-scenario.5:
#
#  - each formats without a warning (man --warnings, else groff -ww; a
#    SKIP when neither is installed: apt-get install man-db groff-base);
#  - every subcommand `hugeresv --help` lists has its section in
#    hugeresv.1, and every option it or a `hugeresv CMD --help` shows
#    is in the page;
#  - every statement keyword of the language, read from the parser's
#    statement tables (cli/scenario/*.c), is in hugeresv-scenario.5's
#    SYNOPSIS and described under STATEMENTS.
#
# The lists come from the binary and the code, never from the pages, so a
# new command, option or statement fails here until it is documented.
# Each checker is also run once on a page with something removed, to show
# that it does fail.
use strict;
use warnings;
use File::Temp qw(tempdir);

my $bin = $ENV{HUGERESV} or die "HUGERESV is not set (run through 'make check')\n";
die "HUGERESV=$bin is not an executable\n" unless -x $bin;
use FindBin;
require "$FindBin::Bin/lib.pl";

my $top = "$FindBin::Bin/..";
my $page1 = "$top/docs/man/hugeresv.1";
my $page5 = "$top/docs/man/hugeresv-scenario.5";

sub slurp {
    my ($f) = @_;
    open(my $fh, '<', $f) or die "$f: $!\n";
    local $/;
    return <$fh>;
}

# Roff source to plain words: fonts and escapes out, \- as -.
sub plain {
    my ($t) = @_;
    $t =~ s/\\f[BIRP]//g;
    $t =~ s/\\-/-/g;
    $t =~ s/\\\(aq/'/g;
    $t =~ s/\\c$//mg;
    return $t;
}

# The text of section NAME (.SH NAME up to the next .SH).
sub section {
    my ($t, $name) = @_;
    return $t =~ /^\.SH "?\Q$name\E"?\n(.*?)(?=^\.SH |\z)/ms ? $1 : '';
}

# A formatter's warnings on FILE: (tool, text), or () without a tool.
sub warnings_of {
    my ($file) = @_;
    my @cmd;
    if (system('sh', '-c', 'command -v man >/dev/null 2>&1') == 0) {
        @cmd = ('man', '--warnings', '-l', $file);
    } elsif (system('sh', '-c', 'command -v groff >/dev/null 2>&1') == 0) {
        @cmd = ('groff', '-man', '-ww', '-z', $file);
    } else {
        return ();
    }
    # stdout (the formatted page) to /dev/null, stderr is the answer
    my $pid = open(my $fh, '-|') // die "fork: $!\n";
    if (!$pid) {
        open(STDERR, '>&', \*STDOUT) or die;
        open(STDOUT, '>', '/dev/null') or die;
        $ENV{MANWIDTH} = 80;
        $ENV{LC_ALL} = 'C.UTF-8';
        exec { $cmd[0] } @cmd or exit 127;
    }
    local $/;
    my $err = <$fh> // '';
    close($fh);
    $err .= "(exit status " . ($? >> 8) . ")\n" if $?;
    return ($cmd[0], $err);
}

# Subcommands in `hugeresv --help`: the words of each command line
# before its first option or argument ("run", "lab forkchunk", ...).
sub help_commands {
    my ($help) = @_;
    my ($list) = $help =~ /^commands\b.*?:\n(.*?)(?:\n\n|\z)/ms;
    my %cmds;
    for (split /\n/, $list // '') {
        next unless /^  ([a-z][a-z-]*(?: [a-z][a-z-]*)*)(?=\s|$)/;
        $cmds{$1} = 1;
    }
    return sort keys %cmds;
}

# Long options (--foo) in a help text.
sub help_options {
    my ($help) = @_;
    my %o;
    $o{$1} = 1 while $help =~ /(?<![\w-])(--[a-z][a-z0-9-]*)/g;
    return sort keys %o;
}

# Commands of @cmds without a `.SS "hugeresv CMD` section in the page.
sub missing_commands {
    my ($t, @cmds) = @_;
    my $p = plain($t);
    return grep { $p !~ /^\.SS "hugeresv \Q$_\E(?:[ "\[]|$)/m } @cmds;
}

sub missing_options {
    my ($t, @opts) = @_;
    my $p = plain($t);
    return grep { $p !~ /(?<![\w-])\Q$_\E(?![\w-])/ } @opts;
}

# Statement keywords: the names in the parser's statement tables,
# `{ "map", ST_MAP, ... }`.
sub statement_keywords {
    my %kw;
    for my $f (glob("$top/cli/scenario/*.c")) {
        my $src = slurp($f);
        $kw{$1} = 1 while $src =~ /\{\s*"([a-z][a-z-]*)",\s*ST_[A-Z_]+\s*,/g;
    }
    return sort keys %kw;
}

# Keywords not shown as a statement in SYNOPSIS ("kw ..." or
# "NAME: kw ..."), or not described under STATEMENTS.
sub missing_keywords {
    my ($t, @kw) = @_;
    my $syn = plain(section($t, 'SYNOPSIS'));
    my $body = plain(section($t, 'STATEMENTS'));
    return grep {
        $syn !~ /^(?:NAME: )?\Q$_\E(?:\s|$)/m ||
        $body !~ /(?<![\w-])\Q$_\E(?![\w-])/
    } @kw;
}

my @checks;
sub check { push @checks, [@_] }

my $t1 = slurp($page1);
my $t5 = slurp($page5);

# 1. the formatter
my $tmp = tempdir(CLEANUP => 1);
open(my $bad, '>', "$tmp/bad.1") or die;
print $bad ".TH BAD 1\n.SH NAME\nbad \\- a page with an unknown macro\n.XYZZY text\n";
close($bad);
for my $p ($page1, $page5) {
    my ($tool, $err) = warnings_of($p);
    my $name = $p =~ s{.*/}{}r;
    if (!defined $tool) {
        check('skip', "$name: no man or groff (apt-get install man-db groff-base)");
        next;
    }
    check($err eq '', "$name: $tool formats it without a warning", $err);
}
{
    my ($tool, $err) = warnings_of("$tmp/bad.1");
    if (defined $tool) {
        check($err ne '', "self-test: $tool warns about an unknown macro", '');
    } else {
        check('skip', "self-test: no man or groff");
    }
}

# 2. the commands and their options
my ($st, $help) = capture(undef, $bin, '--help');
my @cmds = help_commands($help);
check(($st >> 8) == 0 && @cmds >= 8, "hugeresv --help lists the commands (" . scalar(@cmds) . ")", $help);
my @miss = missing_commands($t1, @cmds);
check(!@miss, "hugeresv.1 has a section for every command of hugeresv --help",
      @miss ? "missing: @miss" : '');
my %opts = map { $_ => 1 } help_options($help);
# `CMD --help`, where the command has one (diff is left out: it is never
# run from the tests, a host is shared)
my %first = map { (split / /)[0] => 1 } @cmds;
for my $c (sort grep { $_ ne 'diff' } keys %first) {
    my ($s, $out) = capture(undef, $bin, $c, '--help');
    next unless ($s >> 8) == 0 && $out =~ /usage/i;
    $opts{$_} = 1 for help_options($out);
}
delete $opts{'--help'};	# every command's, documented once
@miss = missing_options($t1, sort keys %opts);
check(!@miss, "hugeresv.1 names every option of the help texts (" . scalar(keys %opts) . ")",
      @miss ? "missing: @miss" : '');
@miss = missing_commands($t1 =~ s/^\.SS "hugeresv capture.*$//mr, 'capture');
check(@miss == 1, "self-test: a page without the capture section is caught", '');

# 3. the statements
my @kw = statement_keywords();
check(@kw >= 20, "the parser's statement tables give the keywords (" . scalar(@kw) . ")",
      "found: @kw");
@miss = missing_keywords($t5, @kw);
check(!@miss, "hugeresv-scenario.5 shows and describes every statement keyword",
      @miss ? "missing: @miss" : '');
@miss = missing_keywords($t5 =~ s/^umount .*$//mr, @kw);
check("@miss" eq 'umount', "self-test: a SYNOPSIS without umount is caught", "got: @miss");

print "1..", scalar(@checks), "\n";
my $n = 0;
for (@checks) {
    my ($pass, $name, $diag) = @$_;
    $n++;
    if ($pass eq 'skip') {
        print "ok $n # SKIP $name\n";
        next;
    }
    print $pass ? "ok $n - $name\n" : "not ok $n - $name\n";
    print STDERR "# $_\n" for grep { length } split /\n/, ($pass ? '' : $diag // '');
}
