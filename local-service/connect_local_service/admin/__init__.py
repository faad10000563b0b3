"""The admin API under /_local/ (settings, faults, the clock, seeding) and its client."""
