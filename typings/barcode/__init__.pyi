"""Type stubs for the parts of python-barcode that Window Clerk uses (it ships no py.typed)."""
