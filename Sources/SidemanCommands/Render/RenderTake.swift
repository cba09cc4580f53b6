import Arranger
import FluidSynthOutput
import Foundation
import Logging
import MusicCore
import Recorder
import SidemanDaemon

/// `render --record-folder`: the render recorded as a take by the daemon's own recorder (the
/// same tap, ring, writer thread, names and files), so that a take can be checked against the
/// render it was made from.
final class RenderTake: CustomStringConvertible {
    let recorder: TakeRecorder
    let sink: TakeTapSink
    private(set) var name: String?

    init(folder: String, format: String, sampleRate: Int, label: String, sink inner: (any AudioSink)?) throws {
        guard let takeFormat = TakeFormat(rawValue: format) else { throw RenderError.badOption("--record-format must be flac or wav") }
        var settings = SidemanConfig.Record()
        settings.folder = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        settings.format = takeFormat.rawValue
        settings.stopAfterSilence = 3600
        settings.minFreeMB = 0
        var logger = Logger(label: "sideman") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        recorder = TakeRecorder(settings: settings, sampleRate: sampleRate, logger: logger) {
            TakeRecorder.Context(label: label, tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
        sink = TakeTapSink(inner: inner, tap: recorder.tap)
        recorder.run()
        let reply = recorder.start()
        guard reply.hasPrefix("ok") else { throw RenderError.badOption("--record-folder: \(reply.dropFirst(7))") }
    }

    /// The render is done: its MIDI becomes the take's, and the take's files are closed.
    func finish(_ midi: BandRecorder, time: FrameTime) throws {
        recorder.useMIDI(midi, time: time)
        recorder.tap.stopWithoutProducer()
        recorder.shutdown()
        let status = recorder.status
        name = status.lastTake
        if let problem = status.problem {
            FileHandle.standardError.write(Data("sideman render: take \(status.lastTake ?? "-") cut short: \(problem); the render went on\n".utf8))
        }
    }

    var description: String { "take \"\(name ?? "-")\"" }
}
