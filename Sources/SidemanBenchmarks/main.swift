// Benchmarks print figures; they never assert. Run: swift run -c release sideman-bench
// (`sideman-bench live` runs only the live path's latency and allocation figures;
// `sideman-bench feel` only the late- and early-chord counts).
print("sideman-bench")
if CommandLine.arguments.dropFirst().first == "live" {
    LiveLatencyBenchmark.run()
} else if CommandLine.arguments.dropFirst().first == "feel" {
    ChordFeelBenchmark.run()
} else {
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
}
