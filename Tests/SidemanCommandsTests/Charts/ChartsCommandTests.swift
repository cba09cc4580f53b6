import Foundation
import MusicCore
import Testing

@testable import SidemanCommands

/// `sideman charts` through the real executable, as a user types it.
@Suite("sideman charts") struct ChartsCommandTests {
    /// The `sideman` built beside the test bundle.
    static let binary: String? = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir.appendingPathComponent("sideman").path, dir.deletingLastPathComponent().appendingPathComponent("sideman").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let noBinary = "skipped: the sideman executable is not built beside the tests (swift build --build-tests)"

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary!)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func theCommandsAreRegistered() throws {
        #expect(SidemanCommand.configuration.subcommands.contains { $0 == ChartsCommand.self })
        #expect(try SidemanCommand.parseAsRoot(["charts", "list", "--json"]) is ChartsListCommand)
        #expect(try SidemanCommand.parseAsRoot(["charts"]) is ChartsListCommand)
        let show = try SidemanCommand.parseAsRoot(["charts", "show", "blues", "--keys", "fourths", "--for", "Bb"]) as? ChartsShowCommand
        #expect(show?.keys == "fourths" && show?.instrument == "Bb")
        let imp = try SidemanCommand.parseAsRoot(["charts", "import", "x.html", "--out", "/tmp/c"]) as? ChartsImportCommand
        #expect(imp?.out == "/tmp/c")
    }

    @Test func everyShippedChartReadsAndTheListHasThem() throws {
        let dir = projectRoot + "/charts"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".chart") }
        #expect(files.count >= 24)
        for file in files {
            let chart = try ChordChart.parse(try String(contentsOfFile: dir + "/" + file, encoding: .utf8), source: file)
            #expect(!chart.title.isEmpty && chart.style != nil && chart.tempo != nil && chart.header["Key"] != nil, "\(file)")
            #expect(chart.bars.flatMap { $0 }.allSatisfy { $0.chord != nil }, "\(file)")
        }
        guard Self.binary != nil else { return }
        let (status, out, err) = try run(["charts", "list", "--json"])
        #expect(status == 0 && err.isEmpty)
        let list = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
        #expect(list.count >= files.count)
        let rhythm = list.first { $0["name"] as? String == "rhythm-changes-bb" }
        #expect(rhythm?["form"] as? [String] == ["A", "A", "B", "A"])
        #expect(rhythm?["bars"] as? Int == 32 && rhythm?["tempo"] as? Int == 200 && rhythm?["key"] as? String == "Bb")
    }

    @Test(.enabled(if: binary != nil, "\(noBinary)")) func showExpandsTheFormAndTransposes() throws {
        let (status, out, _) = try run(["charts", "show", "minor-form-endings"])
        #expect(status == 0)
        #expect(out.contains("   9  | Cm7 | Cm7 | Fm7 | Fm7 |"))
        #expect(out.contains("  13  | Abmaj7 | Dm7b5 G7b9 | Ebmaj7 | Ebmaj7 |"))
        let keys = try run(["charts", "show", "ii-v-i-major", "--choruses", "3", "--keys", "fourths", "--for", "Bb"]).out
        #expect(keys.contains("Chorus 2 in G") && keys.contains("| Am7 | D7 | Gmaj7 | Gmaj7 |"))
        let missing = try run(["charts", "show", "no-such-song"])
        #expect(missing.status != 0 && missing.err.hasPrefix("sideman charts show: no song named 'no-such-song'"))
        #expect(missing.err.split(separator: "\n").count == 1)
    }

    @Test(.enabled(if: binary != nil, "\(noBinary)")) func importWritesOneChartPerSong() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-import-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("playlist.html").path
        try ("<html><body>" + RealIRealLinks.stillTheOneHTML + "\n<a href=\"" + RealIRealLinks.autumnLeavesLink + "\">AL</a></body></html>")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("charts").path
        let (status, text, err) = try run(["charts", "import", page, "--out", out])
        #expect(status == 0, "\(err)")
        #expect(text.contains("you-re-still-the-one.chart: You're Still The One, 56 bars, 4/4, key C, style pop-ballad"))
        #expect(text.contains("autumn-leaves.chart: Autumn Leaves, 32 bars, 4/4, key Gm, style medium-swing"))
        #expect(text.hasSuffix("imported 2 songs into \(out)\n"))
        // The imported charts are songs like any other: shown, listed, rendered.
        let shown = try run(["charts", "show", out + "/autumn-leaves.chart"]).out
        #expect(shown.contains("[C]") && shown.contains("| Am7b5 | D7b13 | Gm7 Gb7 | Fm7 E7 |"))
        let listed = try run(["charts", "list", "--charts-dir", out]).out
        #expect(listed.contains("autumn-leaves") && listed.contains("you-re-still-the-one"))
        let mid = dir.appendingPathComponent("al.mid").path
        let render = try run(["render", "--song", out + "/autumn-leaves.chart", "--out", mid])
        #expect(render.status == 0, "\(render.err)")
        let file = try MIDIFile.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: mid))))
        #expect(RenderAnalysis(file).chords.first?.symbol == "Cm7")
        // A file without links says so.
        try "nothing here".write(toFile: page, atomically: true, encoding: .utf8)
        let none = try run(["charts", "import", page, "--out", out])
        #expect(none.status != 0 && none.err == "sideman charts import: \(page): no irealb:// or irealbook:// link in it\n")
    }
}

/// The real links of the MusicCore tests, for the command tests.
enum RealIRealLinks {
    static let stillTheOneHTML = """
        <a href="irealb://You're%20Still%20The%20One%3DTwain%20Shania%3D%3DRock%20Ballad%3DC%3D%3D1r34LbKcu7L%23F/D4DLZD%7D%20AZLGZL%23F/DZLAD*%7B%0A%7D%20AZLGZL%23F/%0A%7CDLZ4Ti*%7BDZLAZLZSDLGZLDB*%7B%0A%5D%20AZLALZGZLDZLAZLAZLGZLZE-LAZLGZ%23F/DZALZN1%5D%20%3EadoC%20la%20.S.%3CD%20A2N%7CQyXQyX%7D%20G%0A%5BQDLZLGZLLZGLZfA%20Z%20%3D%3D155%3D0">You're Still The One</a>
        """
    static let autumnLeavesLink =
        "irealb://Autumn%20Leaves=Kosma%20Joseph==Medium%20Swing=G%2D==1r34LbKcu7QyX314C%2D7XyX7hA%7CQyX7%5EbE%7CyQX7%5EbB%7CQyX7F%7CQyQ%7CD7b4T%7BA%2AQyX7%2DyQKclcKQyX6%2DG%7CQyX317bD%7CQyX7hA%5BB%2A%7D%20%20l%20LZCX6%2DG%7CL7bG%20Q%7CBb%5EyX31b7D%7CQyX7hAC%5B%2A%5DQyX7%5EbE%7CQyX7Q%7CG%2D7yX7F%7CZF%2D7%20E7LZAh7XyQ%7CD7b13XyQ%7CG%2D6XyQKcl%20%20Z=Jazz%2DMedium%20Swing=85=0"
}

@Suite struct IRealStyleMapTests {
    @Test func everyMappedStyleIsInTheLibrary() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: projectRoot + "/styles")
            .filter { $0.hasSuffix(".style") }.map { String($0.dropLast(".style".count)) }
        for rule in IRealStyleMap.rules { #expect(names.contains(rule.style), "\(rule.style)") }
        for meter in [Meter.fourFour, .threeFour, .sixEight, .twelveEight, Meter(beatsPerBar: 5, beatUnit: 4)!] {
            #expect(names.contains(IRealStyleMap.style(for: "Ballad", meter: meter)))
        }
    }

    @Test func namesMapToTheNearestStyle() {
        func map(_ name: String, _ comp: String = "", _ meter: Meter = .fourFour) -> String {
            IRealStyleMap.style(for: name, compStyle: comp, meter: meter)
        }
        #expect(map("Medium Up Swing") == "up-tempo-swing")
        #expect(map("Medium Swing") == "medium-swing")
        #expect(map("Bossa Nova") == "bossa-nova" && map("Samba") == "samba")
        #expect(map("Rock Ballad") == "pop-ballad" && map("Ballad") == "jazz-ballad")
        #expect(map("Slow Blues") == "slow-blues" && map("Blues") == "blues-shuffle")
        #expect(map("Funk") == "funk-16beat" && map("Reggae") == "reggae")
        #expect(map("", "Jazz-Bossa Nova") == "bossa-nova")
        #expect(map("Waltz", "", .threeFour) == "jazz-waltz" && map("Swing", "", .threeFour) == "jazz-waltz")
        #expect(map("Afro", "", .sixEight) == "afro-cuban-6-8" && map("Gospel", "", .twelveEight) == "gospel-12-8")
        #expect(map("Something Else") == "medium-swing")
    }
}
