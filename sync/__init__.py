"""Client side of synchronisation with the central registry."""
