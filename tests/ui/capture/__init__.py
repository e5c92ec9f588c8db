"""Tests of the capture components: scanner bursts, drop folder, files, camera, strip, viewer."""
