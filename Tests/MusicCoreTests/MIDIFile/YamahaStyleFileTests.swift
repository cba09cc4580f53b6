import Testing
@testable import MusicCore

/// Every real Yamaha style in the shared test data is a MIDI file followed by Yamaha's own
/// chunks; the reader must take all of them and give the chunks back.
@Suite(.enabled(if: TestData.exists("yamaha-styles"), "skipped: ../shared/testdata/yamaha-styles not found"))
struct YamahaStyleFileTests {
    @Test func readsEveryStyleFile() throws {
        let files = TestData.files(in: "yamaha-styles")
        #expect(files.count >= 50)
        for url in files {
            let name = url.lastPathComponent
            let bytes = try TestData.bytes(url)
            let file: MIDIFile
            do {
                file = try MIDIFile.read(bytes)
            } catch {
                Issue.record("\(name): \(error)")
                continue
            }
            #expect(file.tracks.count == 1, "\(name)")
            #expect(file.extraChunks.first?.id == "CASM", "\(name)")
            #expect(file.chunk(id: "OTSc") != nil, "\(name)")
            let markers = file.tracks[0].events.compactMap { e -> String? in
                guard case .meta(let m) = e.event, m.textKind == .marker else { return nil }
                return m.textValue
            }
            #expect(markers.contains { $0.hasPrefix("SFF") }, "\(name): markers \(markers.prefix(3))")
            #expect(markers.contains("Main A"), "\(name)")
            let notes = file.tracks[0].events.filter { $0.event.midiEvent?.isNoteOn == true }
            #expect(notes.count > 100, "\(name)")
            #expect(file.tempoMap.changes.count >= 1)

            // Nested chunks: CASM holds CSEG chunks, OTSc holds MTrk chunks.
            let casm = try MIDIChunk.split(file.chunk(id: "CASM")!.bytes)
            #expect(!casm.isEmpty && casm.allSatisfy { $0.id == "CSEG" }, "\(name)")
            let ots = try MIDIChunk.split(file.chunk(id: "OTSc")!.bytes)
            for chunk in ots where chunk.id == "MTrk" {
                _ = try MIDITrack(chunkBody: chunk.bytes)
            }

            // Writing gives a file that reads back identical, extra chunks included.
            #expect(try MIDIFile.read(file.write(runningStatus: true)) == file, "\(name)")
        }
    }
}
