"""The hall queue's screens: the ticket kiosk, the hall display and the counter's queue panel."""
