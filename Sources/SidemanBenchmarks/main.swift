// Benchmarks print figures; they never assert. Run: swift run -c release sideman-bench
print("sideman-bench")
ChordBenchmark.run()
ChordBenchmark.runKeyboard()
RenderBenchmark.run()
