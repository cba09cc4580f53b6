// Benchmarks print figures; they never assert. Run: swift run -c release sideman-bench
print("sideman-bench")
CoreFormatsBenchmark.run()
ChordBenchmark.run()
ChordBenchmark.runKeyboard()
RenderBenchmark.run()
StyleParseBenchmark.run()
EngineBenchmark.run()
YamahaImportBenchmark.run()
