import CMalloc
import Foundation

/// The daemon's memory as an admin reads it: resident set (what `ps` and systemd show) and
/// the heap it stands on. A leak shows in the heap in use; memory freed but kept by the
/// allocator (fragments it could not reuse) shows in the heap free.
public struct ProcessMemory: Codable, Hashable, Sendable {
    public var residentKilobytes: Int
    public var heapInUseKilobytes: Int
    public var heapFreeKilobytes: Int

    /// Now, for this process. Takes the allocator's locks for a moment: never on the audio thread.
    public static func now() -> ProcessMemory {
        let heap = sideman_heap()
        return ProcessMemory(
            residentKilobytes: residentKilobytes() ?? 0, heapInUseKilobytes: Int(heap.in_use / 1024), heapFreeKilobytes: Int(heap.free / 1024))
    }

    /// `VmRSS` of /proc/self/status, in kB; nil where there is no /proc.
    static func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }
}
