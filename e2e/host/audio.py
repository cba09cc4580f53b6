"""Small WAV analysis for scenario checks (no numpy needed): level, sounding time, and a
zero-crossing estimate of the dominant frequency of the loud part."""
import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Wav:
    rate: int
    channels: int
    samples: list[float]  # the channels mixed to mono, -1.0 ... 1.0

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


@dataclass
class Analysis:
    peak_dbfs: float
    sounding_seconds: float
    frequency: float


def read_wav(path: Path) -> Wav:
    with wave.open(str(path), "rb") as w:
        rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        raw = w.readframes(w.getnframes())
    if width != 2:
        raise ValueError(f"{path}: {8 * width}-bit samples; expected 16-bit")
    values = struct.unpack(f"<{len(raw) // 2}h", raw)
    mono = [sum(values[i:i + channels]) / (32768 * channels) for i in range(0, len(values), channels)]
    return Wav(rate, channels, mono)


def dbfs(x: float) -> float:
    return 20 * math.log10(x) if x > 0 else -200.0


def analyse(wav: Wav, window_seconds: float = 0.05, threshold_dbfs: float = -40) -> Analysis:
    n = max(1, int(wav.rate * window_seconds))
    frequencies: list[float] = []
    sounding = 0
    for i in range(0, len(wav.samples) - n + 1, n):
        block = wav.samples[i:i + n]
        rms = math.sqrt(sum(x * x for x in block) / n)
        if dbfs(rms) > threshold_dbfs:
            sounding += 1
            # Per window, so that gaps (underruns under emulation) do not bias the estimate.
            crossings = sum(1 for a, b in zip(block, block[1:]) if (a < 0) != (b < 0))
            frequencies.append(crossings / 2 / window_seconds)
    frequencies.sort()
    frequency = frequencies[len(frequencies) // 2] if frequencies else 0.0
    peak = max((abs(x) for x in wav.samples), default=0.0)
    return Analysis(dbfs(peak), sounding * window_seconds, frequency)
