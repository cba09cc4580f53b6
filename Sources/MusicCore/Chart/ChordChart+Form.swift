extension ChordChart {
    /// The bars of one chorus as they are played: each section of the form (or each section
    /// as written, or the whole chart when it has none) with its repeats and endings
    /// expanded. `|: a :|` plays a twice; `|: a |1. b :|2. c ||` plays a b a c.
    public func playedBars() -> [PlayedBar] {
        let blocks: [(name: String?, range: Range<Int>)]
        if sections.isEmpty {
            blocks = [(nil, 0..<bars.count)]
        } else if form.isEmpty {
            blocks = sections.map { ($0.name, $0.range) }
        } else {
            blocks = form.compactMap { name in sections.first { $0.name == name }.map { (name, $0.range) } }
        }
        var played: [PlayedBar] = []
        for block in blocks {
            var first = true
            for index in expand(block.range) {
                played.append(PlayedBar(written: index, chords: bars[index], section: block.name, startsSection: first))
                first = false
            }
        }
        return played
    }

    /// Written bar indices of a range in playing order. A `:|` goes back to the last `|:`
    /// (or to the bar after the previous repeat, or the start of the range) until it has
    /// been played its number of times; a bar of an ending plays only on its passes.
    func expand(_ range: Range<Int>) -> [Int] {
        var order: [Int] = []
        var start = range.lowerBound
        var pass = 1
        var finishedRepeat = false
        var i = range.lowerBound
        var guardCount = 0
        while i < range.upperBound, guardCount < 100_000 {
            guardCount += 1
            let m = marks(ofBar: i)
            if m.repeatStart, start != i || finishedRepeat {
                start = i
                pass = 1
                finishedRepeat = false
            }
            if !m.endings.isEmpty {
                if !m.endings.contains(pass) {
                    i += 1
                    continue
                }
            } else if finishedRepeat {
                pass = 1
                finishedRepeat = false
            }
            order.append(i)
            if let times = m.repeatTimes {
                if pass < times {
                    pass += 1
                    i = start
                    continue
                }
                finishedRepeat = true
                start = i + 1
            }
            i += 1
        }
        return order
    }
}
