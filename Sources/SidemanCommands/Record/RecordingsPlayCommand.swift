import ArgumentParser
import Foundation
import Recorder
import SidemanDaemon

/// `sideman recordings play NAME`: a take's audio on a sound card, through aplay.
struct RecordingsPlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "play", abstract: "Play a take's audio on a sound card (through aplay).")
    @OptionGroup var location: RecordingsFolder
    @Argument(help: "The take's name (or the start of it).") var name: String
    @Option(help: "ALSA playback device.") var device = "default"

    func run() throws {
        try recordings("play") {
            let library = try location.library()
            let take = try library.find(name)
            guard let audio = take.audioFile else { throw RecorderError.file(take.name, "has no audio file") }
            let file = try SoundFile(reading: library.path(audio))
            let player = Process()
            player.executableURL = URL(fileURLWithPath: "/usr/bin/aplay")
            player.arguments = ["-q", "-D", device, "-t", "raw", "-f", "S16_LE", "-r", "\(file.sampleRate)", "-c", "\(file.channels)"]
            let pipe = Pipe()
            player.standardInput = pipe
            do { try player.run() } catch { throw RecorderError.file("/usr/bin/aplay", "cannot run (install alsa-utils)") }
            print("playing \(take.name)")
            var block = [Int16](repeating: 0, count: 4096 * file.channels)
            while true {
                let n = block.withUnsafeMutableBufferPointer { file.read(into: $0) }
                if n == 0 { break }
                let bytes = block.withUnsafeBytes { Data($0.prefix(n * file.channels * 2)) }
                do { try pipe.fileHandleForWriting.write(contentsOf: bytes) } catch { break }
            }
            try? pipe.fileHandleForWriting.close()
            player.waitUntilExit()
        }
    }
}
