import CFluidSynth

/// The FluidSynth library version this adapter was linked against.
public func fluidSynthVersion() -> String { String(cString: fluid_version_str()) }
