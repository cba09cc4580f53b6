// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Layers (top depends on bottom, never the reverse); only the adapter targets import C:
//   sideman -> SidemanCommands -> WebRemote (Hummingbird) -> SidemanDaemon -> (ALSASequencer, FluidSynthOutput, SystemdNotify, ControlSocket, ProcessMemory, AudioInput -> Recorder)
//   -> Practice -> Arranger -> (StyleEngine, ChordRecognition) -> MusicCore
let package = Package(
    name: "Sideman",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sideman", targets: ["sideman"]),
        .executable(name: "sideman-bench", targets: ["SidemanBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // C adapters
        .systemLibrary(name: "CAlsa", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CFluidSynth", pkgConfig: "fluidsynth", providers: [.apt(["libfluidsynth-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        // glibc's allocator figures (mallinfo2, malloc_trim): no library beyond libc.
        .systemLibrary(name: "CMalloc"),

        // Pure musical targets: no C, no I/O.
        // libm: Double.rounded() and friends call into it on Linux.
        .target(name: "MusicCore", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "ChordRecognition", dependencies: ["MusicCore"]),
        .target(name: "StyleEngine", dependencies: ["MusicCore"]),
        .target(name: "Arranger", dependencies: ["MusicCore", "StyleEngine", "ChordRecognition"]),
        // A song laid out for practice (loops, ramps, keys, breaks): chords and tempo per bar,
        // and the engine commands each bar asks for, for the offline render and the live
        // chart mode alike. Pure: no I/O, no sound.
        .target(name: "Practice", dependencies: ["MusicCore", "StyleEngine", "Arranger"]),

        // Adapters: the only targets that import C.
        .target(name: "FluidSynthOutput", dependencies: ["MusicCore", "CFluidSynth"]),
        .target(name: "ALSASequencer", dependencies: ["MusicCore", "CAlsa"]),
        .target(name: "SystemdNotify", dependencies: ["CSystemd"]),
        // The process's resident set and heap, for `sideman status` and the soak's leak check.
        .target(name: "ProcessMemory", dependencies: ["CMalloc"]),
        // Takes: audio from a lock-free tap written off the audio thread (libsndfile), the
        // takes folder (names, listing, free space).
        .target(name: "Recorder", dependencies: ["CSndFile"], linkerSettings: [.linkedLibrary("m")]),
        // `[record] input`: the audio interface's input captured on its own thread (ALSA PCM),
        // placed in time by the cards' own positions.
        .target(name: "AudioInput", dependencies: ["CAlsa", "Recorder"]),
        // The daemon's local control socket (unix stream socket, one request line per connection).
        .target(name: "ControlSocket"),

        // Daemon wiring and the command line.
        .target(name: "SidemanDaemon", dependencies: [
            "MusicCore", "ChordRecognition", "StyleEngine", "Arranger", "Practice", "FluidSynthOutput", "ALSASequencer", "SystemdNotify", "ControlSocket", "Recorder", "AudioInput", "ProcessMemory",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The web remote: HTTP + WebSocket on its own event loops, one more client of the
        // control API (never on the audio thread). No C.
        .target(name: "WebRemote", dependencies: [
            "SidemanDaemon", "Practice", "StyleEngine", "MusicCore", "Recorder",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "SidemanCommands", dependencies: [
            "MusicCore", "ChordRecognition", "StyleEngine", "Arranger", "Practice", "FluidSynthOutput", "ALSASequencer", "SidemanDaemon", "ControlSocket", "Recorder",
            "WebRemote",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "sideman", dependencies: ["SidemanCommands"]),
        // Counts heap allocations by standing in for malloc: for the benchmarks and the tests
        // that prove the audio path allocation-free (an executable may link only one).
        .target(name: "AllocationCounting"),
        .executableTarget(
            name: "SidemanBenchmarks",
            dependencies: [
                "MusicCore", "ChordRecognition", "StyleEngine", "Arranger", "FluidSynthOutput", "ALSASequencer", "SidemanDaemon",
                "Recorder", "AllocationCounting",
            ],
            // The allocation counter stands in for malloc: the executable must export it.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
        ),

        .testTarget(name: "MusicCoreTests", dependencies: ["MusicCore"]),
        .testTarget(name: "ChordRecognitionTests", dependencies: ["ChordRecognition", "MusicCore"]),
        .testTarget(name: "StyleEngineTests", dependencies: ["StyleEngine", "MusicCore"]),
        .testTarget(name: "PracticeTests", dependencies: ["Practice", "Arranger", "StyleEngine", "MusicCore"]),
        // The allocation counter the real-time tests share (one test executable holds them all,
        // and only one may stand in for malloc).
        .testTarget(
            name: "ArrangerTests", dependencies: ["Arranger", "StyleEngine", "ChordRecognition", "MusicCore", "AllocationCounting"],
            // The allocation counter stands in for malloc: the test executable must export it.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
        ),
        .testTarget(name: "FluidSynthOutputTests", dependencies: ["FluidSynthOutput", "Arranger", "StyleEngine", "MusicCore", "AllocationCounting"]),
        .testTarget(name: "ALSASequencerTests", dependencies: ["ALSASequencer", "MusicCore"]),
        .testTarget(
            name: "SidemanDaemonTests",
            dependencies: ["SidemanDaemon", "Practice", "Arranger", "StyleEngine", "MusicCore", "SystemdNotify", "ControlSocket", "Recorder", "AllocationCounting", .product(name: "Logging", package: "swift-log")],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
        ),
        .testTarget(name: "SystemdNotifyTests", dependencies: ["SystemdNotify"]),
        .testTarget(name: "ProcessMemoryTests", dependencies: ["ProcessMemory"]),
        .testTarget(name: "RecorderTests", dependencies: ["Recorder"]),
        .testTarget(name: "ControlSocketTests", dependencies: ["ControlSocket"]),
        .testTarget(name: "WebRemoteTests", dependencies: [
            "WebRemote", "SidemanDaemon", "Practice", "Recorder", "StyleEngine", "MusicCore", "SystemdNotify",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(
            name: "SidemanCommandsTests",
            dependencies: [
                "SidemanCommands", "SidemanDaemon", "ControlSocket", "FluidSynthOutput", "ALSASequencer", "Arranger", "StyleEngine", "Practice",
                "MusicCore", "Recorder",
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/README.md), only when SIDEMAN_FUZZ=1: `make fuzz` builds them with
// the fuzzer and address sanitizers in .build-fuzz, apart from the normal build.
if ProcessInfo.processInfo.environment["SIDEMAN_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzMIDIFile", ["MusicCore"]),
        ("FuzzYamahaStyle", ["StyleEngine", "Arranger"]),
        ("FuzzTextStyle", ["StyleEngine", "Arranger"]),
        ("FuzzChart", ["MusicCore"]),
        ("FuzzIRealLink", ["MusicCore"]),
        ("FuzzChordSymbol", ["MusicCore"]),
        ("FuzzConfig", ["SidemanDaemon"]),
        ("FuzzControlRequest", ["ControlSocket"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: target.dependencies, path: "Fuzz/Targets/\(target.name)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
