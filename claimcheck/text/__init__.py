"""Text utilities below every stage: sentences, anchors, words, hashes, context windows."""
