import Foundation
import MusicCore
import StyleEngine
import Testing

/// scripts/piano-roll.py (what `make gallery` draws with) reads a band's MIDI file and writes
/// a PNG whose size follows the bars and parts; a file that is not MIDI gets one line and
/// exit status 2.
@Suite struct PianoRollScriptTests {
    static let script = projectRoot.appendingPathComponent("scripts/piano-roll.py")

    static func python() -> String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python()!)
        p.arguments = [script.path] + arguments
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// A tour of the good style written as the renderer writes it: markers, chords as text,
    /// one track per part's channel.
    static func midiBytes() throws -> (bytes: [UInt8], bars: Int, parts: Int) {
        let style = try StyleTextFormat.parse(FaultyStyles.good, fileName: "good.style")
        let tour = StyleTour.play(style, file: "good.style", over: .pop)
        var meta = [TimedMIDIEvent(tick: 0, .timeSignature(MIDITimeSignature(style.meter)))]
        meta += tour.sectionsPlayed.map { TimedMIDIEvent(tick: $0.start, .marker($0.id.name)) }
        meta += tour.chordChanges.map { TimedMIDIEvent(tick: $0.tick, .text(.text, $0.chord?.symbol ?? "NC")) }
        var tracks = [MIDITrack(events: meta.sorted { $0.tick < $1.tick })]
        let parts = Set(tour.notes.map(\.part)).sorted()
        for part in parts {
            var events: [TimedMIDIEvent] = []
            for n in tour.notes where n.part == part {
                events.append(TimedMIDIEvent(tick: n.start, MIDIEvent.noteOn(channel: part.channel, note: UInt7(clamping: n.key), velocity: UInt7(clamping: n.velocity))))
                events.append(TimedMIDIEvent(tick: n.end, MIDIEvent.noteOff(channel: part.channel, note: UInt7(clamping: n.key), velocity: 0)))
            }
            tracks.append(MIDITrack(events: events.sorted { $0.tick < $1.tick }))
        }
        let end = tour.notes.map(\.end).max() ?? 0
        return (MIDIFile(tracks: tracks).write(), (end + tour.ticksPerBar - 1) / tour.ticksPerBar, parts.count)
    }

    @Test(.enabled(if: Self.python() != nil, "skipped: no python3"))
    func drawsOneLanePerPartAndABarPerBar() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-roll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (bytes, bars, parts) = try Self.midiBytes()
        let mid = dir.appendingPathComponent("band.mid"), png = dir.appendingPathComponent("band.png")
        try Data(bytes).write(to: mid)
        let result = try Self.run([mid.path, png.path, "--title", "Check Base", "--beat-width", "10", "--lane-height", "40"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = [UInt8](try Data(contentsOf: png))
        try #require(out.count > 33)
        #expect(Array(out[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ i: Int) -> Int { out[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        // Width: 72 px of labels, 4 beats of 10 px a bar, 8 px of margin; height: 54 px of
        // headings, a 40 px lane and 6 px gap per part, 8 px of margin.
        #expect(be32(16) == 72 + bars * 40 + 8)
        #expect(be32(20) == 54 + parts * 46 + 8)

        let bad = dir.appendingPathComponent("bad.mid")
        try Data("not midi".utf8).write(to: bad)
        let failed = try Self.run([bad.path, png.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix(bad.path + ": ") && failed.stderr.split(separator: "\n").count == 1, "\(failed.stderr)")
    }
}
