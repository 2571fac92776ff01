"""Property-based tests over arbitrary Unicode (bounded and derandomised, so CI is reproducible).
The longer, time-bounded fuzz run is fuzz/run.py."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .properties import ARTICLE_TEXT, check_decoding, check_reference_free_audit, check_segmentation

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ARTICLE_TEXT)
def test_segmentation_offsets_are_exact(text):
    check_segmentation(text)


@SETTINGS
@given(ARTICLE_TEXT)
def test_reference_free_pipeline_never_raises(text):
    check_reference_free_audit(text, "fuzz.txt")


@SETTINGS
@given(ARTICLE_TEXT.map(lambda t: f"<html><body><p>{t}</p><script>{t}</script></body></html>"))
def test_html_input_never_raises(html):
    check_reference_free_audit(html, "fuzz.html")


@SETTINGS
@given(st.one_of(st.binary(max_size=300), ARTICLE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_decoding_never_raises_anything_but_clear_errors(data):
    check_decoding(data)
