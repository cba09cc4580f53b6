import Foundation
import Practice
import Recorder
import SidemanDaemon
import StyleEngine
import Synchronization
import WebRemote

/// A stand-in daemon: records the commands it is given, applies the mixer's to the report it
/// answers (which a test may change), and keeps takes in a folder of its own.
final class FakeBackend: RemoteBackend {
    let commands = Mutex<[ControlCommand]>([])
    let current: Mutex<DaemonStatusReport>
    /// Free space below the minimum: a take is refused, as the recorder refuses it.
    let diskFull = Mutex(false)
    let folder: String

    init(folder: String? = nil) {
        var report = DaemonStatusReport(
            state: "running", style: "medium-swing", chord: nil, tempo: 120, playing: true, inputs: [],
            audioDevice: "null", sampleRate: 48000, periodSize: 256, periods: 3, blocks: 1, lateCallbacks: 0,
            uptimeSeconds: 1, configFile: nil, reloads: 0, lastReloadError: nil, pid: 1)
        report.parts = PartID.allCases.map { PartStatus(part: $0.key, name: $0.description, muted: false, volume: 100) }
        report.beatsPerBar = 4
        report.record = RecorderStatus(mode: "off", state: "idle", folder: folder ?? "/nonexistent")
        current = Mutex(report)
        self.folder = folder ?? "/nonexistent"
    }

    /// A folder of its own with one take (a short WAV and a MIDI file) in it.
    static func withTakes(_ names: [String] = ["2026-12-06 183012 medium-swing"]) throws -> FakeBackend {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-web-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            try wav(frames: 4800).write(to: URL(fileURLWithPath: "\(folder)/\(name).wav"))
            try Data("MThd\u{0}\u{0}\u{0}\u{6}\u{0}\u{1}\u{0}\u{1}\u{1}\u{E0}".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).mid"))
        }
        return FakeBackend(folder: folder)
    }

    /// A 16-bit stereo 48 kHz WAV of a quiet ramp, `frames` long.
    static func wav(frames: Int) -> Data {
        var d = Data()
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { d.append(contentsOf: $0) } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { d.append(contentsOf: $0) } }
        d.append(contentsOf: Array("RIFF".utf8)); u32(36 + frames * 4); d.append(contentsOf: Array("WAVEfmt ".utf8))
        u32(16); u16(1); u16(2); u32(48000); u32(48000 * 4); u16(4); u16(16)
        d.append(contentsOf: Array("data".utf8)); u32(frames * 4)
        for i in 0..<frames {
            let s = Int16((i % 100) * 40 - 2000)
            withUnsafeBytes(of: s.littleEndian) { d.append(contentsOf: $0); d.append(contentsOf: $0) }
        }
        return d
    }

    var report: DaemonStatusReport { current.withLock { $0 } }

    func change(_ body: (inout DaemonStatusReport) -> Void) { current.withLock { body(&$0) } }

    /// As the daemon's ring: the mixer's commands reach the report only at `settle()`, the
    /// next audio block, so that a state read in between is the one before them.
    let lagging = Mutex(false)
    private let pending = Mutex<[ControlCommand]>([])

    func perform(_ command: ControlCommand) -> Result<PracticeStatus, ControlCommandError> {
        if case .play(let request) = command, request.song == "missing" { return .failure(ControlCommandError("no song 'missing'")) }
        commands.withLock { $0.append(command) }
        if lagging.withLock({ $0 }) {
            pending.withLock { $0.append(command) }
        } else {
            apply(command)
        }
        return .success(PracticeStatus())
    }

    /// The commands held back, applied in the order they came, as the band applies them.
    func settle() {
        for command in pending.withLock({ held in defer { held = [] }; return held }) { apply(command) }
    }

    /// A mixer command on the report: a mute set, a volume, or a part's mute toggled.
    private func apply(_ command: ControlCommand) {
        change { r in
            switch command {
            case .part(let part, let mute, let volume):
                guard let i = r.parts.firstIndex(where: { $0.part == part.key }) else { return }
                if let mute { r.parts[i].muted = mute }
                if let volume { r.parts[i].volume = volume }
            case .control(.toggleMute(let part)):
                guard let i = r.parts.firstIndex(where: { $0.part == part.key }) else { return }
                r.parts[i].muted.toggle()
            default: break
            }
        }
    }

    func remoteStyles() -> [RemoteCatalog.StyleEntry] {
        [.init(index: 0, name: "medium-swing", title: "Medium Swing", genre: "Jazz"), .init(index: 1, name: "bossa", title: "Bossa Nova", genre: "Latin")]
    }

    func remoteSongs() -> [RemoteCatalog.SongEntry] {
        [.init(name: "blues-major", title: "Blues in F", bars: 12, style: "medium-swing", tempo: "120")]
    }

    func record(_ action: RecordAction) -> Result<String, ControlCommandError> {
        if action != .stop, diskFull.withLock({ $0 }) {
            let reason = "only 3 MB free in \(folder) (min_free_mb = 200): no new take"
            change { $0.record?.state = "refused"; $0.record?.problem = reason; $0.record?.freeMB = 3 }
            return .failure(ControlCommandError(reason))
        }
        change { $0.record?.state = action == .start ? "recording" : action == .arm ? "armed" : "idle" }
        return .success(action == .stop ? "take ends" : action == .arm ? "armed" : "recording")
    }

    var takeLibrary: TakeLibrary { TakeLibrary(folder: folder) }

    func deleteTake(named name: String) throws(RecorderError) -> Take {
        guard let take = takeLibrary.list().first(where: { $0.name == name }) else { throw .noSuchTake(name) }
        return try takeLibrary.delete(take.name)
    }

    var last: ControlCommand? { commands.withLock { $0.last } }

    /// Whether the report shows the part (`bass`) muted.
    func muted(_ part: String) -> Bool? { report.parts.first { $0.part == part }?.muted }
}
