extension StyleCheck {
    /// Every note-on has exactly one note-off, and the band stops by itself after Ending 1.
    static let pairedNotes = StyleCheck(name: "paired-notes") { tour in
        var failures = tour.pairingFaults.prefix(6).map { CheckFailure("paired-notes", tour, $0) }
        if tour.pairingFaults.count > 6 {
            failures.append(CheckFailure("paired-notes", tour, "… \(tour.pairingFaults.count - 6) more pairing faults"))
        }
        if !tour.stoppedByItself {
            failures.append(CheckFailure("paired-notes", tour, section: .ending(1),
                                         "the band did not stop by itself after Ending 1"))
        }
        return failures
    }
}
