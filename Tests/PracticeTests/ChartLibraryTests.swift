import MusicCore
import StyleEngine
import Testing

@testable import Practice

@Suite struct ChartLibraryTests {
    static func access(_ files: [String: String]) -> ChartLibrary.FileAccess {
        ChartLibrary.FileAccess(
            listDirectory: { dir in
                let names = files.keys.filter { ChartLibrary.parent($0) == dir }.map { String($0.split(separator: "/").last!) }
                return names.isEmpty && !files.keys.contains(where: { $0.hasPrefix(dir + "/") }) ? nil : names
            },
            readText: { path in files[path]! },
            exists: { path in files[path] != nil || files.keys.contains { $0.hasPrefix(path + "/") } })
    }

    @Test func userChartsWinAndBrokenFilesAreNamed() {
        let access = Self.access([
            "/var/lib/sideman/charts/blues.chart": "Title = Mine\nC7 |",
            "/src/Package.swift": "",
            "/src/charts/blues.chart": "Title = Shipped\nF7 |",
            "/src/charts/vamp.chart": "E9 |",
            "/src/charts/bad.chart": "C | Xq |",
            "/src/charts/readme.md": "not a chart",
        ])
        let dirs = ChartLibrary.searchDirectories(executablePath: "/src/.build/debug/sideman", currentDirectory: "/", access: access)
        #expect(dirs == ["/var/lib/sideman/charts", "/src/charts", "/usr/local/share/sideman/charts", "/usr/share/sideman/charts"])
        let installed = ChartLibrary.searchDirectories(executablePath: "/usr/bin/sideman", currentDirectory: "/", access: access)
        #expect(installed.contains("/usr/share/sideman/charts") && !installed.contains("/src/charts"))
        let library = ChartLibrary(directories: dirs, access: access)
        #expect(library.entries.map(\.name) == ["blues", "vamp"])
        #expect(library.entry(named: "blues")?.chart.title == "Mine")
        #expect(library.entry(named: "VAMP")?.path == "/src/charts/vamp.chart")
        #expect(library.entry(named: "mine")?.name == "blues")
        #expect(library.errors.count == 1 && library.errors[0].hasPrefix("/src/charts/bad.chart line 1: unknown chord symbol \"Xq\""))
    }

    /// Charts are found where styles are: the same folders, in the same order, charts/ for styles/.
    @Test func chartsAreSearchedWhereStylesAre() {
        let files = ["/src/Package.swift", "/src/styles/a.style", "/src/charts/a.chart"]
        let exists: @Sendable (String) -> Bool = { path in files.contains { $0 == path || $0.hasPrefix(path + "/") } }
        let charts = ChartLibrary.FileAccess(listDirectory: { _ in nil }, readText: { _ in "" }, exists: exists)
        let styles = StyleLibrary.FileAccess(listDirectory: { _ in nil }, readFile: { _ in [] }, exists: exists)
        for (executable, cwd) in [("/src/.build/debug/sideman", "/"), ("/opt/x/bin/sideman", "/src/docs"), ("/usr/bin/sideman", "/tmp")] {
            let c = ChartLibrary.searchDirectories(userDirectory: "/home/me/charts", executablePath: executable, currentDirectory: cwd, access: charts)
            let s = StyleLibrary.searchDirectories(userDirectory: "/home/me/styles", executablePath: executable, currentDirectory: cwd, access: styles)
            #expect(c == s.map { $0.replacingOccurrences(of: "styles", with: "charts") }, "\(executable) from \(cwd)")
            #expect(c.contains("/src/charts") == (executable.hasPrefix("/src") || cwd.hasPrefix("/src")))
        }
    }
}
