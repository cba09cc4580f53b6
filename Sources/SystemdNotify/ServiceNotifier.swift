import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify): ready, status text, watchdog
/// keep-alives, more time to start, stopping. Outside systemd (no NOTIFY_SOCKET) every call
/// does nothing, so the daemon runs the same in a terminal. A value: copy it anywhere.
public struct ServiceNotifier: Sendable {
    /// false: never sends, whatever the environment says (tests of the layers above, which
    /// share one process and its environment).
    let sends: Bool

    public init() { sends = true }

    init(sends: Bool) { self.sends = sends }

    /// A notifier that says nothing.
    public static let silent = ServiceNotifier(sends: false)

    /// True when systemd listens (NOTIFY_SOCKET is set).
    public var isEnabled: Bool { sends && getenv("NOTIFY_SOCKET") != nil }

    /// READY=1 with a status line: the service is up (systemd's `Type=notify` waits for it).
    public func ready(status: String? = nil) { send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? [])) }

    /// STATUS=…: one line `systemctl status` shows.
    public func status(_ text: String) { send(["STATUS=\(text)"]) }

    /// WATCHDOG=1: the service is alive; send at least every `watchdogInterval`.
    public func watchdog() { send(["WATCHDOG=1"]) }

    /// EXTEND_TIMEOUT_USEC=…: still starting (waiting for a device), give it this much longer.
    public func extendTimeout(microseconds: UInt64, status: String? = nil) {
        send(["EXTEND_TIMEOUT_USEC=\(microseconds)"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// RELOADING=1 then, when done, READY=1 (systemd needs a monotonic timestamp with it).
    public func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// STOPPING=1: shutting down on purpose.
    public func stopping(status: String? = nil) { send(["STOPPING=1"] + (status.map { ["STATUS=\($0)"] } ?? [])) }

    /// The watchdog period systemd expects keep-alives within (WatchdogSec=), or nil when the
    /// watchdog is off or meant for another process.
    public var watchdogInterval: Duration? {
        guard sends else { return nil }
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec))
    }

    /// Sends the lines as one datagram; a line may not hold a newline (it would start another).
    /// Errors are ignored on purpose: a lost notification must never stop the band.
    public func send(_ lines: [String]) {
        guard sends else { return }
        let text = lines.map { $0.replacing("\n", with: " ") }.joined(separator: "\n")
        _ = sd_notify(0, text)
    }

    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }
}
