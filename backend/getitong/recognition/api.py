"""recognition endpoints."""

blueprints: list = []
