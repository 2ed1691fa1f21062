"""The duplicate scan's groups: contacts joined by any chain of links are one group
(union-find), with every reason and the pairs marked as different people inside it; and the
weak similar-name links, made last."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz, process

from hubdesk.core.duplicates.cancel import _Cancel
from hubdesk.core.duplicates.keys import CONFIDENCE, SIMILAR_NAME, Key, reason_text

# Fuzzy names are compared pairwise, so only within small blocks: same company and same first
# letter of the name (a typo rarely hits the first letter; it keeps big companies' blocks small).
FUZZY_BLOCK_LIMIT = 50
FUZZY_MIN_RATIO = 90.0


@dataclass(frozen=True)
class DuplicateGroup:
    ids: tuple[int, ...]  # sorted
    reason: str  # the strongest reason, for one line of text
    confidence: float  # 0–1: the strongest link's
    reasons: tuple[str, ...] = ()  # every distinct reason, strongest first
    # Pairs in the group the user marked as different people (linked through a third).
    kept_apart: tuple[tuple[int, int], ...] = ()

    def as_dict(self) -> dict:
        return {"ids": list(self.ids), "reason": self.reason, "confidence": self.confidence,
                "reasons": list(self.reasons), "kept_apart": [list(p) for p in self.kept_apart]}


class _Groups:
    """Union-find over contact ids, remembering why each link was made."""

    def __init__(self, apart: set[tuple[int, int]]):
        self.parent: dict[int, int] = {}
        self.apart = apart
        self.marked = {i for pair in apart for i in pair}
        self.links: list[tuple[int, float, str]] = []

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while (up := parent.get(root, root)) != root:
            root = up
        while x != root:  # path compression keeps later finds short
            parent[x], x = root, parent.get(x, x)
        return root

    def link(self, a: int, b: int, confidence: float, reason: str) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        self.links.append((a, confidence, reason))

    def link_holders(self, holders: list[int], key: Key) -> None:
        ids = sorted(set(holders))
        if len(ids) < 2:
            return
        confidence, reason = CONFIDENCE[key[0]], reason_text(key)
        if self.marked.isdisjoint(ids):
            for other in ids[1:]:  # a star joins them all; no need for every pair
                self.link(ids[0], other, confidence, reason)
            return
        for a, b in combinations(ids, 2):
            if (a, b) not in self.apart:
                self.link(a, b, confidence, reason)

    def groups(self) -> list[DuplicateGroup]:
        members: dict[int, list[int]] = {}
        for cid in self.parent:
            members.setdefault(self.find(cid), []).append(cid)
        reasons: dict[int, dict[str, float]] = {}
        for a, confidence, reason in self.links:
            seen = reasons.setdefault(self.find(a), {})
            seen[reason] = max(confidence, seen.get(reason, 0.0))
        apart: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.apart:
            if a in self.parent and b in self.parent and self.find(a) == self.find(b):
                apart.setdefault(self.find(a), []).append((a, b))
        out = []
        for root, ids in members.items():
            ranked = sorted(reasons[root].items(), key=lambda item: (-item[1], item[0]))
            out.append(DuplicateGroup(
                ids=tuple(sorted(ids)), reason=ranked[0][0], confidence=ranked[0][1],
                reasons=tuple(r for r, _ in ranked), kept_apart=tuple(sorted(apart.get(root, [])))))
        out.sort(key=lambda g: (-g.confidence, -len(g.ids), g.ids[0]))
        return out


def _similar_names(groups: _Groups, blocks: dict[int, list[tuple[int, str]]],
                   cancel: _Cancel) -> None:
    """The weak signal: alike names at the same company, for contacts not linked yet."""
    confidence = CONFIDENCE[SIMILAR_NAME]
    for n, block in enumerate(blocks.values()):
        if len(block) < 2:
            continue
        if n % 1000 == 0:
            cancel.check()
        names = [name for _, name in block]
        for i, (a, name) in enumerate(block[:-1]):
            # rapidfuzz compares one name with the rest of the block in C.
            for _, score, j in process.extract(name, names[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=FUZZY_MIN_RATIO, limit=None):
                b, other = block[i + 1 + j]
                pair = (min(a, b), max(a, b))
                # The very same name at the same company is a strong key: if it links nobody,
                # it was held by too many (not a person), and it must not sneak back as "alike".
                if other == name or pair in groups.apart or groups.find(a) == groups.find(b):
                    continue
                groups.link(a, b, confidence,
                            f"similar name ({score:.0f} %) at the same company")
