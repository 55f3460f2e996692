"""Policies and 免申即享 (filled in by the policies work)."""
