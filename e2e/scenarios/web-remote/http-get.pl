#!/usr/bin/perl
# http-get.pl SOURCE_ADDRESS HOST PORT PATH SECONDS: one GET from a chosen source address (as
# curl --interface does); prints the status line and the body, or "no answer: REASON".
use strict; use warnings; use IO::Socket::INET;
my ($src, $host, $port, $path, $secs) = @ARGV;
my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port, LocalAddr => $src, Proto => 'tcp', Timeout => $secs)
  or do { print "no answer: connect: $@\n"; exit 0 };
$s->timeout($secs);
print $s "GET $path HTTP/1.1\r\nHost: $host:$port\r\nConnection: close\r\n\r\n";
my $reply = '';
eval {
  local $SIG{ALRM} = sub { die "timeout\n" };
  alarm $secs;
  while (my $line = <$s>) { $reply .= $line }
  alarm 0;
};
if ($reply eq '') { print "no answer: " . ($@ ? $@ : "closed\n") } else { print $reply, "\n" }
