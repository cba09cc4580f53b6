extension MIDITrackDecoder {
    /// Where decoding goes on after a damaged event, and the event itself when it could be
    /// kept (a stray byte inside it, skipped).
    struct Resume {
        var position: Int
        var state: State
        var kept: TimedMIDIEvent?
    }

    /// What a trial reading from one place found.
    struct Trial {
        /// Events read cleanly (up to `trialEvents`; all of them when the track ends cleanly).
        var clean = 0
        /// Note-offs of keys that were not sounding: a reading shifted off the event boundaries.
        var strays = 0
        var endsCleanly = false
        var first: (event: TimedMIDIEvent, end: Int, state: State, delta: Int)? = nil

        /// A reading to resume from: it reads on cleanly, ends no note that was not sounding
        /// but the damaged event's own, and does not take damaged bytes for a long delta time.
        func isSound(longestDelta: Int) -> Bool {
            guard let first, clean >= trialEvents || endsCleanly, strays <= 1 else { return false }
            return first.delta <= max(longestDelta, 4 * PPQ.standard)
        }

        var score: Int { clean - 2 * strays }
    }

    /// Finds where the track reads cleanly again after a damaged event that began at `start`:
    /// first the event without a stray byte inside it (the event kept), else the nearest byte
    /// after its status from which the track reads soundly (the event lost, as little else as
    /// possible, so that the time of what follows stays right). When no reading is sound, the
    /// best-scoring one that reads a few events. Nil: none reads.
    func resynchronise(from start: Int, before: State, after: State, problem: MIDIFileError) -> Resume? {
        let bytes = reader.bytes
        let errorPosition = problem.offset - reader.baseOffset
        var fallback: (score: Int, resume: Resume)? = nil
        func consider(_ trial: Trial, _ resume: Resume) -> Resume? {
            if trial.isSound(longestDelta: longestDelta) { return resume }
            if let first = trial.first, first.delta <= max(longestDelta, 4 * PPQ.standard), trial.clean >= 4,
                trial.score > (fallback?.score ?? 0)
            {
                fallback = (trial.score, resume)
            }
            return nil
        }
        // A status-like byte where data belongs, inserted: read the event without it.
        if case .dataByteExpected = problem.problem, errorPosition > start, errorPosition < bytes.count {
            var patched = bytes
            patched.remove(at: errorPosition)
            let trial = Self.trial(patched, from: start, state: before, sounding: sounding)
            if let first = trial.first, first.end > errorPosition,
                let resume = consider(trial, Resume(position: first.end + 1, state: first.state, kept: first.event))
            {
                return resume
            }
        }
        // The event lost: the next one starts somewhere after the damaged event's status byte.
        var probe = reader
        probe.seek(to: start)
        let firstCandidate = (try? probe.readVariableLengthQuantity()) != nil ? probe.position + 1 : start + 1
        let states = after.runningStatus == before.runningStatus ? [after] : [after, State(tick: after.tick, runningStatus: before.runningStatus)]
        let end = min(bytes.count, max(firstCandidate, errorPosition + 1) + Self.searchWindow)
        for position in firstCandidate..<max(firstCandidate, end) {
            for state in states {
                let trial = Self.trial(bytes, from: position, state: state, sounding: sounding)
                if let resume = consider(trial, Resume(position: position, state: state, kept: nil)) { return resume }
            }
        }
        return fallback?.resume
    }

    /// Decodes up to `trialEvents` events from `position` without keeping them.
    static func trial(_ bytes: [UInt8], from position: Int, state: State, sounding: Set<Int>) -> Trial {
        var reader = MIDIByteReader(bytes: bytes)
        reader.seek(to: position)
        var state = state, on = sounding
        var trial = Trial()
        while trial.clean < trialEvents {
            if reader.isAtEnd {
                trial.endsCleanly = trial.clean > 0
                break
            }
            let tick = state.tick
            guard let event = try? decodeEvent(&reader, &state) else { break }
            if trial.first == nil { trial.first = (event, reader.position, state, state.tick - tick) }
            trial.clean += 1
            if !follow(event, &on) { trial.strays += 1 }
            if event.event == .meta(.endOfTrack) {
                trial.endsCleanly = true
                break
            }
        }
        return trial
    }

    /// Keeps `sounding` up to date; false for a note-off of a key that was not sounding.
    @discardableResult
    static func follow(_ event: TimedMIDIEvent, _ sounding: inout Set<Int>) -> Bool {
        guard case .midi(let midi) = event.event else { return true }
        switch midi {
        case .noteOn(let channel, let note, let velocity) where velocity.rawValue > 0:
            sounding.insert(Int(channel.rawValue) << 7 | Int(note.rawValue))
            return true
        case .noteOn(let channel, let note, _), .noteOff(let channel, let note, _):
            return sounding.remove(Int(channel.rawValue) << 7 | Int(note.rawValue)) != nil
        default:
            return true
        }
    }
}
