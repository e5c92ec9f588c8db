"""reportlab.pdfbase: fonts and metrics."""
