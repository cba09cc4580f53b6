import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

@Suite struct ControlMapperTests {
    static let control: MIDIChannel = 15
    static let keys: MIDIChannel = 0

    @Test func defaultKeysOnTheControlChannelAct() {
        var m = ControlMapper(mapping: ControlMapping(), keyboardChannel: nil)
        #expect(m.decide(.noteOn(channel: Self.control, note: 36, velocity: 100)) == .act(.startStop))
        #expect(m.decide(.noteOff(channel: Self.control, note: 36, velocity: 0)) == .consume)
        #expect(m.decide(.noteOn(channel: Self.control, note: 36, velocity: 0)) == .consume)
        #expect(m.decide(.noteOn(channel: Self.control, note: 42, velocity: 1)) == .act(.section(.main(.b))))
        #expect(m.decide(.noteOn(channel: Self.control, note: 60, velocity: 1)) == .act(.toggleMute(.rhythm1)))
        #expect(m.decide(.noteOn(channel: Self.control, note: 100, velocity: 1)) == .consume)  // unmapped, still control
        #expect(m.decide(.noteOn(channel: Self.keys, note: 36, velocity: 100)) == .pass)  // music
    }

    @Test func everyMappableActionHasADefaultTriggerExceptSeparateStartStop() {
        let mapped = Set(ControlMapping.defaultTriggers.values)
        for action in ControlAction.mappable where action != .start && action != .stop {
            #expect(mapped.contains(action), "\(action) has no default trigger")
        }
        for action in ControlAction.mappable { #expect(ControlAction(key: action.key) == action) }
    }

    @Test func buttonsFireOnPressOnly() {
        var m = ControlMapper(mapping: ControlMapping(), keyboardChannel: Self.keys)
        #expect(m.decide(.controlChange(channel: Self.keys, controller: 82, value: 127)) == .act(.fill))
        #expect(m.decide(.controlChange(channel: Self.keys, controller: 82, value: 127)) == .consume)  // held
        #expect(m.decide(.controlChange(channel: Self.keys, controller: 82, value: 0)) == .consume)
        #expect(m.decide(.controlChange(channel: Self.keys, controller: 82, value: 64)) == .act(.fill))
        // The keyboard is on channel 1: the same CC on channel 2 is music.
        #expect(m.decide(.controlChange(channel: 1, controller: 82, value: 127)) == .pass)
        // The sustain pedal is the lead voice's by default.
        #expect(m.decide(.controlChange(channel: Self.keys, controller: 64, value: 127)) == .pass)
    }

    @Test func omniKeyboardTakesButtonCCsOnAnyChannel() {
        var m = ControlMapper(mapping: ControlMapping(), keyboardChannel: nil)
        #expect(m.decide(.controlChange(channel: 5, controller: 80, value: 127)) == .act(.startStop))
    }

    @Test func programChangesSelectStyles() {
        var m = ControlMapper(mapping: ControlMapping(), keyboardChannel: nil)
        #expect(m.decide(.programChange(channel: Self.control, program: 7)) == .act(.selectStyle(7)))
        #expect(m.decide(.programChange(channel: Self.keys, program: 7)) == .pass)
        var off = ControlMapper(mapping: ControlMapping(styleByProgramChange: false), keyboardChannel: nil)
        #expect(off.decide(.programChange(channel: Self.control, program: 7)) == .consume)
        var t = ControlMapping.defaultTriggers
        t[ControlTrigger(.program, 3)] = .nextStyle
        var mapped = ControlMapper(mapping: ControlMapping(triggers: t), keyboardChannel: nil)
        #expect(mapped.decide(.programChange(channel: Self.control, program: 3)) == .act(.nextStyle))
    }

    @Test func externalTransportIsHonouredUnlessTurnedOff() {
        var m = ControlMapper(mapping: ControlMapping(), keyboardChannel: nil)
        #expect(m.decide(.start) == .act(.start))
        #expect(m.decide(.stop) == .act(.stop))
        #expect(m.decide(.continue) == .act(.continue))
        #expect(m.decide(.clock) == .pass)
        var off = ControlMapper(mapping: ControlMapping(transportMessages: false), keyboardChannel: nil)
        #expect(off.decide(.start) == .pass)
    }

    @Test func aFootswitchCanBeAFill() throws {
        let config = try SidemanConfig.parse("[keyboard]\nchannel = 1\n[control.map]\nfill = [\"cc 64\"]\n")
        var m = ControlMapper(mapping: config.control, keyboardChannel: config.keyboard.channel)
        #expect(m.decide(.controlChange(channel: 0, controller: 64, value: 127)) == .act(.fill))
        #expect(m.decide(.controlChange(channel: 0, controller: 82, value: 127)) == .pass)  // default fill CC replaced
    }

    @Test func triggerSyntax() throws {
        #expect(try ControlTrigger.parse("note 36").get() == ControlTrigger(.note, 36))
        #expect(try ControlTrigger.parse("CC 64 ch 16").get() == ControlTrigger(.cc, 64, channel: 15))
        for bad in ["note", "note 128", "key 3", "cc 1 ch 0", "cc 1 ch 17", "cc 1 channel 2", "program -1"] {
            #expect((try? ControlTrigger.parse(bad).get()) == nil, "\(bad)")
        }
    }
}
