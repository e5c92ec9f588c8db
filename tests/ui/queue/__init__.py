"""Tests of the hall queue's screens."""
