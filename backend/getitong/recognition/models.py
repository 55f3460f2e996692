"""recognition models."""
