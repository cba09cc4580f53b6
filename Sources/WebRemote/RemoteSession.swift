/// A logged-in browser (only with `[web] password`).
public struct RemoteSession: Codable, Sendable {
    public var since: Double
}
