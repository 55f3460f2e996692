"""loans endpoints."""

blueprints: list = []
