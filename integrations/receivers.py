"""Push a report as soon as a workflow step makes it public, or withdraws it."""

from __future__ import annotations

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from articles.models import Article
from editorial.models import Action, EditorialAction
from integrations import push
from integrations.models import Delivery
from integrations.tasks import hand_to_workers

# Steps after which a report may have become public, changed while public, or gone.
PROMPT_ACTIONS = frozenset(
    {Action.PUBLISHED, Action.WITHDRAWN, Action.EMBARGO_LIFTED, Action.RESTORED}
)


@receiver(post_save, sender=EditorialAction)
def workflow_step_recorded(sender, instance: EditorialAction, created: bool, **kwargs) -> None:
    """Once the step commits, push the report if it is public (or withdrawn) by then.

    A report scheduled or still under embargo is public later: the periodic scan pushes it.
    """
    if not created or kwargs.get("raw") or instance.action not in PROMPT_ACTIONS:
        return
    if instance.content_type_id != ContentType.objects.get_for_model(Article).pk:
        return
    # robust: a failure here is logged, never turned into an error for the editor.
    transaction.on_commit(partial(push_promptly, int(instance.object_id)), robust=True)


def push_promptly(article_id: int) -> None:
    """Create the report's deliveries and hand them to the queue (if there is one)."""
    if push.push_article(article_id):
        due = Delivery.objects.due().filter(article_id=article_id)
        hand_to_workers(due.values_list("pk", flat=True))
