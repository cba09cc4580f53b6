import StyleEngine

extension StyleCheck {
    /// The sections a complete style has.
    static let requiredSections: [SectionID] =
        [.intro(1)] + SectionID.MainVariation.allCases.map { .main($0) } + SectionID.MainVariation.allCases.map { .fill($0) }
        + [.breakFill, .ending(1)]

    /// Intro 1, Main A–D, Fill A–D, Break and Ending 1 exist, play during the tour, and play notes.
    static let sectionsPresent = StyleCheck(name: "sections", oncePerStyle: true) { tour in
        var failures: [CheckFailure] = []
        for id in requiredSections {
            guard tour.style.sections[id] != nil else {
                failures.append(CheckFailure("sections", tour, section: id, "missing: write a `section \(id.name)`"))
                continue
            }
            guard tour.sectionsPlayed.contains(where: { $0.id == id }) else {
                failures.append(CheckFailure("sections", tour, section: id, "never played when asked for"))
                continue
            }
            if !tour.notes.contains(where: { $0.section == id }) {
                failures.append(CheckFailure("sections", tour, section: id, "played no notes at all"))
            }
        }
        return failures
    }
}
