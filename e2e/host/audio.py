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


NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def rms_dbfs(samples: list[float], rate: int, start: float, end: float) -> float:
    """Level of the stretch between two times, in dBFS."""
    a, b = max(0, int(start * rate)), min(len(samples), int(end * rate))
    block = samples[a:b]
    if not block:
        return -200.0
    return dbfs(math.sqrt(sum(x * x for x in block) / len(block)))


def loudest_after(samples: list[float], rate: int, start: float, window: float = 0.02) -> float:
    """The loudest 20 ms window from `start` to the end, in dBFS."""
    t, loudest = start, -200.0
    while t + window <= len(samples) / rate:
        loudest = max(loudest, rms_dbfs(samples, rate, t, t + window))
        t += window
    return loudest


def chroma(samples: list[float], rate: int, start: float, end: float) -> list[float]:
    """Energy per pitch class (C = 0) of a stretch: spectrum energy (numpy) summed per pitch
    class over the notes MIDI 36...95; all zero for a stretch under 100 ms."""
    import numpy as np
    a, b = max(0, int(start * rate)), min(len(samples), int(end * rate))
    x = np.asarray(samples[a:b], dtype=float)
    if len(x) < rate // 10:
        return [0.0] * 12
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / rate)
    energy = [0.0] * 12
    for note in range(36, 96):
        f = 440 * 2 ** ((note - 69) / 12)
        band = (freqs > f * 2 ** (-0.5 / 12)) & (freqs < f * 2 ** (0.5 / 12))
        energy[note % 12] += float(spectrum[band].sum())
    return energy


def pitch_classes(samples: list[float], rate: int, start: float, end: float) -> list[str]:
    """Pitch class names of a stretch, strongest first (none for a stretch under 100 ms)."""
    energy = chroma(samples, rate, start, end)
    if not any(energy):
        return []
    return [NOTE_NAMES[i] for i in sorted(range(12), key=lambda i: -energy[i])]
