import MusicCore

/// Turns the decoded track and CASM into a `Style`: sections between markers, notes per
/// source channel, channels onto parts, SInt setup onto part sounds.
struct YamahaStyleBuilder {
    let events: [YamahaTrackEvent]
    let resolution: Int
    let casm: YamahaCASM
    let fileName: String
    var notes: [String] = []

    init(events: [YamahaTrackEvent], resolution: Int, casm: YamahaCASM, fileName: String) {
        self.events = events
        self.resolution = resolution
        self.casm = casm
        self.fileName = fileName
    }

    /// A note of the whole track: absolute ticks in the file's resolution.
    struct TrackNote {
        var channel: Int
        var on: Int
        var off: Int
        var note: UInt7
        var velocity: UInt7
    }

    /// A region of the track between one marker and the next.
    struct Region {
        var marker: String
        var start: Int
        var end: Int
    }

    mutating func build() throws(YamahaFormatProblem) -> YamahaStyleImport {
        let endTick = events.map(\.tick).max() ?? 0
        var markers: [(tick: Int, name: String)] = []
        var tempo: Tempo?
        var meter: Meter?
        var version: YamahaStyleImport.Version?
        for event in events {
            switch event.kind {
            case .marker(let name):
                if name == "SFF1" { version = version ?? .sff1 }
                if name == "SFF2" { version = version ?? .sff2 }
                if !YamahaSectionName.formatMarkers.contains(name) { markers.append((event.tick, name)) }
            case .tempo(let t) where tempo == nil:
                tempo = t
            case .timeSignature(let n, let d) where meter == nil:
                meter = Meter(beatsPerBar: n, beatUnit: d)
                if meter == nil { notes.append("time signature \(n)/\(d) is not usable; using 4/4") }
            default: break
            }
        }
        let styleMeter = meter ?? .fourFour
        if tempo == nil { notes.append("no tempo; using 120 BPM") }
        let styleTempo = tempo ?? Tempo(bpm: 120)!
        let formatVersion = version ?? (casm.segments.contains { $0.tables.contains { $0.format == .sff2 } } ? .sff2 : .sff1)

        // Regions: each marker runs to the next marker at a later tick, the last to the end.
        let sortedMarkers = markers.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element)
        var regions: [Region] = []
        for (i, marker) in sortedMarkers.enumerated() {
            let end = sortedMarkers[(i + 1)...].first { $0.tick > marker.tick }?.tick ?? endTick
            regions.append(Region(marker: marker.name, start: marker.tick, end: max(end, marker.tick)))
        }

        // Setup: everything before the first section, i.e. the SInt bar and the tick-0 events.
        let firstSectionTick = regions.first { YamahaSectionName.sectionID(forMarker: $0.marker) != nil }?.start ?? endTick
        let setups = YamahaChannelSetup.collect(events.lazy.filter { $0.tick < firstSectionTick })

        let trackNotes = pairNotes(endTick: endTick)
        var sections: [SectionID: Section] = [:]
        var trackTables: [SectionID: [PartID: [YamahaChannelTable?]]] = [:]
        var importedMarkers: [YamahaStyleImport.Marker] = []
        var megaVoiceDropped: [Int: Int] = [:]
        var droppedDestinations: [String: Set<String>] = [:]
        var defaulted: [Int: Set<String>] = [:]

        for region in regions {
            if region.marker == YamahaSectionName.setupMarker { continue }
            guard let id = YamahaSectionName.sectionID(forMarker: region.marker) else {
                importedMarkers.append(.init(name: region.marker, tick: region.start, section: nil))
                notes.append("section \"\(region.marker)\" has no place in Sideman's model; skipped")
                continue
            }
            guard sections[id] == nil else {
                importedMarkers.append(.init(name: region.marker, tick: region.start, section: nil))
                notes.append("second \"\(region.marker)\" marker at tick \(region.start); skipped")
                continue
            }
            importedMarkers.append(.init(name: region.marker, tick: region.start, section: id))
            let segment: YamahaCASM.Segment
            if let found = casm.segment(forSection: region.marker) {
                segment = found
            } else {
                segment = casm.segments[0]
                notes.append("no CSEG names \"\(region.marker)\"; using the first one")
            }

            let barTicks = styleMeter.ticksPerBar()
            let rawLength = PPQ.rescale(region.end - region.start, from: resolution)
            let length = max(1, (rawLength + barTicks / 2) / barTicks) * barTicks
            // The last section ends at the end-of-track event, which writers often put on the
            // last note-off a few ticks before the bar line: no note for that one.
            if length != rawLength && region.end != endTick {
                notes.append("\(region.marker) is \(rawLength) ticks, not a whole number of bars; made \(length / barTicks)")
            }

            var byChannel: [Int: [PatternNote]] = [:]
            for note in trackNotes where note.on >= region.start && note.on < region.end {
                let tick = PPQ.rescale(note.on - region.start, from: resolution)
                guard tick < length else { continue }
                let off = min(PPQ.rescale(min(note.off, region.end) - region.start, from: resolution), length)
                byChannel[note.channel, default: []].append(
                    PatternNote(tick: tick, duration: max(1, off - tick), note: note.note, velocity: note.velocity))
            }
            let controls = sectionControls(region, length: length)

            var parts: [PartID: [PatternTrack]] = [:]
            var tables: [PartID: [YamahaChannelTable?]] = [:]
            for channel in byChannel.keys.sorted() {
                var channelNotes = byChannel[channel]!
                let table = segment.table(forSourceChannel: channel)
                let part: PartID
                let rules: TranspositionRules
                if let table {
                    guard let p = table.part else {
                        droppedDestinations["channel \(channel + 1) → destination channel \(table.destinationChannel + 1)", default: []]
                            .insert(region.marker)
                        continue
                    }
                    part = p
                    let decoded = table.rules()
                    rules = decoded.rules
                    for problem in decoded.problems { notes.append("\(region.marker), channel \(channel + 1): \(problem)") }
                } else if let p = PartID(rawValue: channel) {
                    part = p
                    rules = p.isRhythm ? .drums : TranspositionRules()
                    defaulted[channel, default: []].insert(region.marker)
                } else {
                    droppedDestinations["channel \(channel + 1) (no table)", default: []].insert(region.marker)
                    continue
                }
                let voice = setups[channel].flatMap { $0.hasProgram ? $0 : nil } ?? setups[part.rawValue]
                if voice?.isMegaVoice == true {
                    let before = channelNotes.count
                    channelNotes.removeAll { $0.note.rawValue >= 96 }
                    megaVoiceDropped[channel, default: 0] += before - channelNotes.count
                }
                guard !channelNotes.isEmpty else { continue }
                let channelControls = (controls[channel] ?? []).map { retarget($0, to: part) }
                parts[part, default: []].append(PatternTrack(rules: rules, notes: channelNotes, controls: channelControls))
                tables[part, default: []].append(table)
            }
            sections[id] = Section(id: id, length: length, parts: parts)
            trackTables[id] = tables
        }

        for (what, where_) in droppedDestinations.sorted(by: { $0.key < $1.key }) {
            notes.append("\(what) is not one of the eight parts; dropped in \(where_.sorted().joined(separator: ", "))")
        }
        for (channel, where_) in defaulted.sorted(by: { $0.key < $1.key }) {
            notes.append("channel \(channel + 1) has no CASM table in \(where_.sorted().joined(separator: ", ")); plays on its own part with default rules")
        }
        let dropped = megaVoiceDropped.filter { $0.value > 0 }
        if !dropped.isEmpty {
            let list = dropped.sorted { $0.key < $1.key }.map { "channel \($0.key + 1): \($0.value)" }.joined(separator: ", ")
            notes.append("left out Mega Voice noise notes (C6 = 96 and above) — \(list)")
        }
        if formatVersion == .sff2 {
            notes.append("SFF2: rules taken from each Ctb2's main note-range block (low/high blocks not used)")
        }

        guard sections.keys.contains(where: \.isMain) else {
            let names = importedMarkers.map(\.name)
            throw YamahaFormatProblem(
                "no Main section (markers: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }

        let usedParts = Set(sections.values.flatMap { $0.parts.keys })
        let partSetups = partSetups(for: usedParts, setups: setups)
        let title = YamahaStyleReader.title(fromFileName: fileName)
        let style = Style(
            name: YamahaStyleReader.key(fromTitle: title), title: title, genre: "Yamaha \(formatVersion.rawValue)",
            meter: styleMeter, tempo: styleTempo, parts: partSetups, sections: sections, source: fileName)
        return YamahaStyleImport(
            style: style, version: formatVersion, resolution: resolution, casm: casm, trackTables: trackTables,
            markers: importedMarkers, notes: notes)
    }

    /// Pairs note-ons with their note-offs (first on, first off per channel and key); a note
    /// never released ends at the end of the track.
    func pairNotes(endTick: Int) -> [TrackNote] {
        var open: [Int: [(tick: Int, velocity: UInt7)]] = [:]
        var result: [TrackNote] = []
        for event in events {
            guard case .midi(let midi) = event.kind else { continue }
            switch midi {
            case .noteOn(let c, let n, let v) where v.rawValue > 0:
                open[c.intValue << 7 | n.intValue, default: []].append((event.tick, v))
            case .noteOn(let c, let n, _), .noteOff(let c, let n, _):
                let key = c.intValue << 7 | n.intValue
                guard var stack = open[key], !stack.isEmpty else { continue }
                let start = stack.removeFirst()
                open[key] = stack
                result.append(TrackNote(channel: c.intValue, on: start.tick, off: event.tick, note: n, velocity: start.velocity))
            default: break
            }
        }
        for (key, stack) in open {
            for start in stack {
                result.append(TrackNote(channel: key >> 7, on: start.tick, off: endTick, note: UInt7(clamping: key & 0x7F), velocity: start.velocity))
            }
        }
        return result.sorted { ($0.on, $0.channel, $0.note) < ($1.on, $1.channel, $1.note) }
    }

    /// Controllers (other than bank select), pitch bend and pressure written inside a section.
    func sectionControls(_ region: Region, length: Int) -> [Int: [PatternControl]] {
        var result: [Int: [PatternControl]] = [:]
        for event in events where event.tick >= region.start && event.tick < region.end {
            guard case .midi(let midi) = event.kind, let channel = midi.channel?.intValue else { continue }
            switch midi {
            case .controlChange(_, let controller, _)
            where controller != MIDIController.bankSelectMSB && controller != MIDIController.bankSelectLSB:
                break
            case .pitchBend, .channelPressure:
                break
            default:
                continue
            }
            let tick = PPQ.rescale(event.tick - region.start, from: resolution)
            guard tick < length else { continue }
            result[channel, default: []].append(PatternControl(tick: tick, event: midi))
        }
        return result
    }

    func retarget(_ control: PatternControl, to part: PartID) -> PatternControl {
        let c = part.channel
        let event: MIDIEvent
        switch control.event {
        case .controlChange(_, let controller, let value): event = .controlChange(channel: c, controller: controller, value: value)
        case .pitchBend(_, let value): event = .pitchBend(channel: c, value: value)
        case .channelPressure(_, let pressure): event = .channelPressure(channel: c, pressure: pressure)
        default: event = control.event
        }
        return PatternControl(tick: control.tick, event: event)
    }

    /// The sound of each part: the SInt setup of the source channel that feeds it, preferring
    /// the channel with the part's own number (Yamaha's layout), then the lowest other one.
    func partSetups(for parts: Set<PartID>, setups: [Int: YamahaChannelSetup]) -> [PartID: PartSetup] {
        var result: [PartID: PartSetup] = [:]
        let orderedSegments = (casm.segment(forSection: "Main A").map { [$0] } ?? []) + casm.segments
        for part in parts {
            var sources: [Int] = []
            for segment in orderedSegments {
                for table in segment.tables where table.part == part && !sources.contains(table.sourceChannel) {
                    sources.append(table.sourceChannel)
                }
            }
            let preferred = sources.contains(part.rawValue) ? [part.rawValue] : []
            let candidates = preferred + sources.sorted() + [part.rawValue]
            let setup = candidates.lazy.compactMap { setups[$0] }.first { $0.hasProgram }
                ?? candidates.lazy.compactMap { setups[$0] }.first
            result[part] = setup?.partSetup ?? YamahaChannelSetup().partSetup
        }
        return result
    }
}
