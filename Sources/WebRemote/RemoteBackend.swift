import Practice
import SidemanDaemon

/// What the web remote needs of the daemon: its typed control API and its state, nothing
/// more. The daemon conforms; tests hand in a stand-in.
public protocol RemoteBackend: Sendable {
    /// The status report, built off the audio thread from what it publishes.
    var report: DaemonStatusReport { get }
    /// One command of the control API; the practice status after it, or why not.
    func perform(_ command: ControlCommand) -> Result<PracticeStatus, ControlCommandError>
    func remoteStyles() -> [RemoteCatalog.StyleEntry]
    func remoteSongs() -> [RemoteCatalog.SongEntry]
}

extension Daemon: RemoteBackend {}
