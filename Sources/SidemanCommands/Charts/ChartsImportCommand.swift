import ArgumentParser
import Foundation
import MusicCore
import Practice

/// `sideman charts import FILE [--out DIR]`: every iReal Pro song linked in an HTML page or
/// text file becomes one chart file, with its symbols the band cannot play listed.
struct ChartsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import iReal Pro songs (irealb:// and irealbook:// links in an HTML or text file).")

    @Argument(help: "An HTML playlist or a text file holding irealb:// or irealbook:// links.")
    var file: String

    @Option(help: "Folder for the charts (default: /var/lib/sideman/charts).")
    var out: String = ChartLibrary.userDirectory

    func run() throws {
        do {
            try importSongs()
        } catch {
            throw failCommand("import", error)
        }
    }

    func importSongs() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RenderError.file(file, FileManager.default.fileExists(atPath: file) ? "cannot be read" : "no such file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let links = IRealLink.links(in: text)
        guard !links.isEmpty else { throw RenderError.file(file, "no irealb:// or irealbook:// link in it") }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw RenderError.file(out, "cannot create the folder (\(error.localizedDescription))")
            }
        } else if !isDirectory.boolValue {
            throw RenderError.file(out, "not a folder")
        }

        var written = Set<String>()
        var count = 0
        for (n, link) in links.enumerated() {
            let songs: [IRealSong]
            do {
                songs = try IRealLink.songs(of: link).songs
            } catch {
                throw RenderError.file(file, "link \(n + 1): \(error)")
            }
            for song in songs {
                let result = IRealImport(song)
                var chart = result.chart
                guard !chart.bars.isEmpty else {
                    var line = "sideman charts import: \(file): \"\(song.title)\" has no bars of chords; not written\n"
                    line.withUTF8 { FileHandle.standardError.write(Data($0)) }
                    continue
                }
                chart.header["Style"] = IRealStyleMap.style(for: song.style, compStyle: song.compStyle, meter: chart.meter)
                var name = Self.fileName(chart.title)
                var k = 2
                while written.contains(name) {
                    name = Self.fileName(chart.title) + "-\(k)"
                    k += 1
                }
                written.insert(name)
                let path = (out as NSString).appendingPathComponent(name + ".chart")
                var body = "# Imported from iReal Pro (style \"\(song.style)\").\n"
                for u in result.unplayable { body += "# \(u)\n" }
                for note in result.notes { body += "# \(note)\n" }
                body += chart.text
                do {
                    try body.write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw RenderError.file(path, "cannot write (\(error.localizedDescription))")
                }
                count += 1
                print("wrote \(path): \(chart.title), \(chart.playedBars().count) bars, \(chart.meter), key \(chart.key?.description ?? "-"), style \(chart.style ?? "-")")
                for u in result.unplayable { print("  \(u)") }
            }
        }
        print("imported \(count) song\(count == 1 ? "" : "s") into \(out)")
    }

    /// "Autumn Leaves" -> "autumn-leaves".
    static func fileName(_ title: String) -> String {
        var out = ""
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber, ch.isASCII {
                out.append(ch)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "song" : out
    }
}
