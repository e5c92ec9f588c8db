"""Capture at the counter: scanner bursts, the scanner's drop folder, files, camera, thumbnails."""
