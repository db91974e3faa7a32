"""The verbs whose subject gets or undergoes the act their object names ("X a reçu le soutien de Y", "X a essuyé les
critiques de Y"; grammar receive_verbs and undergoing_verbs) are declared once, by the argument finder, and the coder
reads that declaration."""

from __future__ import annotations

from veille.events import arguments, coder


def test_the_coder_reads_the_getting_verbs_the_argument_finder_declares() -> None:
    assert not hasattr(coder, "_GETTING_VERBS") and coder.GETTING_VERBS is arguments.GETTING_VERBS


def test_a_subject_that_receives_support_does_not_give_it(veille_nlp) -> None:
    from veille.events.testing import code, codes, of_type
    support = of_type(code(veille_nlp, "Le gouvernement ukrainien a reçu mardi le soutien de la France."), "SUPPORT")
    assert support and codes(support[0]["actor"]) == {"FRA"} and codes(support[0]["recipient"]) == {"UKR"}, support
