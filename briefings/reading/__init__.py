"""The reading of an article: sentences, quotes with their speakers, topics and the summary."""
