import AllocationCounting
import Foundation
import SidemanDaemon

/// What being a watched service adds to each audio block: the clock read and late-callback
/// check, then the atomics the watchdog and `sideman status` read (block count, late count,
/// style). ns per block, against the 1333 µs a 64-frame block lasts at 48 kHz, and heap
/// allocations over the loop (must be 0).
enum ServiceBenchmark {
    static func run() {
        print("\n== service path per audio block (clock read, late check, atomics for watchdog and status)")
        let pulse = AudioPulse()
        var timer = CallbackTimer(sampleRate: 48_000, bufferFrames: 256)
        let blocks = 2_000_000
        var late = false
        let start = CallbackTimer.now()
        let allocations = AllocationCounter.count {
            for i in 0..<blocks {
                late = timer.block(frames: 64, atNanoseconds: CallbackTimer.now())
                pulse.published(late: late, styleIndex: i & 1)
            }
        }
        let elapsed = CallbackTimer.now() - start
        let perBlock = Double(elapsed) / Double(blocks)
        let share = perBlock / 1_333_333 * 100
        print("  \(Int(perBlock.rounded())) ns per block (\(String(format: "%.4f", share)) % of a 64-frame block at 48 kHz), \(allocations) allocation(s) in \(blocks) blocks")
        print("  blocks counted: \(pulse.blocks.load(ordering: .relaxed)), late: \(pulse.lateCallbacks.load(ordering: .relaxed))")
    }
}
