"""Document builders and the print queue."""
