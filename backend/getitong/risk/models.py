"""Risk records (filled in by the risk-warnings work)."""
