"""home endpoints."""

blueprints: list = []
