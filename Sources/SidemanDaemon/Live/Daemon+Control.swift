import ControlSocket
import Foundation
import ProcessMemory
import ServiceLifecycle

extension Daemon {
    /// The control socket, for the daemon's lifetime. A socket that cannot be made is one
    /// warning: the band plays on without it.
    func controlService() async {
        let path = snapshot.withLock { $0.config.daemon.socket }
        let server: ControlServer
        do {
            server = try ControlServer(path: path) { [self] line in answer(line) }
            logger.info("control socket", metadata: ["path": "\(path)"])
        } catch {
            logger.warning("no control socket: \(error)")
            try? await gracefulShutdown()
            return
        }
        try? await gracefulShutdown()
        server.stop()
    }

    /// One request from the control socket: `status` (JSON), `fault stall` (test builds only).
    func answer(_ request: String) -> String {
        if request.hasPrefix("{") { return answer(jsonCommand: request) }
        switch request {
        case "state": return answer(jsonCommand: "{\"command\":\"status\"}")
        case "status", "status json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            var report = report
            report.memory = .now()
            guard let data = try? encoder.encode(report) else { return "error: cannot encode the status\n" }
            return String(decoding: data, as: UTF8.self) + "\n"
        case let line where line.hasPrefix("record"): return answerRecord(line)
        case "fault audio-stop": return injectAudioStop()
        case "fault audio-hold": return injectAudioHold(true)
        case "fault audio-release": return injectAudioHold(false)
        case "fault stall":
            #if SIDEMAN_FAULT_INJECTION
                pulse.stalled.store(true, ordering: .relaxed)
                logger.warning("fault injected: the engine no longer advances")
                return "ok: engine stalled\n"
            #else
                return "error: fault injection is not in this build\n"
            #endif
        default:
            return "error: unknown request '\(request)' (known: status, state, a JSON command {\"command\":…}, fault stall, fault audio-stop, fault audio-hold, fault audio-release)\n"
        }
    }
}
