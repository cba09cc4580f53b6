import ArgumentParser
import ChordRecognition
import MusicCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sideman chord`: names the chord a set of keys makes, in any fingering mode; with
/// `--stdin`, one answer per input line so that large voicing lists are checked at once.
public struct ChordCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chord",
        abstract: "Name the chord that a set of keys makes.",
        discussion: """
            NOTE is a MIDI number (0-127) or a name such as C4 (= 60), Eb3, F#2.
            With --stdin, each input line is one note set, recognised on its own; a bad line \
            prints an error in its place and the others go on.
            Modes: \(FingeringMode.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Option(name: .long, help: "Fingering mode.")
    var mode: String = FingeringMode.fingered.rawValue

    @Flag(name: .long, help: "Print a JSON object per answer.")
    var json = false

    @Flag(name: .long, help: "Read one note set per line from standard input.")
    var stdin = false

    /// Everything that is not an option is a note, so that "-1" is reported as a note out
    /// of range rather than as an unknown option.
    @Argument(parsing: .allUnrecognized, help: "The keys, as MIDI numbers or note names.")
    var notes: [String] = []

    public init() {}

    public func run() throws {
        guard let fingering = FingeringMode(rawValue: mode) else {
            throw Self.failure("unknown mode '\(mode)' (expected one of: \(FingeringMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if stdin {
            if !notes.isEmpty { throw Self.failure("--stdin takes no NOTE arguments") }
            var out = ""
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                out += Self.answer(line: line, number: number, mode: fingering, json: json)
                out += "\n"
                if out.utf8.count >= 1 << 16 {
                    print(out, terminator: "")
                    out = ""
                }
            }
            print(out, terminator: "")
            return
        }
        if notes.isEmpty { throw Self.failure("no notes given") }
        switch Self.parseNotes(notes) {
        case .failure(let error): throw Self.failure(error.message)
        case .success(let keys):
            print(Self.format(Self.recognize(keys, mode: fingering), json: json))
        }
    }

    /// Writes one line on standard error; throwing the result exits with code 2.
    static func failure(_ message: String) -> ExitCode {
        var line = "sideman chord: \(message)\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        return ExitCode(2)
    }
}
