import MusicCore
import StyleEngine

/// The notes the band has started and not yet ended: a fixed-capacity table with a
/// per-(channel, key) index, so that every note-on is matched by exactly one note-off and
/// nothing allocates while playing.
struct SoundingNotes: Sendable {
    struct Note: Sendable {
        var part: PartID
        var channel: UInt8
        var key: UInt8
        var written: UInt8
        var velocity: UInt8
        var rulesIndex: Int16
        var endTick: Tick
        /// Where the note began (a late chord's re-pitch keeps it: the onset does not move).
        var startTick: Tick = 0
        /// The last note of a walking line before a known chord change: it is played as an
        /// approach into the next chord.
        var leads = false
    }

    static let capacity = 256
    private(set) var notes: [Note]
    private(set) var count = 0
    /// Slot of the sounding note per channel*128+key, or -1.
    private var index: [Int16]

    init() {
        notes = [Note](repeating: Note(part: .rhythm1, channel: 0, key: 0, written: 0, velocity: 0, rulesIndex: 0, endTick: 0),
                       count: Self.capacity)
        index = [Int16](repeating: -1, count: 16 * 128)
    }

    var isFull: Bool { count == Self.capacity }
    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> Note { notes[i] }

    func slot(channel: UInt8, key: UInt8) -> Int? {
        let s = index[Int(channel) * 128 + Int(key)]
        return s < 0 ? nil : Int(s)
    }

    /// The caller has made room and ended any note on the same key.
    mutating func insert(_ note: Note) {
        precondition(count < Self.capacity && slot(channel: note.channel, key: note.key) == nil)
        notes[count] = note
        index[Int(note.channel) * 128 + Int(note.key)] = Int16(count)
        count += 1
    }

    /// Removes slot `i` (the last slot moves into it).
    mutating func remove(at i: Int) {
        let gone = notes[i]
        index[Int(gone.channel) * 128 + Int(gone.key)] = -1
        count -= 1
        if i != count {
            let moved = notes[count]
            notes[i] = moved
            index[Int(moved.channel) * 128 + Int(moved.key)] = Int16(i)
        }
    }

    /// The earliest end tick, or nil when nothing sounds.
    var earliestEnd: Tick? {
        guard count > 0 else { return nil }
        var m = notes[0].endTick
        for i in 1..<count where notes[i].endTick < m { m = notes[i].endTick }
        return m
    }

    /// The slot that ends first (the one to steal when full).
    var earliestSlot: Int? {
        guard count > 0 else { return nil }
        var best = 0
        for i in 1..<count where notes[i].endTick < notes[best].endTick { best = i }
        return best
    }

    /// Identity of the storage, for tests that check the table never reallocates.
    var storageIdentity: (UnsafeRawPointer?, UnsafeRawPointer?) {
        (notes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) },
         index.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) })
    }
}
