import FluidSynthOutput
import Testing

@Suite struct SoundFontLocatorTests {
    func locator(files: Set<String>) -> SoundFontLocator {
        SoundFontLocator(
            preferredFiles: SoundFontLocator.preferredFiles, searchedDirectories: SoundFontLocator.searchedDirectories,
            isFile: { files.contains($0) },
            contentsOfDirectory: { directory in
                files.filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }
            })
    }

    @Test func prefersFluidR3OverTimGM() {
        let found = locator(files: ["/usr/share/sounds/sf2/TimGM6mb.sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2"]).find()
        #expect(found == "/usr/share/sounds/sf2/FluidR3_GM.sf2")
    }

    @Test func fallsBackToAnySF2InTheStandardFolders() {
        let found = locator(files: ["/usr/local/share/soundfonts/Zeta.sf2", "/usr/local/share/soundfonts/Alpha.SF2",
                                    "/usr/local/share/soundfonts/readme.txt"]).find()
        #expect(found == "/usr/local/share/soundfonts/Alpha.SF2")
    }

    @Test func noneFoundSaysWhereItLookedAndWhatToDo() {
        let error = #expect(throws: FluidSynthError.self) { try locator(files: []).locate() }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("no General MIDI SoundFont found (looked in /usr/share/sounds/sf2/FluidR3_GM.sf2, "))
        #expect(text.contains("/usr/local/share/soundfonts/*.sf2"))
        #expect(text.hasSuffix("install fluid-soundfont-gm or pass --soundfont PATH"))
    }

    @Test func realSystemSearchFindsAReadableFile() {
        // On a machine without any SoundFont this is nil, and `locate` throws (tested above).
        if let path = SoundFontLocator().find() { #expect(path.lowercased().hasSuffix(".sf2")) }
    }
}
