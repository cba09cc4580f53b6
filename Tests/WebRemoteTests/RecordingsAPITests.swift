import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SidemanDaemon
import Testing
import WebRemote

/// The takes over the API, against a real recordings folder: list, stream with byte ranges
/// (what the browser's audio player needs to seek), download, delete (guarded like every
/// change), start/stop/arm, the free-space refusal, and no way out of the folder.
@Suite struct RecordingsAPITests {
    static let take = "2026-12-06 183012 medium-swing"
    static let takeURL = "/api/recordings/2026-12-06%20183012%20medium-swing"

    @Test func takesAreListedWithWhereToFetchThem() async throws {
        let backend = try FakeBackend.withTakes()
        defer { try? FileManager.default.removeItem(atPath: backend.folder) }
        try await WebRemoteServerTests.app(backend).test(.live) { client in
            try await client.execute(uri: "/api/recordings", method: .get) { response in
                #expect(response.status == .ok)
                let takes = try #require((try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]])
                #expect(takes.count == 1)
                #expect(takes.first?["name"] as? String == Self.take)
                #expect(takes.first?["audio_url"] as? String == Self.takeURL + "/audio")
                #expect(takes.first?["midi_url"] as? String == Self.takeURL + "/midi")
                #expect(takes.first?["audio_type"] as? String == "audio/wav")
                #expect(takes.first?["recording"] as? Bool == false)
                #expect((takes.first?["seconds"] as? Double).map { abs($0 - 0.1) < 0.001 } == true)
            }
        }
    }

    @Test func audioStreamsWholeOrByRange() async throws {
        let backend = try FakeBackend.withTakes()
        defer { try? FileManager.default.removeItem(atPath: backend.folder) }
        let file = try Data(contentsOf: URL(fileURLWithPath: "\(backend.folder)/\(Self.take).wav"))
        try await WebRemoteServerTests.app(backend).test(.live) { client in
            try await client.execute(uri: Self.takeURL + "/audio", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "audio/wav")
                #expect(response.headers[.acceptRanges] == "bytes")
                #expect(response.headers[.contentLength] == "\(file.count)")
                #expect(response.headers[.contentDisposition]?.hasPrefix("inline;") == true)
                #expect(Data(buffer: response.body) == file)
            }
            // What <audio> asks for when it seeks: a part of the file, 206.
            let cases: [(String, ClosedRange<Int>)] = [
                ("bytes=0-", 0...(file.count - 1)), ("bytes=100-199", 100...199), ("bytes=-44", (file.count - 44)...(file.count - 1)),
                ("bytes=19000-99999", 19000...(file.count - 1)),
            ]
            for (header, range) in cases {
                try await client.execute(uri: Self.takeURL + "/audio", method: .get, headers: [.range: header]) { response in
                    #expect(response.status == .partialContent, "\(header)")
                    #expect(response.headers[.contentRange] == "bytes \(range.lowerBound)-\(range.upperBound)/\(file.count)")
                    #expect(response.headers[.contentLength] == "\(range.count)")
                    #expect(Data(buffer: response.body) == file.subdata(in: range.lowerBound..<(range.upperBound + 1)), "\(header)")
                }
            }
            try await client.execute(uri: Self.takeURL + "/audio", method: .get, headers: [.range: "bytes=\(file.count)-"]) { response in
                #expect(response.status == .rangeNotSatisfiable)
                #expect(response.headers[.contentRange] == "bytes */\(file.count)")
                #expect(String(buffer: response.body).contains("\"error\""))
            }
            // A header this server does not take (several ranges, another unit) is ignored: the whole file.
            for header in ["bytes=0-1,5-9", "items=0-4", "bytes=9-2", "bytes=x-"] {
                try await client.execute(uri: Self.takeURL + "/audio", method: .get, headers: [.range: header]) { response in
                    #expect(response.status == .ok, "\(header)")
                    #expect(response.body.readableBytes == file.count)
                }
            }
            try await client.execute(uri: Self.takeURL + "/midi", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "audio/midi")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                #expect(String(buffer: response.body).hasPrefix("MThd"))
            }
        }
    }

    /// Names that try to leave the folder, and a link inside it pointing out, are never served:
    /// 400 with the reason; a good name with no take is 404.
    @Test func nothingOutsideTheFolderIsServed() async throws {
        let backend = try FakeBackend.withTakes()
        defer { try? FileManager.default.removeItem(atPath: backend.folder) }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-secret-\(UUID().uuidString).wav").path
        try FakeBackend.wav(frames: 10).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: "\(backend.folder)/linked out.wav", withDestinationPath: outside)
        #expect(backend.takeLibrary.list().contains { $0.name == "linked out" })  // listed, as the folder holds it …
        try await WebRemoteServerTests.app(backend).test(.live) { client in
            let attempts: [(String, HTTPResponse.Status)] = [
                ("/api/recordings/..%2F..%2Fetc%2Fpasswd/audio", .badRequest), ("/api/recordings/%2E%2E/audio", .badRequest),
                ("/api/recordings/..%2Fsideman-secret/audio", .badRequest), ("/api/recordings/%2Fetc%2Fpasswd/midi", .badRequest),
                ("/api/recordings/linked%20out/audio", .badRequest), ("/api/recordings/%ZZ/audio", .badRequest),
                ("/api/recordings/a%00b/audio", .badRequest), ("/api/recordings/\(String(repeating: "x", count: 300))/audio", .badRequest),
                ("/api/recordings/2026-12-06/audio", .notFound),  // a prefix is not a name
            ]
            for (uri, status) in attempts {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri) \(String(buffer: response.body))")
                    #expect(String(buffer: response.body).contains("\"error\""), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/recordings/linked%20out/audio", method: .get) { response in
                #expect(String(buffer: response.body).contains("is a link to outside the recordings folder"))
            }
            try await client.execute(uri: "/api/recordings/..%2F..%2Fetc%2Fpasswd", method: .delete, headers: WebRemoteServerTests.sideman) {
                #expect($0.status == .badRequest)
            }
        }
        #expect(FileManager.default.fileExists(atPath: outside))
    }

    @Test func deletingATakeIsGuardedAndExact() async throws {
        let backend = try FakeBackend.withTakes([Self.take, Self.take + " 2"])
        defer { try? FileManager.default.removeItem(atPath: backend.folder) }
        try await WebRemoteServerTests.app(backend).test(.live) { client in
            // Without the header (a cross-site form), or from another site: refused.
            try await client.execute(uri: Self.takeURL, method: .delete) { #expect($0.status == .forbidden) }
            var foreign = WebRemoteServerTests.sideman
            foreign[.origin] = "http://evil.example"
            try await client.execute(uri: Self.takeURL, method: .delete, headers: foreign) { #expect($0.status == .forbidden) }
            #expect(backend.takeLibrary.list().count == 2)
            // A prefix is not enough.
            try await client.execute(uri: "/api/recordings/2026-12-06", method: .delete, headers: WebRemoteServerTests.sideman) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: Self.takeURL, method: .delete, headers: WebRemoteServerTests.sideman) { response in
                #expect(response.status == .ok)
                let left = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]]
                #expect(left?.map { $0["name"] as? String } == [Self.take + " 2"])
            }
            // The handler's reason reaches the page, not the router's "no such page".
            try await client.execute(uri: Self.takeURL, method: .delete, headers: WebRemoteServerTests.sideman) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains(Self.take), "\(String(buffer: response.body))")
                #expect(!String(buffer: response.body).contains("no such page"), "\(String(buffer: response.body))")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "\(backend.folder)/\(Self.take).wav"))
        #expect(!FileManager.default.fileExists(atPath: "\(backend.folder)/\(Self.take).mid"))
        #expect(FileManager.default.fileExists(atPath: "\(backend.folder)/\(Self.take) 2.wav"))
    }

    @Test func recordingStartsStopsAndIsRefusedWhenTheDiskIsFull() async throws {
        let backend = try FakeBackend.withTakes()
        defer { try? FileManager.default.removeItem(atPath: backend.folder) }
        try await WebRemoteServerTests.app(backend).test(.live) { client in
            try await client.execute(uri: "/api/record/start", method: .post) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/api/record/arm", method: .post, headers: WebRemoteServerTests.sideman) { response in
                #expect(response.status == .ok)
                #expect((WebRemoteServerTests.json(response.body)["record"] as? [String: Any])?["state"] as? String == "armed")
            }
            try await client.execute(uri: "/api/record/start", method: .post, headers: WebRemoteServerTests.sideman) { response in
                #expect((WebRemoteServerTests.json(response.body)["record"] as? [String: Any])?["state"] as? String == "recording")
            }
            try await client.execute(uri: "/api/record/stop", method: .post, headers: WebRemoteServerTests.sideman) { response in
                #expect((WebRemoteServerTests.json(response.body)["record"] as? [String: Any])?["state"] as? String == "idle")
            }
            backend.diskFull.withLock { $0 = true }
            try await client.execute(uri: "/api/record/start", method: .post, headers: WebRemoteServerTests.sideman) { response in
                #expect(response.status == .conflict)
                #expect((WebRemoteServerTests.json(response.body)["error"] as? String)?.contains("MB free") == true)
            }
            // … and the state says so, for every page.
            try await client.execute(uri: "/api/state", method: .get) { response in
                let record = WebRemoteServerTests.json(response.body)["record"] as? [String: Any]
                #expect(record?["state"] as? String == "refused")
                #expect((record?["problem"] as? String)?.contains("min_free_mb") == true)
            }
        }
    }

    @Test(arguments: [
        ("bytes=0-", 10, ByteRangeCase.part(0, 9)), ("bytes=-3", 10, .part(7, 9)), ("bytes=-30", 10, .part(0, 9)),
        ("bytes=4-4", 10, .part(4, 4)), ("bytes=10-", 10, .unsatisfiable), ("bytes=0-", 0, .unsatisfiable),
        ("bytes=-0", 10, .unsatisfiable), ("bytes=99999999999999999999999-", 10, .unsatisfiable),
        ("bytes=-99999999999999999999999", 10, .part(0, 9)), ("bytes=5-2", 10, .whole), ("bytes=a-b", 10, .whole),
        ("bytes=1-2,4-5", 10, .whole), ("lines=1-2", 10, .whole), ("bytes=-", 10, .whole), (" BYTES=1-2 ", 10, .part(1, 2)),
    ])
    func rangeHeadersAreRead(header: String, size: Int, expected: ByteRangeCase) {
        #expect(ByteRangeCase(WebRemoteServer.byteRange(header: header, size: size)) == expected)
    }
}

/// ByteRange in a form a test argument can take.
enum ByteRangeCase: Hashable, Sendable, CustomStringConvertible {
    case whole, unsatisfiable
    case part(Int, Int)

    init(_ range: ClosedRange<Int>??) {
        switch range {
        case .none: self = .whole
        case .some(.none): self = .unsatisfiable
        case .some(.some(let r)): self = .part(r.lowerBound, r.upperBound)
        }
    }

    var description: String {
        switch self {
        case .whole: "whole"
        case .unsatisfiable: "unsatisfiable"
        case .part(let a, let b): "\(a)-\(b)"
        }
    }
}
