"""Renderers: snapshots to JSON and to a readable terminal view (pure: values in, text out)."""
