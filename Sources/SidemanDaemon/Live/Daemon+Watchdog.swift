import ServiceLifecycle

extension Daemon {
    /// Feeds systemd's watchdog (WatchdogSec=), but only while the engine really advances: the
    /// audio thread counts blocks, and a count that has not moved since the last look means no
    /// keep-alive — systemd then restarts the service. It looks every quarter period (systemd
    /// asks for at least every half): a short scheduling gap then costs one or two missed
    /// keep-alives, never the process; a stall of most of a period does. While starting or
    /// waiting for a device there is no engine yet, and the process being alive is enough.
    func watchdogService() async {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
        let look = interval / 4
        logger.info("watchdog", metadata: ["interval": "\(interval)"])
        var last: UInt64 = 0
        var stalled = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let blocks = pulse.blocks.load(ordering: .acquiring)
            let running = snapshot.withLock { $0.state == "running" }
            if !running || blocks != last {
                notifier.watchdog()
                if stalled { logger.info("the engine advances again") }
                stalled = false
            } else if !stalled {
                logger.error("the engine has not advanced for \(look): no watchdog keep-alive")
                stalled = true
            }
            last = blocks
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: look) }
        }
    }
}
