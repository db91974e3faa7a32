"""Stories on real-looking dispatches, through the whole pipeline (spaCy model, linker, coder):
reports of one story written on successive days with different wording join; articles that only
share a country with it do not. The texts are invented for these tests."""

from __future__ import annotations

import json
from collections import Counter as Bag

import pytest

from veille.pipeline import Ingestor
from veille.store import Store
from veille.stories.profile import DocFeatures, Idf, Story, doc_vector, needed, similarity

EXPULSION_1 = (
    "La Norvège a annoncé mardi l'expulsion de trois diplomates russes, accusés d'avoir recruté un "
    "ingénieur d'un chantier naval de Bergen pour obtenir des plans de frégates. Le ministère norvégien "
    "des Affaires étrangères a convoqué l'ambassadeur de Russie à Oslo et donné aux trois hommes une "
    "semaine pour quitter le territoire. L'ingénieur, un Norvégien de 41 ans, a été arrêté la semaine "
    "dernière par le service de sécurité de la police (PST) à la sortie d'un restaurant où il aurait "
    "remis une clé USB à un attaché de l'ambassade. La Première ministre a dénoncé « une atteinte grave "
    "à notre souveraineté ». Moscou n'avait pas réagi mardi soir."
)
EXPULSION_2 = (
    "Moscou a riposté mercredi en ordonnant le départ de trois diplomates norvégiens, au lendemain de "
    "l'expulsion de trois membres de l'ambassade russe à Oslo soupçonnés d'espionnage. La diplomatie "
    "russe a qualifié de « provocation » l'affaire du chantier naval de Bergen et nié toute tentative "
    "d'obtenir les plans de frégates de la marine norvégienne. L'ambassadeur de Norvège a été convoqué "
    "au ministère à Moscou. Les deux pays, voisins dans l'Arctique, entretenaient jusqu'ici une "
    "coopération étroite sur la pêche en mer de Barents."
)
EXPULSION_3 = (
    "L'ingénieur norvégien arrêté pour espionnage au profit de la Russie a été inculpé vendredi par un "
    "tribunal d'Oslo, qui l'a placé en détention provisoire pour quatre semaines. Selon le PST, il aurait "
    "transmis à un attaché de l'ambassade russe, depuis expulsé, des documents sur les frégates construites "
    "au chantier naval de Bergen, contre plusieurs dizaines de milliers de couronnes. Son avocat affirme "
    "qu'il ignorait travailler pour le renseignement russe. Après l'expulsion croisée de diplomates cette "
    "semaine, Oslo a suspendu la commission mixte sur la pêche en mer de Barents."
)
FUND = (
    "Le fonds souverain de la Norvège, le plus gros du monde, a annoncé mercredi un rendement de 14 % "
    "sur le premier semestre, porté par les valeurs technologiques américaines. Alimenté par les revenus "
    "du pétrole et du gaz de la mer du Nord, le fonds pèse désormais plus de 1.400 milliards d'euros. Son "
    "directeur a prévenu que la hausse des taux d'intérêt pourrait peser sur les marchés obligataires d'ici "
    "la fin de l'année, et que le fonds réduirait ses placements dans l'immobilier de bureaux."
)
SKI = (
    "Le skieur norvégien Henrik Solberg a remporté dimanche à Kitzbühel la descente de Coupe du monde, "
    "devant l'Autrichien Lukas Maier et le Suisse Marco Odermatt. Solberg, 26 ans, signe sa troisième "
    "victoire de la saison et prend la tête du classement général. La Norvège place trois skieurs dans "
    "les dix premiers, une performance inédite sur cette piste réputée la plus difficile du circuit."
)
TALKS_1 = (
    "Les négociations entre le gouvernement colombien et la guérilla de l'ELN ont repris lundi à La Havane, "
    "après trois mois d'interruption. Les délégations doivent discuter d'un cessez-le-feu bilatéral et de "
    "la libération des otages encore détenus par les rebelles dans le Catatumbo. Le chef de la délégation "
    "gouvernementale, Álvaro Leyva, s'est dit « prudemment optimiste »."
)
TALKS_2 = (
    "L'ELN et Bogota ont signé samedi à La Havane un accord de cessez-le-feu bilatéral de six mois, au terme "
    "de deux semaines de discussions. La guérilla s'engage à libérer les otages qu'elle détient dans le "
    "Catatumbo et à suspendre les enlèvements. Álvaro Leyva, qui dirige la délégation du gouvernement "
    "colombien, a salué « un pas historique » tout en reconnaissant que la trêve restait fragile."
)
COFFEE = (
    "Les exportations de café de la Colombie ont reculé de 12 % en un an, a annoncé jeudi la fédération des "
    "producteurs, qui invoque la sécheresse liée au phénomène El Niño dans les régions andines. Les prix "
    "payés aux petits exploitants ont pourtant augmenté, portés par la demande européenne et asiatique."
)


def _ingest(store: Store, nlp, tmp_path, records: list[dict]) -> dict[str, str]:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    Ingestor(store, nlp=nlp).ingest_paths([path])
    return dict(store.con.execute("SELECT url, story_id FROM documents").fetchall())


def _record(key: str, title: str, published: str, text: str) -> dict[str, str]:
    return {"url": f"test:{key}", "title": title, "published": published, "text": text}


@pytest.fixture(scope="module")
def real_stories(tmp_path_factory, veille_nlp):
    folder = tmp_path_factory.mktemp("real-stories")
    store = Store(folder / "s.duckdb")
    records = [
        _record("fund", "Norvège : rendement record pour le fonds souverain", "2023-08-16", FUND),
        _record("exp1", "Espionnage : Oslo expulse trois diplomates russes", "2023-08-15", EXPULSION_1),
        _record("talks1", "Colombie : reprise des pourparlers avec l'ELN à Cuba", "2023-08-14", TALKS_1),
        _record("exp2", "Moscou expulse à son tour trois diplomates norvégiens", "2023-08-16", EXPULSION_2),
        _record("coffee", "Colombie : les exportations de café en baisse", "2023-08-17", COFFEE),
        _record("ski", "Ski alpin : Solberg s'impose à Kitzbühel", "2023-08-20", SKI),
        _record("exp3", "L'ingénieur accusé d'espionnage inculpé à Oslo", "2023-08-18", EXPULSION_3),
        _record("talks2", "Colombie : cessez-le-feu de six mois entre Bogota et l'ELN", "2023-08-26", TALKS_2),
    ]
    stories = _ingest(store, veille_nlp, folder, records)
    yield {key.split(":")[1]: story for key, story in stories.items()}
    store.close()


def test_reports_of_one_story_on_successive_days_join(real_stories):
    assert real_stories["exp1"] == real_stories["exp2"] == real_stories["exp3"]


def test_reports_twelve_days_apart_join_when_they_tell_the_same_story(real_stories):
    assert real_stories["talks1"] == real_stories["talks2"]


def test_articles_sharing_only_a_country_stay_apart(real_stories):
    spy = real_stories["exp1"]
    assert real_stories["fund"] != spy and real_stories["ski"] != spy
    assert real_stories["fund"] != real_stories["ski"]
    assert real_stories["coffee"] != real_stories["talks1"]


# -- the mechanism, on features ------------------------------------------------------------
def _features(seq: int, published: str, words: dict[str, int]) -> DocFeatures:
    return DocFeatures(f"d{seq}", seq, published, {"w": Bag(words)})


def test_the_score_needed_grows_with_the_days_between_a_document_and_its_story():
    values = [needed(gap) for gap in (None, 0, 1, 3, 10, 30, 90)]
    assert values[0] == values[1]
    assert all(a < b for a, b in zip(values[1:], values[2:], strict=False))


def test_a_story_norm_follows_the_store_as_it_grows():
    idf = Idf({}, 0)
    story = Story("S-1", 0)
    first = _features(0, "2023-08-15", {"espion": 2, "diplomat": 1, "oslo": 1})
    idf.add(first.feature_keys())
    story.add(first, idf)
    for seq in range(1, 200):  # the store grows with unrelated documents
        idf.add({f"w:autre{seq}"})
    fresh = Story("S-2", 0)
    fresh.add(first, idf)
    assert story.norms["w"] < fresh.norms["w"]
    assert story.norm("w", idf.total) == pytest.approx(fresh.norms["w"], rel=1e-6)
    # so the cosine of the same text with the old story stays at most 1, as with the fresh one
    vector = doc_vector(first, idf)
    assert similarity(vector, story)[1] == pytest.approx(similarity(vector, fresh)[1], rel=1e-6)


def test_in_a_young_store_the_words_two_texts_share_are_not_taken_for_common_ones():
    idf = Idf({}, 0)
    a = _features(0, "2023-08-15", {"espion": 1, "diplomat": 1, "fregat": 1, "pech": 1})
    b = _features(1, "2023-08-16", {"espion": 1, "diplomat": 1, "fregat": 1, "riposte": 1})
    idf.add(a.feature_keys())
    story = Story("S-1", 0)
    story.add(a, idf)
    idf.add(b.feature_keys())
    shared, own = idf("w:espion"), idf("w:riposte")
    assert shared / own > 0.85  # two documents in common out of two do not make a word common
    assert similarity(doc_vector(b, idf), story)[1] > 0.65
