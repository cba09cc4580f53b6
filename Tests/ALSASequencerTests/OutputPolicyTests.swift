import Testing

@testable import ALSASequencer

@Suite struct OutputPolicyTests {
    static let own = 128
    static func synth(_ client: Int, _ port: Int = 0, _ clientName: String, _ portName: String) -> PortInfo {
        PortInfo(
            address: SequencerAddress(client: client, port: port), clientName: clientName, portName: portName,
            isReadable: false, isSubscribableForReading: false, isWritable: true, isSubscribableForWriting: true)
    }
    static let fluid = synth(130, 0, "FLUID Synth (1234)", "Synth input port (1234:0)")
    static let surge = synth(131, 0, "Surge XT", "Surge XT MIDI In")
    static let dump = synth(132, 0, "aseqdump", "aseqdump")
    static let through = synth(14, 0, "Midi Through", "Midi Through Port-0")

    @Test func nothingIsConnectedByDefault() {
        let p = OutputPolicy()
        for port in [Self.fluid, Self.surge, Self.dump, Self.through] { #expect(!p.shouldConnect(port, ownClient: Self.own)) }
    }

    @Test func patternsPickTheNamedSynthsOnly() {
        let p = OutputPolicy(patterns: [NamePattern("fluid synth"), NamePattern("Surge XT:*")])
        #expect(p.shouldConnect(Self.fluid, ownClient: Self.own))
        #expect(p.shouldConnect(Self.surge, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.dump, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.through, ownClient: Self.own))
    }

    /// A keyboard's output port cannot take our band; a synth that refuses subscriptions or
    /// hides itself is left alone; our own ports and the System client never.
    @Test func onlyPortsThatTakeInputAreConnected() {
        let p = OutputPolicy(patterns: [NamePattern("*")])
        let keyboard = PortInfo(address: SequencerAddress(client: 24, port: 0), clientName: "Keystation 49", portName: "Keystation 49 MIDI 1")
        #expect(!p.shouldConnect(keyboard, ownClient: Self.own))
        var noSubs = Self.fluid
        noSubs.isSubscribableForWriting = false
        #expect(!p.shouldConnect(noSubs, ownClient: Self.own))
        var hidden = Self.fluid
        hidden.isPrivate = true
        #expect(!p.shouldConnect(hidden, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.synth(Self.own, 0, "Sideman", "in"), ownClient: Self.own))
        #expect(!p.shouldConnect(Self.synth(0, 0, "System", "Timer"), ownClient: Self.own))
        #expect(p.shouldConnect(Self.fluid, ownClient: Self.own))
    }

    /// `sideman alsa-probe --client-name Listener` has `in` (writable) and `out` (readable):
    /// the client name alone connects `in`, and only it.
    @Test func aClientNameMatchesItsWritablePort() {
        let p = OutputPolicy(patterns: [NamePattern("Listener")])
        #expect(p.shouldConnect(Self.synth(129, 0, "Listener", "in"), ownClient: Self.own))
        let out = PortInfo(address: SequencerAddress(client: 129, port: 1), clientName: "Listener", portName: "out")
        #expect(!p.shouldConnect(out, ownClient: Self.own))
    }
}
