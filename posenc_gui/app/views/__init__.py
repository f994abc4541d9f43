"""Views: widgets that draw what the core computed for the current scene."""
