import Foundation
import Testing

@testable import SidemanDaemon

/// Which card an ALSA PCM name means, and whether /proc/asound (a folder standing in for it)
/// has it.
@Suite struct SoundCardProbeTests {
    @Test func cardNames() {
        #expect(SoundCardProbe.card(of: "hw:0,0") == "0")
        #expect(SoundCardProbe.card(of: "hw:Loopback,0,0") == "Loopback")
        #expect(SoundCardProbe.card(of: "plughw:1") == "1")
        #expect(SoundCardProbe.card(of: "hw:CARD=PCH,DEV=0") == "PCH")
        #expect(SoundCardProbe.card(of: "sysdefault:CARD=Headphones") == "Headphones")
        #expect(SoundCardProbe.card(of: "default") == nil)
        #expect(SoundCardProbe.card(of: "dmix:0") == nil)
    }

    @Test func presenceFromProc() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("asound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("card0"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Loopback"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try " 0 [Loopback       ]: Loopback - Loopback\n".write(to: root.appendingPathComponent("cards"), atomically: true, encoding: .utf8)
        #expect(SoundCardProbe.isPresent("hw:0,0", procRoot: root.path) == true)
        #expect(SoundCardProbe.isPresent("hw:Loopback,0,0", procRoot: root.path) == true)
        #expect(SoundCardProbe.isPresent("hw:1,0", procRoot: root.path) == false)
        #expect(SoundCardProbe.isPresent("plughw:Headphones", procRoot: root.path) == false)
        #expect(SoundCardProbe.isPresent("default", procRoot: root.path) == true)
        #expect(SoundCardProbe.isPresent("mypcm", procRoot: root.path) == nil)
        try "--- no soundcards ---\n".write(to: root.appendingPathComponent("cards"), atomically: true, encoding: .utf8)
        #expect(SoundCardProbe.isPresent("default", procRoot: root.path) == false)
    }
}
