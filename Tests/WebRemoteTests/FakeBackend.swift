import Practice
import SidemanDaemon
import Synchronization
import WebRemote

/// A stand-in daemon: records the commands it is given and answers a report the test sets.
final class FakeBackend: RemoteBackend {
    let commands = Mutex<[ControlCommand]>([])
    let chord = Mutex<String?>(nil)

    var report: DaemonStatusReport {
        DaemonStatusReport(
            state: "running", style: "medium-swing", chord: chord.withLock { $0 }, tempo: 120, playing: true, inputs: [],
            audioDevice: "null", sampleRate: 48000, periodSize: 256, periods: 3, blocks: 1, lateCallbacks: 0,
            uptimeSeconds: 1, configFile: nil, reloads: 0, lastReloadError: nil, pid: 1)
    }

    func perform(_ command: ControlCommand) -> Result<PracticeStatus, ControlCommandError> {
        if case .play(let request) = command, request.song == "missing" { return .failure(ControlCommandError("no song 'missing'")) }
        commands.withLock { $0.append(command) }
        return .success(PracticeStatus())
    }

    func remoteStyles() -> [RemoteCatalog.StyleEntry] {
        [.init(index: 0, name: "medium-swing", title: "Medium Swing", genre: "Jazz"), .init(index: 1, name: "bossa", title: "Bossa Nova", genre: "Latin")]
    }

    func remoteSongs() -> [RemoteCatalog.SongEntry] {
        [.init(name: "blues-major", title: "Blues in F", bars: 12, style: "medium-swing", tempo: "120")]
    }

    var last: ControlCommand? { commands.withLock { $0.last } }
}
