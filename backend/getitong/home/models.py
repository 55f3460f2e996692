"""home models."""
