"""How fast to call and how long to wait: per-operation budgets, the process's call plan, learned
claim times, and the backoff schedule.
"""
