import Testing

@testable import ALSASequencer

@Suite struct InputPolicyTests {
    static let own = 128
    static func port(_ client: Int, _ port: Int = 0, _ clientName: String, _ portName: String) -> PortInfo {
        PortInfo(address: SequencerAddress(client: client, port: port), clientName: clientName, portName: portName)
    }
    static let keyboard = port(24, 0, "Keystation 49 MK3", "Keystation 49 MK3 MIDI 1")
    static let virmidi = port(20, 0, "Virtual Raw MIDI 1-0", "VirMIDI 1-0")
    static let through = port(14, 0, "Midi Through", "Midi Through Port-0")
    static let announce = port(0, 1, "System", "Announce")
    static let ownOut = port(own, 1, "Sideman", "out")

    @Test func allConnectsKeyboardsButNotSystemThroughOrOurselves() {
        let p = InputPolicy()
        #expect(p.shouldConnect(Self.keyboard, ownClient: Self.own))
        #expect(p.shouldConnect(Self.virmidi, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.through, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.announce, ownClient: Self.own))
        #expect(!p.shouldConnect(Self.ownOut, ownClient: Self.own))
        #expect(InputPolicy(includeMidiThrough: true).shouldConnect(Self.through, ownClient: Self.own))
    }

    @Test func portsThatCannotBeReadOrArePrivateAreSkipped() {
        let p = InputPolicy()
        var synth = Self.port(130, 0, "FLUID Synth", "Synth input port")
        synth.isReadable = false
        #expect(!p.shouldConnect(synth, ownClient: Self.own))
        var noSubs = Self.keyboard
        noSubs.isSubscribableForReading = false
        #expect(!p.shouldConnect(noSubs, ownClient: Self.own))
        var hidden = Self.keyboard
        hidden.isPrivate = true
        #expect(!p.shouldConnect(hidden, ownClient: Self.own))
        var notMIDI = Self.keyboard
        notMIDI.isMIDI = false
        #expect(!p.shouldConnect(notMIDI, ownClient: Self.own))
        notMIDI.isHardware = true
        #expect(p.shouldConnect(notMIDI, ownClient: Self.own))
    }

    @Test func patternsAndExclusions() {
        let only = InputPolicy(selection: .matching([NamePattern("keystation*")]))
        #expect(only.shouldConnect(Self.keyboard, ownClient: Self.own))
        #expect(!only.shouldConnect(Self.virmidi, ownClient: Self.own))
        let except = InputPolicy(exclude: [NamePattern("VirMIDI")])
        #expect(except.shouldConnect(Self.keyboard, ownClient: Self.own))
        #expect(!except.shouldConnect(Self.virmidi, ownClient: Self.own))
        #expect(!InputPolicy(selection: .none).shouldConnect(Self.keyboard, ownClient: Self.own))
    }

    @Test func namePatterns() {
        let cases: [(String, String, Bool)] = [
            ("keystation", "Keystation 49 MK3:Keystation 49 MK3 MIDI 1", true),
            ("MK3 MIDI", "Keystation 49 MK3:Keystation 49 MK3 MIDI 1", true),
            ("nanoPAD", "Keystation 49:MIDI 1", false),
            ("Key*", "Keystation 49:MIDI 1", true),
            ("*MIDI ?", "Keystation 49:MIDI 1", true),
            ("*MIDI ?", "Keystation 49:MIDI 12", false),
            ("K*49*:*", "Keystation 49:MIDI 1", true),
            ("*", "", true),
            ("?", "", false),
            ("", "anything", true),
            ("a*a*a*a*b", String(repeating: "a", count: 200), false),
        ]
        for (pattern, name, expected) in cases {
            #expect(NamePattern(pattern).matches(name) == expected, "\(pattern) ~ \(name)")
        }
    }
}
