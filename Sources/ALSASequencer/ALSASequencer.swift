import CAlsa

/// The ALSA library version this adapter was linked against.
public func alsaLibraryVersion() -> String { String(cString: snd_asoundlib_version()) }
