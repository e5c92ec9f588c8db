"""Type stubs for the parts of reportlab that Window Clerk's printing package uses."""

from reportlab import rl_config as rl_config

Version: str
