"""Building the Telegram application: wiring in one place (handlers, error handler, commands
menu, jobs), services created before and closed after."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot import handlers
from bot.commands import COMMANDS, Commands
from bot.context import BotData
from bot.jobs import Scheduler, maintenance, poll_feeds
from bot.limiter import ChatRateLimiter
from bot.services import Services
from bot.settings import Settings

log = logging.getLogger(__name__)
FEED_CHECK_SECONDS = 60  # how often due feeds are looked for; each feed has its own interval


def build_application(settings: Settings, services: Services | None = None) -> Application:  # type: ignore[type-arg]
    services = services or Services.open(settings)
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .context_types(ContextTypes(bot_data=BotData))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                tzinfo=ZoneInfo(settings.timezone),
            )
        )
        .rate_limiter(ChatRateLimiter(max_retries=settings.max_retries))
        .concurrent_updates(8)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.api_url:
        base = settings.api_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.replace("/bot", "/file/bot"))
    app = builder.build()
    data: BotData = app.bot_data
    data.services = services
    data.commands = Commands(services)
    scheduler = Scheduler(app)
    services.extra["scheduler"] = scheduler
    services.on_schedule_change = scheduler.reschedule
    handlers.register(app)
    return app


async def post_init(app: Application) -> None:  # type: ignore[type-arg]
    services: Services = app.bot_data.services
    await services.ingest_sample_if_empty()
    for url in services.settings.feeds:
        services.feeds.add(url, interval_minutes=services.settings.poll_minutes)
    await app.bot.set_my_commands([BotCommand(name, text[:256]) for name, text in COMMANDS])
    scheduler: Scheduler = services.extra["scheduler"]
    await scheduler.restore()
    assert app.job_queue is not None
    # Due feeds are looked for often; each feed keeps its own interval and back-off.
    check = min(FEED_CHECK_SECONDS, max(1.0, services.settings.poll_minutes * 60))
    app.job_queue.run_repeating(poll_feeds, interval=check, first=1, name="poll-feeds")
    app.job_queue.run_repeating(maintenance, interval=6 * 3600, first=60, name="maintenance")
    log.info(
        "newsbrief started as @%s: %d articles, %d chats, %d feeds",
        app.bot.username,
        services.articles.count(),
        len(services.chats.all()),
        len(services.feeds.list()),
    )


async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    services: Services = app.bot_data.services
    await services.shutdown()
