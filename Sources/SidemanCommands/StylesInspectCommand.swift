import ArgumentParser
import Foundation
import StyleEngine

/// `sideman styles inspect FILE`: what a style file holds once imported — name, tempo,
/// meter, sections with their bars, parts with their sounds, and the rules of every track.
/// Reads Yamaha style files (recognised by content: MThd + CASM).
public struct StylesInspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a style file holds: sections, parts, sounds and the rules of each track.",
        discussion: """
            FILE is a Yamaha style (.sty .prs .sst .bcs .pst .pcs .fps, SFF1 or SFF2); it is \
            recognised by its content, not its extension. Notes list what the import left out \
            or guessed (user sections, unusual channels, Mega Voice noises).
            """
    )

    @Argument(help: "The style file.")
    var file: String

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    public init() {}

    public func run() throws {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw Self.failure("\(file): cannot read (\(error.localizedDescription))")
        }
        let report: StylesInspectReport
        do {
            report = StylesInspectReport(try YamahaStyleReader.importStyle(bytes, fileName: file))
        } catch {
            throw Self.failure(error.description)
        }
        print(json ? report.json : report.text, terminator: "")
    }

    /// Writes one line on standard error; throwing the result exits with code 2.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("sideman styles inspect: \(message)\n".utf8))
        return ExitCode(2)
    }
}
