"""Tests of the counter workbench."""
