"""Stories step: republications, story clusters, merged events, streaming, on real DuckDB files."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import duckdb

from veille import stories
from veille.model import load_model
from veille.store import Batch, Store, derived
from veille.store.duckdb_store import MIGRATIONS, STORY_TABLES, create_table_sql
from veille.store.export import export
from veille.store.queries import StoryFilter, find_stories, get_story, merged_events

# -- texts ------------------------------------------------------------------------------
ARMENIA_1 = (
    "Le ministère arménien de la Défense a déclaré vendredi 7 janvier qu'il avait envoyé 100 soldats au "
    "Kazakhstan dans le cadre d'une opération de maintien de la paix dirigée par la Russie. L'unité "
    "arménienne, intégrée à la force collective de l'Organisation du traité de sécurité collective (OTSC), "
    "doit protéger des sites stratégiques près d'Almaty, où des émeutes ont éclaté après la hausse du prix "
    "du gaz. Le président kazakh Kassym-Jomart Tokaïev avait sollicité l'aide de l'alliance mercredi soir. "
    "Erevan assure que ses militaires ne participeront pas aux opérations contre les manifestants et "
    "rentreront dès que la mission sera terminée."
)
ARMENIA_2 = (
    "Cent militaires arméniens sont arrivés vendredi au Kazakhstan. Ils rejoignent les parachutistes russes "
    "déployés par l'OTSC à la demande de Kassym-Jomart Tokaïev, confronté à des troubles sans précédent à "
    "Almaty. Nikol Pachinian, qui préside cette année l'alliance militaire, a défendu l'envoi de ce "
    "contingent malgré les critiques de l'opposition à Erevan, qui redoute de voir l'Arménie entraînée dans "
    "la répression. Les soldats arméniens garderont des infrastructures et ne prendront pas part au maintien "
    "de l'ordre, selon le gouvernement."
)
ARMENIA_3 = (
    "L'Arménie a dépêché un détachement de cent soldats au Kazakhstan, a confirmé samedi le porte-parole du "
    "ministère de la Défense, au lendemain de leur départ d'Erevan à bord d'avions russes. La mission de "
    "l'OTSC compte désormais plusieurs milliers d'hommes, en majorité russes, répartis entre Almaty et la "
    "capitale Noursoultan. Le Kremlin affirme que la force quittera le pays une fois l'ordre rétabli, "
    "tandis que Tokaïev promet de punir les « terroristes » responsables des violences."
)
TOLL_1 = (
    "Le bilan des émeutes au Kazakhstan s'alourdit. Les autorités kazakhes n'avaient d'abord reconnu que 26 "
    "manifestants tués par les forces de l'ordre à Almaty, où la police a tiré sur la foule qui prenait "
    "d'assaut la mairie et des commissariats. Des milliers de personnes ont été interpellées depuis le début "
    "de la contestation, partie de la province après la hausse du prix du gaz. Tokaïev a ordonné de tirer "
    "sans sommation et remercié l'OTSC pour son aide."
)
TOLL_2 = (
    "Le ministère kazakh de la Santé a annoncé dimanche que 164 personnes avaient été tuées au Kazakhstan "
    "pendant une semaine de troubles, dont 103 à Almaty, la capitale économique, où les forces de sécurité "
    "ont ouvert le feu sur des manifestants. Ce nouveau bilan est bien plus lourd que celui donné jusqu'ici "
    "par la police. Le président Tokaïev, qui a obtenu l'envoi de troupes de l'OTSC, accuse des groupes "
    "terroristes entraînés à l'étranger d'avoir organisé les émeutes."
)
MALI_1 = (
    "Emmanuel Macron a annoncé jeudi le retrait militaire de la France du Mali, après neuf années "
    "d'opérations antiterroristes au Sahel. Les soldats de l'opération Barkhane et les forces spéciales "
    "européennes de Takuba quitteront le pays dans les quatre à six mois, a précisé le président français "
    "lors d'une conférence de presse à l'Élysée. Paris reproche à la junte au pouvoir à Bamako d'avoir "
    "reporté les élections et fait appel aux mercenaires russes du groupe Wagner. Les bases de Gossi, "
    "Ménaka et Gao seront fermées et une partie des forces redéployée au Niger."
)
MALI_2 = (
    "La France et ses partenaires européens ont officialisé jeudi le départ du Mali des forces Barkhane et "
    "Takuba. Dans une déclaration commune, ils estiment que les conditions ne sont plus réunies pour "
    "poursuivre leur engagement militaire face à l'obstruction des autorités de transition maliennes. Le "
    "président Macron a assuré que la lutte contre les groupes jihadistes continuerait au Sahel, depuis le "
    "Niger. À Bamako, la junte du colonel Assimi Goïta a demandé le retrait sans délai des soldats "
    "français, dont la présence remontait à l'opération Serval de 2013."
)
WORLD_CUP = (
    "L'Argentine a remporté dimanche à Lusail, au Qatar, la troisième Coupe du monde de son histoire en "
    "battant la France aux tirs au but au terme d'une finale légendaire. Lionel Messi a ouvert le score sur "
    "penalty avant qu'Angel Di Maria ne double la mise. Kylian Mbappé a tout relancé en fin de match par un "
    "doublé, puis a égalisé en prolongation, mais Kingsley Coman et Aurélien Tchouaméni ont échoué lors de "
    "la séance de tirs au but. Les Bleus, tenants du titre, n'ont pas réussi à conserver leur couronne "
    "mondiale malgré le triplé de leur attaquant vedette."
)
ECB = (
    "La Banque centrale européenne doit continuer à relever ses taux d'intérêt pour combattre l'inflation, "
    "même si la probabilité d'une récession dans la zone euro a augmenté, estime sa présidente, la "
    "Française Christine Lagarde. La BCE a déjà relevé ses taux de 200 points de base lors de ses trois "
    "dernières réunions et les marchés anticipent d'autres hausses. L'inflation a atteint 10,7 % en "
    "octobre en zone euro et devrait rester au-dessus de la cible jusqu'en 2024, a averti la "
    "présidente de l'institution de Francfort."
)
HEADER = "Publié le 8 janvier 2022 à 10h32 — Rubrique International — Par la rédaction\n\n"
FOOTER = (
    "\n\nLire aussi : nos articles pour les abonnés sur l'Asie centrale.\n\nL'article Cent soldats "
    "arméniens au Kazakhstan est apparu en premier sur Caucase Info."
)


# -- rows ---------------------------------------------------------------------------------
def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def party(text: str, code: str | None, sector: str | None = None) -> dict[str, Any]:
    return {"text": text, "actor_id": None, "code": code, "sector": sector}


def mentions_for(doc_id: str, text: str, names: dict[str, tuple[str, str | None]]) -> list[dict[str, Any]]:
    """Mentions of every occurrence of the given names: {name: (label, code)}."""
    rows = []
    for name, (label, code) in names.items():
        start = text.find(name)
        while start >= 0:
            rows.append(
                {
                    "doc_id": doc_id,
                    "source": doc_id,
                    "start": start,
                    "end": start + len(name),
                    "text": name,
                    "label": label,
                    "code": code,
                }
            )
            start = text.find(name, start + 1)
    return rows


NAMES: dict[str, tuple[str, str | None]] = {
    "Kazakhstan": ("LOC", "KAZ"),
    "Almaty": ("LOC", "KAZ"),
    "Tokaïev": ("PER", "KAZ"),
    "OTSC": ("ORG", "CSTO"),
    "Russie": ("LOC", "RUS"),
    "Erevan": ("LOC", "ARM"),
    "Arménie": ("LOC", "ARM"),
    "Nikol Pachinian": ("PER", "ARM"),
    "Kremlin": ("ORG", "RUS"),
    "Noursoultan": ("LOC", "KAZ"),
    "Emmanuel Macron": ("PER", "FRA"),
    "Macron": ("PER", "FRA"),
    "France": ("LOC", "FRA"),
    "Mali": ("LOC", "MLI"),
    "Bamako": ("LOC", "MLI"),
    "Sahel": ("LOC", None),
    "Niger": ("LOC", "NER"),
    "Barkhane": ("MISC", "FRA"),
    "Takuba": ("MISC", None),
    "Paris": ("LOC", "FRA"),
    "Assimi Goïta": ("PER", "MLI"),
    "Argentine": ("LOC", "ARG"),
    "Qatar": ("LOC", "QAT"),
    "Lusail": ("LOC", "QAT"),
    "Lionel Messi": ("PER", "ARG"),
    "Kylian Mbappé": ("PER", "FRA"),
    "Banque centrale européenne": ("ORG", "EU"),
    "BCE": ("ORG", "EU"),
    "Christine Lagarde": ("PER", "EU"),
    "Française": ("MISC", "FRA"),
    "Francfort": ("LOC", "DEU"),
    "Wagner": ("ORG", "RUS"),
}


class Corpus:
    """Builds documents with their mentions and events, and writes them in batches."""

    def __init__(self) -> None:
        self.items: list[Batch] = []
        self.ids: list[str] = []
        self.when = datetime(2024, 1, 1)

    def doc(
        self,
        text: str,
        outlet: str,
        published: str | None,
        events: list[dict[str, Any]] = (),
        names: dict[str, tuple[str, str | None]] | None = None,
        title: str | None = None,
    ) -> str:
        doc_id = doc_id_of(text)
        batch = Batch()
        source = f"https://{outlet}/{doc_id}"
        batch.add(
            "documents",
            {
                "doc_id": doc_id,
                "source": source,
                "url": source,
                "title": title,
                "published": published,
                "outlet": outlet,
                "lang": "fr",
                "status": "parsed",
                "text": text,
            },
        )
        batch.add("sources", {"doc_id": doc_id, "source": source, "outlet": outlet})
        batch.extend("mentions", mentions_for(doc_id, text, NAMES if names is None else names))
        for number, event in enumerate(events):
            row = {
                "context": [],
                "mode": None,
                "reported_by": None,
                "date_fallback": False,
                "location": None,
                "size": None,
                "status": "asserted",
                "start": 0,
                "end": 10,
                "trigger": None,
                **event,
            }
            row.update({"event_id": f"{doc_id}-{number:03d}", "doc_id": doc_id, "source": source})
            batch.add("events", row)
        self.items.append(batch)
        self.ids.append(doc_id)
        return doc_id

    def write(
        self, store: Store, batches: int = 1, *, run: bool = True, merge: bool = True
    ) -> list[stories.StoryUpdate]:
        size = -(-len(self.items) // batches)
        updates = []
        for start in range(0, len(self.items), size):
            self.when += timedelta(minutes=1)
            merged = Batch()
            for batch in self.items[start : start + size]:
                for table, rows in batch.rows.items():
                    for row in rows:
                        merged.add(table, {**row, "ingested_at": self.when} if table == "documents" else row)
            store.write(merged)
            if run:
                updates.append(stories.update(store, self.ids[start : start + size], merge=merge))
        return updates


def deployment(
    text: str,
    status: str = "asserted",
    reporter: dict[str, Any] | None = None,
    etype: str = "AID",
    date: str = "2022-01-07",
) -> dict[str, Any]:
    return {
        "type": etype,
        "actor": [party("Arménie", "ARM", "MIL")],
        "recipient": [party("Kazakhstan", "KAZ")],
        "status": status,
        "reported_by": reporter,
        "date": date,
        "date_precision": "day",
        "size": {"troops": 100},
        "location": {"name": "Kazakhstan", "code": "KAZ"},
        "sentence": text.split(". ")[0] + ".",
    }


def toll(text: str, dead: int, reporter: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "type": "ASSAULT",
        "actor": [party("forces de sécurité", "KAZ", "COP")],
        "recipient": [party("manifestants", "KAZ", "CVL")],
        "status": "reported",
        "reported_by": reporter,
        "date": "2022-01",
        "date_precision": "month",
        "size": {"dead": dead},
        "location": {"name": "Almaty", "code": "KAZ"},
        "sentence": text.split(". ")[1] + ".",
    }


def story_of(store: Store, doc_id: str) -> str:
    return store.con.execute("SELECT story_id FROM documents WHERE doc_id = ?", [doc_id]).fetchall()[0][0]


def duplicate_of(store: Store, doc_id: str) -> str | None:
    return store.con.execute("SELECT duplicate_of FROM documents WHERE doc_id = ?", [doc_id]).fetchall()[0][0]


def partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc_id, story_id in store.con.execute("SELECT doc_id, story_id FROM documents").fetchall():
        assert story_id is not None, doc_id
        groups.setdefault(story_id, set()).add(doc_id)
    return {frozenset(g) for g in groups.values()}


# -- schema -------------------------------------------------------------------------------
def test_a_version_1_store_is_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for table in load_model().tables.values():
        if table.name not in STORY_TABLES:
            con.execute(create_table_sql(table))
    for column in ("story_id", "duplicate_of", "outlet_id", "outlet_kind", "outlet_country", "outlet_state",
                   "politics"):
        con.execute(f"ALTER TABLE documents DROP COLUMN {column}")  # added by later versions
    con.execute("INSERT INTO documents (doc_id, text) VALUES ('d1', 'Le Kazakhstan.')")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS) == 13
        columns = [
            r[0]
            for r in store.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents' "
                "ORDER BY ordinal_position"
            ).fetchall()
        ]
        assert columns == load_model()["documents"].columns
        assert store.counts()["documents"] == 1
        for name in STORY_TABLES:
            assert name in store.counts()
        assert _columns(store, "stories") == load_model()["stories"].columns


def _columns(store: Store, table: str) -> list[str]:
    return [r[0] for r in store.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def test_a_version_2_store_keeps_its_merged_events_current(tmp_path):
    path = tmp_path / "v2.duckdb"
    with Store(path) as store:
        _corpus().write(store)
        merged = store.counts()["merged_events"]
        store.con.execute("ALTER TABLE stories DROP COLUMN merged_at")
        with derived.unindexed(store.con, "events"):  # DuckDB alters no indexed table
            store.con.execute("ALTER TABLE events DROP COLUMN date_anchor")
            store.con.execute("ALTER TABLE events DROP COLUMN politics")  # migration 13's
        store.con.execute("DELETE FROM schema_version WHERE version >= 3")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert _columns(store, "stories") == load_model()["stories"].columns
        assert _columns(store, "events") == load_model()["events"].columns
        # migration 3 keeps merged events current; 4 marks stale only the stories a document without
        # a publication day belongs to (their events may be dated from the story)
        undated = {r[0] for r in store.con.execute(
            "SELECT story_id FROM documents WHERE published IS NULL OR length(published) < 10").fetchall()}
        stale = {r[0] for r in store.con.execute("SELECT story_id FROM stories WHERE merged_at IS NULL").fetchall()}
        assert stale == undated and 0 < len(stale) < _scalar(store, "SELECT count(*) FROM stories")
        assert sorted(stories.merge_stale(store).stories_updated) == sorted(stale)
        assert store.counts()["merged_events"] == merged > 0


# -- republications -------------------------------------------------------------------------
def test_exact_copy_counts_its_outlet_as_a_carrier(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    first = corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1)])
    corpus.write(store)
    copy = Batch()  # the same clean text read again from another outlet: same doc_id, a new source
    copy.add("sources", {"doc_id": first, "source": "https://copie.example/a", "outlet": "copie.example"})
    store.write(copy)
    update = stories.update(store, [first])
    assert update.documents == 0 and update.stories_updated == [story_of(store, first)]
    (story,) = find_stories(store, StoryFilter(limit=500))[1]
    assert story["num_documents"] == 1 and story["num_sources"] == 1
    assert story["carriers"] == ["lemonde.fr", "copie.example"]
    (event,) = merged_events(store)
    assert event["num_sources"] == 1 and event["carriers"] == ["lemonde.fr", "copie.example"]


def test_copy_with_another_header_and_footer_is_a_republication(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    original = corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2)])
    other = corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1)])
    copy = corpus.doc(
        HEADER + ARMENIA_2.replace("sans précédent", "inédits") + FOOTER,
        "caucase.info",
        None,
        [deployment(ARMENIA_2)],
    )
    (update,) = corpus.write(store)
    assert duplicate_of(store, copy) == original
    assert duplicate_of(store, original) is None and duplicate_of(store, other) is None
    assert update.republications == [(copy, original)]
    assert story_of(store, copy) == story_of(store, original)
    row = store.con.execute(
        "SELECT jaccard, containment FROM signatures WHERE doc_id = ?", [copy]
    ).fetchall()[0]
    assert row[1] >= 0.7


def test_teaser_is_a_partial_copy_even_when_stored_first(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    teaser_text = TOLL_2.split(". ")[0] + ". Lire la suite sur notre site."
    teaser = corpus.doc(teaser_text, "flash.example", "2022-01-09")
    corpus.write(store)
    assert duplicate_of(store, teaser) is None
    corpus = Corpus()
    article = corpus.doc(TOLL_2, "lefigaro.fr", "2022-01-09")
    (update,) = corpus.write(store)
    # the teaser was published as early as the article but only excerpts it: it is the copy
    assert duplicate_of(store, teaser) == article
    assert duplicate_of(store, article) is None
    assert (teaser, article) in update.republications
    assert story_of(store, teaser) == story_of(store, article)


def test_a_copy_published_later_is_the_copy_even_when_read_first(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    late = corpus.doc(ARMENIA_3 + FOOTER, "relais.example", "2022-01-10")
    early = corpus.doc(ARMENIA_3, "armenpress.am", "2022-01-08")
    corpus.write(store, batches=2)
    assert duplicate_of(store, late) == early
    assert duplicate_of(store, early) is None


def test_articles_on_the_same_event_are_not_republications(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    ids = [
        corpus.doc(t, o, "2022-01-07")
        for t, o in ((ARMENIA_1, "a.fr"), (ARMENIA_2, "b.fr"), (ARMENIA_3, "c.fr"))
    ]
    corpus.write(store)
    assert [duplicate_of(store, d) for d in ids] == [None, None, None]


# -- stories --------------------------------------------------------------------------------
def test_unrelated_articles_sharing_a_country_stay_apart(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    mali = [
        corpus.doc(MALI_1, "francetvinfo.fr", "2022-02-17"),
        corpus.doc(MALI_2, "africa24tv.com", "2022-02-17"),
        corpus.doc(
            MALI_1.replace("jeudi", "ce jeudi 17 février").replace("Paris reproche", "La France reproche")
            + " L'Élysée a confirmé le calendrier.",
            "lemonde.fr",
            "2022-02-18",
        ),
    ]
    football = corpus.doc(WORLD_CUP, "lequipe.fr", "2022-02-18")
    ecb = corpus.doc(ECB, "lesechos.fr", "2022-02-17")
    corpus.write(store)
    assert len({story_of(store, d) for d in mali}) == 1
    assert story_of(store, football) not in {story_of(store, mali[0]), story_of(store, ecb)}
    assert story_of(store, ecb) != story_of(store, mali[0])


def test_far_apart_dates_do_not_join(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    first = corpus.doc(MALI_1, "francetvinfo.fr", "2022-02-17")
    later = corpus.doc(MALI_2, "africa24tv.com", "2022-06-30")
    corpus.write(store)
    assert story_of(store, first) != story_of(store, later)


def test_stories_have_labels_dates_and_documents(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    ids = [
        corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1)]),
        corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-08", [deployment(ARMENIA_2)]),
        corpus.doc(ARMENIA_3, "france24.com", "2022-01-08", [deployment(ARMENIA_3, etype="MOBILIZE")]),
    ]
    corpus.write(store)
    (story,) = find_stories(store, StoryFilter(limit=500))[1]
    assert story["num_documents"] == 3 and story["num_sources"] == 3
    assert (story["first_date"], story["last_date"]) == ("2022-01-07", "2022-01-08")
    assert "KAZ" in story["actors"] and "AID" in story["event_types"]
    assert "KAZ" in story["label"] and "AID" in story["label"]
    timeline = get_story(store, story["story_id"])
    assert timeline is not None
    assert [d["doc_id"] for d in timeline["documents"]] == ids
    assert len(timeline["merged_events"]) == 1
    assert get_story(store, "S-nope") is None
    assert find_stories(store, StoryFilter(min_documents=4))[1] == []


# -- merged events ---------------------------------------------------------------------------
def test_one_deployment_reported_by_three_outlets_is_one_merged_event(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    ministry = {"text": "Le ministère arménien de la Défense", "actor_id": None, "code": "ARM"}
    ids = [
        corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1, "reported", ministry)]),
        corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2)]),
        corpus.doc(
            ARMENIA_3,
            "france24.com",
            "2022-01-08",
            [deployment(ARMENIA_3, "reported", ministry, etype="MOBILIZE")],
        ),
        corpus.doc(
            HEADER + ARMENIA_1 + FOOTER, "caucase.info", None, [deployment(ARMENIA_1, "reported", ministry)]
        ),
    ]
    corpus.write(store)
    (event,) = merged_events(store)
    assert event["num_documents"] == 3 and event["num_sources"] == 3
    assert event["carriers"] == ["lemonde.fr", "rfi.fr", "france24.com", "caucase.info"]
    assert event["type"] == "AID" and event["types"] == ["AID", "MOBILIZE"]
    assert event["status"] == "asserted" and not event["disputed"]
    assert [r["text"] for r in event["reported_by"]] == ["Le ministère arménien de la Défense"]
    assert event["reported_by"][0]["outlets"] == ["lemonde.fr", "france24.com", "caucase.info"]
    assert event["size"]["troops"]["value"] == 100 and not event["conflicting"]
    assert event["date"] == "2022-01-07" and event["first_reported"] == "2022-01-07"
    assert {p["doc_id"] for p in event["provenance"]} == set(ids)
    copy = next(p for p in event["provenance"] if p["doc_id"] == ids[3])
    assert copy["republication_of"] == ids[0] and copy["outlet"] == "caucase.info"
    assert {"event_id", "doc_id", "source", "outlet", "sentence", "status", "reported_by"} <= set(copy)


def test_disagreeing_tolls_are_kept_side_by_side(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    police = {"text": "Les autorités kazakhes", "actor_id": None, "code": "KAZ"}
    health = {"text": "Le ministère kazakh de la Santé", "actor_id": None, "code": "KAZ"}
    corpus.doc(TOLL_1, "secoursrouge.org", "2022-01-09", [toll(TOLL_1, 26, police)])
    corpus.doc(TOLL_2, "lefigaro.fr", "2022-01-10", [toll(TOLL_2, 164, health)])
    corpus.write(store)
    (event,) = merged_events(store)
    assert event["conflicting"] is True
    dead = event["size"]["dead"]
    assert dead["conflicting"] is True and dead["value"] is None
    assert [(v["value"], v["outlets"], v["reported_by"]) for v in dead["values"]] == [
        (26, ["secoursrouge.org"], ["Les autorités kazakhes"]),
        (164, ["lefigaro.fr"], ["Le ministère kazakh de la Santé"]),
    ]
    assert event["num_sources"] == 2


def test_a_denial_makes_the_event_disputed(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1)])
    corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2, status="negated")])
    corpus.write(store)
    (event,) = merged_events(store)
    assert event["status"] == "asserted" and event["disputed"] is True


def test_different_events_of_a_story_stay_apart(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    corpus.doc(
        ARMENIA_1,
        "lemonde.fr",
        "2022-01-07",
        [
            deployment(ARMENIA_1),
            toll(TOLL_1, 26, None) | {"sentence": "une autre phrase"},
            deployment(ARMENIA_1, status="future", date="2022-01-12"),
        ],
    )
    corpus.doc(
        ARMENIA_2,
        "rfi.fr",
        "2022-01-07",
        [deployment(ARMENIA_2, date="2022-01-03") | {"actor": [party("Russie", "RUS")]}],
    )
    corpus.write(store)
    events = merged_events(store)
    assert len(events) == 4
    assert all(e["num_documents"] == 1 for e in events)


def test_republication_events_are_not_new(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2)])
    corpus.doc(
        HEADER + ARMENIA_2 + FOOTER,
        "caucase.info",
        None,
        [deployment(ARMENIA_2), toll(TOLL_1, 26, None) | {"sentence": ARMENIA_2[:80]}],
    )
    corpus.write(store)
    (event,) = merged_events(store)
    assert event["num_documents"] == 1 and event["num_sources"] == 1
    assert event["carriers"] == ["rfi.fr", "caucase.info"]


def test_merged_events_export(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1)])
    corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2)])
    corpus.write(store)
    for table in ("merged_events", "stories", "documents"):
        for fmt in ("jsonl", "csv", "parquet"):
            assert export(store, table, fmt, tmp_path / f"{table}.{fmt}") >= 1


# -- streaming --------------------------------------------------------------------------------
def _corpus() -> Corpus:
    corpus = Corpus()
    ministry = {"text": "Le ministère arménien de la Défense", "actor_id": None, "code": "ARM"}
    corpus.doc(TOLL_1, "secoursrouge.org", "2022-01-09", [toll(TOLL_1, 26, None)])
    corpus.doc(MALI_1, "francetvinfo.fr", "2022-02-17")
    corpus.doc(ARMENIA_1, "lemonde.fr", "2022-01-07", [deployment(ARMENIA_1, "reported", ministry)])
    corpus.doc(WORLD_CUP, "lequipe.fr", None)
    corpus.doc(". ".join(TOLL_2.split(". ")[:2]) + ". Lire la suite.", "flash.example", "2022-01-10")
    corpus.doc(ARMENIA_2, "rfi.fr", "2022-01-07", [deployment(ARMENIA_2)])
    corpus.doc(MALI_2, "africa24tv.com", "2022-02-17")
    corpus.doc(TOLL_2, "lefigaro.fr", "2022-01-10", [toll(TOLL_2, 164, None)])
    corpus.doc(HEADER + ARMENIA_2 + FOOTER, "caucase.info", None, [deployment(ARMENIA_2)])
    corpus.doc(ECB, "lesechos.fr", None)
    corpus.doc(ARMENIA_3, "france24.com", "2022-01-08", [deployment(ARMENIA_3, etype="MOBILIZE")])
    return corpus


def _state(store: Store) -> tuple[Any, ...]:
    docs = store.con.execute("SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id").fetchall()
    merged = store.con.execute(
        "SELECT merged_id, num_documents, num_sources, carriers, conflicting "
        "FROM merged_events ORDER BY merged_id"
    ).fetchall()
    profiles = store.con.execute(
        "SELECT story_id, label, num_documents, profile::VARCHAR FROM stories ORDER BY story_id"
    ).fetchall()
    return partition(store), docs, merged, profiles


def test_three_batches_give_the_same_stories_as_one(tmp_path):
    one = Store(tmp_path / "one.duckdb")
    _corpus().write(one)
    three = Store(tmp_path / "three.duckdb")
    updates = _corpus().write(three, batches=3)
    assert len(updates) == 3
    assert _state(one) == _state(three)
    groups = partition(one)
    assert frozenset({doc_id_of(WORLD_CUP)}) in groups and frozenset({doc_id_of(ECB)}) in groups
    assert any({doc_id_of(MALI_1), doc_id_of(MALI_2)} <= g for g in groups)
    rebuilt = Store(tmp_path / "one.duckdb")
    one.close()
    stories.rebuild(rebuilt)
    assert _state(rebuilt)[0] == _state(three)[0]


def _scalar(store: Store, sql: str) -> int:
    return store.con.execute(sql).fetchone()[0]


def test_merging_once_at_the_end_gives_the_same_merged_events(tmp_path):
    every_batch = Store(tmp_path / "every.duckdb")
    _corpus().write(every_batch, batches=3)
    deferred = Store(tmp_path / "deferred.duckdb")
    _corpus().write(deferred, batches=3, merge=False)
    stale = _scalar(deferred, "SELECT count(*) FROM stories WHERE merged_at IS NULL")
    assert stale == _scalar(deferred, "SELECT count(*) FROM stories") > 0
    assert deferred.counts()["merged_events"] == 0
    done = stories.merge_stale(deferred, chunk=2)  # several transactions
    assert len(done.stories_updated) == stale and done.merged_events == every_batch.counts()["merged_events"]
    assert _state(deferred) == _state(every_batch)
    assert _scalar(deferred, "SELECT count(*) FROM stories WHERE merged_at IS NULL") == 0
    assert stories.merge_stale(deferred).stories_updated == []
    # a later batch touching one story marks only that story stale
    corpus = Corpus()
    corpus.doc(MALI_2 + " Les soldats sont rentrés.", "rfi.fr", "2022-02-18")
    corpus.write(deferred, merge=False)
    assert _scalar(deferred, "SELECT count(*) FROM stories WHERE merged_at IS NULL") == 1


def test_update_without_ids_catches_up(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = _corpus()
    corpus.write(store, run=False)
    update = stories.update(store)
    assert update.documents == len(corpus.ids)
    assert stories.update(store).documents == 0
    assert stories.update(store, corpus.ids).documents == 0
    assert all(story_id for (story_id,) in store.con.execute("SELECT story_id FROM documents").fetchall())


def test_dispatch_texts_stream_identically(tmp_path):
    from conftest import DEPECHES, read_jsonl

    states = []
    for batches in (1, 3):
        corpus = Corpus()
        for record in read_jsonl(DEPECHES):
            corpus.doc(record["text"], record["outlet"], record["published"], names={}, title=record["title"])
        store = Store(tmp_path / f"dispatches{batches}.duckdb")
        corpus.write(store, batches=batches)
        copies = store.con.execute(
            "SELECT outlet FROM documents WHERE duplicate_of IS NOT NULL ORDER BY outlet"
        ).fetchall()
        assert copies == [("info-monde24.net",), ("nouvelles-express.net",)]
        states.append(_state(store))
    assert states[0] == states[1]


def test_a_story_covers_at_most_max_span_days():
    from collections import Counter as Bag

    from veille.stories.profile import MAX_SPAN_DAYS, WINDOW_DAYS, DocFeatures, Idf, Story

    def features(seq: int, published: str | None) -> DocFeatures:
        return DocFeatures(f"d{seq}", seq, published, {"w": Bag({"otsc": 1, "kazakhstan": 1})})

    story, idf = Story("S-1", 0), Idf({}, 0)
    start = datetime(2022, 1, 1)
    day = 0
    while day < 10 * MAX_SPAN_DAYS:  # a document every WINDOW_DAYS // 2 days, each near the last one
        doc = features(day, (start + timedelta(days=day)).date().isoformat())
        if not story.in_window(doc):
            break
        story.add(doc, idf)
        day += WINDOW_DAYS // 2
    assert MAX_SPAN_DAYS - WINDOW_DAYS // 2 < day - WINDOW_DAYS // 2 <= MAX_SPAN_DAYS
    assert day <= MAX_SPAN_DAYS + WINDOW_DAYS // 2
    # a month-precise or undated document does not stretch the days: it may still join
    assert story.in_window(features(day + 1, "2022-01"))
    assert story.in_window(features(day + 1, None))
    # nor does a day inside the span
    assert story.in_window(features(day + 1, "2022-01-03"))


def test_merged_events_built_a_few_mentions_at_a_time_are_the_same(tmp_path):
    import json

    from veille.stories.merge import DocInfo, merge_story, merge_story_chunks

    store = Store(tmp_path / "s.duckdb")
    _corpus().write(store)
    docs: dict[str, DocInfo] = {}
    for doc_id, seq, outlet, source, published, original in store.con.execute(
        "SELECT d.doc_id, s.seq, d.outlet, d.source, d.published, coalesce(d.duplicate_of, d.doc_id) "
        "FROM documents d JOIN signatures s USING (doc_id)"
    ).fetchall():
        docs[doc_id] = DocInfo(doc_id, seq, outlet, source, published, original)
    cursor = store.con.execute("SELECT * FROM events ORDER BY event_id")
    names = [c[0] for c in cursor.description]
    events = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        for name in ("actor", "recipient", "reported_by", "size", "location"):
            row[name] = json.loads(row[name]) if isinstance(row[name], str) else row[name]
        events.append(row)
    by_id = {str(e["event_id"]): e for e in events}
    asked: list[int] = []

    def fetch(ids: list[str]) -> dict[str, dict[str, Any]]:
        asked.append(len(ids))
        return {i: by_id[i] for i in ids}

    whole = merge_story("S", docs, events)
    chunks = list(merge_story_chunks("S", docs, iter(events), fetch, chunk=1))
    assert [row for rows in chunks for row in rows] == whole
    assert len(chunks) == len(whole) > 1
    assert sum(asked) == sum(len(r["provenance"]) for r in whole)


def test_merging_a_few_documents_per_transaction_gives_the_same_merged_events(tmp_path):
    every_batch = Store(tmp_path / "every.duckdb")
    _corpus().write(every_batch)
    deferred = Store(tmp_path / "deferred.duckdb")
    _corpus().write(deferred, merge=False)
    done = stories.merge_stale(deferred, documents=1)
    assert len(done.stories_updated) == _scalar(deferred, "SELECT count(*) FROM stories")
    assert _state(deferred) == _state(every_batch)


def test_long_stories_are_merged_in_chunks_with_the_same_result(tmp_path, monkeypatch):
    from veille.stories import engine

    whole = Store(tmp_path / "whole.duckdb")
    _corpus().write(whole, merge=False)
    stories.merge_stale(whole)
    monkeypatch.setattr(engine, "RECORD_CHUNK", 0)  # every story takes the long-story path
    chunked = Store(tmp_path / "chunked.duckdb")
    _corpus().write(chunked, merge=False)
    stories.merge_stale(chunked)
    assert _state(chunked) == _state(whole)
    columns = "merged_id, type, actor, recipient, date, status, size, provenance"
    query = f"SELECT {columns} FROM merged_events ORDER BY merged_id"
    assert chunked.con.execute(query).fetchall() == whole.con.execute(query).fetchall()


def test_look_alikes_do_not_crowd_out_the_original(tmp_path, monkeypatch):
    """A feed's boilerplate makes every text a candidate of every other: only the few most likely
    are compared (monkeypatched to 5 here), the original first, however many came before it."""
    from veille.stories import engine

    monkeypatch.setattr(engine, "MAX_CANDIDATES", 5)
    boilerplate = (" Cet article vous est proposé par la rédaction, abonnez-vous pour soutenir un journalisme "
                   "indépendant et recevoir chaque matin notre lettre d'information sur l'actualité internationale.")
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    alikes = [corpus.doc(" ".join(f"terme{i}x{j}" for j in range(40)) + "." + boilerplate, "feed.example",
                         "2022-01-08", names={}) for i in range(12)]
    original = corpus.doc(ARMENIA_3 + boilerplate, "armenpress.am", "2022-01-08")
    corpus.write(store)
    corpus = Corpus()
    copy = corpus.doc(HEADER + ARMENIA_3 + boilerplate, "relais.example", "2022-01-09")
    corpus.write(store)
    assert duplicate_of(store, copy) == original
    assert all(duplicate_of(store, doc) is None for doc in alikes)
    # the same text again: of its 14 candidates, the five compared include the two it copies
    computed = [stories.dedup.compute("again", 10_000, "2022-01-09", HEADER + ARMENIA_3 + boilerplate)]
    with store.transaction() as con:
        pairs = engine._Run(con)._candidate_pairs(computed)[10_000]
    ids = dict(store.con.execute("SELECT seq, doc_id FROM signatures").fetchall())
    assert len(pairs) == 5 and {ids[seq] for seq, _ in pairs[:5]} >= {original, copy}


def test_a_copy_printed_again_months_later_starts_a_story_of_its_own(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    corpus = Corpus()
    original = corpus.doc(ARMENIA_3, "armenpress.am", "2022-01-08", [deployment(ARMENIA_3)])
    corpus.write(store)
    corpus = Corpus()
    late = corpus.doc(ARMENIA_3 + FOOTER, "relais.example", "2022-04-20", [deployment(ARMENIA_3)])
    corpus.write(store)
    assert duplicate_of(store, late) == original  # still a republication
    assert story_of(store, late) != story_of(store, original)  # but news again: stories span 90 days at most
    for doc_id in (original, late):  # each story has the text's event, and one document
        story = story_of(store, doc_id)
        assert store.con.execute("SELECT count(*) FROM merged_events WHERE story_id = ?", [story]).fetchone()[0] == 1
        assert store.con.execute("SELECT num_documents FROM stories WHERE story_id = ?", [story]).fetchone()[0] == 1
