"""个体通 (Getitong) backend."""
