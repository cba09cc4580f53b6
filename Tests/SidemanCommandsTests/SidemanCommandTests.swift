import ArgumentParser
import Foundation
import Testing

@testable import SidemanCommands

/// The `sideman` executable this test run built, beside the test bundle (nil if it is not there).
enum SidemanExecutable {
    static let path: String? = {
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [folder.appendingPathComponent("sideman").path,
                          URL(fileURLWithPath: projectRoot).appendingPathComponent(".build/debug/sideman").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let missing = "skipped: no sideman executable beside the tests (swift build --build-tests builds it)"

    /// Runs `sideman ARGUMENTS` as typed; returns its exit status, standard output and error.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so that a large output cannot block the child.
        let errData = ErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.finish(), as: UTF8.self))
    }

    /// Drains a pipe on its own thread.
    final class ErrorReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)
        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }
        func finish() -> Data {
            done.wait()
            return data
        }
    }
}

/// The real command line: argv as a user types it, parsed by the root command, then run.
@Suite struct SidemanCommandTests {
    static let style = projectRoot + "/styles/medium-swing.style"

    /// `--json` after or before the file reaches `inspect` (the parent `styles` once kept it).
    @Test(arguments: [["styles", "inspect", style, "--json"], ["styles", "inspect", "--json", style]])
    func stylesInspectJSONInEitherOrder(argv: [String]) throws {
        let command = try #require(try SidemanCommand.parseAsRoot(argv) as? StylesInspectCommand)
        #expect(command.json)
        #expect(command.file == Self.style)
    }

    @Test(.enabled(if: SidemanExecutable.path != nil, "\(SidemanExecutable.missing)"),
          arguments: [["styles", "inspect", style, "--json"], ["styles", "inspect", "--json", style]])
    func stylesInspectPrintsOneJSONObject(argv: [String]) throws {
        let result = try SidemanExecutable.run(argv)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let report = try #require(object as? [String: Any], "not one JSON object: \(result.stdout.prefix(200))")
        #expect(report["name"] as? String == "medium-swing")
    }

    /// `sideman styles` on its own still lists, and its flags still work without `list`.
    @Test func stylesAloneIsTheListing() throws {
        let plain = try #require(try SidemanCommand.parseAsRoot(["styles"]) as? StylesListCommand)
        #expect(!plain.json)
        let json = try #require(try SidemanCommand.parseAsRoot(["styles", "--json", "--styles-dir", "/tmp"]) as? StylesListCommand)
        #expect(json.json && json.stylesDir == "/tmp")
        let markdown = try #require(try SidemanCommand.parseAsRoot(["styles", "list", "--markdown"]) as? StylesListCommand)
        #expect(markdown.markdown)
    }

    @Test(.enabled(if: SidemanExecutable.path != nil, "\(SidemanExecutable.missing)"))
    func stylesJSONPrintsOneArray() throws {
        let result = try SidemanExecutable.run(["styles", "--json", "--styles-dir", projectRoot + "/styles"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.contains { $0["name"] as? String == "medium-swing" })
    }

    /// The other subcommands' flags, each where a parent could have taken it.
    @Test func everyFlagReachesItsSubcommand() throws {
        let status = try #require(try SidemanCommand.parseAsRoot(["status", "--json"]) as? StatusCommand)
        #expect(status.json)
        let chord = try #require(try SidemanCommand.parseAsRoot(["chord", "--json", "C4", "E4", "G4"]) as? ChordCommand)
        #expect(chord.json)
        let check = try #require(try SidemanCommand.parseAsRoot(["config", "check", "/tmp/x.toml"]) as? ConfigCommand.Check)
        #expect(check.file == "/tmp/x.toml")
        let serve = try #require(try SidemanCommand.parseAsRoot(["serve", "--config", "/tmp/x.toml", "--style", "s"]) as? ServeCommand)
        #expect(serve.config == "/tmp/x.toml")
    }

    /// No command declares an option that one of its subcommands also declares: the parent
    /// would take it from the line and the subcommand would never see it.
    @Test func noParentSharesAnOptionWithASubcommand() throws {
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(SidemanCommand._dumpHelp().utf8)) as? [String: Any])
        let root = try #require(dump["command"] as? [String: Any])
        var clashes: [String] = []
        func walk(_ command: [String: Any], path: String, inherited: Set<String>) {
            let own = Self.optionNames(command)
            for name in own.intersection(inherited) { clashes.append("\(path): --\(name) is also its parent's") }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + " " + (sub["commandName"] as? String ?? "?"), inherited: inherited.union(own))
            }
        }
        walk(root, path: "sideman", inherited: [])
        #expect(clashes.isEmpty, "\(clashes)")
        // The walk saw the whole tree and its options: styles list and inspect both have --json.
        let styles = (root["subcommands"] as? [[String: Any]])?.first { $0["commandName"] as? String == "styles" }
        let subcommands = styles?["subcommands"] as? [[String: Any]] ?? []
        for name in ["list", "inspect"] {
            let command = subcommands.first { $0["commandName"] as? String == name }
            #expect(command.map(Self.optionNames)?.contains("json") == true, "styles \(name) --json not seen")
        }
    }

    /// Long and short names of a command's options and flags, without the built-in help and version.
    static func optionNames(_ command: [String: Any]) -> Set<String> {
        var names = Set<String>()
        for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String != "positional" {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                if let text = name["name"] as? String { names.insert(text) }
            }
        }
        return names.subtracting(["help", "h", "version"])
    }
}
