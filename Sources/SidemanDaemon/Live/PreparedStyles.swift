import StyleEngine
import Synchronization

/// The styles last handed to the band, compiled. A reload compiles only the styles that
/// changed and hands the same compiled ones back for the rest: nothing new is built, and the
/// heap does not fragment one reload after another (the old library freed, a new one made).
final class PreparedStyles: Sendable {
    private let last = Mutex<[String: LiveStyle]>([:])

    /// The compiled styles for `styles`, in order, and how many had to be compiled now.
    func prepare(_ styles: [Style]) -> (styles: [LiveStyle], compiled: Int) {
        let known = last.withLock { $0 }
        var compiled = 0
        let live = styles.map { style -> LiveStyle in
            if let ready = known[style.name], ready.style == style { return ready }
            compiled += 1
            return LiveStyle(style)
        }
        last.withLock { $0 = Dictionary(live.map { ($0.style.name, $0) }, uniquingKeysWith: { first, _ in first }) }
        return (live, compiled)
    }
}
