import MusicCore

extension ChordChart {
    /// The section names one chorus plays (the form, or the sections as written).
    var playedForm: [String] { form.isEmpty ? sections.map(\.name) : form }
}
