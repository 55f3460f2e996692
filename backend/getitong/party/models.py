"""party models."""
