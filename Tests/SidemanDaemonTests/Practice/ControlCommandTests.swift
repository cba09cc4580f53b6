import Foundation
import Testing

@testable import SidemanDaemon

@Suite struct ControlCommandTests {
    @Test func everyCommandRoundTripsThroughJSON() throws {
        var play = PracticeRequest(song: "blues")
        play.tempo = 120
        play.loop = "1-4"
        play.countIn = 1
        let commands: [ControlCommand] = [
            .play(play), .stop, .control(.section(.main(.b))), .control(.toggleMute(.bass)), .control(.nextSong),
            .setlistLoad(path: "/tmp/set.txt"), .setlistNext, .setlistPrevious, .loop(true), .loop(nil), .nudgeTempo(-5),
            .mode(.arranger), .looperRecord(slot: 2, bars: 8), .looperPlay(slot: 2), .looperSave(slot: 2, path: "/tmp/l.chart"), .status,
            .part(.bass, mute: true, volume: 90), .part(.pad, mute: nil, volume: 0), .part(.rhythm1, mute: false, volume: nil),
        ]
        for command in commands {
            #expect(try ControlCommand.parse(jsonLine: command.jsonLine).get() == command, "\(command.jsonLine)")
        }
        #expect(Set(commands.map(\.name)) == Set(ControlCommand.names))
        #expect(ControlCommand.play(play).jsonLine == #"{"command":"play","request":{"count_in":1,"loop":"1-4","song":"blues","tempo":120}}"#)
    }

    @Test func whatAPersonTypesIsRead() throws {
        #expect(try ControlCommand.parse(jsonLine: #"{"command":"control","action":"main_b"}"#).get() == .control(.section(.main(.b))))
        #expect(try ControlCommand.parse(jsonLine: #"{"command":"play","request":{"song":"x","count_in":2}}"#).get().name == "play")
    }

    @Test func badCommandsAreOneLine() {
        func error(_ line: String) -> String? {
            if case .failure(let e) = ControlCommand.parse(jsonLine: line) { return e.message }
            return nil
        }
        #expect(error(#"{"command":"dance"}"#)?.hasPrefix("unknown command 'dance' (known: play, stop") == true)
        #expect(error(#"{"command":"control","action":"moonwalk"}"#) == "unknown action 'moonwalk' (the keys of [control.map]: sideman config)")
        #expect(error(#"{"command":"play"}"#) == "missing field 'request'")
        #expect(error(#"{"command":"tempo","by":"fast"}"#) == "field 'by' has the wrong type")
        #expect(error("{nonsense") == "not JSON")
        #expect(error(#"{"command":"part","part":"tuba","mute":true}"#)?.hasPrefix("unknown part 'tuba' (known: rhythm1, rhythm2, bass") == true)
        #expect(error(#"{"command":"part","part":"bass","volume":128}"#) == "volume 128: from 0 to 127")
        #expect(error(#"{"command":"part","part":"bass"}"#) == "give \"mute\" (true or false), \"volume\" (0 to 127) or both")
        #expect(error(#"{"command":"tempo","by":1e300}"#)?.hasPrefix("tempo by") == true)
    }

    @Test func theSocketAnswersCommandsWithJSON() throws {
        let styles = try [style("bossa-nova")]
        let daemon = try Daemon(
            options: ServeOptions(), config: SidemanConfig(), styles: StyleSelection(styles: styles, index: 0), notifier: .silent,
            loadStyles: { _ in StyleSelection(styles: styles, index: 0) })
        // No band yet: refused, with a reason.
        let refused = daemon.answer(#"{"command":"play","request":{"song":"modal-vamp-dorian"}}"#)
        #expect(refused == "{\"error\":\"the band is not running yet, or is busy: try again\",\"ok\":false}\n")
        let state = daemon.answer("state")
        #expect(state.hasPrefix("{\"ok\":true,\"status\":{") && state.contains("\"mode\":\"arranger\""))
        let status = daemon.answer("status")
        #expect(status.contains("\"practice\":{"))
    }
}
