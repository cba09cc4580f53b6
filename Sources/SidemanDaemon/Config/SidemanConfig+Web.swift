extension SidemanConfig {
    /// The web remote (`[web]`): the page a phone opens on the box's network.
    public struct Web: Hashable, Sendable {
        public var enabled = true
        /// "address:port" the server listens on; "0.0.0.0" takes every IPv4 interface, "[::]" IPv6.
        public var listen = "0.0.0.0:8080"
        /// When set, the page asks for it once and keeps a session cookie (shared networks).
        public var password: String? = nil
        /// Answer sources outside loopback, link-local and private ranges too (off: refused).
        public var allowPublic = false
        public init() {}

        /// The host and port of `listen`, or nil when it is not "host:port".
        public var hostAndPort: (host: String, port: Int)? {
            guard let colon = listen.lastIndex(of: ":") else { return nil }
            var host = String(listen[..<colon])
            guard let port = Int(listen[listen.index(after: colon)...]), (1...65535).contains(port) else { return nil }
            if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { return nil }
            return (host, port)
        }
    }
}

extension SidemanConfig.Web {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        enabled = try t.bool("enabled") ?? enabled
        if let l = try t.string("listen") {
            let old = listen
            listen = l
            guard hostAndPort != nil else {
                listen = old
                throw t.error("listen", "must be \"address:port\" (port 1…65535), like \"0.0.0.0:8080\", not '\(l)'")
            }
        }
        if let p = try t.string("password") {
            guard p.count >= 4 else { throw t.error("password", "must be at least 4 characters (or leave it out for none)") }
            password = p
        }
        allowPublic = try t.bool("allow_public") ?? allowPublic
    }
}
