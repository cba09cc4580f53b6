import ServiceLifecycle

extension Daemon {
    /// Feeds systemd's watchdog (WatchdogSec=) at half its period, but only while the engine
    /// really advances: the audio thread counts blocks, and a count that has not moved since
    /// the last look means no keep-alive — systemd then restarts the service. While starting
    /// or waiting for a device there is no engine yet, and the process being alive is enough.
    func watchdogService() async {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            return
        }
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
                logger.error("the engine has not advanced for \(interval / 2): no watchdog keep-alive")
                stalled = true
            }
            last = blocks
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval / 2) }
        }
    }
}
