import MusicCore

/// A song laid out for practice: bar by bar, the chords (transposed as the key cycle says),
/// the tempo (as the ramp says), the section, and whether the band plays. Pure and computed
/// on demand, so an endless loop is as easy to follow as a finite render: `bar(n)` answers
/// for any bar, ahead of time. The offline render turns the bars into engine commands at
/// exact frames; live, the daemon's chart source does the same on the sample clock.
public struct PracticePlan: Sendable {
    public let chart: ChordChart
    public let settings: PracticeSettings
    /// Tempo of the song when no ramp is set.
    public let tempo: Tempo
    /// One chorus, repeats and form expanded.
    public let chorus: [PlayedBar]
    /// The bars of one pass, as indices into `chorus` (the whole chorus, or the loop).
    public let pass: [Int]
    /// Passes in all; nil for an endless loop.
    public let passes: Int?
    /// Bars at the start of the form in an Intro section, played before the first chorus
    /// only, and bars at its end in a Coda (Ending, Outro) section, played after the last
    /// only; 0 when looping or when there is one chorus.
    public let introBars: Int
    public let codaBars: Int

    /// Sections a song plays once, whatever the number of choruses.
    static let introNames: Set<String> = ["intro"]
    static let codaNames: Set<String> = ["coda", "ending", "outro"]

    public init(chart: ChordChart, settings: PracticeSettings, tempo: Tempo) throws(PracticeError) {
        self.chart = chart
        self.settings = settings
        self.tempo = tempo
        chorus = chart.playedBars()
        guard !chorus.isEmpty, chorus.contains(where: { $0.chords.contains { $0.chord != nil } }) else {
            throw PracticeError("the chart has no chords")
        }
        guard (0...2).contains(settings.countIn.bars) else { throw PracticeError("count-in must be 0, 1 or 2 bars") }
        if let loop = settings.loop {
            switch loop.span {
            case .bars(let a, let b):
                guard b <= chorus.count else {
                    throw PracticeError("loop \(a)-\(b): the song has \(chorus.count) bars (repeats and form expanded)")
                }
                pass = Array((a - 1)..<b)
            case .section(let name):
                guard let start = chorus.firstIndex(where: { $0.section == name }) else {
                    let names = chart.sections.map(\.name)
                    throw PracticeError("loop \(name): no such section"
                        + (names.isEmpty ? " (the chart has none; loop bars such as 5-8)" : " (the song has \(names.joined(separator: " ")))"))
                }
                var end = start + 1
                while end < chorus.count, chorus[end].section == name, !chorus[end].startsSection { end += 1 }
                pass = Array(start..<end)
            }
            if let times = loop.times, times < 1 { throw PracticeError("a loop plays at least once") }
            passes = loop.times
        } else {
            guard settings.choruses >= 1 else { throw PracticeError("choruses must be at least 1") }
            pass = Array(chorus.indices)
            passes = settings.choruses
        }
        var intro = 0
        var coda = 0
        if settings.loop == nil, settings.choruses > 1 {
            let names = chorus.map { ($0.section ?? "").lowercased() }
            while intro < names.count, Self.introNames.contains(names[intro]) { intro += 1 }
            while coda < names.count - intro, Self.codaNames.contains(names[names.count - 1 - coda]) { coda += 1 }
            if intro + coda >= names.count { (intro, coda) = (0, 0) }
        }
        introBars = intro
        codaBars = coda
    }

    /// Bars in all, or nil for an endless loop.
    public var barCount: Int? {
        passes.map { $0 * pass.count - ($0 > 1 ? ($0 - 1) * (introBars + codaBars) : 0) }
    }

    /// Where bar `index` falls: its pass, its place in `pass`, and whether it begins the pass.
    func locate(_ index: Int) -> (pass: Int, position: Int, startsPass: Bool)? {
        guard index >= 0, barCount.map({ index < $0 }) ?? true else { return nil }
        guard introBars + codaBars > 0, let passes else {
            return (index / pass.count, index % pass.count, index % pass.count == 0)
        }
        let first = pass.count - codaBars
        if index < first { return (0, index, index == 0) }
        let middle = pass.count - introBars - codaBars
        var m = index - first
        if m < middle * (passes - 2) { return (1 + m / middle, introBars + m % middle, m % middle == 0) }
        m -= middle * (passes - 2)
        return (passes - 1, introBars + m, m == 0)
    }

    /// The song's key (written, or read from its first chord).
    public var home: ChartKey? { chart.key }

    /// The tempo of a pass: the ramp's, or the song's.
    public func tempo(pass p: Int) -> Tempo {
        guard let ramp = settings.ramp else { return tempo }
        return Tempo(bpm: ramp.bpm(pass: p)) ?? tempo
    }

    /// Semitones (0...11) the song moves up in a pass.
    public func transposition(pass p: Int) -> Int {
        settings.keys.transposition(pass: p, home: home?.tonic ?? .c)
    }

    /// Bar `index` (0-based from the song's first bar), or nil past the end.
    public func bar(_ index: Int) -> PracticeBar? {
        guard let (p, inPass, startsPass) = locate(index) else { return nil }
        let played = chorus[pass[inPass]]
        let shift = transposition(pass: p)
        let key = home?.transposed(by: shift)
        let changes = chords(of: played, shift: shift, key: key)
        return PracticeBar(
            index: index, pass: p, barInPass: inPass, written: played.written, section: played.section,
            startsSection: played.startsSection || startsPass, startsPass: startsPass, tempo: tempo(pass: p),
            transposition: shift, key: key,
            bandPlays: settings.breaks?.bandPlays(bar: index) ?? true, changes: changes,
            next: nextChord(after: index, last: changes.last))
    }

    /// Every bar of a finite plan.
    public func bars() throws(PracticeError) -> [PracticeBar] {
        guard let count = barCount else { throw PracticeError("an endless loop has no last bar: give a number of times (x4)") }
        return (0..<count).compactMap(bar)
    }

    func chords(of played: PlayedBar, shift: Int, key: ChartKey?) -> [PracticeChord] {
        let barTicks = chart.meter.ticksPerBar()
        let flats = SymbolTransposer.prefersFlats(key)
        let display = settings.display.semitones
        let displayFlats = SymbolTransposer.prefersFlats(key?.transposed(by: display))
        var result: [PracticeChord] = []
        for (i, c) in played.chords.enumerated() {
            let chord = c.chord?.transposed(by: shift)
            if let last = result.last, last.chord == chord { continue }  // "C / / /": one change
            result.append(PracticeChord(
                offset: barTicks * i / played.chords.count, chord: chord,
                symbol: SymbolTransposer.transpose(c.symbol, by: shift, flats: flats),
                display: SymbolTransposer.transpose(c.symbol, by: shift + display, flats: displayFlats), pushed: c.pushed))
        }
        return result
    }

    /// The first chord after `index` that differs from `last` (looking a chorus ahead at most).
    func nextChord(after index: Int, last: PracticeChord?) -> PracticeChord? {
        var n = index + 1
        while n <= index + pass.count + 1 {
            guard let (p, position, _) = locate(n) else { return nil }
            let shift = transposition(pass: p)
            for change in chords(of: chorus[pass[position]], shift: shift, key: home?.transposed(by: shift))
            where change.chord != last?.chord {
                return change
            }
            n += 1
        }
        return nil
    }
}
