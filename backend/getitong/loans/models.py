"""loans models."""
