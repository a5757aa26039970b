"""`sora-migrate pr`: the rewrite delivered as a branch, a commit and a pull-request body.

git.py wraps the real git binary; costs.py prices each rewritten call site from the shim's price
table; body.py renders the Markdown description; flow.py orchestrates, and rolls back so that a
failure never leaves a half-made branch."""
