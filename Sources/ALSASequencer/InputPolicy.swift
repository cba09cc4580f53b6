/// Which other ports Sideman listens to, at start and when something is plugged in later.
public struct InputPolicy: Hashable, Sendable {
    public enum Selection: Hashable, Sendable {
        /// Every readable hardware, MIDI or application port.
        case all
        /// Ports whose "client:port" name matches one of the patterns.
        case matching([NamePattern])
        /// None: connections are made by hand (aconnect) or by a session manager.
        case none
    }

    public var selection: Selection
    /// Never connect these, even when selected.
    public var exclude: [NamePattern]
    /// Midi Through (client 14) echoes whatever is sent to it; connecting it can loop.
    public var includeMidiThrough: Bool

    public init(selection: Selection = .all, exclude: [NamePattern] = [], includeMidiThrough: Bool = false) {
        self.selection = selection
        self.exclude = exclude
        self.includeMidiThrough = includeMidiThrough
    }

    public static let midiThroughName = "Midi Through"

    /// Whether to subscribe our input to `port`; `ownClient` is our own client number.
    public func shouldConnect(_ port: PortInfo, ownClient: Int) -> Bool {
        guard port.address.client != ownClient, port.address.client != SequencerAddress.systemClient,
            port.isReadable, port.isSubscribableForReading, !port.isPrivate
        else { return false }
        if port.clientName == Self.midiThroughName && !includeMidiThrough { return false }
        if exclude.contains(where: { $0.matches(port.fullName) }) { return false }
        switch selection {
        case .all: return port.isHardware || port.isMIDI || port.isApplication
        case .matching(let patterns): return patterns.contains { $0.matches(port.fullName) }
        case .none: return false
        }
    }
}
