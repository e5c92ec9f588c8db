"""Durability: power cuts, backups and restores of the counter store and the registry."""
