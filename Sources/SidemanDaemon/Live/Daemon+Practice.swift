import Foundation
import MusicCore
import Practice
import StyleEngine

extension Daemon {
    /// One command of the control API, done off the audio thread; the answer is the practice
    /// status after it, or one line saying why not.
    public func perform(_ command: ControlCommand) -> Result<PracticeStatus, ControlCommandError> {
        do {
            switch command {
            case .play(let request): try play(request, setlistPosition: nil)
            case .stop: try stopSong()
            case .control(let action):
                if action.isPractice {
                    try practiceAction(action)
                } else {
                    try send([.control(action)])
                }
            case .setlistLoad(let path): try loadSetlist(path)
            case .setlistNext: try stepSetlist(1)
            case .setlistPrevious: try stepSetlist(-1)
            case .loop(let on): try setLoop(on)
            case .nudgeTempo(let bpm): try nudgeTempo(bpm)
            case .mode(let mode): try setMode(mode)
            case .looperRecord(let slot, let bars): try record(slot: slot, bars: bars)
            case .looperPlay(let slot): try playMemory(slot)
            case .looperSave(let slot, let path): try saveMemory(slot, to: path)
            case .part(let part, let mute, let volume):
                try send([.part(part, mute: mute, volume: volume.map { UInt7(clamping: $0) })])
            case .status: break
            }
        } catch {
            return .failure(error)
        }
        updatePracticeStatus()
        return .success(practice.state.withLock { $0.status })
    }

    /// The reply to a JSON command line: `{"ok":true,"status":{…}}` or `{"ok":false,"error":"…"}`.
    func answer(jsonCommand line: String) -> String {
        let result = ControlCommand.parse(jsonLine: line).flatMap { perform($0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        switch result {
        case .success(let status):
            let body = (try? encoder.encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "{\"ok\":true,\"status\":\(body)}\n"
        case .failure(let error):
            let message = (try? encoder.encode(error.message)).map { String(decoding: $0, as: UTF8.self) } ?? "\"?\""
            return "{\"error\":\(message),\"ok\":false}\n"
        }
    }

    // MARK: Songs

    /// The charts the daemon can play: the user's folder, a checkout's charts/, the installed ones.
    func chartLibrary() -> ChartLibrary {
        let access = ChartLibrary.FileAccess(
            listDirectory: { try? FileManager.default.contentsOfDirectory(atPath: $0) },
            readText: { try String(contentsOfFile: $0, encoding: .utf8) },
            exists: { FileManager.default.fileExists(atPath: $0) })
        let executable = CommandLine.arguments.first.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        let dirs = ChartLibrary.searchDirectories(
            executablePath: executable, currentDirectory: FileManager.default.currentDirectoryPath, access: access)
        return ChartLibrary(directories: dirs, access: access)
    }

    /// A song by name, or a chart file by path.
    func chart(named name: String) throws(ControlCommandError) -> (name: String, chart: ChordChart) {
        if name.contains("/") {
            guard let text = try? String(contentsOfFile: name, encoding: .utf8) else {
                throw ControlCommandError("\(name): " + (FileManager.default.fileExists(atPath: name) ? "cannot be read" : "no such file"))
            }
            do {
                return ((name as NSString).lastPathComponent.components(separatedBy: ".").first ?? name, try ChordChart.parse(text, source: name))
            } catch {
                throw ControlCommandError("\(error)")
            }
        }
        let library = chartLibrary()
        guard let entry = library.entry(named: name) else {
            if let broken = library.errors.first(where: { $0.contains("/\(name).") }) { throw ControlCommandError(broken) }
            throw ControlCommandError("no song named '\(name)' (sideman charts list shows them)")
        }
        return (entry.name, entry.chart)
    }

    /// Plays a request: the song's style (if the daemon has it) selected, its score read a
    /// few dozen bars ahead here, then both handed to the audio thread (the daemon's tick reads
    /// on as the song plays).
    func play(_ request: PracticeRequest, setlistPosition: Int?, chart given: (name: String, chart: ChordChart)? = nil) throws(ControlCommandError) {
        let found: (name: String, chart: ChordChart)
        if let given { found = given } else { found = try chart(named: request.song) }
        let (name, chart) = found
        let styles = practice.state.withLock { $0.styles } ?? initialStyles.styles
        var index = min(max(0, pulse.styleIndex.load(ordering: .relaxed)), styles.count - 1)
        if let wanted = chart.style {
            let key = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
            if let found = styles.firstIndex(where: { key($0.name) == key(wanted) }) { index = found }
        }
        let style = styles[index]
        let plan: PracticePlan
        let feed: ChartFeed
        do {
            let settings = try request.settings(home: chart.key)
            let tempo = try request.checkedTempo() ?? chart.tempo ?? style.tempo
            plan = try PracticePlan(chart: chart, settings: settings, tempo: tempo)
            let score = try PracticeScore(plan: plan, style: style, minusOne: try request.mutedParts(), volumes: try request.partVolumes())
            feed = ChartFeed(score: score)
        } catch {
            throw ControlCommandError("\(name): \(error.message)")
        }
        let number = practice.state.withLock { s -> Int in
            s.loaded += 1
            return s.loaded
        }
        var requests: [ChartRequest] = []
        if index != pulse.styleIndex.load(ordering: .relaxed) {
            requests.append(.stop(keyboardLeads: false))
            requests.append(.control(.selectStyle(index)))
        }
        feed.fill()
        requests.append(.load(feed, song: number))
        try send(requests)
        practice.state.withLock {
            $0.song = PracticeSong(number: number, name: name, request: request, plan: plan, style: style)
            $0.feed = feed
            $0.mode = .chart
            if let setlistPosition { $0.setlistPosition = setlistPosition }
        }
        logger.info("song", metadata: [
            "song": "\(name)", "style": "\(style.name)", "tempo": "\(plan.tempo(pass: 0))",
            "bars": "\(plan.barCount.map(String.init) ?? "endless")",
        ])
    }

    func stopSong() throws(ControlCommandError) {
        let mode = practice.state.withLock { $0.mode }
        if mode == .chart {
            try send([.stop(keyboardLeads: false)])
        } else {
            try send([.control(.stop)])
        }
    }

    /// Hands requests to the audio thread, all or none.
    func send(_ requests: [ChartRequest]) throws(ControlCommandError) {
        let sent = live.withLock { state -> Bool in
            guard let state else { return false }
            guard state.chartRequests.capacity - state.chartRequests.count >= requests.count else { return false }
            for r in requests { state.chartRequests.push(r) }
            return true
        }
        guard sent else { throw ControlCommandError("the band is not running yet, or is busy: try again") }
    }

    // MARK: Setlists

    /// Loads a setlist; `play`: its first song starts now, else it waits for start/stop or
    /// next song (the setlist of `[practice] setlist`, loaded at start), the song leading.
    func loadSetlist(_ path: String, play playing: Bool = true) throws(ControlCommandError) {
        let setlist: Setlist
        do {
            setlist = try Setlist.load(path: path)
        } catch {
            throw ControlCommandError(error.message)
        }
        practice.state.withLock {
            $0.setlist = setlist
            $0.setlistPosition = playing ? 0 : -1
        }
        if playing {
            try play(setlist.songs[0], setlistPosition: 0)
        } else {
            try send([.stop(keyboardLeads: false)])
            practice.state.withLock { $0.mode = .chart }
        }
    }

    /// The next or previous song of the setlist (wrapping round); without a setlist, of the
    /// chart library in `sideman charts list` order.
    func stepSetlist(_ step: Int) throws(ControlCommandError) {
        let (setlist, position, current) = practice.state.withLock { ($0.setlist, $0.setlistPosition, $0.song?.name) }
        if let setlist {
            let next = ((position + step) % setlist.songs.count + setlist.songs.count) % setlist.songs.count
            try play(setlist.songs[next], setlistPosition: next)
            return
        }
        let entries = chartLibrary().entries
        guard !entries.isEmpty else { throw ControlCommandError("no songs (sideman charts list)") }
        let here = current.flatMap { name in entries.firstIndex { $0.name == name } }
        let next = here.map { (($0 + step) % entries.count + entries.count) % entries.count } ?? 0
        try play(PracticeRequest(song: entries[next].name), setlistPosition: nil, chart: (entries[next].name, entries[next].chart))
    }

    // MARK: Loop, tempo, mode

    /// Loop on (the request's loop, else the section or the 4 bars playing), or off (the
    /// whole song): the song starts again from the loop, without a count-in.
    func setLoop(_ on: Bool?) throws(ControlCommandError) {
        let (song, bar) = practice.state.withLock { ($0.song, $0.status.bar) }
        guard let song else { throw ControlCommandError("no song is playing (sideman play SONG)") }
        var request = song.request
        let looping = request.loop != nil
        let wanted = on ?? !looping
        guard wanted != looping else { return }
        if wanted {
            if let b = bar.flatMap({ song.plan.bar($0 - 1) }), let section = b.section {
                request.loop = section
            } else {
                let first = ((bar ?? 1) - 1) / 4 * 4 + 1
                request.loop = "\(first)-\(min(first + 3, song.plan.chorus.count))"
            }
        } else {
            request.loop = nil
        }
        request.countIn = 0
        request.intro = false
        try play(request, setlistPosition: nil)
    }

    func nudgeTempo(_ bpm: Double) throws(ControlCommandError) {
        let mode = practice.state.withLock { $0.mode }
        if mode == .chart {
            try send([.nudgeTempo(bpm)])
        } else {
            try send([.control(bpm >= 0 ? .tempoUp : .tempoDown)])
        }
    }

    func setMode(_ mode: ControlMode) throws(ControlCommandError) {
        switch mode {
        case .arranger: try send([.stop(keyboardLeads: true)])
        case .chart:
            let song = practice.state.withLock { $0.song }
            if let song { try play(song.request, setlistPosition: nil) } else {
                throw ControlCommandError("no song to lead: sideman play SONG, or a setlist")
            }
        }
        practice.state.withLock { $0.mode = mode }
    }

    /// A practice control from the player's MIDI or the socket.
    func practiceAction(_ action: ControlAction) throws(ControlCommandError) {
        let tempoStep = snapshot.withLock { $0.config.practice.tempoStep }
        switch action {
        case .nextSong: try stepSetlist(1)
        case .previousSong: try stepSetlist(-1)
        case .toggleLoop: try setLoop(nil)
        case .toggleChartMode: try setMode(practice.state.withLock { $0.mode } == .chart ? .arranger : .chart)
        case .loopMemory(let slot):
            let (has, playing) = practice.state.withLock { ($0.memories[slot] != nil, $0.song?.name == "loop-\(slot)") }
            if playing {
                try send([.stop(keyboardLeads: true)])
                practice.state.withLock { $0.mode = .arranger }
            } else if has {
                try playMemory(slot)
            } else {
                try record(slot: slot, bars: snapshot.withLock { $0.config.practice.looperBars })
            }
        case .startStop, .start, .stop, .continue:
            let phase = live.withLock { $0?.chartPulse.currentPhase } ?? .idle
            if action == .stop || (action == .startStop && phase != .idle && phase != .finished) {
                try send([.stop(keyboardLeads: false)])
            } else if let song = practice.state.withLock({ $0.song }) {
                try play(song.request, setlistPosition: nil)
            } else if practice.state.withLock({ $0.setlist != nil }) {
                try stepSetlist(1)
            }
        case .tempoUp: try nudgeTempo(tempoStep)
        case .tempoDown: try nudgeTempo(-tempoStep)
        default: try send([.control(action)])
        }
    }
}
