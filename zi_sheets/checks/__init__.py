"""Stage 3, checks: findings over an `Analysis`, one module per family; each check is a generator that
yields findings and declares the finding types it may emit."""
