// The ChordRecognition module.
