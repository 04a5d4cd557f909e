"""Search: the corpus of current passages, the faiss index over it, and dense + BM25 retrieval."""
