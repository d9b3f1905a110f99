"""The registry list: Qt model over app.registry."""
