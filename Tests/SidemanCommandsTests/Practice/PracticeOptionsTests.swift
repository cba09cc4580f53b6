import Foundation
import Practice
import Testing

@testable import SidemanCommands
@testable import SidemanDaemon

/// `sideman play` and `sideman render` read the practice options alike: the same words give
/// the same request to the daemon and the same settings to the plan, whichever command they
/// were typed to.
@Suite struct PracticeOptionsTests {
    static let cases: [[String]] = [
        [], ["--tempo", "132"], ["--loop", "1-4x2"], ["--loop", "B x3"], ["--ramp", "100:160:+10"], ["--keys", "fourths"],
        ["--keys", "random:7"], ["--keys", "C,F,Bb"], ["--count-in", "2"], ["--count-in", "1", "--count-in-drums"],
        ["--metronome"], ["--breaks", "2:8"], ["--intro"], ["--ending"], ["--choruses", "3"],
        ["--tempo", "90", "--keys", "fifths", "--count-in", "1", "--metronome", "--breaks", "1:4", "--intro", "--ending"],
    ]

    @Test(arguments: cases)
    func eachOptionParsesAlikeInPlayAndRender(_ options: [String]) throws {
        let play = try #require(try SidemanCommand.parseAsRoot(["play", "ii-v-i-major"] + options) as? PlayCommand)
        let render = try #require(try SidemanCommand.parseAsRoot(["render", "--song", "ii-v-i-major", "--out", "x.mid"] + options) as? RenderCommand)
        var rendered = PracticeRequest(song: "ii-v-i-major")
        render.practice.apply(to: &rendered)
        #expect(rendered == play.request, "\(options)")
        // What the daemon makes of the request is what the render plays.
        #expect(try play.request.settings(home: nil) == render.practice.renderSettings(), "\(options)")
    }

    /// The words the daemon reads from a setlist line are the ones `sideman play` takes.
    @Test(arguments: cases)
    func aSetlistLineReadsAsPlay(_ options: [String]) throws {
        let play = try #require(try SidemanCommand.parseAsRoot(["play", "ii-v-i-major"] + options) as? PlayCommand)
        #expect(try PracticeRequest(words: ["ii-v-i-major"] + options) == play.request, "\(options)")
    }

    @Test func aBadOptionIsOneLineFromTheCommandLine() throws {
        guard SidemanExecutable.path != nil else { print(SidemanExecutable.missing); return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-options-\(getpid()).mid").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let ramp = try SidemanExecutable.run(["render", "--song", "ii-v-i-major", "--ramp", "fast", "--out", out])
        #expect(ramp.status != 0)
        #expect(ramp.stderr == "sideman render: --ramp \"fast\": give A:B:+N in BPM (20...400), e.g. 100:160:+10\n")
        let loop = try SidemanExecutable.run(["render", "--song", "ii-v-i-major", "--loop", "1-2", "--out", out])
        #expect(loop.stderr == "sideman render: --loop \"1-2\": a render needs a number of times, e.g. 1-2x4\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
