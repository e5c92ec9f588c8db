"""reportlab.lib: colours, units, page sizes, styles, utilities."""
