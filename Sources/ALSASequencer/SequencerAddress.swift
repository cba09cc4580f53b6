/// A sequencer port address, `client:port` as `aconnect` prints it.
public struct SequencerAddress: Hashable, Sendable, CustomStringConvertible {
    public var client: Int
    public var port: Int

    public init(client: Int, port: Int) {
        self.client = client
        self.port = port
    }

    /// The kernel's own client (timer and announce ports).
    public static let systemClient = 0
    /// Port 0:1 announces every client and port that comes and goes.
    public static let systemAnnounce = SequencerAddress(client: 0, port: 1)

    public var description: String { "\(client):\(port)" }
}
