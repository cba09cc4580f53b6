extension MIDIFile {
    /// Reads a Standard MIDI File (format 0, 1 or 2, division in ticks per quarter).
    /// Chunks that are not tracks are kept in `extraChunks`. Throws a `MIDIFileError` naming
    /// the problem, the byte offset and the track for anything malformed; SMPTE time
    /// division is refused.
    public static func read(_ bytes: [UInt8]) throws(MIDIFileError) -> MIDIFile {
        var reader = MIDIByteReader(bytes: bytes)
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("MThd".utf8) else {
            throw MIDIFileError(.notAMIDIFile, offset: 0)
        }
        let header = try reader.readChunk()
        guard header.bytes.count >= 6 else { throw MIDIFileError(.badHeaderLength(header.bytes.count), offset: 4) }
        let h = header.bytes
        let formatValue = Int(h[0]) << 8 | Int(h[1])
        guard let format = Format(rawValue: formatValue) else {
            throw MIDIFileError(.unsupportedFormat(formatValue), offset: 8)
        }
        let declaredTracks = Int(h[2]) << 8 | Int(h[3])
        let division = Int(h[4]) << 8 | Int(h[5])
        guard division & 0x8000 == 0 else { throw MIDIFileError(.smpteDivision, offset: 12) }
        guard division > 0 else { throw MIDIFileError(.zeroDivision, offset: 12) }

        var tracks: [MIDITrack] = []
        var extras: [MIDIChunk] = []
        while !reader.isAtEnd {
            let chunkStart = reader.fileOffset
            let chunk: MIDIChunk
            do {
                chunk = try reader.readChunk()
            } catch {
                // A chunk cut short inside a track is that track's problem.
                let isTrack = bytes.count >= chunkStart + 4 && bytes[chunkStart..<chunkStart + 4].elementsEqual("MTrk".utf8)
                throw isTrack && tracks.count < declaredTracks ? error.inTrack(tracks.count) : error
            }
            if chunk.id == "MTrk" && tracks.count < declaredTracks {
                tracks.append(try MIDITrack(chunkBody: chunk.bytes, baseOffset: chunkStart + 8, trackIndex: tracks.count))
            } else {
                extras.append(chunk)
            }
        }
        guard tracks.count == declaredTracks else {
            throw MIDIFileError(.missingTracks(declared: declaredTracks, found: tracks.count), offset: bytes.count)
        }
        return MIDIFile(format: format, ticksPerQuarter: division, tracks: tracks, extraChunks: extras)
    }
}
