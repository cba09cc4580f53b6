import Arranger
import Foundation
import MusicCore
import StyleEngine

@testable import SidemanDaemon

/// Records what the band plays, as the synthesizer would receive it.
struct RecordingSink: BandSink {
    var events: [MIDIEvent] = []
    mutating func play(_ event: MIDIEvent) { events.append(event) }

    /// Note-ons not (yet) followed by their note-off, per channel and key.
    var sounding: [Int: Int] {
        var open: [Int: Int] = [:]
        for event in events {
            switch event {
            case .noteOn(let c, let n, let v) where v.rawValue > 0: open[c.intValue * 128 + n.intValue, default: 0] += 1
            case .noteOn(let c, let n, _), .noteOff(let c, let n, _): open[c.intValue * 128 + n.intValue, default: 0] -= 1
            default: break
            }
        }
        return open.filter { $0.value != 0 }
    }
}

let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func style(_ name: String) throws -> Style {
    let path = projectRoot.appendingPathComponent("styles/\(name).style").path
    return try StyleTextFormat.parse(String(contentsOfFile: path, encoding: .utf8), fileName: path)
}

func band(_ configure: (inout SidemanConfig) -> Void = { _ in }) throws -> LiveBand {
    var config = SidemanConfig()
    configure(&config)
    let styles = try [style("bossa-nova"), style("rock-8beat")].map(LiveStyle.init)
    return LiveBand(styles: styles, styleIndex: 0, config: config, sampleRate: 48_000)
}

func run(_ band: inout LiveBand, blocks: Int, into sink: inout RecordingSink) -> [ArrangerNotice] {
    var notices: [ArrangerNotice] = []
    for _ in 0..<blocks { band.advance(frames: 64, into: &sink, notify: { notices.append($0) }) }
    return notices
}

