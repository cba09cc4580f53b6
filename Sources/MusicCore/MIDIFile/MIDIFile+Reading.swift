extension MIDIFile {
    /// Reads a Standard MIDI File (format 0, 1 or 2, division in ticks per quarter).
    /// Chunks that are not tracks are kept in `extraChunks`. Throws a `MIDIFileError` naming
    /// the problem, the byte offset and the track for anything malformed; SMPTE time
    /// division is refused.
    ///
    /// `repairing`: read as keyboards and players do. A damaged event inside a track is
    /// skipped, a track cut off by the end of the file keeps what it has, and each is listed
    /// in `damage`; only a file beyond repair (no header, a track with no clean reading after
    /// its damage, or more damage than events) throws.
    public static func read(_ bytes: [UInt8], repairing: Bool = false) throws(MIDIFileError) -> MIDIFile {
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
        var damage: [MIDIFileError] = []
        func addTrack(_ body: [UInt8], at offset: Int) throws(MIDIFileError) {
            if repairing {
                let (track, skipped) = try MIDITrack.repairing(chunkBody: body, baseOffset: offset, trackIndex: tracks.count)
                tracks.append(track)
                damage += skipped
            } else {
                tracks.append(try MIDITrack(chunkBody: body, baseOffset: offset, trackIndex: tracks.count))
            }
        }
        while !reader.isAtEnd {
            let chunkStart = reader.fileOffset
            let chunk: MIDIChunk
            do {
                chunk = try reader.readChunk()
            } catch {
                // A chunk cut short inside a track is that track's problem.
                let isTrack = bytes.count >= chunkStart + 4 && bytes[chunkStart..<chunkStart + 4].elementsEqual("MTrk".utf8)
                guard isTrack && tracks.count < declaredTracks else { throw error }
                guard repairing, bytes.count > chunkStart + 8 else { throw error.inTrack(tracks.count) }
                // Cut off by the end of the file: what is there plays (the track's decoder notes
                // the cut event, or the missing end of track).
                try addTrack(Array(bytes[(chunkStart + 8)...]), at: chunkStart + 8)
                break
            }
            if chunk.id == "MTrk" && tracks.count < declaredTracks {
                try addTrack(chunk.bytes, at: chunkStart + 8)
            } else {
                extras.append(chunk)
            }
        }
        guard tracks.count == declaredTracks || (repairing && !tracks.isEmpty) else {
            throw MIDIFileError(.missingTracks(declared: declaredTracks, found: tracks.count), offset: bytes.count)
        }
        var file = MIDIFile(format: format, ticksPerQuarter: division, tracks: tracks, extraChunks: extras)
        file.damage = damage
        return file
    }
}
