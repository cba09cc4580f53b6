/// A time-signature meta event as stored (FF 58 04 nn dd cc bb). The denominator is a power
/// of two, kept as the exponent so that every stored value writes back unchanged.
public struct MIDITimeSignature: Hashable, Sendable, CustomStringConvertible {
    public var numerator: UInt8
    /// The denominator is 2 to this power (2 = quarter, 3 = eighth).
    public var denominatorPower: UInt8
    /// MIDI clocks (24 per quarter) per metronome click.
    public var clocksPerClick: UInt8
    /// Notated 32nd notes per MIDI quarter note; 8 in every ordinary file.
    public var thirtySecondsPerQuarter: UInt8

    public init(numerator: UInt8, denominatorPower: UInt8, clocksPerClick: UInt8 = 24, thirtySecondsPerQuarter: UInt8 = 8) {
        self.numerator = numerator
        self.denominatorPower = denominatorPower
        self.clocksPerClick = clocksPerClick
        self.thirtySecondsPerQuarter = thirtySecondsPerQuarter
    }

    /// The event for a meter, with a click on every beat (every dotted quarter in compound
    /// meters, as sequencers write it).
    public init(_ meter: Meter) {
        var power: UInt8 = 0
        while (1 << power) < meter.beatUnit { power += 1 }
        let clocksPerBeat = 96 / meter.beatUnit
        self.init(
            numerator: UInt8(meter.beatsPerBar), denominatorPower: power,
            clocksPerClick: UInt8(meter.isCompound ? clocksPerBeat * 3 : clocksPerBeat))
    }

    /// The meter, or nil when the stored values are outside what `Meter` allows.
    public var meter: Meter? {
        guard denominatorPower < 8 else { return nil }
        return Meter(beatsPerBar: Int(numerator), beatUnit: 1 << Int(denominatorPower))
    }

    public var description: String {
        denominatorPower < 8 ? "\(numerator)/\(1 << Int(denominatorPower))" : "\(numerator)/2^\(denominatorPower)"
    }
}
