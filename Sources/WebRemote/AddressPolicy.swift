#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which source addresses the web remote answers: by default the box's own network only —
/// loopback, link-local and private ranges (RFC 1918, fc00::/7) — so a port forwarded by
/// mistake to the internet still refuses strangers.
public struct AddressPolicy: Hashable, Sendable {
    public var allowPublic: Bool
    public init(allowPublic: Bool = false) { self.allowPublic = allowPublic }

    /// `ip` as NIO prints it ("192.168.1.20", "fe80::1"); nil (a unix socket) is local.
    public func allows(_ ip: String?) -> Bool {
        guard let ip else { return true }
        return allowPublic || Self.isLocal(ip)
    }

    /// Loopback, link-local or private.
    public static func isLocal(_ ip: String) -> Bool {
        let bare = ip.split(separator: "%", maxSplits: 1).first.map(String.init) ?? ip
        if let v4 = ipv4(bare) { return isLocal(v4: v4) }
        guard let v6 = ipv6(bare) else { return false }
        // ::ffff:a.b.c.d carries an IPv4 address.
        if v6[0..<10].allSatisfy({ $0 == 0 }) && v6[10] == 0xff && v6[11] == 0xff {
            return isLocal(v4: Array(v6[12..<16]))
        }
        if v6[0..<15].allSatisfy({ $0 == 0 }) && v6[15] == 1 { return true }  // ::1
        if v6[0] == 0xfe && v6[1] & 0xc0 == 0x80 { return true }  // fe80::/10
        return v6[0] & 0xfe == 0xfc  // fc00::/7
    }

    static func isLocal(v4 a: [UInt8]) -> Bool {
        a[0] == 127 || a[0] == 10 || (a[0] == 172 && a[1] & 0xf0 == 16) || (a[0] == 192 && a[1] == 168)
            || (a[0] == 169 && a[1] == 254)
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
