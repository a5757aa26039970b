"""sora-migrate: find, gate and rewrite OpenAI Sora video API usage."""

__version__ = "0.1.0"
