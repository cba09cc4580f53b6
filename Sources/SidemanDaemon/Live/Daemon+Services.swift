import Logging
import ServiceLifecycle

extension Daemon {
    /// Runs until SIGTERM or SIGINT (graceful: every note ends, the ports close). Throws
    /// (before making any sound) if the SoundFont, the sequencer or the sound card cannot be
    /// opened and --wait was not given.
    /// `extra` services (the web remote) run beside the daemon's own and stop after the band.
    public func run(with extra: [any Service] = []) async throws {
        // Shutdown goes from the last service to the first: the band stops first, the
        // control socket last (so `sideman status` sees "stopping").
        let services: [ServiceGroupConfiguration.ServiceConfiguration] = extra.map {
            .init(service: $0, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore)
        } + [
            .init(service: ClosureService { await self.controlService() }, successTerminationBehavior: .ignore),
            .init(service: ClosureService { await self.watchdogService() }, successTerminationBehavior: .ignore),
            .init(service: ClosureService { await self.reloadService() }, successTerminationBehavior: .ignore),
            .init(
                service: ClosureService { await self.bandService() }, successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup),
        ]
        var groupLogger = logger
        groupLogger.logLevel = .warning
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: groupLogger))
        try await group.run()
        if let failure = failure.withLock({ $0 }) { throw failure }
    }
}
