"""How political the sentences around an event read (events/event_topic.py): a feature of the confidence model that
tells an act told among politics from one told among a fait divers in the same document, which the document's own
topic cannot."""

from __future__ import annotations

from veille.events.event_topic import WINDOW_FEATURE, window_features
from veille.events.testing import code, features_kept, find

# one document, political on the whole: a council's fight with the government, then a warehouse fire
TEXT = ("Le conseil municipal de Rennes a voté lundi une motion contre la fermeture de la maternité. "
        "La maire de Rennes a accusé lundi le gouvernement français de sacrifier les hôpitaux et a demandé au "
        "Premier ministre de revenir sur sa décision. "
        "Les élus de l'opposition ont soutenu la motion.\n"
        "Dans la nuit de mardi, un incendie a ravagé un entrepôt de meubles près de la gare de Rennes. "
        "La maire de Rennes a félicité mardi les employés qui ont sauvé les archives de la société. "
        "Les flammes ont détruit des centaines de canapés et de matelas, sans faire de blessé.")


def _window(event: dict) -> int:
    names = [name for name in event["_features"] if name.startswith(WINDOW_FEATURE)]
    assert len(names) == 1, event["_features"]
    return int(names[0][len(WINDOW_FEATURE):])


def test_an_act_told_among_a_fait_divers_reads_less_political_than_one_told_among_politics(veille_nlp) -> None:
    with features_kept(veille_nlp):
        events = code(veille_nlp, TEXT, "2023-05-10")
    accused = find(events, "ACCUSE", "accusé")
    praised = find(events, "SUPPORT", "félicité")
    assert accused is not None and praised is not None, events
    # the document's topic is the same for both
    assert accused["_features"]["politics=4"] == praised["_features"]["politics=4"] == 1.0
    assert _window(accused) == 3
    assert _window(praised) <= 1


def test_the_window_feature_is_a_bucket_or_nothing() -> None:
    assert window_features(None) == {}
    assert window_features(0.05) == {f"{WINDOW_FEATURE}0": 1.0}
    assert window_features(0.95) == {f"{WINDOW_FEATURE}3": 1.0}
