def check(r):
    cards = r.text("cards.txt")
    r.expect(" 0 [Loopback" in cards, f"card 0 should be Loopback; /proc/asound/cards:\n{cards}")
    r.expect(" 1 [VirMIDI" in cards, f"card 1 should be VirMIDI; /proc/asound/cards:\n{cards}")
    r.expect("seq" in r.lines("dev-snd.txt"), "/dev/snd/seq is missing")
    clients = r.text("aconnect.txt")
    r.expect("client 14: 'Midi Through'" in clients, f"aconnect -l lacks Midi Through:\n{clients}")
    r.expect(clients.count("'Virtual Raw MIDI") >= 4, f"aconnect -l lacks 4 Virtual Raw MIDI clients:\n{clients}")
