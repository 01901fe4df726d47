"""Handlers: decide what to do with a message or command (no transport types here)."""
