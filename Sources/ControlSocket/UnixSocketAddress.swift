import Foundation

/// A unix socket path as `sockaddr_un`, for the control socket's server and client.
struct UnixSocketAddress {
    var storage = sockaddr_un()

    /// nil when the path does not fit (108 bytes on Linux, with the terminating zero).
    init?(path: String) {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: storage.sun_path) else { return nil }
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
    }

    /// Calls bind or connect with the address.
    func with<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        var copy = storage
        return withUnsafePointer(to: &copy) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
