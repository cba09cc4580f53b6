import Practice
import SidemanDaemon

/// The user's folders the web remote names files in: a setlist is loaded from `setlists`, a
/// loop memory saved into `charts` (where the chart library finds it as a song), a take
/// served from the recordings folder (`[record] folder`, the backend's). The control socket
/// and the command line, a local user's, keep taking paths; the web's commands are confined
/// here, at its own boundary.
public struct WebFolders: Hashable, Sendable {
    public var charts: UserFolder
    public var setlists: UserFolder

    public init(charts: String, setlists: String) {
        self.charts = UserFolder(charts, what: "charts")
        self.setlists = UserFolder(setlists, what: "setlists")
    }

    /// The box's own: /var/lib/sideman/charts and /var/lib/sideman/setlists.
    public static let standard = WebFolders(charts: ChartLibrary.userDirectory, setlists: Setlist.userDirectory)

    /// Extensions a setlist given by its bare name may have.
    static let setlistExtensions = ["txt", "setlist"]

    /// The command with every name it carries checked and turned into a file of its folder: a
    /// song by name only (never a chart file's path), a setlist in `setlists`, a saved loop in
    /// `charts`. Anything else passes as it is.
    public func confine(_ command: ControlCommand) throws(FolderNameError) -> ControlCommand {
        switch command {
        case .play(var request):
            request.song = try FolderName(request.song, what: "song", hint: "give a song's name (GET /api/songs lists them)").text
            return .play(request)
        case .setlistLoad(let raw):
            let name = try FolderName(raw, what: "setlist", hint: "give the name of a setlist file in \(setlists.path)")
            return .setlistLoad(path: try setlists.existingFile(name, extensions: Self.setlistExtensions))
        case .looperSave(let slot, let raw):
            let name = try FolderName(raw, what: "chart", hint: "give a name for the chart file in \(charts.path)")
            return .looperSave(slot: slot, path: try charts.newFile(name, ext: "chart", extensions: ChartLibrary.extensions))
        default:
            return command
        }
    }
}
