// Benchmarks print figures; they never assert. Run: swift run -c release sideman-bench
// (`sideman-bench live` runs only the live path's latency, worst blocks and allocations;
// `sideman-bench worst [style]` only the worst blocks; `sideman-bench render` only the render against the fluidsynth command; `engine` the engine alone;
// `sideman-bench record` only what recording costs the audio callback; `sideman-bench feel`
// only the late- and early-chord counts).
print("sideman-bench")
switch CommandLine.arguments.dropFirst().first {
case "live":
    LiveLatencyBenchmark.run()
    WorstBlockBenchmark.run()
case "worst":
    WorstBlockBenchmark.run(only: CommandLine.arguments.dropFirst(2).first)
case "render":
    RenderBenchmark.run()
case "engine":
    EngineBenchmark.run()
case "record":
    RecordBenchmark.run()
case "feel":
    ChordFeelBenchmark.run()
default:
    CoreFormatsBenchmark.run()
    ChordBenchmark.run()
    ChordBenchmark.runKeyboard()
    ChordFeelBenchmark.run()
    RenderBenchmark.run()
    StyleParseBenchmark.run()
    EngineBenchmark.run()
    YamahaImportBenchmark.run()
    ServiceBenchmark.run()
    LiveLatencyBenchmark.run()
    WorstBlockBenchmark.run()
    RecordBenchmark.run()
}
