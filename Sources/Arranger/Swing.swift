import MusicCore
import StyleEngine

/// Moves straight-written ticks onto a swung grid: within each pair of the swung
/// subdivision (two eighths = one quarter), the off-beat moves from the middle of the pair
/// to `ratio` of it, and the ticks between are stretched or squeezed linearly, so notes
/// keep their order and never leave their pair.
struct Swing: Sendable {
    let pairLength: Tick
    let offbeat: Tick

    init(feel: Feel, ppq: Int = PPQ.standard) {
        let sub = max(1, feel.subdivision)
        pairLength = max(2, ppq * 8 / sub)  // eighths: a quarter; sixteenths: an eighth
        offbeat = feel.isStraight ? pairLength / 2 : Int((feel.ratio * Double(pairLength)).rounded())
    }

    var isStraight: Bool { offbeat * 2 == pairLength }

    func apply(_ tick: Tick) -> Tick {
        if isStraight { return tick }
        let pair = tick >= 0 ? tick / pairLength : (tick - pairLength + 1) / pairLength
        let within = tick - pair * pairLength
        let half = pairLength / 2
        let moved =
            within <= half
            ? within * offbeat / half
            : offbeat + (within - half) * (pairLength - offbeat) / (pairLength - half)
        return pair * pairLength + moved
    }
}
