"""Window Clerk domain: catalogue, cases, materials, notices, working days, identity, queue, audit.

This package never imports Qt, an HTTP client or a document library (import-linter checks it).
"""
