#!/usr/bin/perl
# A key player for the host: listens on TCP 8091 and writes each line of hex MIDI bytes
# ("90 29 64 ...") to the virtual keyboard's raw MIDI device at once (as a USB keyboard sends
# them), then answers "ok". One process that stays up: no program starts between the host's
# request and the keys, so the host can time key -> page from its side.
use strict; use warnings; use IO::Socket::INET;
my $server = IO::Socket::INET->new(LocalAddr => '0.0.0.0', LocalPort => 8091, Listen => 2, ReuseAddr => 1, Proto => 'tcp')
  or die "keys.pl: cannot listen on 8091: $!\n";
open(my $midi, '>:raw', '/dev/snd/midiC1D0') or die "keys.pl: /dev/snd/midiC1D0: $!\n";
while (my $client = $server->accept) {
  $client->autoflush(1);
  while (my $line = <$client>) {
    my @bytes = map { hex } grep { /^[0-9A-Fa-f]{1,2}$/ } split ' ', $line;
    syswrite($midi, pack('C*', @bytes)) if @bytes;
    print $client "ok\n";
  }
  close $client;
}
