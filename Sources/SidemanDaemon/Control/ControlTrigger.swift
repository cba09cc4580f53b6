import MusicCore

/// A MIDI message that fires an action: a key (note-on), a button or pedal (a control change
/// going from below 64 to 64 or more), or a Program Change. Written in the configuration as
/// "note 36", "cc 80", "program 5", optionally followed by "ch 1"…"ch 16"; without a channel,
/// notes and programs listen on the control channel and CCs on the keyboard's channel.
public struct ControlTrigger: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case note
        case cc
        case program
    }

    public var kind: Kind
    public var number: UInt7
    /// Nil: the default channel for the kind (see above).
    public var channel: MIDIChannel?

    public init(_ kind: Kind, _ number: UInt7, channel: MIDIChannel? = nil) {
        self.kind = kind
        self.number = number
        self.channel = channel
    }

    /// Parses "note 36", "cc 64 ch 1", "program 5 ch 16"; otherwise a failure saying why.
    public static func parse(_ text: String) -> Result<ControlTrigger, TriggerSyntaxError> {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard words.count == 2 || words.count == 4, let kind = Kind(rawValue: words[0]) else {
            return .failure(TriggerSyntaxError(text: text, reason: "expected \"note N\", \"cc N\" or \"program N\", optionally followed by \"ch C\""))
        }
        guard let n = Int(words[1]), let number = UInt7(n) else {
            return .failure(TriggerSyntaxError(text: text, reason: "the number must be 0…127"))
        }
        var channel: MIDIChannel? = nil
        if words.count == 4 {
            guard words[2] == "ch", let c = Int(words[3]), (1...16).contains(c) else {
                return .failure(TriggerSyntaxError(text: text, reason: "the channel must be written \"ch 1\"…\"ch 16\""))
            }
            channel = MIDIChannel(c - 1)
        }
        return .success(ControlTrigger(kind, number, channel: channel))
    }

    public var description: String {
        "\(kind.rawValue) \(number)" + (channel.map { " ch \($0)" } ?? "")
    }
}
