"""party endpoints."""

blueprints: list = []
