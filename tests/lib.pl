# lib.pl - what the .t scripts share.
use strict;
use warnings;

# Run a command without a shell (scenario text must never reach one);
# return its wait status and its stdout and stderr together.
sub capture {
    my ($stdin, @cmd) = @_;
    my $pid = open(my $fh, '-|') // die "fork: $!\n";
    if (!$pid) {
        open(STDERR, '>&', \*STDOUT) or die;
        if (defined $stdin) { open(STDIN, '<', $stdin) or die "$stdin: $!\n"; }
        exec { $cmd[0] } @cmd or exit 127;
    }
    local $/;
    my $out = <$fh> // '';
    close($fh);
    return ($?, $out);
}

1;
