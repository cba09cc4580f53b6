import Foundation
import MusicCore
import Recorder
import Testing

@testable import SidemanCommands

/// A folder of its own for one test.
func temporaryFolder(_ name: String) -> String {
    let path = temporaryFile(name)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The notes, chords and markers of a MIDI file (the track names aside: a take is named by its take).
func musicalContent(_ file: MIDIFile) -> [String] {
    let a = RenderAnalysis(file)
    return a.notes.map { "\($0)" } + a.chords.map { "\($0.tick) \($0.symbol)" } + a.markers.map { "\($0.tick) \($0.name)" }
}

@Suite("sideman render --record-folder: a take made while rendering") struct RenderTakeTests {
    let chart = "C | F | G7 | C"

    func render(format: String, folder: String) throws -> (wav: String, mid: String) {
        let wav = temporaryFile("band.wav"), mid = temporaryFile("band.mid")
        let command = try RenderCommand.parse([
            "--chart", chart, "--style", mediumSwing, "--intro", "--ending", "--soundfont", smallSoundFont!,
            "--out", wav, "--out", mid, "--record-folder", folder, "--record-format", format,
        ])
        try command.render()
        return (wav, mid)
    }

    @Test(.enabled(if: smallSoundFont != nil, "\(noSoundFont)"), arguments: ["wav", "flac"])
    func takeEqualsTheRender(format: String) throws {
        let folder = temporaryFolder("takes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (wav, mid) = try render(format: format, folder: folder)
        defer { try? FileManager.default.removeItem(atPath: wav); try? FileManager.default.removeItem(atPath: mid) }

        let takes = TakeLibrary(folder: folder).list()
        try #require(takes.count == 1)
        let take = takes[0]
        #expect(take.name.hasSuffix(" medium-swing"))
        #expect(!take.incomplete)
        #expect(take.files.sorted() == ["\(take.name).\(format)", "\(take.name).mid"].sorted())

        // Audio: sample for sample (WAV), or decoded by libsndfile to the same samples (FLAC).
        let rendered = try SoundFile(reading: wav).readAll()
        let recorded = try SoundFile(reading: folder + "/" + take.audioFile!).readAll()
        #expect(rendered.count > 48_000 * 2 * 5)
        #expect(recorded.count == rendered.count)
        #expect(recorded == rendered)
        if format == "wav" {
            // The data chunk itself, byte for byte.
            let a = try Data(contentsOf: URL(fileURLWithPath: wav)), b = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + take.audioFile!))
            let pcm = rendered.withUnsafeBytes { Data($0) }
            #expect(a.range(of: pcm) != nil && b.range(of: pcm) != nil)
        }

        // MIDI: the same notes, chords and sections.
        let renderMIDI = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: mid))))
        let takeMIDI = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + take.midiFile!))))
        let content = musicalContent(takeMIDI)
        #expect(content == musicalContent(renderMIDI))
        #expect(content.contains { $0.hasSuffix(" G7") } && content.contains { $0.hasSuffix(" Ending 1") })
    }

    @Test(.enabled(if: smallSoundFont != nil, "\(noSoundFont)"))
    func takesAreNeverOverwritten() throws {
        let folder = temporaryFolder("takes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for _ in 0..<2 {
            let command = try RenderCommand.parse([
                "--chart", "C | G7", "--style", mediumSwing, "--soundfont", smallSoundFont!, "--record-folder", folder,
            ])
            try command.render()
        }
        let names = TakeLibrary(folder: folder).list().map(\.name)
        #expect(names.count == 2)
        #expect(Set(names).count == 2)
    }

    /// A disk that fills during a take: the take is closed and marked, the render (the band)
    /// goes on to the end. Needs root for the tiny tmpfs.
    @Test(.enabled(if: smallSoundFont != nil && getuid() == 0, "skipped: needs root (a 1 MB tmpfs) and a SoundFont"))
    func diskFullEndsTheTakeNotTheBand() throws {
        let folder = temporaryFolder("tiny")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            print("skipped: cannot mount a tmpfs here")
            return
        }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [folder]
            try? umount.run()
            umount.waitUntilExit()
        }
        let (wav, mid) = try render(format: "wav", folder: folder)
        defer { try? FileManager.default.removeItem(atPath: wav); try? FileManager.default.removeItem(atPath: mid) }
        // The band played on: the whole render is there.
        #expect(try SoundFile(reading: wav).frames > 48_000 * 15)
        let takes = TakeLibrary(folder: folder).list()
        try #require(takes.count == 1)
        #expect(takes[0].incomplete)
        #expect(takes[0].name.hasSuffix("(incomplete)"))
        // What was written before the disk filled is a readable file.
        let frames = try SoundFile(reading: folder + "/" + takes[0].audioFile!).frames
        #expect(frames > 48_000 && frames < 48_000 * 6)
    }
}
