"""The stance head: trained on standardised features, stored as weights on the raw ones."""

from __future__ import annotations

import numpy as np

from claimcheck.stance.head import LABELS, train


def test_standardising_is_folded_into_the_stored_weights() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(7)
    labels = [LABELS[i % 3] for i in range(90)]
    centres = {"supports": 0.6, "contradicts": -0.4, "related": 0.0}
    # one informative column on a large scale, one on a tiny scale, one constant
    rows = np.array(
        [[centres[y] * 50 + rng.normal(0, 5), centres[y] * 0.01 + rng.normal(0, 0.002), 1.0]
         for y in labels],
        dtype=np.float32,
    )  # fmt: skip
    head = train(rows, labels, embedding_model="m", trained_on="test", c=1.0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    reference = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced")
    reference.fit((rows - rows.mean(axis=0)) / scale, labels)
    expected = reference.predict_proba((rows - rows.mean(axis=0)) / scale)
    order = [list(reference.classes_).index(label) for label in LABELS]
    assert np.allclose(head.probabilities(rows), expected[:, order], atol=1e-4)
    accuracy = np.mean(
        [
            LABELS[int(i)] == y
            for i, y in zip(head.probabilities(rows).argmax(1), labels, strict=True)
        ]
    )
    assert accuracy > 0.9
