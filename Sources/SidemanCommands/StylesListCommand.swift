import ArgumentParser
import Foundation
import SidemanDaemon
import StyleEngine

/// `sideman styles list` (and plain `sideman styles`): the styles Sideman can play, as a
/// table, JSON or the README's Markdown table.
public struct StylesListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available styles (the default).",
        discussion: """
            Styles are read from --styles-dir (if given), the configuration's [style] folder \
            (default /var/lib/sideman/styles), the styles/ folder of a source checkout, \
            <prefix>/share/sideman/styles next to the installed program, /usr/local/share/sideman/styles \
            and /usr/share/sideman/styles. A style that fails to parse is reported on stderr.
            """)

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
        do { settings = try StylesCommand.configuration(path: config) } catch {
            StylesCommand.printError("sideman styles: \(error)")
            throw ExitCode.failure
        }
        let library = loadLibrary(access: .local, folder: (settings ?? SidemanConfig()).style.folder)
        for error in library.errors { StylesCommand.printError(error.description) }
        guard !library.styles.isEmpty else {
            StylesCommand.printError("no styles found")
            throw ExitCode.failure
        }
        let text = json ? StylesCommand.json(library.styles) : markdown ? StylesCommand.markdownTable(library.styles) : StylesCommand.table(library.styles)
        print(text, terminator: "")
    }

    /// The library this invocation sees: the search folders for this executable and directory.
    func loadLibrary(access: StyleLibrary.FileAccess, folder: String? = nil) -> StyleLibrary {
        let dirs = StylesCommand.directories(userDirectory: stylesDir, configFolder: folder, access: access)
        return StyleLibrary.load(from: dirs, required: stylesDir.map { [$0] } ?? [], access: access)
    }
}
