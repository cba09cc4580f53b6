import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SidemanDaemon
import Testing
import WebRemote

/// `GET /api/setlists` over a real setlists folder: the setlists a phone can load, by name,
/// with their song counts; a broken one listed with its error; nothing that is not a setlist,
/// or not in the folder; no path in the answer; every name listed loads.
@Suite struct SetlistsAPITests {
    /// A setlists folder (and a sibling `outside` a link points into), removed by `remove()`.
    struct Folder {
        let root: String
        var setlists: String { root + "/setlists" }

        init() throws {
            let made = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-setlists-\(UUID().uuidString)").path
            let fm = FileManager.default
            for dir in ["setlists", "outside", "setlists/old.txt"] {
                try fm.createDirectory(atPath: made + "/" + dir, withIntermediateDirectories: true)
            }
            root = URL(fileURLWithPath: made).resolvingSymlinksInPath().path
            func write(_ name: String, _ text: String) throws { try text.write(toFile: setlists + "/" + name, atomically: false, encoding: .utf8) }
            try write("tuesday.txt", "# lesson\nTitle = Tuesday lesson\nblues-major-f --tempo 110\nii-v-i-major --keys fourths\n")
            try write("Gig.setlist", "blues-major\n\"My Tune\" --tempo 96 --ending\nrhythm-changes-bb --loop 1-8\n")
            try write("broken.txt", "Title = Broken\nblues-major --tempi 90\n")
            try write("empty.txt", "# nothing yet\n")
            try write("notes.md", "blues-major\n")
            try write(".hidden.txt", "blues-major\n")
            try "blues-major\n".write(toFile: root + "/outside/secret.txt", atomically: false, encoding: .utf8)
            try fm.createSymbolicLink(atPath: setlists + "/escape.txt", withDestinationPath: "../outside/secret.txt")
        }

        var folders: WebFolders { WebFolders(charts: root + "/charts", setlists: setlists) }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static func list(_ body: ByteBuffer) throws -> [[String: Any]] {
        try #require((try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [[String: Any]])
    }

    @Test func setlistsAreListedByNameWithTheirSongs() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        try await WebRemoteServerTests.app(FakeBackend(), folders: folder.folders).test(.live) { client in
            try await client.execute(uri: "/api/setlists", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let text = String(buffer: response.body)
                // Names only: neither the folder nor any other path is in the answer.
                #expect(!text.contains(folder.root) && !text.contains("/tmp") && !text.contains("outside"), "\(text)")
                let list = try Self.list(response.body)
                // Sorted by name, ignoring case; not notes.md, .hidden.txt, the folder old.txt
                // nor the link leading out of the folder.
                #expect(list.map { $0["name"] as? String } == ["broken.txt", "empty.txt", "Gig.setlist", "tuesday.txt"])
                let entry = Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
                #expect(entry["tuesday.txt"]?["songs"] as? Int == 2)
                #expect(entry["tuesday.txt"]?["title"] as? String == "Tuesday lesson")
                #expect(entry["Gig.setlist"]?["songs"] as? Int == 3)
                #expect(entry["Gig.setlist"]?["title"] as? String == "Gig")
                for good in ["tuesday.txt", "Gig.setlist"] { #expect(entry[good]?["error"] == nil) }
                // A file that does not parse: its one-line error, no count.
                let broken = entry["broken.txt"]
                #expect(broken?["songs"] == nil)
                let error = broken?["error"] as? String ?? ""
                #expect(error.hasPrefix("broken.txt:2: ") && error.contains("--tempi") && !error.contains("\n"), "\(error)")
                #expect(entry["empty.txt"]?["songs"] == nil)
                #expect((entry["empty.txt"]?["error"] as? String)?.hasPrefix("empty.txt: no songs") == true)
            }
        }
    }

    /// What the picker lists is what setlist/load takes: each good name loads its own file.
    @Test func everyListedNameLoads() async throws {
        let folder = try Folder()
        defer { folder.remove() }
        let backend = FakeBackend()
        try await WebRemoteServerTests.app(backend, folders: folder.folders).test(.live) { client in
            let names = try await client.execute(uri: "/api/setlists", method: .get) { response in
                try Self.list(response.body).filter { $0["error"] == nil }.compactMap { $0["name"] as? String }
            }
            #expect(names == ["Gig.setlist", "tuesday.txt"])
            for name in names {
                let body = ByteBuffer(string: "{\"name\":\"\(name)\"}")
                try await client.execute(uri: "/api/setlist/load", method: .post, headers: WebRemoteServerTests.sideman, body: body) {
                    #expect($0.status == .ok, "\(name)")
                }
                #expect(backend.last == .setlistLoad(path: folder.setlists + "/" + name))
            }
        }
    }

    @Test func noFolderIsAnEmptyList() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-setlists-\(UUID().uuidString)").path
        let folders = WebFolders(charts: missing + "/charts", setlists: missing + "/setlists")
        try await WebRemoteServerTests.app(FakeBackend(), folders: folders).test(.live) { client in
            try await client.execute(uri: "/api/setlists", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "[]")
            }
        }
    }
}
