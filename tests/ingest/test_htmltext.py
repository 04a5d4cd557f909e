"""HTML to stored text: what is dropped, what is kept, block structure and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.ingest.htmltext import html_to_text

PAGE = """<!DOCTYPE html>
<html><head><title>Troops &amp; Treaties</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<header>Site banner</header>
<article>
  <header><h1>North Korea sends troops</h1><p>By A. Writer</p></header>
  <p>Over   15,000 troops
     were deployed &mdash; officials said.</p>
  <p>It was a <b>big</b> <i>move</i>.<br>A second line.</p>
  <aside>Related: other stories</aside>
  <ul><li><p>First point.</p></li><li>Second point.</li></ul>
</article>
<div role="navigation">Menu entry</div>
<div aria-hidden="true">Decoration</div>
<footer>Copyright 2024</footer>
<noscript>Enable JavaScript</noscript><template><p>Template row</p></template>
<svg><text>Chart label</text></svg>
</body></html>
"""


def test_page_keeps_prose_and_drops_furniture() -> None:
    text, title = html_to_text(PAGE)
    assert title == "Troops & Treaties"
    assert text == (
        "North Korea sends troops\n\nBy A. Writer\n\n"
        "Over 15,000 troops were deployed — officials said.\n\n"
        "It was a big move.\nA second line.\n\n"
        "First point.\n\nSecond point."
    )


@pytest.mark.parametrize(
    "hidden",
    [
        "not text",
        "Home",
        "Site banner",
        "Related",
        "Menu entry",
        "Decoration",
        "Copyright",
        "JavaScript",
        "Template row",
        "Chart label",
        "color",
    ],
)
def test_dropped_content_is_gone(hidden: str) -> None:
    assert hidden not in html_to_text(PAGE)[0]


def test_title_falls_back_to_first_h1() -> None:
    assert html_to_text("<h1> The  <em>Headline</em> </h1><p>Body.</p>")[1] == "The Headline"
    assert html_to_text("<p>No heading.</p>")[1] is None


def test_entities_are_decoded() -> None:
    text, _ = html_to_text("<p>AT&amp;T &lt;b&gt; caf&eacute; &#8364;5 &#x1F600; 5&nbsp;km</p>")
    assert text == "AT&T <b> café €5 😀 5 km"


def test_hostile_attributes_leave_no_text() -> None:
    raw = (
        '<p>Safe <img src=x onerror="alert(\'pwned\')" alt="ALT TEXT">'
        '<a href="javascript:evil()" title="</p><script>bad()</script>">link</a></p>'
    )
    text, _ = html_to_text(raw)
    assert text == "Safe link"


def test_block_structure_gives_lines() -> None:
    raw = "<div>one</div><div>two<br>three<br><br>four</div><p>five</p>six<h2>seven</h2>"
    text, _ = html_to_text(raw)
    assert text == "one\ntwo\nthree\n\nfour\n\nfive\n\nsix\n\nseven"


def test_paragraph_inside_list_item() -> None:
    text, _ = html_to_text("<ul><li><p>Alpha beta.</p></li><li>Gamma <p>delta</p></li></ul>")
    assert text.split("\n") == ["Alpha beta.", "", "Gamma", "", "delta"]


def test_table_cells_are_spaced_and_rows_are_lines() -> None:
    text, _ = html_to_text(
        "<table><tr><td>2023</td><td>15,000</td></tr><tr><th>x</th></tr></table>"
    )
    assert text == "2023 15,000\nx"


def test_pre_keeps_its_line_breaks() -> None:
    text, _ = html_to_text("<p>Before</p><pre>\nline  one\n\n\n\nline two\n</pre>")
    assert text == "Before\n\nline one\n\nline two"


def test_header_inside_article_is_kept_but_site_header_is_not() -> None:
    raw = "<header>Brand</header><main><header>Story headline</header><p>Body</p></main>"
    assert html_to_text(raw)[0] == "Story headline\n\nBody"


def test_hidden_attribute_and_inline_style() -> None:
    raw = '<p hidden>gone</p><span style="display: none">gone</span><p>kept</p>'
    assert html_to_text(raw)[0] == "kept"


def test_text_without_head_close_is_visible() -> None:
    assert html_to_text("<html><head><title>T</title>Hello world")[0] == "Hello world"


@pytest.mark.parametrize(
    "raw",
    [
        "<p>unclosed <div>stray</div></div></span></p></p> tail",
        "<nav>never closed <p>lost",
        "<script>no end",
        "<title>no end",
        "<![foo[bar]]> after",
        "<![ x",
        "<!-- unterminated comment",
        "<a href='x",
        "</p></div></body></html>",
        "<<<>>><p>>x</p>",
        '<img src=x onerror="<script>alert(1)</script>">ok',
        "&#99999999999; &#xZZ; &bogus;",
        "<![CDATA[x",
        "\x00\x01<p>\u2028x\x85y</p>",
    ],
)
def test_malformed_html_does_not_raise(raw: str) -> None:
    text, title = html_to_text(raw)
    assert isinstance(text, str)
    assert title is None or isinstance(title, str)


def test_self_closed_dropped_element_hides_nothing_after_it() -> None:
    assert html_to_text("<nav/><p>Visible</p>")[0] == "Visible"


def test_stray_end_tag_does_not_close_outer_hidden_element() -> None:
    assert html_to_text("<aside><p>x</div>hidden</aside><p>shown</p>")[0] == "shown"


_SOUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<li>",
            "<pre>",
            "</pre>",
            "<script>",
            "</script>",
            "<nav>",
            "</nav>",
            "<title>",
            "</title>",
            "<h1>",
            "</h1>",
            "<![x[",
            "<!--",
            "-->",
            "<",
            ">",
            "&amp;",
            "&",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "\xa0",
            "word",
            "Ünïcode",
            "👨‍👩‍👧",
            "中文",
            "مرحبا",
            "e\u0301",
            '"',
            "'",
            "=",
            "/",
        ]
    )
    | st.text(max_size=6),
    max_size=40,
).map("".join)


@given(_SOUP)
def test_any_input_gives_clean_lines(raw: str) -> None:
    text, title = html_to_text(raw)
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert "\r" not in text
    for line in text.split("\n"):
        assert line == line.strip()
        assert "  " not in line
    assert title is None or title == title.strip()


def test_a_title_containing_a_tag_is_kept_whole_as_browsers_show_it() -> None:
    raw = "<html><head><title>Troops <b>and</b> &amp; shells</title></head><p>Body text.</p>"
    assert html_to_text(raw) == ("Body text.", "Troops <b>and</b> & shells")


def test_a_later_title_neither_replaces_the_first_nor_shows_as_text() -> None:
    raw = "<head><title>First</title></head><p>Seen.</p><svg><title>Chart tip</title></svg>"
    assert html_to_text(raw) == ("Seen.", "First")
