"""kg: news text to a knowledge graph of relations between states."""
__version__ = "0.1.0"
