import MusicCore

/// Spreads a burst of note-ons over a few consecutive 64-frame blocks, like a very fast strum.
///
/// Why: starting a voice is FluidSynth's dearest single operation (generators, modulators,
/// envelope and filter set up, then the voice's first block). A bar line where drums, bass,
/// chords and pad all strike, often with a chord change, starts 6–12 voices in one block and
/// makes it several times as slow as an ordinary one; a real-time deadline is about that worst
/// block. Letting `perBlock` note-ons through per block and the rest a block or two later
/// keeps every block near the ordinary cost. The notes still sound within `maxWait` blocks
/// (2.7 ms at 48 kHz by default), far below what a listener hears as apart: players in a
/// band are tens of milliseconds apart, and every event here already lands up to 1.3 ms early
/// on FluidSynth's 64-frame grid.
///
/// Order: events of a channel that has a note waiting queue behind it, so that each channel
/// hears its events in the order sent (a note-off never overtakes its note-on, a program
/// change stays before the notes after it); channels with nothing waiting go straight through.
/// Decisions depend only on the events and the block count, so the live callback and the
/// offline render, which feed the same events block by block, start the same voices on the
/// same blocks.
///
/// Real time: fixed storage, allocated once; nothing allocates or frees afterwards.
public struct VoiceStartSpread: Sendable {
    /// Note-ons let through per block before the rest wait (0: no spreading at all).
    public let perBlock: Int
    /// Blocks a note may wait at most; then it is played whatever the count.
    public let maxWait: Int
    /// Events that can wait at once; a fuller burst is played at once, in order.
    public static let capacity = 256

    private var queue: [Waiting]
    private var head = 0
    private var count = 0
    /// Waiting events per channel.
    private var perChannel: [Int]
    /// Blocks rendered so far, and note-ons played in the current block.
    private var block = 0
    private var started = 0
    /// A block was rendered since the waiting events were last looked at.
    private var blockEnded = false

    struct Waiting: Sendable {
        var event: MIDIEvent
        var block: Int
    }

    public init(perBlock: Int = 3, maxWait: Int = 2) {
        self.perBlock = max(0, perBlock)
        self.maxWait = max(0, maxWait)
        queue = [Waiting](repeating: Waiting(event: .activeSensing, block: 0), count: Self.capacity)
        perChannel = [Int](repeating: 0, count: 16)
    }

    /// Events waiting now.
    public var waiting: Int { count }

    /// Call before each event and before each render: once a block has been rendered, the
    /// events due are played (the oldest first; a note-on waits on while the new block's
    /// allowance is spent, unless it has waited `maxWait` blocks).
    public mutating func beginBlock(play: (MIDIEvent) -> Void) {
        guard blockEnded else { return }
        blockEnded = false
        started = 0
        while count > 0 {
            let w = queue[head]
            if w.event.isNoteOn, started >= perBlock, block - w.block < maxWait { break }
            pop()
            if w.event.isNoteOn { started += 1 }
            play(w.event)
        }
    }

    /// Whether `event` is to be played now; if not, it waits (call `beginBlock` first).
    /// Events with no channel (a reset, SysEx) play at once, after everything waiting.
    public mutating func admit(_ event: MIDIEvent, play: (MIDIEvent) -> Void) -> Bool {
        guard perBlock > 0 else { return true }
        guard let channel = event.channel else {
            flush(play: play)
            return true
        }
        let c = Int(channel.rawValue)
        let mustWait = perChannel[c] > 0 || (event.isNoteOn && started >= perBlock)
        if !mustWait {
            if event.isNoteOn { started += 1 }
            return true
        }
        if count == Self.capacity { flush(play: play) }
        if count == 0, !event.isNoteOn { return true }  // flushed: nothing left to wait behind
        queue[(head + count) % Self.capacity] = Waiting(event: event, block: block)
        count += 1
        perChannel[c] += 1
        return false
    }

    /// A block was rendered: the next `beginBlock` plays what is due.
    public mutating func endBlock() {
        block &+= 1
        blockEnded = true
    }

    /// Plays everything waiting now, in order.
    public mutating func flush(play: (MIDIEvent) -> Void) {
        while count > 0 {
            let w = queue[head]
            pop()
            play(w.event)
        }
    }

    /// Everything is about to be silenced: waiting note-ons are dropped (they would sound
    /// after the silence), the rest (note-offs, controllers, programs) played in order.
    public mutating func dropNotes(play: (MIDIEvent) -> Void) {
        while count > 0 {
            let w = queue[head]
            pop()
            if !w.event.isNoteOn { play(w.event) }
        }
    }

    /// Every path once on a spread of its own, off the audio thread, so that whatever the
    /// runtime sets up on first use (type metadata, in a debug build) is not set up there.
    static func rehearse() {
        var spread = VoiceStartSpread(perBlock: 1, maxWait: 1)
        for key: UInt7 in [60, 62, 64] where spread.admit(.noteOn(channel: 0, note: key, velocity: 1), play: { _ in }) {}
        _ = spread.admit(.controlChange(channel: 0, controller: 7, value: 100), play: { _ in })
        spread.endBlock()
        spread.beginBlock { _ in }
        spread.dropNotes { _ in }
        _ = spread.admit(.reset, play: { _ in })
    }

    private mutating func pop() {
        if let c = queue[head].event.channel { perChannel[Int(c.rawValue)] -= 1 }
        queue[head].event = .activeSensing
        head = (head + 1) % Self.capacity
        count -= 1
    }
}
