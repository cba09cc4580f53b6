import MusicCore
import Testing

@testable import ALSASequencer

/// The reader's end of the input ring: a loss reaches the consumer at its place in the stream,
/// even when nothing follows it, and the journal gets one line per interval for every kind of
/// loss together, the last counts included.
@Suite struct InputDeliveryTests {
    static let keyboard = SequencerAddress(client: 20, port: 0)
    static let ms: UInt64 = 1_000_000

    static func event(_ note: UInt8, at ns: UInt64) -> InputEvent {
        InputEvent(source: keyboard, event: .noteOn(channel: 0, note: UInt7(rawValue: note)!, velocity: 90), receivedNanoseconds: ns)
    }

    @Test func theEventAfterARefusalCarriesTheLoss() {
        let ring = SPSCRing<InputEvent>(capacity: 4)
        var delivery = InputDelivery(ring: ring)
        for i in 0..<6 { _ = delivery.deliver(Self.event(60 + UInt8(i), at: UInt64(i) * Self.ms)) }
        #expect(delivery.lossPending)
        var got: [InputEvent] = []
        while let e = ring.pop() { got.append(e) }
        #expect(got.map(\.lostBefore) == [false, false, false, false])
        _ = delivery.deliver(Self.event(70, at: 10 * Self.ms))
        #expect(ring.pop()?.lostBefore == true, "the first event after the loss says so")
        #expect(!delivery.lossPending)
    }

    /// A flood that ends in an overrun: no event follows to carry the loss. The reader's wait
    /// times out soon and a marker tells the consumer; if the ring has no room yet, it tries
    /// again.
    @Test func aLossWithNothingAfterItIsToldByAMarker() {
        let ring = SPSCRing<InputEvent>(capacity: 2)
        var delivery = InputDelivery(ring: ring)
        #expect(delivery.waitMilliseconds(atNanoseconds: 0) == -1, "nothing to do: wait for input")
        _ = delivery.deliver(Self.event(60, at: 0))
        _ = delivery.deliver(Self.event(61, at: 0))
        _ = delivery.overrun(atNanoseconds: Self.ms)
        #expect(delivery.waitMilliseconds(atNanoseconds: 2 * Self.ms) == InputDelivery.retryMilliseconds)
        delivery.tellLoss(source: Self.keyboard, atNanoseconds: 7 * Self.ms)
        #expect(delivery.lossPending, "the ring was full: still to tell")
        _ = ring.pop()
        delivery.tellLoss(source: Self.keyboard, atNanoseconds: 12 * Self.ms)
        #expect(!delivery.lossPending)
        _ = ring.pop()
        let marker = ring.pop()
        #expect(marker?.lostBefore == true)
        #expect(marker?.event == .activeSensing, "a marker that plays nothing")
    }

    /// 20 000 events a second for 10 s into a ring the consumer drains only half of, and an
    /// overrun every 50 ms: one line every two seconds for both, with both counts, and the
    /// last counts once due with nothing new.
    @Test func aFloodOfLossesGivesOneLineEveryTwoSeconds() {
        let ring = SPSCRing<InputEvent>(capacity: 64)
        var delivery = InputDelivery(ring: ring)
        var lines: [(UInt64, SequencerNotice)] = []
        var refused = 0, overruns = 0
        for i in 0..<200_000 {
            let now = UInt64(i) * 50_000
            if i % 1_000 == 0 {
                overruns += 1
                if let line = delivery.overrun(atNanoseconds: now) { lines.append((now, line)) }
            }
            if ring.count == ring.capacity { refused += 1 }
            if let line = delivery.deliver(Self.event(60, at: now)) { lines.append((now, line)) }
            if i % 2 == 0 { _ = ring.pop() }
        }
        let end = UInt64(200_000) * 50_000
        let wait = delivery.waitMilliseconds(atNanoseconds: end)
        #expect(wait >= 0 && wait <= 2_000)
        if let line = delivery.due(atNanoseconds: end + UInt64(wait) * Self.ms) { lines.append((end, line)) }
        #expect(lines.count >= 5 && lines.count <= 7, "\(lines.count) lines in 10 s")
        var told = (overruns: 0, dropped: 0)
        for (_, line) in lines {
            guard case .inputLost(let o, let d, let seconds) = line else {
                Issue.record("not a loss line: \(line)")
                continue
            }
            #expect(seconds == 2)
            told.overruns += o
            told.dropped += d
        }
        #expect(told.overruns == overruns, "every overrun counted")
        #expect(told.dropped == refused, "every refused event counted")
        #expect(delivery.due(atNanoseconds: end + 10_000 * Self.ms) == nil, "nothing left to tell")
    }
}
