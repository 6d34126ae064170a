"""A chat's briefing: compose (shared between chats asking the same) and render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import render
from bot.render import esc
from bot.services import Services
from briefings.compose import BriefingRequest, select
from briefings.model import Article
from store.chats import Chat


@dataclass(slots=True)
class Composed:
    messages: list[str]  # empty: send nothing (quiet mode and nothing new)
    article_ids: list[int] = field(default_factory=list)


class CompositionCache:
    """One composition per distinct request within a briefing run: 10,000 subscribers to the
    same topic at the same time cost one selection, not 10,000."""

    def __init__(self) -> None:
        self._selected: dict[BriefingRequest, list[Article]] = {}
        self.compositions = 0

    def select(self, services: Services, request: BriefingRequest) -> list[Article]:
        if request not in self._selected:
            self.compositions += 1
            # A few extra so a chat's already-seen articles can be skipped without recomposing.
            wider = BriefingRequest(
                request.topics, request.phrases, request.since, request.limit + 10
            )
            self._selected[request] = select(services.articles, wider)
        return self._selected[request]


def request_for(chat: Chat) -> BriefingRequest:
    return BriefingRequest(
        tuple(sorted(chat.topics)),
        tuple(sorted(chat.phrases)),
        float(int(chat.last_briefing)),
        chat.items,
    )


def compose_for_chat(
    services: Services,
    chat: Chat,
    now: datetime,
    scheduled: bool,
    cache: CompositionCache | None = None,
) -> Composed:
    request = request_for(chat)
    pool = (cache or CompositionCache()).select(services, request)
    seen = set(chat.seen)
    articles = [a for a in pool if a.id not in seen][: chat.items]
    # Up to 20 topics of 100 characters: cut, so the header stays a header.
    what = render.cut(", ".join([*chat.topics, *(f"“{p}”" for p in chat.phrases)]), 300)
    local = now.astimezone(ZoneInfo(chat.timezone))
    if not articles:
        if scheduled and chat.quiet:
            return Composed([])
        return Composed([f"Nothing new on {esc(what)} since your last briefing."])
    header = f"<b>Your briefing · {local:%a %d %b %Y, %H:%M}</b>\n<i>{esc(what)}</i>"
    blocks = [render.brief(a, now, number=i + 1) for i, a in enumerate(articles)]
    messages = [text for text, _ in render.pack(header, blocks)]
    return Composed(messages, [a.id for a in articles if a.id is not None])
