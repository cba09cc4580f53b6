/// Which other ports Sideman's `out` is connected to by itself: synths and DAWs named in the
/// configuration, at start and whenever one appears later (started, or plugged in).
public struct OutputPolicy: Hashable, Sendable {
    /// Ports whose "client:port" name matches one of these are connected; none = by hand only.
    public var patterns: [NamePattern]

    public init(patterns: [NamePattern] = []) {
        self.patterns = patterns
    }

    /// Whether to subscribe `port` to our `out`; `ownClient` is our own client number.
    public func shouldConnect(_ port: PortInfo, ownClient: Int) -> Bool {
        guard !patterns.isEmpty, port.address.client != ownClient, port.address.client != SequencerAddress.systemClient,
            port.isWritable, port.isSubscribableForWriting, !port.isPrivate
        else { return false }
        return patterns.contains { $0.matches(port.fullName) }
    }
}
