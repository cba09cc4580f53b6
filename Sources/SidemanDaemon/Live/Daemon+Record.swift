import Foundation
import MusicCore
import Recorder

extension Daemon {
    /// The take recorder the configuration's `[record]` describes (made in every daemon:
    /// with mode off, `sideman record start` and a `record` control still make takes).
    func makeRecorder(_ config: SidemanConfig) -> TakeRecorder {
        let styles = initialStyles.styles
        // The band's period: how far the driver's lead over the card moves in normal running.
        return TakeRecorder(
            settings: config.record, sampleRate: config.audio.sampleRate, periodSize: config.audio.periodSize, logger: logger
        ) { [self] in
            let report = snapshot.withLock { $0.report(pulse: pulse, uptime: 0, configFile: nil, pid: 0) }
            let meter = styles.first { $0.name == report.style }?.meter ?? .fourFour
            return TakeRecorder.Context(label: report.style, tempo: Tempo(bpm: report.tempo) ?? Tempo(bpm: 120)!, meter: meter)
        }
    }

    var takeRecorder: TakeRecorder? { live.withLock { $0?.recorder } }

    /// Control socket requests of the recorder; each answer is one line (`recordings list`: JSON).
    ///
    ///     record start | record stop | record arm
    ///     recordings list | recordings delete NAME
    func answerRecord(_ line: String) -> String {
        guard let recorder = takeRecorder else { return "error: the band is not playing yet\n" }
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        switch (words.first, words.count > 1 ? words[1] : nil) {
        case ("record", "start"): return recorder.start() + "\n"
        case ("record", "stop"): return recorder.stop() + "\n"
        case ("record", "arm"): return recorder.arm() + "\n"
        case ("recordings", "list"):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            guard let data = try? encoder.encode(recorder.library.list()) else { return "error: cannot encode the takes\n" }
            return String(decoding: data, as: UTF8.self) + "\n"
        case ("recordings", "delete") where words.count == 3:
            do {
                let take = try deleteTake(named: words[2], exactly: false)
                return "ok: deleted \(take.name)\n"
            } catch {
                return "error: \(error)\n"
            }
        default:
            return "error: unknown request '\(line)' (known: record start|stop|arm, recordings list, recordings delete NAME)\n"
        }
    }
}
