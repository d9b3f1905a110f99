"""Qt user interface: widgets, Qt models over app/, dialogs, translations."""
