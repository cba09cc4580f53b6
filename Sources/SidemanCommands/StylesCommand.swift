import ArgumentParser
import Foundation
import SidemanDaemon
import StyleEngine

/// `sideman styles`: lists the styles Sideman can play, as a table or as JSON.
public struct StylesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "styles",
        abstract: "List the available styles.",
        discussion: """
            Styles are read from --styles-dir (if given), the configuration's [style] folder \
            (default /var/lib/sideman/styles), the styles/ folder of a source checkout, \
            <prefix>/share/sideman/styles next to the installed program, /usr/local/share/sideman/styles \
            and /usr/share/sideman/styles. A style that fails to parse is reported on stderr.
            """,
        subcommands: [StylesInspectCommand.self])

    @Flag(name: .long, help: "Print JSON: [{\"name\",\"title\",\"genre\",\"meter\",\"tempo\",\"sections\"}].")
    var json = false

    @Flag(name: .long, help: "Print a Markdown table: name, genre, meter, tempo (the README's).")
    var markdown = false

    @Option(name: .long, help: "A folder of your own .style files (searched first).")
    var stylesDir: String?

    @Option(name: .long, help: "Configuration file whose [style] folder is searched (default: \(SidemanConfig.defaultPath), if it exists).")
    var config: String?

    public init() {}

    public func run() throws {
        let settings: SidemanConfig?
        do { settings = try Self.configuration(path: config) } catch {
            Self.printError("sideman styles: \(error)")
            throw ExitCode.failure
        }
        let library = loadLibrary(access: .local, folder: (settings ?? SidemanConfig()).style.folder)
        for error in library.errors { Self.printError(error.description) }
        guard !library.styles.isEmpty else {
            Self.printError("no styles found")
            throw ExitCode.failure
        }
        let text = json ? Self.json(library.styles) : markdown ? Self.markdownTable(library.styles) : Self.table(library.styles)
        print(text, terminator: "")
    }

    /// The library this invocation sees: the search folders for this executable and directory.
    func loadLibrary(access: StyleLibrary.FileAccess, folder: String? = nil) -> StyleLibrary {
        let dirs = Self.directories(userDirectory: stylesDir, configFolder: folder, access: access)
        return StyleLibrary.load(from: dirs, required: stylesDir.map { [$0] } ?? [], access: access)
    }

    static var executablePath: String? {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    static func printError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}
