"""Use cases, rules and the headless CLI. No Qt here: usable from a Python shell."""
