import Testing

@testable import MusicCore

/// Inputs the `midi-file` fuzz target (Fuzz/README.md) stopped on, kept as tests.
@Suite struct MIDIFileFuzzRegressionTests {
    /// A format-0 header that declares no track, then a track chunk: read with no track and
    /// the chunk kept aside; written back as format 0 always is, with one (empty) track and the
    /// chunk after it; that reads back the same way, chunk and all.
    @Test func formatZeroDeclaringNoTrackReadsBackWithOne() throws {
        let bytes: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 0, 0x01, 0x60]
            + Array("MTrk".utf8) + [0, 0, 0, 8, 0x00, 0x90, 0x3C, 0x40, 0x00, 0xFF, 0x2F, 0x00]
        let file = try MIDIFile.read(bytes)
        #expect(file.tracks.isEmpty)
        #expect(file.extraChunks.map(\.id) == ["MTrk"])
        let again = try MIDIFile.read(file.write())
        #expect(again.tracks.count == 1)
        #expect(again.tracks[0].events.map(\.event) == [.meta(.endOfTrack)])
        #expect(again.extraChunks == file.extraChunks)
    }
}
