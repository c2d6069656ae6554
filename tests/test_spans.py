"""Merging the stretches of text that the detectors and the normaliser read around their hints."""
from composer.spans import merge_touching


def test_overlapping_and_touching_spans_merge_and_separate_ones_stay():
    assert merge_touching([(0, 5), (3, 8), (8, 10), (12, 15)]) == [(0, 10), (12, 15)]


def test_a_span_inside_the_previous_one_does_not_shorten_it():
    assert merge_touching([(0, 20), (5, 7), (21, 22)]) == [(0, 20), (21, 22)]


def test_no_spans():
    assert merge_touching([]) == []
