"""Tests of the start, login and lock screens."""
