"""Administration dialogs (templates, deadline rules, calendar, correspondents) and the
document card's deadline and link actions."""
