import MusicCore

/// libFuzzer entry: any bytes as a Standard MIDI File. A file that reads must write and read
/// back to the same tracks and chunks; one that does not must say why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIDIFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file: MIDIFile
    do {
        file = try MIDIFile.read(bytes)
    } catch {
        precondition(!error.description.isEmpty, "an error without a message")
        return 0
    }
    _ = file.tempoMap.seconds(atTick: file.mergedEvents.last?.event.tick ?? 0)
    do {
        let again = try MIDIFile.read(file.write())
        // A format-0 file holds one track by definition: the writer merges into one.
        let expected = file.format == .singleTrack ? 1 : file.tracks.count
        precondition(again.tracks.count == expected, "a file read back has \(again.tracks.count) tracks, not \(expected)")
        precondition(again.extraChunks.count == file.extraChunks.count, "a file read back has other chunks")
    } catch {
        preconditionFailure("what the writer made does not read back: \(error)")
    }
    return 0
}
