import StyleEngine

/// Which section and bar the band plays, bar by bar. Requests take effect at the next bar
/// line; the rules:
///
/// - Start plays the requested intro (or the first intro that exists: intro 2 missing ->
///   intro 1, 3), then the main last selected (Main A at first); without an intro, that main.
/// - A different main while a main plays: with auto-fill on, the current main's fill plays
///   from the next bar line for one bar (its last bar), then the new main starts at its
///   first bar. With auto-fill off, or when that fill is missing, the new main starts at the
///   next bar line. The same main again with auto-fill on plays its fill, then carries on.
/// - A fill: that fill for one bar, then its main. Missing: its main at once (next bar).
/// - Break: the break's last bar, then the selected main. Missing: ignored.
/// - An ending (or the first that exists): plays whole from the next bar line, then the band
///   stops. No ending at all: the band stops at the next bar line.
/// - An intro while playing: plays whole from the next bar line, then the selected main.
/// - A main chosen during an intro becomes the main the intro leads to; during a fill or
///   break, the main they lead to; during an ending, it cancels the ending at the next bar.
/// - Mains loop. A missing main falls back to the nearest one that exists (A before B...).
public struct SectionSequencer: Sendable {
    /// Bars of each section that exists in the style.
    public private(set) var bars: [SectionID: Int]
    /// The section playing, nil while stopped.
    public private(set) var section: SectionID?
    /// The bar of `section` being played.
    public private(set) var bar: Int = 0
    public private(set) var selectedMain: SectionID.MainVariation = .a
    public var autoFill: Bool = true
    private var pending: Pending?
    /// Fills and breaks play a single bar.
    private var lastBar: Int = 0

    enum Pending: Hashable, Sendable {
        case section(SectionID)
        case stop
    }

    /// What happened at a bar line.
    public enum Step: Hashable, Sendable {
        /// The same section carries on (possibly looping back to its first bar).
        case carryOn
        /// A section started at `bar`.
        case started(SectionID)
        /// The band stops here.
        case stop
    }

    public init(bars: [SectionID: Int]) {
        // Shared with the caller's when every count is positive (a compiled style's are): a
        // later `replaceSections` then drops a reference, never the last one.
        self.bars = bars.values.allSatisfy { $0 > 0 } ? bars : bars.filter { $0.value > 0 }
    }

    public var isRunning: Bool { section != nil }

    /// Replace the style's sections (a style change at a bar line; every count positive).
    /// The section playing carries on if the new style has it, else the selected main. The
    /// old table is freed by whoever else holds it (the engine's retired style), not here.
    public mutating func replaceSections(_ newBars: [SectionID: Int]) {
        bars = newBars
        guard let current = section else { return }
        if let n = bars[current] {
            if current.isFill {
                bar = n - 1
                lastBar = n - 1
            } else {
                bar = min(bar, n - 1)
                lastBar = n - 1
            }
        } else {
            enter(.main(resolvedMain(selectedMain)))
        }
        if case .section(let id)? = pending, bars[id] == nil { pending = nil }
    }

    /// Start: an intro if asked for (and one exists), else the selected main.
    public mutating func start(intro: SectionID? = nil) -> SectionID {
        pending = nil
        if let intro, let resolved = resolved(intro) {
            enter(resolved)
        } else {
            enter(.main(resolvedMain(selectedMain)))
        }
        return section!
    }

    public mutating func stop() {
        section = nil
        pending = nil
        bar = 0
    }

    /// Ask for a section (see the type's rules). While stopped, a main is only selected.
    public mutating func request(_ id: SectionID) {
        switch id {
        case .main(let v):
            let target = resolvedMain(v)
            selectedMain = target
            guard let current = section else { return }
            switch current {
            case .main(let playing):
                if autoFill, bars[.fill(playing)] != nil {
                    pending = .section(.fill(playing))
                } else if target != playing {
                    pending = .section(.main(target))
                } else {
                    pending = nil
                }
            case .ending:
                pending = .section(.main(target))
            case .intro, .fill, .breakFill:
                if case .section(let p)? = pending, p.isMain { pending = .section(.main(target)) }
            }
        case .fill(let v):
            guard section != nil else { return }
            selectedMain = resolvedMain(v)
            pending = .section(bars[.fill(v)] != nil ? .fill(v) : .main(selectedMain))
        case .breakFill:
            guard section != nil, bars[.breakFill] != nil else { return }
            pending = .section(.breakFill)
        case .ending:
            guard section != nil else { return }
            pending = resolved(id).map { .section($0) } ?? .stop
        case .intro:
            guard section != nil, let resolved = resolved(id) else { return }
            pending = .section(resolved)
        }
    }

    /// The bar line after the current bar: decide what plays next.
    public mutating func nextBar() -> Step {
        guard let current = section else { return .stop }
        if let p = pending {
            pending = nil
            switch p {
            case .stop:
                stop()
                return .stop
            case .section(let id):
                enter(id)
                return .started(id)
            }
        }
        if bar < lastBar {
            bar += 1
            return .carryOn
        }
        switch current {
        case .main:
            bar = 0
            return .carryOn
        case .intro, .fill, .breakFill:
            let next = SectionID.main(resolvedMain(selectedMain))
            enter(next)
            return .started(next)
        case .ending:
            stop()
            return .stop
        }
    }

    private mutating func enter(_ id: SectionID) {
        section = id
        let n = bars[id] ?? 1
        switch id {
        case .fill, .breakFill:
            bar = n - 1
        default:
            bar = 0
        }
        lastBar = n - 1
    }

    /// An intro or ending that exists: the one asked for, else the lowest-numbered one.
    func resolved(_ id: SectionID) -> SectionID? {
        if bars[id] != nil { return id }
        switch id {
        // Plain Int ranges: the audio thread asks, and a debug build's unspecialized generic
        // iterators (lazy maps, ranges of other types, allCases arrays) allocate.
        case .intro: for n in 1..<4 where bars[.intro(n)] != nil { return .intro(n) }
        case .ending: for n in 1..<4 where bars[.ending(n)] != nil { return .ending(n) }
        default: break
        }
        return nil
    }

    /// The main asked for if it exists, else the nearest one (the lower on a tie).
    func resolvedMain(_ v: SectionID.MainVariation) -> SectionID.MainVariation {
        if bars[.main(v)] != nil { return v }
        var best: SectionID.MainVariation?
        for raw in 0..<4 {
            let candidate = SectionID.MainVariation(rawValue: raw)!
            guard bars[.main(candidate)] != nil else { continue }
            if let b = best, abs(b.rawValue - v.rawValue) <= abs(candidate.rawValue - v.rawValue) { continue }
            best = candidate
        }
        return best ?? v
    }
}
