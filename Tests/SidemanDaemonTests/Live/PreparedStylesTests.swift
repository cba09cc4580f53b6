import MusicCore
import StyleEngine
import Testing

@testable import SidemanDaemon

/// A reload hands the band the styles it already compiled, and compiles only what changed.
@Suite struct PreparedStylesTests {
    @Test func onlyChangedStylesAreCompiledAgain() throws {
        let styles = try [style("bossa-nova"), style("rock-8beat")]
        let prepared = PreparedStyles()
        #expect(prepared.prepare(styles).compiled == 2)
        let again = prepared.prepare(styles)
        #expect(again.compiled == 0)
        #expect(again.styles.map(\.style.name) == ["bossa-nova", "rock-8beat"])

        var faster = styles[1]
        faster.tempo = try #require(Tempo(bpm: styles[1].tempo.bpm + 10))
        let changed = prepared.prepare([styles[0], faster])
        #expect(changed.compiled == 1)
        #expect(changed.styles[1].style.tempo == faster.tempo)
        #expect(prepared.prepare([styles[1]]).compiled == 1)  // back to the old one: compiled again
    }
}
