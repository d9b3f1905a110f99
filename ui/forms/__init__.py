"""Forms: registration (resolution and answer come later)."""
