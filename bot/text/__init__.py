"""Text helpers every step shares: normal forms, LaTeX decoding, escaping, hidden data."""
