extension PartSetup {
    /// The General MIDI name of the sound ("Electric Bass (finger)", "Brush kit"), for
    /// listings. Banks other than 0 hold variations of the same GM family, so the name is the
    /// family's; drum kits without a GM name print their program number.
    public var instrumentName: String {
        if isDrumKit {
            if let kit = GeneralMIDI.kits.first(where: { $0.program == program.intValue }) { return "\(kit.name) kit" }
            return "Drum kit \(program.intValue)"
        }
        return GeneralMIDI.instruments[program.intValue]
    }
}
