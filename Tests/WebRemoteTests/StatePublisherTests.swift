import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSTesting
import HummingbirdWebSocket
import Logging
import Practice
import SidemanDaemon
import Synchronization
import Testing
import WebRemote

@Suite struct StatePublisherTests {
    @Test func aChangeIsNumberedAndSentToSubscribers() async throws {
        let backend = FakeBackend()
        let publisher = StatePublisher(backend: backend)
        let (id, stream) = publisher.subscribe()
        var iterator = stream.makeAsyncIterator()
        let first = try #require(await iterator.next())
        #expect(first.contains("\"sequence\":1"))
        #expect(publisher.refresh().state.sequence == 1)  // nothing changed: no new number
        backend.change { $0.chord = "F7" }
        #expect(publisher.refresh().state.sequence == 2)
        let second = try #require(await iterator.next())
        #expect(second.contains("\"chord\":\"F7\""))
        publisher.unsubscribe(id)
        #expect(publisher.subscriberCount == 0)
    }

    /// Bar and beat come from the song in chart mode and from the band in arranger mode; the
    /// next chord only from a song.
    @Test func barBeatAndNextChordFollowWhoLeads() {
        var report = FakeBackend().report
        report.bar = 3
        report.beat = 2
        var state = WebState(report: report)
        #expect(state.bar == 3 && state.beat == 2 && state.nextChord == nil)
        var practice = PracticeStatus()
        practice.mode = "chart"
        practice.song = "blues-major"
        practice.phase = "playing"
        practice.bar = 7
        practice.beat = 4
        practice.nextChord = "Bb7"
        report.practice = practice
        state = WebState(report: report)
        #expect(state.bar == 7 && state.beat == 4 && state.nextChord == "Bb7")
        report.record = RecorderStatus(mode: "armed", state: "recording", folder: "/tmp")
        report.record?.seconds = 12.73
        #expect(WebState(report: report).record?.seconds == 12)
    }

    /// The WebSocket sends the full state on connect, then each kind of change the page shows
    /// (chord, next chord, bar, beat, section, tempo, song, loop, mute, volume, recording), each
    /// well within 50 ms of the moment it happened.
    @Test func theEventStreamSendsEveryChangeWithin50ms() async throws {
        let backend = FakeBackend()
        let server = WebRemoteServer(backend: backend, settings: .init(), assets: nil, logger: Logger(label: "test"))
        let router = server.router()
        let app = Application(
            router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let changes: [(String, String, @Sendable (inout DaemonStatusReport) -> Void)] = [
            ("chord", "\"chord\":\"Bb7\"", { $0.chord = "Bb7" }),
            ("bar (arranger)", "\"bar\":2", { $0.bar = 2; $0.beat = 1 }),
            ("beat (arranger)", "\"beat\":3", { $0.beat = 3 }),
            ("section", "\"section\":\"Main B\"", { $0.section = "Main B" }),
            ("tempo", "\"tempo\":126", { $0.tempo = 126 }),
            ("mute", "\"muted\":true", { $0.parts[2].muted = true }),
            ("volume", "\"volume\":64", { $0.parts[2].volume = 64 }),
            ("song", "\"song\":\"blues-major\"", {
                var p = PracticeStatus()
                p.mode = "chart"; p.song = "blues-major"; p.phase = "playing"; p.bar = 1; p.beat = 1; p.nextChord = "F7"
                $0.practice = p
            }),
            ("next chord", "\"next_chord\":\"C7\"", { $0.practice?.nextChord = "C7" }),
            ("bar (chart)", "\"bar\":5", { $0.practice?.bar = 5 }),
            ("beat (chart)", "\"beat\":2", { $0.practice?.beat = 2 }),
            ("loop", "\"loop\":\"1-4\"", { $0.practice?.loop = "1-4" }),
            ("recording", "\"state\":\"recording\"", { $0.record?.state = "recording" }),
        ]
        let delays = Mutex<[(String, Duration)]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await server.publisher.run() }
            try await app.test(.live) { client in
                try await client.ws("/api/events") { inbound, _, _ in
                    var messages = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                    guard case .text(let first) = try await messages.next() else { return }
                    #expect(first.contains("\"style\":\"medium-swing\""))
                    for (what, expected, change) in changes {
                        let changed = ContinuousClock.now
                        backend.change(change)
                        guard case .text(let text) = try await messages.next() else { return }
                        delays.withLock { $0.append((what, changed.duration(to: .now))) }
                        #expect(text.contains(expected), "\(what): \(text)")
                    }
                }
            }
            group.cancelAll()
        }
        let all = delays.withLock { $0 }
        #expect(all.count == changes.count)
        for (what, delay) in all { #expect(delay < .milliseconds(50), "\(what) reached the page after \(delay)") }
        let worst = all.map(\.1).max() ?? .zero
        print("web events: \(all.count) kinds of change, slowest reached the page after \(worst)")
    }
}
