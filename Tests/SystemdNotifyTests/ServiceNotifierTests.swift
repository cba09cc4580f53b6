import Foundation
import SystemdNotify
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The notifier against a real unix datagram socket standing in for systemd's: NOTIFY_SOCKET
/// names it, and what arrives is what systemd would read.
@Suite(.serialized) struct ServiceNotifierTests {
    /// A bound datagram socket in a fresh folder; NOTIFY_SOCKET points at it while `body` runs.
    func withNotifySocket(_ body: (_ receive: () -> String?) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notify.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setenv("NOTIFY_SOCKET", path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }
        try body {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            return n < 0 ? nil : String(decoding: buffer[0..<n], as: UTF8.self)
        }
    }

    @Test func readyCarriesTheStatusLine() throws {
        try withNotifySocket { receive in
            let notifier = ServiceNotifier()
            #expect(notifier.isEnabled)
            notifier.ready(status: "playing bossa-nova at 120 bpm")
            #expect(receive() == "READY=1\nSTATUS=playing bossa-nova at 120 bpm")
        }
    }

    @Test func eachMessageIsOneDatagram() throws {
        try withNotifySocket { receive in
            let notifier = ServiceNotifier()
            notifier.status("waiting for sound card hw:Loopback,0,0")
            notifier.extendTimeout(microseconds: 3_000_000)
            notifier.watchdog()
            notifier.stopping()
            #expect(receive() == "STATUS=waiting for sound card hw:Loopback,0,0")
            #expect(receive() == "EXTEND_TIMEOUT_USEC=3000000")
            #expect(receive() == "WATCHDOG=1")
            #expect(receive() == "STOPPING=1")
        }
    }

    @Test func aNewlineCannotForgeAnotherField() throws {
        try withNotifySocket { receive in
            ServiceNotifier().status("style x\nREADY=1")
            #expect(receive() == "STATUS=style x READY=1")
        }
    }

    @Test func reloadingSaysWhen() throws {
        try withNotifySocket { receive in
            ServiceNotifier().reloading()
            let message = receive() ?? ""
            #expect(message.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        }
    }

    @Test func watchdogIntervalFollowsTheEnvironment() throws {
        setenv("WATCHDOG_USEC", "4000000", 1)
        setenv("WATCHDOG_PID", "\(getpid())", 1)
        #expect(ServiceNotifier().watchdogInterval == .seconds(4))
        setenv("WATCHDOG_PID", "1", 1)  // meant for another process
        #expect(ServiceNotifier().watchdogInterval == nil)
        unsetenv("WATCHDOG_USEC")
        unsetenv("WATCHDOG_PID")
        #expect(ServiceNotifier().watchdogInterval == nil)
    }

    @Test func withoutSystemdNothingHappens() {
        unsetenv("NOTIFY_SOCKET")
        let notifier = ServiceNotifier()
        #expect(!notifier.isEnabled)
        notifier.ready()
        notifier.watchdog()
    }
}

extension ServiceNotifierTests {
    @Test func theSilentNotifierSendsNothingEvenUnderSystemd() throws {
        try withNotifySocket { receive in
            let silent = ServiceNotifier.silent
            #expect(!silent.isEnabled)
            silent.ready(status: "x")
            silent.watchdog()
            ServiceNotifier().status("only this")
            #expect(receive() == "STATUS=only this")
        }
    }
}
