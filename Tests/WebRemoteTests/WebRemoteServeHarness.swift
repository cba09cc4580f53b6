import Foundation
import Hummingbird
import Logging
import Practice
import SidemanDaemon
import Testing
import WebRemote

/// Serves the page and the API with a stand-in band that plays a chord a beat, on
/// 127.0.0.1:$SIDEMAN_WEB_SERVE_PORT for $SIDEMAN_WEB_SERVE_SECONDS (default 120): to look at
/// the page in a browser and fuzz the API against web/openapi.yaml (schemathesis) on a machine
/// without a sound card. $SIDEMAN_WEB_SERVE_SETLISTS names a setlists folder for the picker.
/// Skipped unless the port is given.
@Suite struct WebRemoteServeHarness {
    @Test func serveWithAStandInBand() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let port = environment["SIDEMAN_WEB_SERVE_PORT"].flatMap(Int.init) else {
            print("skipped: set SIDEMAN_WEB_SERVE_PORT to serve the page with a stand-in band")
            return
        }
        let seconds = environment["SIDEMAN_WEB_SERVE_SECONDS"].flatMap(Int.init) ?? 120
        let backend = try FakeBackend.withTakes(["2026-12-06 183012 medium-swing", "2026-12-06 191544 bossa"])
        var folders = WebFolders.standard
        if let setlists = environment["SIDEMAN_WEB_SERVE_SETLISTS"] { folders.setlists = UserFolder(setlists, what: "setlists") }
        let server = WebRemoteServer(
            backend: backend, settings: .init(), assets: WebRemoteServerTests.assets, folders: folders, logger: Logger(label: "serve"))
        let app = server.application(host: "127.0.0.1", port: port)
        print("serving http://127.0.0.1:\(port)/ for \(seconds) s (takes in \(backend.folder))")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { await server.publisher.run() }
            group.addTask {
                let chords = ["F7", "Bb7", "F7", "C7"]
                var beat = 0
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(500))
                    beat += 1
                    backend.change { r in
                        r.bar = beat / 4 + 1
                        r.beat = beat % 4 + 1
                        r.chord = chords[(beat / 4) % 4]
                        r.section = "Main A"
                    }
                }
            }
            try await Task.sleep(for: .seconds(seconds))
            server.publisher.finishAll()
            group.cancelAll()
        }
    }
}
