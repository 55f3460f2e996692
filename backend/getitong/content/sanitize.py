"""Rich text from the admin editor made safe to render: an allow-list cleaner (nh3, the Ammonia bindings)."""

from __future__ import annotations

import nh3

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins",
    "sub", "sup", "small", "mark", "blockquote", "pre", "code", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "figure", "figcaption", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "span", "div",
}
ATTRIBUTES = {
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start"},
}
# Dropped together with everything inside them (not just the tag): code, styles and embedded documents.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "frameset", "frame",
                     "svg", "math", "textarea", "select", "title"}
# Relative URLs pass (our own /api/v1/mp/... file links); absolute ones only over these schemes.
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    """Keep the usual rich-text markup, drop scripts, event handlers, styles, frames and javascript: URLs."""
    if not html:
        return ""
    return nh3.clean(html, tags=TAGS, clean_content_tags=DROP_WITH_CONTENT, attributes=ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer", strip_comments=True).strip()


def is_blank(html: str) -> bool:
    """True when the sanitized markup shows nothing: no text and no image."""
    if "<img" in html:
        return False
    return not nh3.clean(html, tags=set()).strip().replace("&nbsp;", "").strip()
