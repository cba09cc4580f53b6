import Testing
@testable import MusicCore

@Suite struct UInt7Tests {
    @Test func acceptsExactlyTheDataByteRange() {
        for value in -300...300 {
            let inRange = (0...127).contains(value)
            #expect((UInt7(value) != nil) == inRange, "\(value)")
            #expect(UInt7(clamping: value).intValue == min(127, max(0, value)))
            if (0...255).contains(value) {
                #expect((UInt7(rawValue: UInt8(value)) != nil) == inRange)
            }
        }
        #expect(UInt7.min.intValue == 0 && UInt7.max.intValue == 127)
        // A literal argument builds through ExpressibleByIntegerLiteral (non-optional).
        #expect(UInt7(100) < UInt7(101))
        #expect(UInt7(64).description == "64")
    }

    @Test func fourteenBitValuesSplitIntoSevenBitBytes() {
        for value in stride(from: 0, through: 16383, by: 7) {
            let v = UInt14(clamping: value)
            #expect(v.lsb <= 127 && v.msb <= 127)
            #expect(UInt14(lsb: v.lsb, msb: v.msb) == v)
            #expect(Int(v.msb) * 128 + Int(v.lsb) == value)
        }
        #expect(UInt14.center.rawValue == 8192 && UInt14.center.msb == 0x40 && UInt14.center.lsb == 0)
        #expect(UInt14(rawValue: 16384) == nil)
        #expect(UInt14(clamping: -5).rawValue == 0 && UInt14(clamping: 99999).rawValue == 16383)
        // Stray high bits in the bytes are ignored, never carried into the value.
        #expect(UInt14(lsb: 0xFF, msb: 0xFF).rawValue == 16383)
    }

    @Test func channelsAreZeroBasedOnTheWireAndOneBasedForPeople() {
        #expect(MIDIChannel.all.count == 16)
        #expect(MIDIChannel.all.map(\.description) == (1...16).map(String.init))
        let sixteen = 16, minusOne = -1, nine = 9
        #expect(MIDIChannel(sixteen) == nil && MIDIChannel(minusOne) == nil && MIDIChannel(rawValue: 16) == nil)
        #expect(MIDIChannel(nine)?.intValue == 9)
    }
}
