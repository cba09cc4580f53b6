import Foundation

/// Asks the running daemon over its control socket: one request line, the whole reply.
public enum ControlClient {
    /// Throws one clear line when no daemon listens at `path`.
    public static func request(_ line: String, socket path: String, timeoutSeconds: Int = 5) throws -> String {
        guard let address = UnixSocketAddress(path: path) else { throw ControlSocketError("\(path): too long for a unix socket path") }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlSocketError("cannot make a socket (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        guard address.with({ connect(fd, $0, $1) }) == 0 else {
            let code = errno
            if code == EACCES {
                // The socket is the sideman group's (0660): say so rather than "no daemon".
                throw ControlSocketError("\(path): permission denied (only members of the group sideman may ask: sudo adduser $USER sideman)")
            }
            let reason = code == ENOENT || code == ECONNREFUSED ? "is sideman serve running?" : String(cString: strerror(code))
            throw ControlSocketError("no daemon listening on \(path) (\(reason))")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array((line + "\n").utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw ControlSocketError("\(path): cannot send the request (\(String(cString: strerror(errno))))")
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n < 0 { throw ControlSocketError("\(path): no answer from the daemon (\(String(cString: strerror(errno))))") }
            if n == 0 { break }
            reply += buffer[0..<n]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
