import Foundation
import Synchronization

/// The daemon's local control socket: a unix stream socket (mode 0660, so only the owner and
/// its group talk to it) answering one request line per connection with `handler`'s reply.
/// Runs on a thread of its own, off the audio path; a slow or silent client is dropped after
/// a second.
public final class ControlServer: Sendable {
    public let path: String
    let handler: @Sendable (String) -> String
    private let descriptor: Int32
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Binds and listens (replacing a stale socket file); throws a one-line reason.
    public init(path: String, handler: @escaping @Sendable (String) -> String) throws {
        self.path = path
        self.handler = handler
        guard let address = UnixSocketAddress(path: path) else { throw ControlSocketError("\(path): too long for a unix socket path") }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlSocketError("\(path): cannot make a socket (\(String(cString: strerror(errno))))") }
        unlink(path)
        guard address.with({ bind(fd, $0, $1) }) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ControlSocketError("\(path): cannot bind the control socket (\(reason))")
        }
        chmod(path, 0o660)
        guard listen(fd, 8) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            unlink(path)
            throw ControlSocketError("\(path): cannot listen (\(reason))")
        }
        descriptor = fd
        let thread = Thread { [self] in serve() }
        thread.name = "sideman-control"
        thread.start()
    }

    /// Stops answering, closes and removes the socket.
    public func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
        close(descriptor)
        unlink(path)
    }

    private func serve() {
        defer { finished.signal() }
        while !stopRequested.load(ordering: .acquiring) {
            var pfd = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 200) > 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            answer(client)
            close(client)
        }
    }

    private func answer(_ client: Int32) {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while request.count < ControlRequest.maximumBytes, !request.contains(10) {
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { break }
            request += buffer[0..<n]
        }
        let reply = Array(handler(ControlRequest.line(from: request)).utf8)
        var sent = 0
        while sent < reply.count {
            let n = reply[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }
            sent += n
        }
    }
}
