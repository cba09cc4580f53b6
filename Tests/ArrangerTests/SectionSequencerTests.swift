import StyleEngine
import Testing

@testable import Arranger

private let full: [SectionID: Int] = [
    .intro(1): 2, .intro(2): 3, .main(.a): 2, .main(.b): 1, .main(.c): 1, .fill(.a): 1, .fill(.b): 1, .breakFill: 1,
    .ending(1): 2,
]

/// Runs `bars` bar lines and lists (section, bar) for each bar played, nil once stopped.
private func play(_ s: inout SectionSequencer, bars: Int, requests: [Int: SectionID] = [:]) -> [String] {
    var out: [String] = []
    for b in 0..<bars {
        if let r = requests[b] { s.request(r) }
        if s.nextBar() == .stop { out.append("stop"); break }
        out.append("\(s.section!.name):\(s.bar)")
    }
    return out
}

@Test func introLeadsToTheSelectedMain() {
    var s = SectionSequencer(bars: full)
    s.request(.main(.b))
    #expect(s.start(intro: .intro(2)) == .intro(2))
    #expect(play(&s, bars: 5) == ["Intro 2:1", "Intro 2:2", "Main B:0", "Main B:0", "Main B:0"])
}

@Test func missingIntroFallsBack() {
    var s = SectionSequencer(bars: full)
    #expect(s.start(intro: .intro(3)) == .intro(1))
    var bare = SectionSequencer(bars: [.main(.a): 1])
    #expect(bare.start(intro: .intro(1)) == .main(.a))
}

@Test func mainChangeWithAutoFillPlaysTheCurrentFill() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    // Asked during bar 0 of Main A: the fill plays the next bar, then Main B.
    #expect(play(&s, bars: 4, requests: [0: .main(.b)]) == ["Fill A:0", "Main B:0", "Main B:0", "Main B:0"])
}

@Test func mainChangeWithoutAutoFillSwitchesAtTheBarLine() {
    var s = SectionSequencer(bars: full)
    s.autoFill = false
    _ = s.start()
    #expect(play(&s, bars: 3, requests: [0: .main(.b)]) == ["Main B:0", "Main B:0", "Main B:0"])
}

@Test func missingFillSwitchesDirectly() {
    var s = SectionSequencer(bars: full)
    s.request(.main(.c))
    _ = s.start()
    #expect(s.section == .main(.c))
    #expect(play(&s, bars: 2, requests: [0: .main(.a)]) == ["Main A:0", "Main A:1"])
}

@Test func sameMainWithAutoFillPlaysItsFillThenCarriesOn() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    #expect(play(&s, bars: 4, requests: [0: .main(.a)]) == ["Fill A:0", "Main A:0", "Main A:1", "Main A:0"])
}

@Test func breakPlaysOneBarThenReturns() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    #expect(play(&s, bars: 4, requests: [1: .breakFill]) == ["Main A:1", "Break:0", "Main A:0", "Main A:1"])
}

@Test func endingPlaysWholeThenStops() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    #expect(play(&s, bars: 5, requests: [0: .ending(3)]) == ["Ending 1:0", "Ending 1:1", "stop"])
    #expect(!s.isRunning)
}

@Test func noEndingStopsAtTheBarLine() {
    var s = SectionSequencer(bars: [.main(.a): 2])
    _ = s.start()
    #expect(play(&s, bars: 3, requests: [0: .ending(1)]) == ["stop"])
}

@Test func fillOfAnotherMainLeadsThere() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    #expect(play(&s, bars: 3, requests: [0: .fill(.b)]) == ["Fill B:0", "Main B:0", "Main B:0"])
}

@Test func missingMainFallsToTheNearest() {
    var s = SectionSequencer(bars: [.main(.a): 1, .main(.c): 1])
    s.request(.main(.d))
    #expect(s.start() == .main(.c))
    s.request(.main(.b))
    #expect(s.selectedMain == .a)
}

@Test func mainDuringIntroIsWhereTheIntroGoes() {
    var s = SectionSequencer(bars: full)
    _ = s.start(intro: .intro(1))
    #expect(play(&s, bars: 2, requests: [0: .main(.b)]) == ["Intro 1:1", "Main B:0"])
}

@Test func mainDuringEndingCancelsIt() {
    var s = SectionSequencer(bars: full)
    _ = s.start()
    #expect(play(&s, bars: 3, requests: [0: .ending(1), 1: .main(.b)]) == ["Ending 1:0", "Main B:0", "Main B:0"])
}
