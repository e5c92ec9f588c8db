"""reportlab's global settings (only those Window Clerk sets)."""

useA85: int
