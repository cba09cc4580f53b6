/// Which band frame a reading of the band's playback stream shows leaving the card.
///
/// FluidSynth's driver renders a period, writes it to the card (in parts when the card has
/// room for part of it) and only then calls back for the next, so as a callback begins all
/// that was rendered before is on the card: `written`, the callback's frame count then. The
/// card holds band frames up to `written` and perhaps part of the period after it, so the
/// frame at its hardware pointer is `written − (appl_ptr − hw_ptr)` or a later one: never
/// ahead of the truth, and exact when the reading falls while the driver renders.
public enum PlaybackReading {
    public static func bandFrame(written: Int64, applPtr: Int64, hwPtr: Int64) -> Int64 {
        written - (applPtr - hwPtr)
    }
}
