import Foundation

/// Whether the card an ALSA PCM name points at exists, from /proc/asound — so that waiting for
/// a card does not mean opening (and logging a failure for) a missing device every second.
enum SoundCardProbe {
    /// true / false for "hw:…", "plughw:…" and "…:CARD=…" names; nil when the name does not
    /// say (e.g. "default" with cards present, or a PCM defined in asound.conf): try opening it.
    static func isPresent(_ device: String, procRoot: String = "/proc/asound") -> Bool? {
        guard let card = card(of: device) else {
            if device == "default" || device == "sysdefault" {
                guard let cards = try? String(contentsOfFile: "\(procRoot)/cards", encoding: .utf8) else { return nil }
                return !cards.contains("no soundcards")
            }
            return nil
        }
        let path = Int(card).map { "\(procRoot)/card\($0)" } ?? "\(procRoot)/\(card)"
        return FileManager.default.fileExists(atPath: path)
    }

    /// "hw:1,0" → "1"; "plughw:Loopback,1,0" → "Loopback"; "hw:CARD=PCH,DEV=0" → "PCH".
    static func card(of device: String) -> String? {
        guard let colon = device.firstIndex(of: ":") else { return nil }
        let kind = device[..<colon]
        let args = device[device.index(after: colon)...].split(separator: ",")
        if let named = args.first(where: { $0.hasPrefix("CARD=") }) { return String(named.dropFirst(5)) }
        guard ["hw", "plughw"].contains(kind), let first = args.first, !first.contains("=") else { return nil }
        return String(first)
    }
}
