import ArgumentParser
import SidemanDaemon

/// `sideman config check FILE`: validates a configuration file before the daemon uses it.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration file.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration file: prints \"ok: FILE\", or the error and exits 1.")

        @Argument(help: "The file to check.") var file: String = SidemanConfig.defaultPath

        func run() throws {
            do {
                _ = try SidemanConfig.load(path: file)
                print("ok: \(file)")
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
        }
    }
}

import Foundation

/// One line on standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
