import MusicCore
import StyleEngine
import Testing

@testable import Arranger

/// Swing in a meter whose bar is not a whole number of swung pairs (7/8: three pairs and an
/// eighth): every bar swings alike and its downbeat stays on the bar line.
@Test func swingStartsAgainAtEachBarInSevenEight() throws {
    let text = """
        name seven
        meter 7/8
        feel swing 0.6
        section Main A
          bars 2
          rhythm1:
            hihat  x x x x x x x
        """
    let compiled = CompiledStyle(try StyleTextFormat.parse(text, fileName: "seven.style"))
    let hats = try #require(compiled.section(.main(.a))?.tracks.first?.notes.map(\.tick))
    let eighth = PPQ.standard / 2, bar = 7 * eighth
    // In each bar: on-beat eighths stay, off-beat ones move to 60% of the pair, the seventh
    // eighth starts a pair of its own.
    let oneBar = [0, 1152, 1920, 3072, 3840, 4992, 5760]
    #expect(hats == oneBar + oneBar.map { $0 + bar })
}

/// In meters made of whole pairs (4/4, 3/4, 5/4), swinging per bar changes nothing.
@Test func swingPerBarMatchesSwingPerSectionInFiveFour() throws {
    let text = """
        name five
        meter 5/4
        feel swing 0.62
        section Main A
          bars 2
          rhythm1:
            ride  x x x x x x x x x x
        """
    let compiled = CompiledStyle(try StyleTextFormat.parse(text, fileName: "five.style"))
    let ticks = try #require(compiled.section(.main(.a))?.tracks.first?.notes.map(\.tick))
    let swing = Swing(feel: .swing(0.62))
    #expect(ticks == (0..<20).map { swing.apply($0 * PPQ.standard / 2) })
}
