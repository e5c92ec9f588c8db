"""The central registry server."""
