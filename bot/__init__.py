"""Everything Telegram: the application, handlers, rendering, jobs; and the command line."""
