"""Qt widgets: the main window, views, dialogs and item models. Talks to services only."""
