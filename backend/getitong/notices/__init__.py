"""双告知: registrations whose business scope needs a post-approval permit are told to the departments that
issue it; the departments receive and answer (seed 004 §三.1)."""
