import ControlSocket
import Foundation
import Logging
import MusicCore
import Recorder
import Testing

@testable import SidemanCommands
@testable import SidemanDaemon

/// `sideman recordings delete` as typed, beside a daemon recording into the same folder: the
/// take being written is refused by the command line and the control socket alike, whether
/// named whole or by the start of its name; once it ends, it can be deleted.
@Suite("sideman recordings delete: never the take being recorded") struct RecordingsDeleteCommandTests {
    /// Feeds the recorder a second of tone, as the audio callback would.
    func feed(_ r: TakeRecorder, from start: Int64, blocks: Int) -> Int64 {
        let left = UnsafeMutablePointer<Float>.allocate(capacity: 64), right = UnsafeMutablePointer<Float>.allocate(capacity: 64)
        defer { left.deallocate(); right.deallocate() }
        var frame = start
        for _ in 0..<blocks {
            for i in 0..<64 { left[i] = 0.2 * sin(Float(frame + Int64(i)) * 0.05); right[i] = left[i] }
            r.tap.capture(left: left, right: right, frames: 64, atFrame: frame)
            frame += 64
            usleep(50)
        }
        return frame
    }

    func until(_ what: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !what() && Date() < deadline { usleep(5_000) }
    }

    @Test(.enabled(if: ChartsCommandTests.binary != nil, "\(ChartsCommandTests.noBinary)"))
    func theTakeBeingRecordedIsRefusedThenDeleted() throws {
        let rig = try PlayCommandTests.Rig()
        let folder = temporaryFolder("recordings-delete")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = SidemanConfig.Record()
        settings.mode = .off
        settings.folder = folder
        settings.minFreeMB = 0
        let recorder = TakeRecorder(settings: settings, sampleRate: 48_000, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
            TakeRecorder.Context(label: "Medium Swing", tempo: Tempo(bpm: 120)!, meter: .fourFour)
        }
        rig.state.recorder = recorder
        recorder.run(captureInput: false)
        defer { recorder.shutdown() }
        #expect(recorder.start() == "ok: recording")
        var frame = feed(recorder, from: 0, blocks: 750)
        until { recorder.status.take != nil }
        let name = try #require(recorder.status.take)
        let prefix = String(name.prefix(10))  // the date: the only take, so it names this one

        let typed = try PlayCommandTests().run(["recordings", "delete", prefix, "--folder", folder, "--socket", rig.socket])
        #expect(typed.status == 1)
        #expect(typed.err == "sideman recordings delete: \(name): is being recorded; stop the take first (sideman record stop)\n")
        let socket = try ControlClient.request("recordings delete \(prefix)", socket: rig.socket)
        #expect(socket == "error: \(name): is being recorded; stop the take first\n")
        #expect(!TakeLibrary(folder: folder).list().isEmpty)

        #expect(recorder.stop() == "ok: take ends")
        frame = feed(recorder, from: frame, blocks: 16)
        until { recorder.status.lastTake == name }
        let after = try PlayCommandTests().run(["recordings", "delete", prefix, "--folder", folder, "--socket", rig.socket])
        #expect(after.status == 0, "\(after.err)")
        #expect(after.out.hasPrefix("deleted \(name) ("))
        #expect(TakeLibrary(folder: folder).list().isEmpty)
    }

    /// No daemon on the socket: no take counts as being recorded, so the command deletes from
    /// the folder on its own (that delete, as typed: RecordingsCommandTests).
    @Test func withoutADaemonTheFolderIsEnough() throws {
        #expect(RecordingsDeleteCommand.takeBeingRecorded(in: "/tmp", socket: "/nonexistent/control.sock") == nil)
    }
}
