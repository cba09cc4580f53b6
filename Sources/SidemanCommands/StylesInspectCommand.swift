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
            FILE is a Yamaha style (.sty .prs .sst .bcs .pst .pcs .fps, SFF1 or SFF2), recognised \
            by its content, not its extension, or a Sideman text style. Notes list what a Yamaha \
            import left out or guessed (user sections, unusual channels, Mega Voice sounds).
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
            report = try Self.report(bytes, fileName: file)
        } catch {
            throw Self.failure(error.message)
        }
        print(json ? report.json : report.text, terminator: "")
    }

    struct Failure: Error {
        var message: String
    }

    /// A Yamaha style (by content: MThd + CASM) or, for anything that is not MIDI, a Sideman
    /// text style. Errors are one line naming the file.
    static func report(_ bytes: [UInt8], fileName: String) throws(Failure) -> StylesInspectReport {
        if bytes.starts(with: Array("MThd".utf8)) || !bytes.allSatisfy({ $0 != 0 }) {
            do {
                return StylesInspectReport(try YamahaStyleReader.importStyle(bytes, fileName: fileName))
            } catch {
                throw Failure(message: error.description)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(message: "\(fileName): neither a Yamaha style nor a UTF-8 text style")
        }
        do {
            return StylesInspectReport(textStyle: try StyleTextFormat.parse(text, fileName: fileName))
        } catch {
            throw Failure(message: error.description)
        }
    }

    /// Writes one line on standard error; throwing the result exits with code 2.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("sideman styles inspect: \(message)\n".utf8))
        return ExitCode(2)
    }
}
