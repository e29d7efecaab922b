"""Fast containment questions about spans of a text."""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanIndex:
    """Answer 'is this span inside one of these?' without scanning them all."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def covers(self, span: tuple[int, int]) -> bool:
        start, end = span
        index = bisect_right(self.starts, start)
        low = bisect_left(self.starts, start - self.longest)
        return any(e >= end for _, e in self.spans[low:index])
