"""`{% fragment %}`: a piece of a public page rendered once and kept while it holds.

An entity page's side parts (an event's facts and participants, a country's events, an
organization's people) cost more to build than its list of reports. They are kept as
`articles.coverage.kept_for_readers` keeps things: for the page-cache generation, which
any change to a report or the registry renews; never past the next moment a scheduled
report, an embargo or a successor changes what the public sees; per language and day.
Querysets the fragment reads should reach the template unevaluated: on a hit they never
run.

    {% fragment "event-facts" event.pk %}…{% endfragment %}
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from articles.coverage import kept_for_readers

register = template.Library()


@register.tag("fragment")
def do_fragment(parser: Parser, token: Token) -> FragmentNode:
    """`{% fragment name key… %}…{% endfragment %}`: keep what is between, per name and keys."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class FragmentNode(template.Node):
    def __init__(self, nodelist: NodeList, parts: list[FilterExpression]) -> None:
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context: Context) -> SafeString:
        name = ":".join(["fragment", *(str(part.resolve(context)) for part in self.parts)])
        html = kept_for_readers(name, lambda: self.nodelist.render(context))
        return mark_safe(html)  # rendered, and escaped, by the template
