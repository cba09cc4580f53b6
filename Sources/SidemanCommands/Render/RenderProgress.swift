#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress line on standard error, only when it is a terminal: long renders say how far
/// they are; pipes and logs stay clean.
final class RenderProgress {
    private let totalFrames: Int
    private let totalBars: Int
    private var lastPercent = -1

    /// Nil unless standard error is a terminal.
    static func onTerminal(totalFrames: Int, totalBars: Int) -> RenderProgress? {
        isatty(2) == 1 ? RenderProgress(totalFrames: totalFrames, totalBars: totalBars) : nil
    }

    init(totalFrames: Int, totalBars: Int) {
        self.totalFrames = max(1, totalFrames)
        self.totalBars = totalBars
    }

    func update(frame: Int, bar: Int) {
        let percent = min(100, frame * 100 / totalFrames)
        guard percent != lastPercent else { return }
        lastPercent = percent
        write("\rrendering: bar \(bar + 1) of \(totalBars) (\(percent)%)\u{1B}[K")
    }

    func finish() { write("\r\u{1B}[K") }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            #if canImport(Glibc)
                _ = Glibc.write(2, bytes.baseAddress, bytes.count)
            #else
                _ = Darwin.write(2, bytes.baseAddress, bytes.count)
            #endif
        }
    }
}
