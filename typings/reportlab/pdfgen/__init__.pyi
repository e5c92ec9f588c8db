"""reportlab.pdfgen: the canvas."""
