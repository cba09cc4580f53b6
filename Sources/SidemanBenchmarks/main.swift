// Benchmarks print figures; they never assert. Run: swift run -c release sideman-bench
// (`sideman-bench live` runs only the live path's latency and allocation figures;
// `sideman-bench record` only what recording costs the audio callback).
print("sideman-bench")
if CommandLine.arguments.dropFirst().first == "live" {
    LiveLatencyBenchmark.run()
} else if CommandLine.arguments.dropFirst().first == "record" {
    RecordBenchmark.run()
} else {
    CoreFormatsBenchmark.run()
    ChordBenchmark.run()
    ChordBenchmark.runKeyboard()
    RenderBenchmark.run()
    StyleParseBenchmark.run()
    EngineBenchmark.run()
    YamahaImportBenchmark.run()
    ServiceBenchmark.run()
    LiveLatencyBenchmark.run()
    RecordBenchmark.run()
}
