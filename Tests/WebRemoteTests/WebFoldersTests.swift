import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MusicCore
import NIOCore
import StyleEngine
import SystemdNotify
import Testing
import WebRemote

@testable import SidemanDaemon

/// A phone on the network names files, never paths: hostile names sent to the real server on
/// loopback, in front of a real daemon (not booted: no sound card), which would read and write
/// whatever path it was handed. Each is refused with 400 and a reason, and nothing outside the
/// user folders is read or created; good names still reach their files.
@Suite struct WebFoldersTests {
    /// `box/setlists`, `box/charts`, `box/recordings` (the user folders) and `box/outside`,
    /// which holds what a request must never reach: a valid setlist and a valid chart.
    struct Box {
        let root: String
        var setlists: String { root + "/setlists" }
        var charts: String { root + "/charts" }
        var recordings: String { root + "/recordings" }
        var outside: String { root + "/outside" }

        init() throws {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-webfolders-\(UUID().uuidString)").path
            for dir in ["setlists", "charts", "recordings", "outside"] {
                try FileManager.default.createDirectory(atPath: made + "/" + dir, withIntermediateDirectories: true)
            }
            root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
            try "Title = Secret\nblues-major-f --tempo 90\n".write(toFile: outside + "/secret.txt", atomically: false, encoding: .utf8)
            try "Title = Outside\n[A]\n| C | F | G | C |\n".write(toFile: outside + "/tune.chart", atomically: false, encoding: .utf8)
            try "Title = Tuesday\nblues-major-f --tempo 110\n".write(toFile: setlists + "/tuesday.txt", atomically: false, encoding: .utf8)
            let fm = FileManager.default
            try fm.createSymbolicLink(atPath: setlists + "/escape.txt", withDestinationPath: "../outside/secret.txt")
            try fm.createSymbolicLink(atPath: charts + "/out.chart", withDestinationPath: outside + "/written.chart")
        }

        /// Every file under `outside`, with its bytes: what must not change.
        func outsideFiles() -> [String: Data] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: outside)) ?? []
            return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: outside + "/" + $0) ?? Data()) })
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func daemon(_ box: Box) throws -> Daemon {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("styles/bossa-nova.style").path
        let style = try StyleTextFormat.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path)
        var config = SidemanConfig()
        config.record.folder = box.recordings
        var log = Logger(label: "test")
        log.logLevel = .critical
        return try Daemon(
            options: ServeOptions(configPath: nil), config: config, styles: StyleSelection(styles: [style], index: 0), logger: log,
            notifier: .silent
        ) { _ in StyleSelection(styles: [style], index: 0) }
    }

    static func app(_ daemon: Daemon, _ box: Box) -> some ApplicationProtocol {
        let server = WebRemoteServer(
            backend: daemon, settings: .init(), assets: nil, folders: WebFolders(charts: box.charts, setlists: box.setlists),
            logger: Logger(label: "test"))
        return Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func body(_ object: [String: Any]) throws -> ByteBuffer {
        ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
    }

    @Test func hostileNamesAreRefusedAndNothingOutsideIsReadOrWritten() async throws {
        let box = try Box()
        defer { box.remove() }
        let daemon = try Self.daemon(box)
        // A loop memory to save, so that a write would really happen if a path got through.
        let loop = try ChordChart.parse("Title = Loop 1\n[A]\n| C7 | F7 |\n", source: "loop")
        daemon.practice.state.withLock { $0.memories[1] = LoopMemory(chart: loop) }
        let before = box.outsideFiles()
        let long = String(repeating: "a", count: 5000)
        let hostile: [(String, [String: Any])] = [
            ("/api/setlist/load", ["name": "/etc/passwd"]),
            ("/api/setlist/load", ["name": "../outside/secret.txt"]),
            ("/api/setlist/load", ["name": "../../../../../../etc/passwd"]),
            ("/api/setlist/load", ["path": box.outside + "/secret.txt"]),
            ("/api/setlist/load", ["name": "escape.txt"]),  // a link in the folder, pointing out
            ("/api/setlist/load", ["name": "escape"]),
            ("/api/setlist/load", ["name": ".."]),
            ("/api/setlist/load", ["name": "tuesday\u{0}.txt"]),
            ("/api/setlist/load", ["name": long]),
            ("/api/setlist/load", ["name": 42]),
            ("/api/setlist/load", ["name": "tuesday", "path": "tuesday"]),
            ("/api/setlist/load", ["song": "tuesday"]),
            ("/api/command", ["command": "setlist_load", "path": "/etc/passwd"]),
            ("/api/command", ["command": "setlist_load", "name": "../outside/secret"]),
            ("/api/command", ["command": "looper_save", "slot": 1, "path": box.outside + "/written.chart"]),
            ("/api/command", ["command": "looper_save", "slot": 1, "name": "../outside/written"]),
            ("/api/command", ["command": "looper_save", "slot": 1, "name": "out"]),  // a link out, its target not there yet
            ("/api/command", ["command": "looper_save", "slot": 1, "name": "/tmp/\(UUID().uuidString)"]),
            ("/api/command", ["command": "looper_save", "slot": 1, "name": "x\u{0}"]),
            ("/api/command", ["command": "play", "request": ["song": box.outside + "/tune.chart"]]),
            ("/api/play", ["song": "/etc/passwd"]),
            ("/api/play", ["song": "../outside/tune"]),
            ("/api/play", ["song": long]),
        ]
        let requests = try hostile.map { uri, object in (uri, String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)) }
        try await Self.app(daemon, box).test(.live) { client in
            for (uri, object) in requests {
                try await client.execute(uri: uri, method: .post, headers: WebRemoteServerTests.sideman, body: ByteBuffer(string: object)) { response in
                    let error = WebRemoteServerTests.json(response.body)["error"] as? String ?? ""
                    #expect(response.status == .badRequest, "\(uri) \(object): \(response.status) \(error)")
                    #expect(!error.isEmpty && error.count < 300, "\(uri) \(object): \(error)")
                    #expect(!error.contains("root:"), "\(error)")
                }
            }
            // Takes: names that try to leave the recordings folder.
            for uri in ["/api/recordings/..%2F..%2Fetc%2Fpasswd/audio", "/api/recordings/%2Fetc%2Fpasswd", "/api/recordings/x%00y/midi"] {
                let method: HTTPRequest.Method = uri.hasSuffix("passwd") ? .delete : .get
                try await client.execute(uri: uri, method: method, headers: WebRemoteServerTests.sideman) { response in
                    #expect(response.status == .badRequest, "\(uri): \(response.status)")
                }
            }
        }
        // Nothing outside was read (no setlist loaded, no song), written or created.
        #expect(daemon.practice.state.withLock { $0.setlist } == nil)
        #expect(daemon.practice.state.withLock { $0.song } == nil)
        #expect(box.outsideFiles() == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/written.chart"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.charts) == ["out.chart"])
    }

    @Test func goodNamesReachTheirFiles() async throws {
        let box = try Box()
        defer { box.remove() }
        let daemon = try Self.daemon(box)
        let loop = try ChordChart.parse("Title = Loop 1\n[A]\n| C7 | F7 |\n", source: "loop")
        daemon.practice.state.withLock { $0.memories[1] = LoopMemory(chart: loop) }
        try await Self.app(daemon, box).test(.live) { client in
            // The setlist is read from the setlists folder (by its name, without .txt); its first
            // song cannot start (the band is not running): 409, but the setlist is loaded.
            try await client.execute(uri: "/api/setlist/load", method: .post, headers: WebRemoteServerTests.sideman, body: try Self.body(["name": "tuesday"])) { response in
                #expect(response.status == .conflict)
                #expect((WebRemoteServerTests.json(response.body)["error"] as? String)?.contains("not running") == true)
            }
            #expect(daemon.practice.state.withLock { $0.setlist?.title } == "Tuesday")
            // No name at all: 400, saying which field is missing.
            try await client.execute(uri: "/api/setlist/load", method: .post, headers: WebRemoteServerTests.sideman, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .badRequest)
                #expect(WebRemoteServerTests.json(response.body)["error"] as? String == "missing field 'name'")
            }
            // A name with no file: 409, as a song that is not there.
            try await client.execute(uri: "/api/setlist/load", method: .post, headers: WebRemoteServerTests.sideman, body: try Self.body(["name": "friday"])) { response in
                #expect(response.status == .conflict)
                #expect(WebRemoteServerTests.json(response.body)["error"] as? String == "no friday in \(box.setlists)")
            }
            // A loop memory saved into the charts folder, .chart added.
            let save: [String: Any] = ["command": "looper_save", "slot": 1, "name": "my loop"]
            try await client.execute(uri: "/api/command", method: .post, headers: WebRemoteServerTests.sideman, body: try Self.body(save)) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            let saved = try String(contentsOfFile: box.charts + "/my loop.chart", encoding: .utf8)
            #expect(try ChordChart.parse(saved, source: "saved").bars.count == 2)
            // The control socket's spelling, `path`, holding a plain name, is a name too.
            let path: [String: Any] = ["command": "looper_save", "slot": 1, "path": "other.chart"]
            try await client.execute(uri: "/api/command", method: .post, headers: WebRemoteServerTests.sideman, body: try Self.body(path)) { response in
                #expect(response.status == .ok)
            }
            #expect(FileManager.default.fileExists(atPath: box.charts + "/other.chart"))
        }
    }
}
