/// What Sideman needs to know about another client's port to decide whether to listen to it.
public struct PortInfo: Hashable, Sendable, CustomStringConvertible {
    public var address: SequencerAddress
    public var clientName: String
    public var portName: String
    /// Others can read from it, and subscribe to read (a keyboard's output).
    public var isReadable: Bool
    public var isSubscribableForReading: Bool
    /// Others can write to it, and subscribe to write (a synth's input).
    public var isWritable: Bool
    public var isSubscribableForWriting: Bool
    /// The port asks not to be routed (NO_EXPORT).
    public var isPrivate: Bool
    /// Port types: a hardware device, a generic MIDI port, an application's port.
    public var isHardware: Bool
    public var isMIDI: Bool
    public var isApplication: Bool

    public init(
        address: SequencerAddress, clientName: String, portName: String, isReadable: Bool = true,
        isSubscribableForReading: Bool = true, isWritable: Bool = false, isSubscribableForWriting: Bool = false,
        isPrivate: Bool = false, isHardware: Bool = false, isMIDI: Bool = true, isApplication: Bool = false
    ) {
        self.address = address
        self.clientName = clientName
        self.portName = portName
        self.isReadable = isReadable
        self.isSubscribableForReading = isSubscribableForReading
        self.isWritable = isWritable
        self.isSubscribableForWriting = isSubscribableForWriting
        self.isPrivate = isPrivate
        self.isHardware = isHardware
        self.isMIDI = isMIDI
        self.isApplication = isApplication
    }

    /// "client:port" by name, as patterns see it: "Virtual Raw MIDI 1-0:VirMIDI 1-0".
    public var fullName: String { "\(clientName):\(portName)" }
    public var description: String { "\(address) '\(clientName)' '\(portName)'" }
}
