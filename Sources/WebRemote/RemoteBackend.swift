import Practice
import Recorder
import SidemanDaemon

/// What the web remote needs of the daemon: its typed control API, its state and its takes,
/// nothing more. The daemon conforms; tests hand in a stand-in.
public protocol RemoteBackend: Sendable {
    /// The status report, built off the audio thread from what it publishes.
    var report: DaemonStatusReport { get }
    /// One command of the control API; the practice status after it, or why not.
    func perform(_ command: ControlCommand) -> Result<PracticeStatus, ControlCommandError>
    func remoteStyles() -> [RemoteCatalog.StyleEntry]
    func remoteSongs() -> [RemoteCatalog.SongEntry]
    /// Recording start, stop or arm: what happened, or why not (too little free space …).
    func record(_ action: RecordAction) -> Result<String, ControlCommandError>
    /// The recordings folder (`[record] folder`), as `sideman recordings` reads it.
    var takeLibrary: TakeLibrary { get }
    /// Deletes the take of exactly this name (never one being recorded).
    func deleteTake(named name: String) throws(RecorderError) -> Take
}

extension Daemon: RemoteBackend {}
