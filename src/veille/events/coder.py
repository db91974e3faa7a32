"""The ``veille_events`` spaCy component: French PLOVER event coding.

For each sentence: find triggers (``lexicon``), drop those that only describe another
trigger's argument ("a signé un accord" is one event), read actor and recipient
(``arguments``), status (``status``), counts (``sizes``), place (``places``) and date
(``dates``), then export one dict per event in the shape of model.yaml's ``events`` table.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from veille.actors.normalize import fold
from veille.events import places as placemod
from veille.events.arguments import (
    GETTING_VERBS,
    GIVER_NOUNS,
    LOCATIVE_PREPS,
    ArgumentFinder,
    Arguments,
    MentionIndex,
    Party,
    after_incise,
    asked_party,
    means_helper,
    object_clitic,
    opens_clause,
    quoted_clauses,
    reports_clause,
    reports_quote,
    temporal,
)
from veille.events.confidence import (
    POLITICS_EDGES,
    ConfidenceModel,
    bucket,
    document_features,
    document_vector,
    event_features,
    meaning_vectors,
    placement_features,
)
from veille.events.dates import (
    BACKGROUND_DAYS,
    BACKGROUND_DAYS_OLD,
    BACKGROUND_DAYS_TOLD,
    SENTENCE_ENDS,
    DateIndex,
    EventDate,
    age_in_days,
    date_index,
    dated_ahead,
    event_date,
    lead_date,
    next_reference,
    to_come,
)
from veille.events.event_topic import window_features, window_politics
from veille.events.explain import Trace
from veille.events.features import morph, present_participle
from veille.events.grammar import grammar_numbers, grammar_parameter, grammar_table, grammar_words
from veille.events.habit import habitual
from veille.events.judgement import feeling_frame, judgement_frame, opinion_holder, quote_incise
from veille.events.lexicon import Entry, Lexicon, misread_participle, que_clause, says_that
from veille.events.recall import names_by_origin, told_before_long_ago, told_before_undated, told_in_pluperfect
from veille.events.recall import recalled as recalled_act
from veille.events.sizes import counted_vaguely, extract_sizes
from veille.events.status import (
    ASSERTED,
    CLOSING_QUOTES,
    CODED,
    FACTUAL,
    FUTURE,
    HYPOTHETICAL,
    INVERTED_CLITICS,
    NEGATED,
    OPENING_QUOTES,
    QUOTE_MARKS,
    REPORTED,
    SPEECH_VERBS,
    Status,
    assess,
    closing_incise,
    incise_speaker,
    is_negated,
    is_past,
    is_prospective,
    reporter_from_prep,
)
from veille.events.topic import TopicModel
from veille.events.view import DocView, active, view_of
from veille.model import PLACE_LABELS, TIME_LABELS
from veille.model.vocabulary import load_vocabulary
from veille.nlp.extensions import EXPLAIN_KEY, MENTIONS, doc_text, register
from veille.nlp.junctions import starts_glued

register()

_CLASH = grammar_words("clash_words")
_NOMINAL_UP = frozenset({"obj", "obl", "obl:arg", "obl:mod", "nmod", "iobj", "nsubj:pass", "appos", "xcomp",
                         "conj", "acl", "nsubj"})
_DEPLOY = grammar_words("deploy_words")
_MIN_CONFIDENCE = 0.3
_YIELD_VERBS = grammar_words("yield_verbs")
_RULE_OUT_VERBS = grammar_words("rule_out_verbs")
_PROMISE_VERBS = grammar_words("promise_verbs")  # "a promis d'expulser": a hostile act promised is a threat
_EXCHANGE_CONTEXTS = grammar_words("exchange_contexts")  # buying, selling: commerce, no own affairs
_RULE_OUT_MEASURES = grammar_words("rule_out_measures")
_TOPIC_OPENERS = grammar_words("topic_openers")  # "A propos des sanctions, ..."
_WARNING_VERBS = grammar_words("warning_verbs")
_THIRD_POSSESSIVES = grammar_words("third_person_possessives")  # "ses services", "son entourage"
_CONDITION_MARKS = grammar_words("threat_condition_marks")  # "si", "à moins que", "tant que"
_NUMBER_WORDS = grammar_numbers("small_numbers")
_PERSON_NOUNS = grammar_words("person_nouns")
_SETTING_WORDS = grammar_words("setting_words")  # "à l'issue de", "en marge de"
_SETTING_PREPS = _SETTING_WORDS | grammar_words("setting_prepositions")
_SPEAKER_PRONOUNS = grammar_words("speaker_pronouns")
_WE_PRONOUNS = grammar_words("we_pronouns")  # '"on est déçus", a dit X': the speaker's side, as a first person
_SETTING_NOUNS = _SETTING_WORDS | grammar_words("setting_nouns")
_TEMPORAL_PREPS = grammar_words("temporal_prepositions")
# the key that marks, on an event being coded, an act recalled from a past period (not emitted)
_RECALLED = "_recalled"
_BY_ORIGIN = "by_origin"  # its value for a participle that names a thing by the offer it came from (recall.py)
# the key that marks an act told in the pluperfect (background sooner: BACKGROUND_DAYS_TOLD)
_TOLD_BEFORE = "_told_before"
# the key that marks an act told in the pluperfect in a clause of its own (background when the text gives it no date)
_UNDATED_BEFORE = "_undated_before"
# the key that marks an act told in the pluperfect in a clause of its own, in a sentence whose times are all long before
# the story (background whatever date the narrative lends it)
_LONG_AGO = "_long_ago"
_COMMEMORATIONS = grammar_words("commemoration_nouns")  # "le 30e anniversaire de la chute du Mur"
_PURPOSE_MARKS = grammar_words("purpose_marks")  # "pour leur demander", "afin de"
_GERUND_MARKS = grammar_words("gerund_marks")  # "en exhortant"
_AGENT_PREPS = grammar_words("agent_prepositions")  # "signé par"
_COUNT_TRIGGERS = grammar_words("count_triggers")
_REPORTER_RELATIVES = grammar_words("reporter_relatives")
_UNRESOLVED_RELATIVES = grammar_words("unresolved_relatives")
_STRESSED_PRONOUNS = grammar_words("stressed_pronouns")
_QUE_FORMS = grammar_words("que_forms")
_SOURCE_WORDS = grammar_words("source_words")  # "selon un communiqué du président"
_STREET_SECTORS = grammar_words("street_sectors")  # opposition, civilians, unions, students
_OTHER_BODIES = grammar_words("other_bodies")  # parliament, opposition, rebels, courts, civilians, parties
_INFINITIVE_TARGET_TYPES = grammar_words("infinitive_target_types")  # "a promis de ruiner X": X is aimed at
_RECIPIENT_PREPS = grammar_words("recipient_prepositions")  # "a apporté son soutien à Y"
# heads of the offices of a town, a region or the police: they act on their own state's affairs
_LOCAL_OFFICES = grammar_words("local_offices")
# how a sentence or a clause read as one ends: a sentence ending otherwise is a heading, or runs on in the next
_SENTENCE_ENDS = (*SENTENCE_ENDS, *sorted(grammar_words("clause_end_marks")))
# how a block of text that is no heading ends: a short line closed by a bracket may still be one ("... (vidéo)")
_BODY_ENDS = tuple(mark for mark in _SENTENCE_ENDS if mark not in grammar_words("heading_end_marks"))
_STATE_FORCES = grammar_words("state_forces")  # the side of a state its rebels fight
# sides that make no political event alone in ordinary news (courts, civilians, companies, media, criminals)
_ORDINARY_SECTORS = grammar_words("ordinary_sectors")
_VIOLENCE_SECTORS = grammar_words("political_violence_sectors")  # armed groups
_VIOLENCE_WORDS = grammar_words("political_violence_words")  # "attentat", "colis piégé"
# a sentence on ordinary crime or trade ("trafic de drogue", "cambriolage", "le client du magasin")
_ORDINARY_WORDS = grammar_words("ordinary_crime_words") | grammar_words("ordinary_trade_words")
_FAIT_DIVERS_WORDS = grammar_words("fait_divers_words")  # "une fusillade", "un incendie"
_PRIVATE_SECTORS = grammar_words("private_sectors")  # civilians, criminals, companies, courts
_TRADE_SECTORS = grammar_words("trade_sectors")  # companies
_POLICE_SECTORS = grammar_words("police_sectors")
_ERRAND_SECTORS = grammar_words("police_errand_sectors")  # civilians, criminals
_DISSENT_SECTORS = grammar_words("dissent_sectors")  # protesters, opponents
_DISSENT_WORDS = grammar_words("dissent_words")  # "manifestation", "émeute"
_HOLDING_VERBS = grammar_words("holding_verbs")  # "détenir": in the present, a state
_RULINGS = grammar_words("ruling_words")  # "interdiction", "autoriser": its complement is a kind of act
_LACKS = grammar_words("lack_nouns")  # "absence", "faute": its complement does not exist
_KINDS = grammar_words("kind_of_act_nouns")  # "commission", "méthode": its bare complement is a kind of act
_BARE_DE = grammar_words("bare_de_forms")  # "de", "d'": no article in them
_COMPLIANCE = grammar_words("compliance_words")  # "respecter la trêve": a pact kept, not made
_RELATIONS = grammar_words("relation_nouns")  # "dialogue", "coopération": a standing relation
_RELATION_HARMS = grammar_words("relation_harms")  # "porter un coup à", "fragiliser": a relation acted on
_DE_FORMS = grammar_words("de_forms")
_LIST_POS = frozenset({"NOUN", "ADJ", "DET", "ADP", "NUM", "CCONJ", "PUNCT"})  # the words of an enumeration
_PASSIVE_AUX = grammar_words("passive_auxiliaries")
_SPOKEN_OF = grammar_parameter("spoken_of_share")  # share of the mentions naming a party for a guess to make it a side
_GUESS_BACK = int(grammar_parameter("guess_reach_back"))  # sentences before an act that may name a guessed recipient
_GUESS_AHEAD = int(grammar_parameter("guess_reach_ahead"))  # and sentences after it
_TOLD_AGAIN_REACH = int(grammar_parameter("told_again_reach"))  # sentences back to the act a definite noun names again
_TOLD_AGAIN_NOUN_REACH = int(grammar_parameter("told_again_noun_reach"))  # and to one told with the same noun
_ANAPHORIC_DETS = grammar_words("anaphoric_determiners")  # "la trêve", "cette rencontre": an act told before
# "la prochaine rencontre", "un éventuel accord": an act planned or possible, not the one told before
_NOT_TOLD_ADJECTIVES = grammar_words("planned_adjectives") | grammar_words("possible_adjectives")
_ORGAN_REACH = grammar_parameter("organ_reach")  # sentences back to the body an unqualified organ belongs to
_ORGAN_SECTORS = grammar_words("state_organ_sectors")
_LIST_REACH = grammar_parameter("list_reach")  # words back over an enumeration to its ruling


@dataclass
class _DocCache:
    """What every sentence of a document reads, built once per document."""

    text: str
    view: DocView  # the document's parse as lists (doc[i] would build a new Token each time)
    lemmas: list[str]  # lower-cased lemma of each token
    sents: list[Span]  # the sentences the coder reads (parser's, re-joined)
    index: MentionIndex  # the document's mentions
    states: dict[int, list[str]] = field(default_factory=dict)  # sentence start → states named
    codes: dict[int, set] = field(default_factory=dict)  # sentence number → codes named
    partners: Counter = field(default_factory=Counter)  # (code, code) → events coded between them so far
    told: list[tuple[str, set, set]] = field(default_factory=list)  # (type, actor codes, recipient codes) so far
    # (sentence number, type, trigger lemma, actor, recipient) of the acts told so far between sides, one named
    sides_told: list[tuple[int, str, str, list[dict], list[dict]]] = field(default_factory=list)
    # type → the date of the last act of that type the text told a date of, for "ces nouvelles sanctions"
    told_dates: dict[str, EventDate] = field(default_factory=dict)
    skip: list[bool] = field(default_factory=list)  # tokens of names and headings: no trigger, no clause
    armed: bool | None = None  # whether the document tells of political violence (read once, when asked)
    ordinary: bool = False  # the topic model reads the document as ordinary news (crime, sport, culture)
    trace: Trace | None = None  # what `veille explain` records (None: nothing is recorded)

    @cached_property
    def numbers(self) -> dict[int, int]:
        """Each sentence's number (its place in `sents`), by its first token (read once per document)."""
        return {sent.start: k for k, sent in enumerate(self.sents)}

    @cached_property
    def mentioned(self) -> Counter:
        """How many times the document names each code (its mentions, and the states of its nationality words)."""
        return Counter(code for mention in self.index.between() if (code := self.index.code_of(mention)))

    @cached_property
    def rebels(self) -> str | None:
        """The state whose named armed groups (talibans, Houthis, STC, 'rebelles houthis') the document
        mentions, when they all belong to one state (read once per document)."""
        found: set = set()
        for mention in self.index.between():
            _text, code, _actor_id, sector = self.index.fields(mention)
            if sector == "REB" and placemod.is_state(code):
                found.add(code)
        return next(iter(found)) if len(found) == 1 else None

    @cached_property
    def unknown_people(self) -> frozenset[int]:
        """Tokens of the people the linker found and could tie to no state ("le président de la région X")."""
        return frozenset(i for mention in self.index.doc.spans.get(MENTIONS, [])
                         if mention.label_ == "PER" and not mention._.code
                         for i in range(mention.start, mention.end))

    @cached_property
    def setting(self) -> frozenset[str]:
        """The states of the towns the document names: those with the most towns, when they have at least two
        of three ("à Nancy", "la prison de Lyon"; "Paris" may be France's or a town of Texas'), where its
        unnamed police, crowds and victims are. Towns only: a state named is often one spoken of, not where
        the story happens; and not a capital that acts ("Washington a accusé")."""
        counts: Counter = Counter()
        towns = 0
        for mention in self.index.doc.spans.get(MENTIONS, []):
            if mention.label_ not in ("LOC", "GPE") or self.view.dep[mention.root.i] in ("nsubj", "nsubj:pass"):
                continue
            words = [t for t in mention if t.dep_ not in ("case", "det")]
            name = self.text[words[0].idx:words[-1].idx + len(words[-1].text)] if words else ""
            states = placemod.town_states(name) if name and placemod.fold(name) not in placemod.state_names() \
                else frozenset()
            towns += bool(states)
            counts.update(states)
        most = max(counts.values(), default=0)
        if most < 2 or 3 * most < 2 * towns:
            return frozenset()
        return frozenset(code for code, count in counts.items() if count == most)


@dataclass
class Candidate:
    token: Token
    entry: Entry
    tolls: list[Token] = field(default_factory=list)  # the tolls its act made ("les frappes ont fait dix morts")


class EventCoder:
    def __init__(self, nlp: Language, name: str = "veille_events", lexicons: Iterable[str] = (),
                 model: str | None = None, threshold: float | None = None, keep_features: bool = False,
                 background_days: int = 0) -> None:
        self.name = name
        self.vocabulary = load_vocabulary()
        missing = [s for s in CODED if s not in self.vocabulary.statuses]
        if missing:
            raise ValueError(f"{self.vocabulary.source}: no status {', '.join(missing)} (the coder gives them)")
        self.lexicon = Lexicon.load(lexicons, self.vocabulary)
        self.sized = self.vocabulary.with_flag("sized")  # its events carry counts
        self.domestic = self.vocabulary.with_flag("domestic")  # actor and recipient may share a code
        self.imposed = self.vocabulary.with_flag("imposed")  # measures whose imposer may go unsaid
        self.hostile = self.vocabulary.with_flag("hostile")  # acts that set one state against another
        # acts of force: the material hostilities and the family of violence (fights, threats, deployments,
        # repression), which no company does as business
        self.force = self.hostile | frozenset(t for t in self.vocabulary.type_names
                                              if self.vocabulary.family(t) == "violence")
        # the types' roles, as model/vocabulary.yaml declares them (`flags`): read here once, by name
        self.reciprocal = self.vocabulary.with_flag("reciprocal")  # partners, not a direction
        self.verbal = self.vocabulary.with_flag("verbal")  # verbal acts need someone who speaks
        self.speech = self.vocabulary.with_flag("speech")
        self.own_acts = self.vocabulary.with_flag("announced")
        self.reactions = self.vocabulary.with_flag("reaction")  # statements about another's act
        self.addressed = self.vocabulary.with_flag("addressed")  # acts addressed to someone, maybe of the actor's state
        self.crimes = self.vocabulary.with_flag("crime")  # crimes and arrests: ordinary news in a fait divers
        self.material = self.vocabulary.with_flag("material")  # its theme may be troops, weapons, goods
        self.destination = self.vocabulary.with_flag("destination")  # where it goes to is the recipient
        self.meetings = self.vocabulary.with_flag("meeting")  # meetings and pacts made together
        self.unnamed_doer = self.vocabulary.with_flag("unnamed_doer")  # violence whose doer may go unnamed
        self.retorts = self.vocabulary.with_flag("retort")  # hostile statements answering a rival
        self.model = ConfidenceModel.load(model)
        self.threshold = self.model.threshold if threshold is None else threshold
        # a planned, hypothetical or negated event claims nothing happened: the model's lower threshold for them
        # (never above the one asked for)
        lower = self.model.threshold_nonfactual
        self.threshold_nonfactual = self.threshold if lower is None else min(lower, self.threshold)
        self.keep_features = keep_features  # training reads them (scripts/train_confidence.py)
        # an act dated this many days or more before the article is its background, not its news: not emitted
        # (0 keeps every event)
        self.background_days = background_days
        # under this politics probability a document is ordinary news (the topic model's file; None: no frame)
        # the topic model, read again over the sentences around each event (events/event_topic.py)
        self.topic = TopicModel.load()
        self.ordinary_below = self.topic.ordinary_below
        self.finder = ArgumentFinder(self.lexicon)
        placemod.warm()

    @property
    def reads_meaning(self) -> bool:
        """Whether the events carry their words' vectors (`_meaning`): the model reads them, or training keeps them."""
        return self.keep_features or bool(self.model.meaning)

    # ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        with active(DocView(doc)) as view:
            doc._.events = self._code_doc(doc, view)
        return doc

    def _code_doc(self, doc: Doc, view: DocView) -> list[dict]:
        mentions = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        # nationality adjectives veille_actors found (doc._.demonyms), to read "des positions arméniennes"
        index = MentionIndex(doc, mentions, doc._.demonyms, fold, view)
        index.add_towns(mentions, placemod.town_of)
        dates = date_index(doc)  # the one index of the document, shared with recall and habit
        focus = placemod.focus_states(doc, mentions, index.code_of)
        place_mentions = sorted((m for m in mentions if index.code_of(m) and m.label_ in PLACE_LABELS),
                                key=lambda m: m.start)
        place_starts = [m.start for m in place_mentions]
        recurrent = Counter(index.code_of(m) for m in place_mentions if placemod.is_locative(m))
        published = doc._.published
        text = doc_text(doc)
        skip = _skipped_tokens(doc, mentions, text, self.lexicon)
        trace = doc.user_data.get(EXPLAIN_KEY)  # a Trace when the caller asks why (events/explain.py)
        events: list[dict] = []
        told_news: list[tuple[list[dict], bool]] = []  # each sentence's news, and whether it reads as plain news
        history: list[_Subject] = []  # subjects of earlier sentences, for pronouns
        quote_open = False  # a quote opened in an earlier sentence of the paragraph is still open
        last_place: dict | None = None
        last_place_at = -1  # the sentence that named it
        speaker: dict | None = None
        clashes: Counter | None = None
        last_end: int | None = None
        sentences = _sentences(doc, text)
        starts = [sent.start for sent in sentences]
        # an organ's description with no state ("un porte-parole officiel") is of the body of its sector named before
        index.add_organs(mentions, _ORGAN_SECTORS, lambda i: bisect_right(starts, i) - 1, int(_ORGAN_REACH),
                         placemod.is_state)
        named = _named_in(sentences, index)
        window_read: dict[int, set[str]] = {}  # each sentence's content lemmas, read once for the topic windows
        reference = dates.now = lead_date(sentences, dates, published)  # the day the text reports from
        shared = _DocCache(text=text, view=view, lemmas=view.lemma, sents=sentences, index=index, skip=skip,
                           trace=trace)
        violent = _political_violence(view.lemma, mentions)
        ordinary = not violent and self._ordinary_news(doc._.politics)
        shared.ordinary = ordinary
        # a document of ordinary crime or ordinary news tells of no protest: its unnamed police acts on a crime
        street = not violent and not _dissent(view.lemma, mentions)
        # a document that opens on a fait divers, an accident or a disaster
        fait_divers = street and bool(sentences) and _tells_of_fait_divers(sentences[0], view)
        for k, sent in enumerate(sentences):
            if trace is not None:
                trace.sentence(sent.start_char, sent.end_char)
            candidates = self._candidates(sent, skip, shared)
            if last_end is not None and "\n" in text[last_end:sent.start_char]:
                last_place = speaker = None  # a new paragraph may be about somewhere else, from someone else
                quote_open = False
            last_end = sent.end_char
            # the place mentions that start in the sentence (the others are not its places)
            inside = place_mentions[bisect_left(place_starts, sent.start):bisect_left(place_starts, sent.end)]
            sent_places = placemod.places_in(sent, inside)
            if sent_places:
                last_place, last_place_at = sent_places[0], k
            context = _Context(self.finder, index, history, sent, clashes, shared)
            # a place named in passing sentences back ("la situation de rebond à Pékin") is not where the story
            # goes on for its unnamed parties; the story's own place, named again and again, is
            context.stale_place = last_place is not None and k - last_place_at > _PLACE_HOLD \
                and recurrent[last_place["code"]] < _RECURRENT_PLACE
            context.place_before = last_place is not None and last_place_at >= k - 2
            context.reference, context.speaker = reference, speaker
            context.sentence_before = sentences[k - 1] if k > 0 else None
            context.open_quote = _open_quote_speaker(sentences, k, text)
            context.quote_open = quote_open
            sent_events: list[dict] = []
            for cand in candidates:
                if trace is not None:
                    trace.begin(cand.token, cand.entry)
                coded = self._code(cand, context, dates, focus, published, sent, sent_places, last_place)
                if trace is not None:
                    trace.coded(coded)
                sent_events.extend(coded)
            # a sentence on ordinary crime or trade ("une fusillade sur fond de trafic de drogue", "les clients du
            # magasin") is ordinary news in any document that tells of no political violence
            # (never a verb: "marque" is also what the tagger makes of "marquer")
            plain = not violent and any(view.lemma[i] in _ORDINARY_WORDS and view.pos[i] != "VERB"
                                        for i in range(sent.start, sent.end))
            news = self._news(_dedupe(sent_events, trace), published, trace)
            if news:
                codes, anchored = _sentence_codes(sent, index, doc._.demonyms or {}, view)
                heading = not text[sent.start_char:sent.end_char].rstrip().endswith(_SENTENCE_ENDS)
                window = window_features(window_politics(self.topic, view, sentences, k, window_read))
                for event in news:
                    event["_features"].update(window)
                    event["_features"].update(placement_features(
                        event, codes, anchored, focus, published, doc._.politics, ordinary,
                        all(_ordinary_side(p) for p in (*event["actor"], *event["recipient"])), k,
                        len(sentences), heading,
                        {role: _distance(named, k, event[role]) for role in ("actor", "recipient") if event[role]}))
            told_news.append((news, plain))
            for lemma, event in context.coded:
                if event["status"] != NEGATED and event["actor"] and event["recipient"] \
                        and any(p["text"] for p in (*event["actor"], *event["recipient"])):
                    shared.sides_told.append((k, event["type"], lemma, event["actor"], event["recipient"]))
            for event in sent_events:
                if event["status"] in FACTUAL or event["status"] == FUTURE:
                    shared.told.append((event["type"], {p["code"] for p in event["actor"]},
                                        {p["code"] for p in event["recipient"]}))
                    if event["status"] in FACTUAL and not event["date_fallback"]:
                        shared.told_dates[event["type"]] = EventDate(
                            event["date"], event["date_precision"], event["date_text"], False)
                    # partners are the parties the text names: a recipient only guessed (no words of its own) seeds
                    # no later guess, nor is a visit's unnamed host, where it happens ("s'est rendu à Doha"), one
                    told_sides = {**event, "recipient": [p for p in event["recipient"] if p["text"]]}
                    for a, b in _pairs(told_sides):
                        shared.partners[(a, b)] += 1
                        if a != b:
                            shared.partners[(b, a)] += 1
            # the source a later "selon lui" or "a-t-il dit" stands for: who told the sentence's events, else the
            # subject of its speech verb ("le ministère a jugé que les menaces du Nord ..."), before an event's
            # own actor (the threats' maker is no source)
            told = [e for e in sent_events if e["reported_by"] and e["reported_by"]["code"]]
            speaker = next((e["reported_by"] for e in reversed(told) if not _own_source(e)), None) \
                or _named_speaker(sent, view, self.finder, index) \
                or next((e["reported_by"] for e in reversed(told)), None) or speaker
            clashes = context._clashes
            reference = next_reference(sent, dates, reference)
            subject = context.sentence_subject()
            if subject is not None:
                history.append(subject)
                if subject.source and not subject.parties:
                    # '"...", a ajouté l'avocate.': a source the text names with no side is the one a later
                    # "a-t-il dit" stands for, not a source named before
                    speaker = None
            quote_open = quote_open != bool(sum(text.count(q, sent.start_char, sent.end_char)
                                                for q in QUOTE_MARKS) % 2)
        # the model reads the document as a whole too (how many events it tells, how many of them share a type):
        # each sentence's news is judged once all of them are told
        all_news = [event for news, _ in told_news for event in news]
        for event, extra in zip(all_news, document_features(all_news, len(sentences)), strict=True):
            event["_features"].update(extra)
        whole = document_vector(doc) if self.reads_meaning and all_news else None
        if whole is not None:
            for event in all_news:
                event["_meaning"]["document"] = whole
        for news, plain in told_news:
            events.extend(self._judge(news, doc._.politics, ordinary, plain, fait_divers, street, trace))
        return events

    def _news(self, sent_events: list[dict], published: str | None, trace: Trace | None = None) -> list[dict]:
        """The events the article reports as news: not the acts it recalls from many months before, nor those it
        recalls from a past period it names without a date (:func:`recall.in_past_period`)."""
        recalled = [e.pop(_RECALLED, False) for e in sent_events]
        before = [e.pop(_TOLD_BEFORE, False) for e in sent_events]
        # told in the pluperfect with no date of its own nor of the narrative: before the story, when the article
        # does not say ("Il s'était engagé à ...")
        undated = [e.pop(_UNDATED_BEFORE, False) and e["date_fallback"] and bool(published) for e in sent_events]
        # told in the pluperfect in a sentence whose times are all long before the story ("Dans son discours de mars
        # 2011, il avait réclamé ..."): of that past, whatever day the narrative lends it
        long_ago = [e.pop(_LONG_AGO, False) for e in sent_events]
        if not self.background_days:
            return sent_events
        news = []
        for e, back, told, loose, old in zip(sent_events, recalled, before, undated, long_ago, strict=True):
            if back or loose or old:
                _cut(trace, e, ("named_by_origin" if back == _BY_ORIGIN else "recalled") if back
                     else "undated_before" if loose else "long_ago")
                continue
            if published:
                age = age_in_days(e["date"], published) or 0
                limit = min(self.background_days, BACKGROUND_DAYS_TOLD) if told else self.background_days
                if age >= limit:
                    _cut(trace, e, "background", age_days=age, background_days=limit)
                    continue
            news.append(e)
        return news

    def _ordinary_news(self, politics: float | None) -> bool:
        """Whether the topic model calls the document ordinary news (crime, courts, companies, health, sport)."""
        return politics is not None and self.ordinary_below is not None and politics < self.ordinary_below

    def _judge(self, sent_events: list[dict], politics: float | None, ordinary: bool = False,
               plain: bool = False, fait_divers: bool = False, street: bool = False,
               trace: Trace | None = None) -> list[dict]:
        """Confidence from the trained model; events under the threshold are not emitted, nor, in ordinary news
        (by the document's topic) or in a sentence of crime or trade (``plain``), the events whose sides are all
        ordinary people and bodies (a court and the accused); in ordinary news, a recipient only guessed is one.
        In these and in a document that opens on a fait divers, the acts between private persons are not emitted
        either, nor, in a document that tells of no protest (``street``), the crimes and arrests between them and
        the unnamed police of their own state."""
        kept = []
        crowd = bucket(len(sent_events), (2, 3, 5))
        for event in sent_events:
            features = event.pop("_features")
            meaning = event.pop("_meaning", None)
            if (ordinary or plain or fait_divers) and _private_event(event, self.crimes, street):
                _cut(trace, event, "private_event")
                continue
            # a recipient the text does not name is the type's default guess ("ont manifesté" against the
            # government): no political side in ordinary news
            # in ordinary news that tells of no protest, the police no known body names is on an ordinary errand
            # too (a search, a fugitive's arrest): its acts with ordinary people are no political event
            # a company no known body names, acting on no political side ("l'entreprise a appelé ses salariés à
            # reprendre le travail", "a accusé son concurrent"): business, no political event in any document;
            # not an act of force (a private army's killings, a firm's guards beating strikers)
            if event["type"] not in self.force and event["actor"] and all(_trade_side(p) for p in event["actor"]) \
                    and all(_ordinary_side(p) or not p["text"] for p in event["recipient"]):
                _cut(trace, event, "trade")
                continue
            # the police's errand is on ordinary people only (civilians, criminals, someone unnamed): journalists
            # or judges it acts on keep the event
            police = ordinary and street and any(_unnamed_police(p) for p in (*event["actor"], *event["recipient"]))
            side = (lambda p: _unnamed_police(p) or _errand_side(p)) if police else _ordinary_side
            if (ordinary or plain) and all(side(p) for p in event["actor"]) \
                    and all(side(p) or (ordinary and not p["text"]) for p in event["recipient"]):
                _cut(trace, event, "ordinary_sides")
                continue
            features[f"crowd={crowd}"] = 1.0
            # a text too short to tell its topic (a headline, a sentence) is read as the gold articles the
            # model learnt from, all of them politics: the topic only lowers the events of articles it can read
            level = bucket(politics, POLITICS_EDGES) if politics is not None else len(POLITICS_EDGES)
            features[f"politics={level}"] = 1.0
            if meaning:
                features.update(self.model.meaning_features(meaning))
            if self.model.trained:
                event["confidence"] = round(self.model.probability(features), 3)
                limit = self.threshold if event["status"] in FACTUAL else self.threshold_nonfactual
                if trace is not None:
                    trace.judged(event, limit)
                if event["confidence"] < limit:
                    _cut(trace, event, "below_threshold")
                    continue
            if self.keep_features:
                event["_features"], event["_meaning"] = features, meaning
            kept.append(event)
        return kept

    # ------------------------------------------------------------------------------------
    def _candidates(self, sent: Span, skip: list[bool], shared: _DocCache) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        view = shared.view
        lemmas, tags = view.lemma, view.pos
        entries = self.lexicon.entries  # Lexicon.may_match, inlined: most words are no trigger
        for i in range(sent.start, sent.end):
            if skip[i] or not (lemmas[i] in entries or tags[i] == "PROPN" or misread_participle(view, i)):
                continue
            token = view.token(i)
            if token.is_punct or token.is_space or token.like_num:
                continue
            entry = self.lexicon.match(token)
            if entry is not None:
                found[i] = Candidate(token, entry)
        # the filters below read the view: Tokens built only for the morphology of determiners
        deps, lowers, kids, token_at = view.dep, view.lower, view.kids, view.token
        # "ces combats", "cette opération": an event already told, unless new facts hang from it
        for i in list(found):
            demonstrative = tags[i] == "NOUN" and any(
                deps[j] == "det" and "Dem" in morph(token_at(j), "PronType") for j in kids(i))
            if demonstrative and not any(deps[j] in ("acl", "acl:relcl") and tags[j] in ("VERB", "AUX")
                                         for j in kids(i)):
                _set_aside(shared, found.pop(i), "demonstrative")
        # "avant la rencontre", "depuis le retrait de Washington", "après l'assassinat du général", "trois mois
        # après son départ du gouvernement", "depuis son élection": a time reference to an event told elsewhere or
        # long before (a definite or possessive determiner: an event known)
        # ("trois semaines après leur entrevue": an event of the story's weeks, still its news)
        for i in list(found):
            case = next((j for j in kids(i) if deps[j] == "case" and lowers[j] in _TEMPORAL_PREPS), None)
            if tags[i] != "NOUN" or case is None:
                continue
            dets = [morph(token_at(j), "Definite") + morph(token_at(j), "Poss") for j in kids(i) if deps[j] == "det"]
            if any("Def" in d for d in dets) or (any("Yes" in d for d in dets) and not _recent_gap(sent, case)):
                _set_aside(shared, found.pop(i), "time_reference")
        # "le 80e anniversaire de l'appel à combattre l'Allemagne nazie": what a commemoration recalls is
        # the past (a trigger below a commemoration noun, through the words its noun governs)
        heads = view.head
        for i in list(found):
            # the noun right after it, whatever the parser hung it on ("a présidé le centenaire de l'attaque")
            edge = view.token(i).left_edge.i - 1 if tags[i] == "NOUN" else -1
            if edge >= sent.start and lemmas[edge] in _COMMEMORATIONS:
                _set_aside(shared, found.pop(i), "commemoration")
                continue
            if _ends_commemoration(view.token(i), sent):
                # "l'appel du général de Gaulle à combattre ...", the parser hung elsewhere
                _set_aside(shared, found.pop(i), "commemoration")
                continue
            j, steps = i, 0
            while heads[j] != j and steps < 8 and sent.start <= heads[j] < sent.end:
                j, steps = heads[j], steps + 1
                if tags[j] == "NOUN" and lemmas[j] in _COMMEMORATIONS:
                    _set_aside(shared, found.pop(i), "commemoration")
                    break
                if tags[j] in ("VERB", "AUX"):
                    break
        # "l'interdiction des rassemblements", "l'absence de dialogue", "un coup dur au dialogue franco-russe":
        # the kind of act a rule bans or allows, what lacks, a relation acted on: no act that happened
        for i in list(found):
            if _no_occurrence(i, view, sent):
                _set_aside(shared, found.pop(i), "no_occurrence")
            elif self._kept_pact(i, view):
                _set_aside(shared, found.pop(i), "kept_pact")
        # "des combats qui ont tué 155 soldats": the clause tells the event its noun names (not a bare past
        # participle, "le pacte nippo-coréen conclu en mai": the noun keeps its parties)
        for i in list(found):
            if tags[i] == "NOUN" and any(deps[j] in ("acl:relcl", "acl") and j in found
                                         and found[j].entry.type == found[i].entry.type
                                         and found[j].entry.weight >= found[i].entry.weight
                                         and not _bare_participle(j, view)
                                         for j in kids(i)):
                _set_aside(shared, found.pop(i), "told_by_clause")
        # "les frappes de X contre Y ont fait dix morts": the toll is the outcome of the act that makes it, one
        # event (its count goes to the act)
        for i in list(found):
            cause = _toll_cause(i, found, view)
            if cause is not None:
                _set_aside(shared, found[i], "toll_of_act", cause)
                cause.tolls.append(found.pop(i).token)
        # a trigger inside another trigger's argument describes the same event
        # (a word of obligation is a demand beside the act it asks for: "X doit se retirer" tells both, and
        # neither absorbs the other)
        # (and so is a judgement: "le péage est une trahison" tells the toll and the speaker's charge)
        keep: list[Candidate] = [cand for cand in found.values() if cand.entry.deontic or cand.entry.judgement]
        found = {i: cand for i, cand in found.items() if not (cand.entry.deontic or cand.entry.judgement)}
        for cand in found.values():
            governor = _governing_trigger(cand.token, found, self.speech)
            if governor is not None:
                _set_aside(shared, cand, "governed", governor)
                self._promised_threat(governor, cand)
                continue
            keep.append(cand)
        # coded in the order of their words: a sentence's events come out as it tells them
        return sorted(keep, key=lambda cand: cand.token.i)

    def _told_act(self, ctx: _Context) -> Callable[[Token], EventDate | None]:
        """The date the text gave, in a sentence before, to an act of the kind a noun names ("au lendemain de la
        condamnation": the day a condemnation was told), for :func:`dates.event_date`."""
        def told(noun: Token) -> EventDate | None:
            entry = self.lexicon.match(noun)
            return ctx.shared.told_dates.get(entry.type) if entry is not None else None
        return told

    def _promised_threat(self, governor: Candidate, inner: Candidate) -> None:
        """A verb of promising (grammar class `promise_verbs`) whose infinitive is a hostile act, one its type says is
        a threat when promised (the vocabulary's `threatened`: "a promis d'expulser les diplomates", "s'est engagé à
        sanctionner X"), makes a threat, not an agreement (PLOVER's AGREE promises cooperation): the governor takes the
        threat's type and mode."""
        token = governor.token
        if token.pos_ != "VERB" or token.lemma_.lower() not in _PROMISE_VERBS \
                or inner.token.head != token or "Inf" not in morph(inner.token, "VerbForm") or is_negated(inner.token):
            return  # (not "a promis de ne pas expulser": a reassurance)
        threat = self.vocabulary.recast(inner.entry.type, inner.entry.mode, "threatened")
        if threat is not None and threat[0] != governor.entry.type:
            governor.entry = replace(governor.entry, type=threat[0], mode=threat[1])

    def _done_to_speaker(self, token: Token) -> bool:
        """The verb's object or complement, or its passive subject, is of the first person ("ils nous ont attaqués",
        "ils ont frappé nos soldats", "notre convoi a été attaqué"), its subject, if any, not: what others did to the
        speaker's side."""
        if token.pos_ != "VERB":
            return False
        first = self.lexicon.in_class
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and (first(subject.lower_, "first_person") or subject.lower_ in _WE_PRONOUNS):
            return False
        return any(c.dep_ in ("obj", "iobj", "obl:arg", "nsubj:pass") and (
            first(c.lower_, "first_person")
            or any(d.dep_ == "det" and first(d.lower_, "first_person_possessives") for d in c.children))
            for c in token.children)

    def _kept_pact(self, i: int, view: DocView) -> bool:
        """The trigger names an agreement (triggers.yaml class `agreement`) that a word of keeping or breaking it
        (`compliance_words`) acts on ("a respecté la trêve", "applique l'accord", "la violation du cessez-le-feu"):
        a pact already made, not the act of making it; nor is the participle that describes it ("a violé le
        cessez-le-feu conclu avec X")."""
        if view.pos[i] == "VERB" and view.dep[i] == "acl":
            i = view.head[i]
        h = view.head[i]
        if h == i or view.pos[i] != "NOUN" or not self.lexicon.in_class(view.lemma[i], "agreement"):
            return False
        dep = view.dep[i]
        if dep == "nmod" and view.head[h] != h and temporal(view.token(h)):
            dep, h = "obj", view.head[h]  # "a respecté jeudi la trêve": the object the parser hung on the day
        # ("a rompu la trêve": an object the parser read as an adjunct, with no preposition of its own)
        bare = dep.startswith("obl") and h < i and not any(view.dep[c] == "case" for c in view.kids(i))
        return view.lemma[h] in _COMPLIANCE and (dep in ("obj", "nsubj:pass", "nmod", "obl:arg") or bare)

    def _code(self, cand: Candidate, ctx: _Context, dates: DateIndex, focus: list[str], published: str | None,
              sent: Span, sent_places: list[dict], last_place: dict | None) -> list[dict]:
        token, entry = cand.token, cand.entry
        if habitual(token, sent):
            return _drop(ctx, "habitual") or []  # "a plaidé pendant des années pour ...": a habit or a career
        if _held_now(token):
            return _drop(ctx, "held_now") or []  # "l'Iran détient trois Américains": a state, not an arrest
        args_token, args_entry = token, entry
        if entry.transparent:
            inner = _transparent_noun(token, self.lexicon)
            if inner is not None:
                args_entry, args_token = inner  # "a annoncé le retrait du Mali": the noun's parties
        status = assess(token, is_noun=token.pos_ in ("NOUN", "PROPN"), verbal=entry.type in self.speech,
                        own_act=entry.type in self.own_acts, sentence=sent, lemmas=ctx.lemmas())
        if status.reporter is None and ctx.open_quote is not None:
            # '"La Russie doit réagir. Nous attendons", a dit X': the quote's first sentence is X's too
            status = Status(REPORTED if status.status == ASSERTED else status.status, ctx.open_quote,
                            status.cue or "quote")
        # '"Nous avons accepté", a déclaré X', '"nous allons devoir discuter", a déclaré X': the first person
        # of a quote is its speaker, whatever the clause's status
        ctx.quote_speaker = status.reporter if status.reporter is not None else incise_speaker(token)
        if entry.deontic:
            obligation = self._obligation(token, status, ctx)
            if obligation is None:
                return []
            args, status = obligation[:2]
            if len(obligation) > 2:  # a threat of the speaker's own side
                entry = replace(entry, type=obligation[2], mode=None)
        elif entry.judgement:
            judged = self._judgement(token, entry, status, ctx)
            if judged is None:
                return []
            args, status = judged
        else:
            args = self.finder.find(args_token, args_entry, ctx.index, ctx.resolve)
        # distributive participle: "26 criminels et 18 membres ... tués" is one event per count
        groups = self._distributive(token, ctx.index)
        # "Durant la campagne présidentielle, il avait promis ...", "la Belgique annexa le Congo": an act of a past
        # period the text names, or told in the passé simple, recalled
        recalled = recalled_act(token)
        if recalled and names_by_origin(token):  # "le plan proposé par X": the thing named by its origin, no act
            recalled = _BY_ORIGIN
        told_before = told_in_pluperfect(token)
        undated_before = told_before and told_before_undated(token, sent)
        long_ago = told_before and not undated_before and told_before_long_ago(token, sent)
        out = []
        for region, parties in groups:
            event = self._event(token, entry, args if parties is None else _with_recipient(args, parties),
                                status, ctx, dates, focus, published, sent, sent_places, last_place, region,
                                cand.tolls)
            if event is not None:
                event[_RECALLED] = recalled
                event[_TOLD_BEFORE] = told_before
                event[_UNDATED_BEFORE] = undated_before and event["status"] != REPORTED
                event[_LONG_AGO] = long_ago and event["status"] != REPORTED
                out.append(event)
                ctx.coded.append((entry.lemma, event))
        return out

    def _told_again(self, token: Token, entry: Entry, event_type: str, ctx: _Context,
                    sent: Span) -> tuple[list[Party], list[Party]] | None:
        """The sides of the act a definite or demonstrative meeting or agreement noun (triggers.yaml class
        `told_again`) names again as the subject of a clause in the past ("la trêve a débuté", "la rencontre a été
        positive", "les pourparlers se sont tenus"): the latest act of its type the text told
        between sides it names, within `_TOLD_AGAIN_REACH` sentences before, else the latest one it told with the
        same noun, within `_TOLD_AGAIN_NOUN_REACH`. An indefinite noun ("un accord") is a new act and has none; a
        noun a name completes ("l'accord de Vienne") is that named act; one the present describes ("les
        négociations restent au point mort", "l'accord est un pas") is no act told again."""
        if token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubj:pass") \
                or not self.lexicon.in_class(entry.lemma, "told_again") \
                or not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in token.children):
            return None
        if any(c.dep_ in ("nmod", "appos", "flat:name") and (c.pos_ == "PROPN" or ctx.index.at(c) is not None)
               for c in token.children):
            return None  # "l'accord de Vienne", "le traité de Lisbonne": a named act, not the one just told
        if any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.lemma_.lower() in _NOT_TOLD_ADJECTIVES
               for c in token.children):
            return None  # "la prochaine rencontre a été reportée": an act still to come, not the one just told
        if not is_past(token.head):
            # "les négociations restent au point mort", "l'accord reste fragile": what the act is, not the
            # act told
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c != token for c in token.head.children):
            # the parser hung the noun on a verb with a subject of its own ("les pourparlers, que X se tient prêt à
            # soutenir, doivent ..."): not the noun's clause
            return None
        here = ctx.shared.numbers.get(sent.start, 0)
        for k, kind, lemma, actor, recipient in reversed(ctx.shared.sides_told):
            if k < here and kind == event_type and (here - k <= _TOLD_AGAIN_REACH
                                                    or (lemma == entry.lemma and here - k <= _TOLD_AGAIN_NOUN_REACH)):
                return ([Party(text="", code=p["code"]) for p in actor],
                        [Party(text="", code=p["code"]) for p in recipient])
        return None

    def _goodwill_to_a_stranger(self, event_type: str, mode: str | None, status: Status, actor: list[Party],
                                other: str, ctx: _Context) -> bool:
        """Whether the document's foreign partner would be lent to a one-way act of goodwill with no addressee.

        A quarrel's other side is whom a demand, a charge, a threat or a concession with no addressee aims at, and an
        agreement has the partner it was struck with; a one-way statement of support or praise with none ("a salué
        leur mobilisation", "s'est dit favorable à un rachat") is for whoever the clause speaks of, not the state
        the text pairs the actor with through a detention, an aid or a dispute: only a partner it has met or
        struck an agreement with (a reciprocal event told before) receives it."""
        own = {p.code for p in actor}
        if other in own or event_type in self.reciprocal or event_type not in self.verbal:
            return False  # (an aid sent, a withdrawal: a material act goes where the story's partner is)
        if self.vocabulary.family(event_type) == "withdraw":
            return False  # a concession yields to the other side ("a annoncé le retrait de ses troupes")
        if status.status == FUTURE and self.vocabulary.recast(event_type, mode, "promised"):
            return False  # a support promised is an agreement (below)
        # cooperative by its type and by its mode on PLOVER's scale (not a request, even for assistance)
        if min(self.vocabulary.score(event_type, None), self.vocabulary.score(event_type, mode)) <= 0:
            return False
        return not any(kind in self.reciprocal and ((own & actors and other in recipients)
                                                    or (other in actors and own & recipients))
                       for kind, actors, recipients in ctx.shared.told)

    def _obligation(self, token: Token, status: Status,
                    ctx: _Context) -> tuple[Arguments, Status] | tuple[Arguments, Status, str] | None:
        """A word of obligation in what a speaker says of another side ('"la partie russe doit maintenant
        réagir", a dit le ministre allemand', 'il faut que Moscou retire ses troupes, a déclaré X'): the
        speaker demands (actor) of the one obliged (recipient), the subject of the word or of its que-clause.
        None in the text's own voice, for an obligation with no act ("doit 50 millions"), or of the
        speaker's own side ("nous devons", "notre pays doit")."""
        view = view_of(token.doc)
        deps, kids = view.dep, view.kids
        subject = next((j for j in kids(token.i) if deps[j] == "nsubj"), None)
        act = next((j for j in kids(token.i) if deps[j] == "xcomp" and "Inf" in morph(view.token(j), "VerbForm")),
                   None)
        if subject is None and act is not None and deps[token.i] == "xcomp" and view.pos[view.head[token.i]] in (
                "VERB", "AUX"):
            # "nous allons devoir réagir", "X va devoir céder": the subject of the verb the infinitive completes
            subject = next((j for j in kids(view.head[token.i]) if deps[j] == "nsubj"), None)
        if status.status == ASSERTED and status.reporter is None and (holder := opinion_holder(token)) is not None:
            status = Status(REPORTED, holder, "holder")  # "Pour X, Y doit ...": whose opinion it is
        if status.status not in (REPORTED, FUTURE) or status.reporter is None:
            return _drop(ctx, "obligation_own_voice")
        if subject is None:  # "il faut que X ...": the subject of the que-clause
            act = next((j for j in kids(token.i) if deps[j] in ("ccomp", "csubj") and que_clause(view, j)), None)
            if act is None:
                # the parser hung the que-clause elsewhere ("il faut que le Maroc retire ..., a affirmé X"):
                # the verb of the "que" that follows the word (past its adverbs)
                j = token.i + 1
                while j < len(token.doc) and view.pos[j] == "ADV":
                    j += 1
                if j < len(token.doc) and view.lower[j] in _QUE_FORMS and deps[j] == "mark" \
                        and view.pos[view.head[j]] in ("VERB", "AUX"):
                    act = view.head[j]
            subject = next((j for j in kids(act) if deps[j] == "nsubj"), None) if act is not None else None
        if subject is None or act is None:
            return _drop(ctx, "obligation_no_act")
        act_token = view.token(act)
        if act_token.left_edge.i <= status.reporter.i <= act_token.right_edge.i:
            # "il faut que la Russie explique les faits, a déclaré X": the speech verb asked for is no source
            speaker = incise_speaker(token)
            if speaker is None:
                return _drop(ctx, "obligation_no_speaker")
            status = Status(REPORTED, speaker, status.cue)
        subject_token = view.token(subject)
        if self.finder.lexicon.in_class(subject_token.lower_, "first_person"):
            # ("nous allons devoir ...": told in the future, what the speaker says its side will have to do)
            return self._own_obligation(token, act_token, Status(REPORTED, status.reporter, status.cue), ctx)
        if status.status != REPORTED:
            return _drop(ctx, "obligation_to_come")
        scheduled = self.lexicon.match(act_token)
        if scheduled is not None and scheduled.type == "CONSULT":
            # "le président doit se rendre à Paris", "doit rencontrer": a visit on the agenda
            return _drop(ctx, "obligation_scheduled")
        span = (act_token.left_edge.i, act_token.right_edge.i)
        if any(m.label_ in TIME_LABELS and (m._.value or "")[:1].isdigit()
               and (m.root.head.i in (token.i, act) or span[0] <= m.root.i <= span[1])
               for m in token.doc.spans[MENTIONS] if token.sent.start <= m.start < token.sent.end):
            # "doit signer l'accord lundi": what is scheduled, not what is demanded
            return _drop(ctx, "obligation_scheduled")
        obliged = [p for p in self.finder.phrase_parties(subject_token, ctx.index, ctx.resolve) if p.code]
        speakers = [p for p in ctx.finder_parties(status.reporter) if p.code]
        if not obliged or not speakers or {p.code for p in obliged} & {p.code for p in speakers}:
            return _drop(ctx, "obligation_own_side" if obliged and speakers else "obligation_no_sides",
                         speakers, obliged)
        return Arguments(actor=speakers, recipient=obliged, explicit=True), status

    def _own_obligation(self, token: Token, act: Token, status: Status,
                        ctx: _Context) -> tuple[Arguments, Status, str] | None:
        """What the speaker's own side says it must do, on a condition set on another side, when what it must do is
        a hostile measure ('"si X ne libère pas les otages, nous allons devoir envisager une riposte", a averti Y'): a
        threat by the speaker toward the subject of the condition. None otherwise (an obligation of one's own with no
        condition, or to do no hostile measure, is no act toward anyone)."""
        if not self._hostile_measure(act):
            return _drop(ctx, "own_obligation_not_hostile")
        condition = _condition_clause(token)
        if condition is None:
            return _drop(ctx, "own_obligation_no_condition")
        view = view_of(token.doc)
        subject = next((j for j in view.kids(condition) if view.dep[j] in ("nsubj", "nsubj:pass")), None)
        if subject is None:
            return _drop(ctx, "own_obligation_no_condition")
        threatened = [p for p in self.finder.phrase_parties(view.token(subject), ctx.index, ctx.resolve) if p.code]
        speakers = [p for p in ctx.finder_parties(status.reporter) if p.code]
        if not threatened or not speakers or {p.code for p in threatened} & {p.code for p in speakers}:
            return _drop(ctx, "own_obligation_no_sides", speakers, threatened)
        return Arguments(actor=speakers, recipient=threatened, explicit=True), status, "THREATEN"

    def _hostile_measure(self, act: Token) -> bool:
        """The act, or a noun it governs, is a hostile measure: an unspecified one ("une riposte", "des mesures", class
        `vague_measures`, not against an ill) or a word of a type whose act promised on a condition is a threat ("des
        sanctions")."""
        view = view_of(act.doc)
        words = [act.i] + [j for j in view.kids(act.i) if view.pos[j] == "NOUN"
                           and (view.dep[j] == "obj" or view.dep[j].startswith("obl"))]
        for j in words:
            word = view.token(j)
            if self.lexicon.in_class(view.lemma[j], "vague_measures"):
                # (not measures against an ill, "des mesures contre l'épidémie", class `measured_ills`)
                if not any(self.lexicon.in_class(view.lemma[k], "measured_ills")
                           for k in range(word.left_edge.i, word.right_edge.i + 1)):
                    return True
                continue
            entry = self.lexicon.match(word)
            if entry is not None and self.vocabulary.recast(entry.type, entry.mode, "threatened"):
                return True
        return False

    def _judgement(self, token: Token, entry: Entry, status: Status, ctx: _Context) -> tuple[Arguments, Status] | None:
        """A word of judgement in its frame (events/judgement.py): whoever judges (the one who feels a word of
        feeling, unless a first person; the subject of the verb of judging, else the source of the clause, else the
        "pour X" that fronts it) acts, toward the parties of the
        phrase judged that are not the judge's own. None out of the frame, in ordinary news (a match, a show),
        when the judgement is not stated as made (hypothetical, negated, asked), when no party judges, and when
        the phrase judged names no party other than the judge (an act told before leaves the other side to the
        coder's guess)."""
        if ctx.shared.ordinary:
            return _drop(ctx, "judgement_ordinary_news")
        frame = feeling_frame(token) if entry.feeling else judgement_frame(token, self.lexicon)
        if frame is None:
            return _drop(ctx, "no_judgement_frame")
        holder = opinion_holder(frame.clause)
        if frame.feeler is not None and not self.lexicon.in_class(frame.feeler.lower_, "first_person") \
                and frame.feeler.lower_ not in _WE_PRONOUNS:
            # "X s'est dit déçu par ...", "X a exprimé sa préoccupation": the subject feels it (a first person is
            # whoever says the clause, below)
            status = assess(frame.clause, verbal=True, sentence=ctx.sent, lemmas=ctx.lemmas())
            speakers = ctx.finder_parties(frame.feeler)
        elif frame.judge is not None:
            status = assess(frame.judge, verbal=True, sentence=ctx.sent, lemmas=ctx.lemmas())
            speakers = self.finder.find(frame.judge, entry, ctx.index, ctx.resolve).actor
        elif holder is not None and status.status in FACTUAL:
            # "Pour les pêcheurs islandais, le quota est une provocation": whose opinion it is, whoever relays it
            speakers = ctx.finder_parties(holder)
            status = Status(REPORTED, holder, "holder")
        elif status.status == REPORTED and status.reporter is not None:
            speakers = ctx.finder_parties(status.reporter)
        elif status.status == ASSERTED and (incise := quote_incise(frame.clause)) is not None \
                and (named := after_incise(incise, view_of(token.doc))) is not None:
            # '"le quota est une trahison", a lancé devant les élus X': the incise's speaker, however parsed
            speaker = view_of(token.doc).token(named)
            speakers = ctx.finder_parties(speaker)
            status = Status(REPORTED, speaker, "quote")
        elif status.status == ASSERTED and ctx.quote_speaker is not None:
            # the speaker the coder read for the sentence's quote (its incise, or a quote over several sentences)
            speakers = ctx.finder_parties(ctx.quote_speaker)
            status = Status(REPORTED, ctx.quote_speaker, "quote")
        else:
            return _drop(ctx, "judgement_no_judge")
        # who judges is a party the text names as such: a known actor, an organ, a state or a people (not a person
        # whose side is only lent by the words around, a scholar "spécialiste des Balkans")
        speakers = [p for p in speakers if p.code and (p.actor_id or p.sector or p.label in _JUDGE_LABELS)]
        if status.status not in FACTUAL or not speakers:
            return _drop(ctx, "judgement_no_judge" if status.status in FACTUAL else "judgement_not_stated", speakers)
        own = {p.code for p in speakers}
        judged: list[Party] = []
        if frame.judged is not None:
            if self.lexicon.in_class(frame.judged.lower_, "first_person"):
                return _drop(ctx, "judgement_own_side", speakers)  # "nous", "notre pays": the speaker's own side
            judged = self._judged_parties(frame.judged, ctx)
        others = [p for p in judged if p.code not in own]
        if judged and not others:
            return _drop(ctx, "judgement_own_side", speakers, judged)  # the speaker's own side, or its own act
        if not others and not frame.told:
            return _drop(ctx, "judgement_no_other_side", speakers)
        return Arguments(actor=speakers, recipient=others, explicit=True), status

    def _judged_parties(self, phrase: Token, ctx: _Context) -> list[Party]:
        """The coded parties a judged phrase names: a party itself; the doer of the act it names ("l'offensive
        russe contre X": Russia; both partners of a shared one, "l'accord entre X et Y"), else the parties its own
        complements and possessive name ("la décision de X", "son vote"), not those of a clause hung on it, nor a
        place a locative names: where a thing is is not whose it is ("le bilan de la saison en Grèce")."""
        if phrase.pos_ not in ("NOUN", "PROPN") or ctx.index.at(phrase) is not None:
            return [p for p in self.finder.phrase_parties(phrase, ctx.index, ctx.resolve) if p.code]
        found: list[Party] = []
        act = self.lexicon.match(phrase)
        if act is not None and not act.judgement:
            inner = self.finder.find(phrase, act, ctx.index, ctx.resolve)
            shared = act.sym or act.type in self.reciprocal
            found = [p for p in (inner.actor + inner.recipient if shared else inner.actor) if p.code]
            if found and not shared:
                return found  # (a shared act's partners may be named beyond the finder's slots: walked below)
        view = view_of(phrase.doc)
        deps, kids, lowers = view.dep, view.kids, view.lower
        stack = [phrase.i]
        while stack:  # the phrase's own words, through its complements and modifiers
            for k in kids(stack.pop()):
                if deps[k] == "nmod" and any(deps[c] == "case" and lowers[c] in LOCATIVE_PREPS for c in kids(k)):
                    continue
                if deps[k] in ("nmod", "amod", "det", "conj", "appos", "flat:name"):
                    token = view.token(k)
                    if deps[k] == "det" and not morph(token, "Poss"):
                        continue
                    named = [p for p in self.finder.phrase_parties(token, ctx.index, ctx.resolve) if p.code] \
                        if ctx.index.at(token) is not None or deps[k] == "det" else []
                    found.extend(p for p in named if not _same_party(p, found))
                    if not named:
                        stack.append(k)
                elif deps[k] == "acl" and "Part" in morph(view.token(k), "VerbForm"):
                    # "le tracé imposé par X", "la normalisation annoncée par X": the agent of a participle that
                    # qualifies the phrase owns what it names
                    for agent in kids(k):
                        if deps[agent] == "obl:agent":
                            named = [p for p in self.finder.phrase_parties(view.token(agent), ctx.index, ctx.resolve)
                                     if p.code]
                            found.extend(p for p in named if not _same_party(p, found))
        return found

    def _reacted_to(self, token: Token, ctx: _Context, own: set) -> list[str]:
        """The sides of the act a statement's object names: its own parties ("l'accord entre Israël et
        les Emirats"), else those of the last such act the text told ("l'accord", "cette décision")."""
        if token.pos_ not in ("VERB", "AUX"):
            return []
        obj = next((c for c in token.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
        entry = self.lexicon.match(obj) if obj is not None else None
        if entry is None or entry.type in self.reactions:
            return []  # a statement about a statement: no act to take sides from
        inner = self.finder.find(obj, entry, ctx.index, ctx.resolve)
        sides = [p.code for p in inner.actor + inner.recipient if p.code and p.code not in own]
        if sides:
            return list(dict.fromkeys(sides))
        home = _named_home_act(obj, ctx.index, own)
        if home:
            return home  # "le DUP refuse l'accord négocié par Boris Johnson": an act of its own state's
        for kind, actors, recipients in ctx.shared.told:  # the lead act, not a later background one
            if kind == entry.type:
                return sorted((actors | recipients) - own)
        return []

    def _caused(self, ctx: _Context, sent: Span, toll: str) -> bool:
        """A word of violence in the sentence (the toll's own word aside) or in the two before it."""
        sents = ctx.shared.sents
        here = ctx.shared.numbers.get(sent.start, 0)
        lemmas, view, doc = ctx.shared.lemmas, ctx.shared.view, sent.doc
        for k in range(max(0, here - 2), here + 1):
            for i in range(sents[k].start, sents[k].end):
                lemma = lemmas[i]
                if (k == here and lemma == toll) or not self.lexicon.in_class(lemma, "toll_cause"):
                    continue
                # not the deadliness of a fire or a quake ('un incendie meurtrier'), nor what a virus does
                # ('le virus a tué 300 personnes')
                if view.dep[i] in ("amod", "acl") and self.lexicon.in_class(lemmas[view.head[i]], "non_agent"):
                    continue
                if self._agent_is_not_a_party(doc[i]):
                    continue
                return True
        return False

    def _armed_frame(self, ctx: _Context) -> bool:
        """The document tells of political violence: a word of war, terror or protest, or an armed group named."""
        shared = ctx.shared
        if shared.armed is None:
            words = self.lexicon.classes.get("armed_frame", frozenset()) | _VIOLENCE_WORDS
            shared.armed = not words.isdisjoint(shared.lemmas) \
                or any(shared.index.fields(m)[3] in _VIOLENCE_SECTORS for m in shared.index.between())
        return shared.armed

    def _toll_of_non_agent(self, token: Token) -> bool:
        """A toll whose own "de X" complement is a disease, a storm, an accident ("le bilan de l'épidémie",
        "les morts du coronavirus"), or that such a thing made ("la pandémie, qui y a fait 31 000 morts")."""
        if token.dep_ == "obj" and self._agent_is_not_a_party(token.head, "afflictions"):
            return True  # not "le conflit a fait 300 morts": a war's toll is its fighting's
        return any(c.dep_ == "nmod" and self.lexicon.in_class(c.lemma_.lower(), "non_agent") for c in token.children)

    def _about_affliction(self, token: Token) -> bool:
        """What the verb deplores or fears is a disease, a storm, an accident, or its spread ("déplore les
        inondations", "s'inquiète de la circulation du virus"), not someone's act or a crisis."""
        def affliction(lemma: str) -> bool:
            return self.lexicon.in_class(lemma, "afflictions")

        for c in token.children:
            if c.dep_ not in ("obj", "obl:arg", "obl", "obl:mod") or c.pos_ != "NOUN":
                continue
            lemma = c.lemma_.lower()
            if affliction(lemma) or (self.lexicon.in_class(lemma, "spread") and any(
                    g.dep_ == "nmod" and affliction(g.lemma_.lower()) for g in c.children)):
                return True
        return False

    def _agent_is_not_a_party(self, token: Token, kind: str = "non_agent") -> bool:
        """The verb's subject (its agent, in the passive) is a crisis, a disease, a storm (a word of class
        ``kind``): no one acts."""
        if not _verbal(token):
            return False
        passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children)
        # a pronominal passive's subject is what acts ("des trombes d'eau se sont abattues")
        pronominal = any(c.dep_ == "expl:pass" for c in token.children)
        # a passive's agent, also on a bare participle the parser gave no auxiliary ("frappés par le Covid-19, ...")
        agents = [c for c in token.children if c.dep_ == "obl:agent" or (not passive and c.dep_ == "nsubj")
                  or (pronominal and c.dep_ == "nsubj:pass")]
        if not agents and token.dep_ in ("conj", "advcl") and _verbal(token.head) \
                and not any(c.dep_.startswith("nsubj") for c in token.children):
            # "le virus a contaminé 30 000 personnes et tué 700 patients": the conjunct shares its first's subject;
            # "l'avion s'est écrasé, tuant 152 personnes": what a mishap does, no one's act
            if token.dep_ == "advcl" and self.lexicon.in_class(token.head.lemma_.lower(), "mishap"):
                return True
            return self._agent_is_not_a_party(token.head, kind)
        if token.dep_ == "acl:relcl":
            # "l'épidémie qui a fait 31 000 morts": the relative pronoun stands for the noun its clause hangs on
            agents = [token.head if "Rel" in morph(a, "PronType") else a for a in agents]
        return any(self.lexicon.in_class(a.lemma_.lower(), kind) for a in agents)

    def _distributive(self, token: Token, index: MentionIndex) -> list[tuple[tuple[int, int] | None, list | None]]:
        view = view_of(token.doc)  # the climb read as lists: no Token built
        deps, tags, head_of = view.dep, view.pos, view.head
        h = head_of[token.i]
        # "26 criminels et 18 membres des forces de sécurité tués": climb to the counted noun
        while deps[h] == "nmod" and tags[h] == "NOUN" and not any(deps[j] == "nummod" for j in view.kids(h)):
            h = head_of[h]
        if deps[token.i] == "acl" and tags[h] == "NOUN" and deps[h] == "conj":
            head = view.token(h)
            first = head.head
            conjuncts = [first, *[c for c in first.children if c.dep_ == "conj" and c.pos_ == "NOUN"]]
            numbered = [c for c in conjuncts if any(ch.dep_ == "nummod" or ch.like_num for ch in c.children)]
            if len(numbered) > 1:
                groups = []
                for noun in numbered:
                    toks = [t for t in noun.subtree if not (t.dep_ == "conj" and t.head == noun)]
                    inner = [t for t in toks if t.i <= noun.i or t.head == noun or t.head.i > noun.i - 1]
                    start = min(t.i for t in inner)
                    end = max(t.i for t in inner if not any(t in c.subtree for c in noun.children
                                                             if c.dep_ == "conj")) + 1
                    if noun == head:
                        end = max(end, token.i + 1)
                    groups.append(((start, end), self.finder.parties(noun, index, follow_conj=False)))
                return groups
        return [(None, None)]

    def _size(self, token: Token, event_type: str, region: tuple[int, int] | None, sent: Span, text: str) -> dict:
        if event_type not in self.sized:
            return {}
        doc = token.doc
        start_tok, end_tok = region if region else _size_region(token)
        span = doc[start_tok:end_tok]
        # the document's text read once: a Span builds its own from its tokens
        span_text = text[span.start_char:span.end_char] if end_tok > start_tok else span.text
        if region is not None and not (start_tok <= token.i < end_tok):
            span_text = f"{span_text} {token.text}"  # the shared participle says what is counted
        anchor = max(0, token.idx - doc[start_tok].idx) if start_tok <= token.i < end_tok else None
        size = extract_sizes(span_text, event_type, anchor)
        if region is None and not size and _is_count_trigger(token):
            size = extract_sizes(sent.text, event_type, token.idx - sent.start_char)
        return size

    def _standing_forces(self, token: Token) -> bool:
        """Where forces stand, not an act: a participle that qualifies troops without saying who sent them or
        when ("les soldats déployés en Allemagne"), or a passive in the imperfect ("étaient stationnés")."""
        if "Part" not in morph(token, "VerbForm") or token.head == token:
            return False
        children = list(token.children)
        if any(c.dep_ == "obl:agent" for c in children):
            return False
        if any(c.dep_ in ("aux:pass", "cop") and "Imp" in morph(c, "Tense") for c in children):
            return True  # "52 000 soldats étaient stationnés en Allemagne": a state, in the imperfect
        if token.dep_ != "acl" or not self.lexicon.in_class(token.head.lemma_.lower(), "troops"):
            return False
        return not any(c.dep_ in ("aux:tense", "aux:pass", "nsubj") or temporal(c) for c in children)

    def _event(self, token: Token, entry: Entry, args: Arguments, status: Status, ctx: _Context,
               dates: DateIndex, focus: list[str], published: str | None, sent: Span,
               sent_places: list[dict], last_place: dict | None, region: tuple[int, int] | None,
               tolls: Sequence[Token] = ()) -> dict | None:
        event_type, mode = entry.type, entry.mode
        if entry.lemma in _DEPLOY and self._standing_forces(token):
            # "les 5 000 soldats américains déployés en Irak": where forces are, not an act
            return _drop(ctx, "standing_forces")
        context = list(entry.context)
        confidence = entry.weight
        # a nationality used as a noun ("l'Allemand Simon Geschke", "les Argentins") names people, not a
        # political actor
        # (a body that is a side only as whom an act is aimed at does not act unnamed: "des élus ont démissionné")
        actor = [p for p in args.actor if (p.code or p.generic) and not _bare_nationality(p) and not p.aimed_at_only]
        recipient = [p for p in args.recipient if (p.code or p.generic) and not _same_party(p, actor)]

        # location: the clause's locatives, else the sentence's places, else the previous place
        location = None
        for party in args.places:
            location = placemod.from_party(party)
            if location:
                break
        if location is None and sent_places:
            location = sent_places[0]
        placed = location is not None
        if location is None and last_place is not None:
            location = last_place
        if location is None and focus:
            location = {"name": None, "code": focus[0], "lat": None, "lon": None}
        # where its unnamed parties are: not a place named once, sentences back (still the event's location)
        guess = {"name": None, "code": focus[0], "lat": None, "lon": None} \
            if focus and not placed and location is last_place and ctx.stale_place else location
        home = guess["code"] if guess else (focus[0] if focus else None)
        setting = ctx.shared.setting
        # (of the states with a town of their name, the one the text names most)
        town_home = next(iter(setting)) if len(setting) == 1 else next((c for c in focus if c in setting), None)
        if not placed and town_home and (guess is None or guess.get("lat") is None) and not ctx.place_before:
            # no place in the sentence or the two before, no town before: unnamed parties are where the story's
            # towns are, not in a state named in passing ("comme en Russie") or the one the text names most
            home = town_home
        for party in actor + recipient:
            if _bare_office(party):
                # "les gendarmes", "le tribunal", no state said: of where it happens (the story's towns when the
                # sentence names no place), not the state the document names most (a suspect's, a past crime's)
                party.code = (town_home if not placed else None) or home or party.code

        # "Moscou a assuré qu'il n'y avait aucune raison d'accuser la Russie": the accused, denying, rejects
        speakers = [p for p in ctx.finder_parties(status.reporter) if p.code] \
            if event_type == "ACCUSE" and status.status == NEGATED and status.cue == "negation" \
            and status.reporter is not None else []
        # (the accused as the clause names it: the same side as the understood accuser is still the accused)
        denial = bool(speakers) and _accused_speaks(speakers, actor, [p for p in args.recipient if p.code])
        if denial:
            event_type, mode = "REJECT", None
            actor, recipient = speakers[:1], []
        # victims named as the subject: "l'Azerbaïdjan dit en avoir perdu 50", "105 militaires ont trouvé la mort"
        # ('"Quiconque commercera avec Damas s'expose à des sanctions", a déclaré X': the threatened is no party,
        # the speaker still threatens)
        if entry.victim and (actor or (event_type in self.verbal and status.reporter is not None)):
            recipient, actor = actor + [p for p in recipient if not _same_party(p, actor)], []
            if event_type in self.verbal and status.reporter is not None:
                # '"Le Nord en paiera le prix", a-t-il dit': who says what the other will suffer speaks
                actor = _threatener(ctx, status.reporter, {p.code for p in recipient})
        # unnamed parties belong to where it happens; unnamed victims of a reported attack are
        # usually the reporting side's own ("Bakou fait état de 71 militaires tués")
        named_actor = any(p.code and not p.generic for p in actor)
        reporter_code = ctx.reporter_code(status.reporter) if status.reporter is not None else None
        if event_type in self.imposed and not any(p.code for p in actor):
            # "ces nouvelles sanctions visent 39 personnes", "le Trésor a mis sur liste noire ...": a measure
            # whose imposer the clause does not name is the one the text has told imposing measures
            targets = {p.code for p in recipient if p.code}
            imposer = _imposer(ctx, event_type, targets, reporter_code if _clause_argument(token) else None)
            if imposer is None and ((token.pos_ == "NOUN" and not _demonstrative(token))
                                    or (args.passive and not _agent_phrase(token))) \
                    and any(p.text and not p.generic for p in recipient if p.code):
                # "l'affaire avait entraîné des sanctions contre la Russie", "trois Français ont été reconnus
                # coupables": a measure, or a passive with no agent, whose named target the text sets against
                # one adversary; that adversary imposes it (not "ces sanctions": measures told before, whose
                # imposer, if the text named it, `_imposer` has)
                imposer = _adversary(ctx, targets, sent, self.reciprocal)
            if imposer:
                actor = [Party(text="", code=imposer)]
                confidence *= 0.85
        for party in recipient:
            unqualified = (party.generic and not party.code) or (
                not party.actor_id and party.text.islower() and " " not in party.text)  # "militaires", no nationality
            if unqualified and event_type == "ASSAULT" and placemod.is_state(reporter_code) and party.sector == "MIL":
                party.code = reporter_code
        asker = {p.code for p in actor if p.code}
        for party in recipient:
            if party.addressee and not party.code:
                # "la rectrice a pressé les bailleurs de ...": the one asked, named by a plain noun, is of the asker's
                # state (not of where the story is told: "l'OMS a prié les pays de ...", no state asks)
                # (asked where the act is set abroad, of that state: "au Niger, la ministre a appelé les parties à ...")
                one = next(iter(asker)) if len(asker) == 1 and placemod.is_state(next(iter(asker))) else None
                party.code = one if one is None or home is None or one == home \
                    else (home if placemod.is_state(home) else None)
                party.generic = party.code is not None
        for party in actor + recipient:
            if party.generic and not party.code:
                # "les insurgés", "les séparatistes": the armed groups the text names belong to a state,
                # not to the town of the talks ("à Doha")
                party.code = (ctx.rebels_state() if party.sector == "REB" else None) or home
        # nested parties: "un document axé sur la coopération avec la Russie", "de remettre à Erevan"
        actor_codes = {p.code for p in actor}
        if not recipient or event_type in ("RETREAT",) and all(p.code in actor_codes for p in recipient):
            # (one of the actor's own state only when addressed as another body: not the words after an incise's
            # verb, its speaker and the titles the parser may read as a second object)
            # (nor, for a verb whose type is its object's, the event's own noun: "a réitéré son opposition à ...",
            # a stance, not the opposition)
            inner = _transparent_noun(token, self.lexicon) if entry.transparent else None
            nested = [p for p in self.finder.nested(token, args, ctx.index, ctx.resolve)
                      if not (inner is not None and p.token is inner[1])
                      and (p.code not in actor_codes
                           or (_addressed_body(event_type, p, token, actor, self.lexicon, self.addressed)
                               and not (reports_clause(token) and p.start > token.idx)))]
            if event_type in self.material and args.theme is not None \
                    and self.finder._is_material(args.theme, entry):
                nested = [p for p in nested if p.place or not _inside(p, args.theme)]
            recipient = [p for p in recipient if p.code not in actor_codes or event_type in self.domestic
                         or _addressed_body(event_type, p, token, actor, self.lexicon, self.addressed)] + nested
        lent: list[Party] = []  # the recipient of the act a definite noun names again, as that act had it
        if not any(p.code for p in actor + recipient):
            # "la trêve a débuté vendredi", "cette rencontre a duré deux heures": a meeting or an agreement a definite
            # noun names with no party of its own is the one of its type the text has just told between named sides
            # (or named with the same noun before: "un accord entre X et Y ... L'accord prévoit ...")
            told = self._told_again(token, entry, event_type, ctx, sent)
            if told is not None:
                actor, recipient = told
                lent = recipient
                confidence *= 0.8
        # soldiers sent somewhere: the destination is the recipient (AID) — "au Kazakhstan", "y"
        if event_type in self.destination and not recipient:
            dest = [p for p in args.places if placemod.is_state(p.code)]
            if not dest and guess and guess.get("code") and entry.lemma in _DEPLOY:
                dest_code = guess["code"]
                dest = [Party(text=guess.get("name") or dest_code, code=dest_code, place=True)]
            recipient = [p for p in dest if not any(a.code == p.code for a in actor)]
        if event_type == "AID" and entry.lemma in _DEPLOY \
                and not any(p.code not in {a.code for a in actor} for p in recipient):
            event_type, mode = "MOBILIZE", "troops"  # sent nowhere abroad (its own soldiers are no recipient)
        # a meeting somewhere: the host is the recipient (PLOVER CONSULT: visitor → host)
        if event_type == "CONSULT" and not recipient and len(actor) < 2:
            hosts = [p.code for p in args.places if placemod.is_state(p.code)] or [
                loc["code"] for loc in sent_places if placemod.is_state(loc.get("code"))]
            hosts = [c for c in hosts if c not in actor_codes]
            if hosts:
                recipient = [Party(text="", code=hosts[0], place=True)]
        # two-sided violence: "de violents combats opposent l'Arménie et l'Azerbaïdjan"
        if event_type == "ASSAULT" and not recipient and len({p.code for p in actor}) > 1:
            first = actor[0].code
            recipient = [p for p in actor if p.code != first]
            actor = [p for p in actor if p.code == first]
        # one-sided violence or repression with no named perpetrator
        if not actor and event_type in self.unnamed_doer:
            victims = {p.code for p in recipient}
            rival = ctx.rival(victims, sent) if event_type == "ASSAULT" and recipient else None
            # people held whom the text calls by their nationality ("des Péruviens retenus", "le renvoi de
            # diplomates suédois") in a document that sets them abroad (another state is its focus or main pair, or
            # is named in the sentence) are foreigners where they are held: not their own state's doing (not among
            # people of several nationalities: "une Italo-Chilienne et un Belge arrêtés"; not the dead, whom their
            # own police may have killed, "un Américain tué", or the enemy: `rival`); named at home, they are
            # held by their own state
            abroad = set(ctx.states(sent)) | set(focus[:1]) | set(ctx.main_pair() or ())
            foreigners = event_type == "COERCE" and not placed and {p.code for p in recipient} == {home} \
                and any(_mention_label(p) == "NORP" for p in recipient) and bool(abroad - {home})
            # (violence a speaker says was done to the speaker's own side, a first person, by others with no side the
            # text gives them, is not guessed to be the speaker's state's: '"Ils nous ont attaqués", accuse le
            # porte-parole de l'armée', '"notre convoi a été attaqué"': a guess equal to the other side is none;
            # victims of no first person, "des manifestants ont été tués", "ceux qui les ont agressés", may be)
            own_victims = event_type == "ASSAULT" and bool(recipient) and {p.code for p in recipient} == {home} \
                and self._done_to_speaker(token)
            if rival:
                actor = [Party(text="", code=rival)]
            elif home and not foreigners and not own_victims:
                sector = "COP" if event_type == "COERCE" else ("CVL" if event_type == "PROTEST" else None)
                actor = [Party(text="", code=home, sector=sector, generic=True)]
            confidence *= 0.8
            if event_type == "PROTEST" and not recipient and home:
                recipient = [Party(text="", code=home, sector="GOV", generic=True)]
            if event_type == "COERCE" and not recipient and home:
                recipient = [Party(text="", code=home, sector="CVL", generic=True)]
        # an act only authorities do, told in the passive with no agent ("il a été inculpé d'espionnage", "le député est
        # poursuivi en justice"): the authorities of where it happens did it, to the one the clause names (not the
        # place it names: "a été inculpé en Bolivie")
        # (a finite passive: "X, inculpé en 2019 pour ...", a bare participle, describes the one charged by their past)
        by_authority = not actor and entry.authority and args.passive and not _agent_phrase(token) \
            and any(c.dep_ == "aux:pass" for c in token.children) and bool(home) \
            and any(p.code and not _at_place(p) for p in recipient)
        if by_authority:
            actor = [Party(text="", code=home, sector="JUD", generic=True)]
            recipient = [p for p in recipient if not _at_place(p)]  # the one charged, with their own state
            confidence *= 0.8
        if event_type == "PROTEST" and actor and not recipient \
                and all(p.text and p.sector in _STATE_FORCES for p in actor if p.code):
            # rallies a government stages ("les autorités ont organisé des rassemblements contre ...") are
            # against the other side of its quarrel, not against itself
            staging = {p.code for p in actor if p.code}
            other = ctx.rival(staging, sent) or ctx.counterpart(staging, sent)
            if other and other not in staging:
                recipient = [Party(text="", code=other)]
        if event_type in ("PROTEST",) and actor and not recipient and home:
            # protesters of a named state protest against their own state, wherever the text is datelined
            # ("l'opposition bélarusse" in a story from Vilnius)
            own = {p.code for p in actor if p.text and not p.generic and placemod.is_state(p.code)
                   and p.sector in _STREET_SECTORS}
            target = next(iter(own)) if len(own) == 1 else home
            recipient = [Party(text="", code=target, sector="GOV", generic=True)]
        if event_type == "ASSAULT" and actor and not recipient:
            # "son offensive militaire en Ukraine": where a state's forces strike abroad
            places = [p for p in args.places if placemod.is_state(p.code) and p.code not in {a.code for a in actor}]
            if places:
                recipient = places[:1]
        if event_type == "ASSAULT" and actor and not recipient:
            # the other side: of a clash ("combats"), or of a state striking with no target named, the
            # state the text sets it against ("la Corée du Nord a détruit le bureau de liaison")
            named_state = any(p.code and not p.generic and placemod.is_state(p.code) for p in actor)
            # (not of the police, who act at home: "le suspect a été tué par la police")
            police = all(p.sector == "COP" for p in actor)
            rival = ctx.rival({p.code for p in actor}, sent) if (entry.sym or named_state) and not police else None
            if rival:
                recipient = [Party(text="", code=rival)]
            elif home and all(p.code == home for p in actor):
                recipient = [Party(text="", code=home, generic=True)]
        if event_type == "MOBILIZE" and actor and not recipient and not all(p.sector == "COP" for p in actor) \
                and any(p.code and not p.generic and placemod.is_state(p.code) for p in actor) \
                and all(p.sector in _STATE_FORCES or p.sector is None for p in actor) and not _has_purpose(token):
            # "l'armée A va masser des chars près de la frontière": forces a state moves at home are mobilised
            # against the side the document sets it against (PLOVER MOBILIZE: the target): its rival in the
            # fighting, else the party the text has told fighting or threatening it (not one it only quarrelled
            # with in words, met or signed with, nor a state only named nearby); forces moved for a purpose the
            # clause states ("pour garder un sommet") are not aimed at anyone; a state's own rebels or opposition
            # moving are its own affairs (told below)
            rival = _adversary(ctx, {p.code for p in actor}, sent, self.hostile, hostile=True)
            if rival:
                recipient = [Party(text="", code=rival)]
        if event_type == "ASSAULT" and not actor and not recipient and entry.sym:
            states = ctx.two_sides(sent)
            if states:
                actor = [Party(text="", code=states[0])]
                recipient = [Party(text="", code=states[1])]
                confidence *= 0.7
        if entry.sym and not actor and len({p.code for p in recipient}) > 1 and len({p.token for p in recipient}) == 1 \
                and recipient[0].token is not None and recipient[0].token.i in ctx.index.partners:
            # "le pacte nippo-coréen a été conclu": the compound demonym of what is signed names both its sides
            actor, recipient = recipient[:1], recipient[1:]
        if event_type in self.meetings and entry.sym and not actor and recipient \
                and all(p.text and not p.place for p in recipient):
            # "lors d'une conversation téléphonique avec Emmanuel Macron, le président russe a ...": the one
            # the clause is about met the partner named
            subject = self.finder.clause_subject(token, ctx.index, ctx.resolve)
            # (the subject the parser hung in the partner's apposition, inside the meeting's phrase, is no partner)
            recipient = [p for p in recipient if not (_same_party(p, subject) and _inside(p, token))]
            own = {p.code for p in recipient}
            actor = [p for p in subject if p.code and p.code not in own][:1]
        if event_type in self.meetings and entry.sym and token.pos_ == "NOUN" and not actor \
                and not recipient and not args.explicit and token.dep_ in ("nsubj", "nsubj:pass") \
                and is_past(token.head):
            # "Des pourparlers ont eu lieu lundi", "La rencontre a été positive": talks and agreements the clause
            # tells of, with no side named, are between the two parties the text has told most events between
            # (not those only mentioned: "au terme de trois heures de discussions", "en marge du sommet")
            pair = ctx.main_pair()
            if pair:
                actor = [Party(text="", code=pair[0])]
                recipient = [Party(text="", code=pair[1])]
                confidence *= 0.7
        # a party is not its own recipient in interstate acts, unless the clause names another body of
        # the same state ("a appelé les députés britanniques", "ont refusé de libérer les rebelles")
        # (an addressee so dropped, the verb's own object, is still the one the clause names: no other side is
        # guessed in its place, "le ministre a demandé au gouvernement de ...")
        own_addressee = False
        # (nor is it when the authorities the coder gave an act charged one of their own state's people: the one
        # named is still charged)
        if event_type not in self.domestic and not by_authority:
            codes = {p.code for p in actor}
            kept = [p for p in recipient if p.code not in codes or any(p is q for q in lent)
                    or _addressed_body(event_type, p, token, actor, self.lexicon, self.addressed)]
            own_addressee = not kept and token.pos_ == "VERB" and any(
                p.text and not p.place and p.token is not None and p.token.head == token
                and p.token.dep_ in ("obj", "iobj", "obl:arg") for p in recipient)
            recipient = kept

        # a reaction to an act ("dénoncent l'accord", "a salué la décision"): whoever did it receives it
        if event_type in self.reactions and actor and not recipient:
            acted = self._reacted_to(token, ctx, {p.code for p in actor})
            if acted:
                recipient = [Party(text="", code=code) for code in acted]
        # no addressee in the clause, another state named in the sentence: that state before the document's
        # usual partner ("a qualifié de mensonges les propos de responsables américains")
        if actor and not recipient and not own_addressee \
                and event_type not in self.unnamed_doer and event_type != "CONSULT" \
                and not ((entry.sym or event_type in self.reciprocal) and len({p.code for p in actor}) > 1) \
                and not _one_state(actor, _home_bodies):
            # (violence has its own guesses above; a meeting with one side named is dropped below, PLOVER CONSULT)
            beside = [code for code in _sentence_sides(sent, ctx.index) if code not in {p.code for p in actor}
                      and not _acts_elsewhere(code, sent, ctx.index)]
            if all(_private_person(p) for p in actor):
                beside = []  # "l'ex-ministre X a nié ..., rappelant que Sarkozy avait reçu Obama": no state's act
            if beside and ctx.spoken_of(beside[0]):
                recipient = [Party(text="", code=beside[0])]
        # verbal conflict with no addressee, in a story about fighting: the other side
        # (one the text names in this sentence or the one before: a rival named only pages away is not
        # whom a statement told here answers)
        if event_type in self.retorts and actor and not recipient and not own_addressee:
            rival = ctx.rival({p.code for p in actor}, None)
            if rival and ctx.named_near(rival, sent):
                recipient = [Party(text="", code=rival)]
        # a parliament, a court, a party, rebels acting with no one named: their own state's affairs
        # ("les députés ont rejeté le calendrier", "les rebelles exigent un échange de prisonniers"); so
        # too a town's mayor, a governor, the police ("le maire de Lyon a dénoncé ce rassemblement"), not
        # the foreign state the document pairs their state with; and a government acting together with its
        # own rebels or opposition ("le gouvernement et les rebelles ont salué l'accord"); but such a body's exchange
        # with no partner named (an entry of the `exchange_contexts`: "le maire a acheté des bus") is its commerce, no
        # political act between a state's own bodies: no event
        if actor and not recipient and event_type != "CONSULT":
            own = _one_state(actor, _home_bodies, _local_offices, _government_and_body)
            if own and _EXCHANGE_CONTEXTS & set(entry.context):
                return _drop(ctx, "own_exchange", actor)
            if own:
                recipient = [Party(text="", code=own, generic=True)]
        # no recipient named in the clause: the party the document pairs the actor with (not when the clause
        # names its addressee, a person the text ties to no state: "a critiqué le président de la région")
        # names it in this sentence or the one before: the partner of the story's other pages, named nowhere
        # near, is no addressee of a statement told here ("il fustige la bureaucratie", "la Chine est prête à
        # coopérer" in a story that pairs them with another state)
        if actor and not recipient and not own_addressee \
                and event_type not in self.unnamed_doer and event_type not in ("MOBILIZE", "CONSULT") \
                and not ((entry.sym or event_type in self.reciprocal) and len({p.code for p in actor}) > 1) \
                and not (args.theme is not None and args.theme.i in ctx.shared.unknown_people):
            # (as above; and a deployment's other side is the rival guessed above, not the document's partner)
            other = ctx.counterpart({p.code for p in actor}, sent)
            if other and ctx.spoken_of(other) and ctx.named_near(other, sent) \
                    and not self._goodwill_to_a_stranger(event_type, mode, status, actor, other, ctx):
                recipient = [Party(text="", code=other)]
                confidence *= 0.85
        # symmetric events: the partner goes to the recipient, without inventing a direction
        if (entry.sym or event_type in self.reciprocal or event_type == "ASSAULT") and not recipient \
                and len({p.code for p in actor}) > 1:
            first = actor[0].code
            recipient = [p for p in actor if p.code != first]
            actor = [p for p in actor if p.code == first]

        coded_actor = [p for p in actor if p.code]
        coded_recipient = [p for p in recipient if p.code]
        if not coded_actor and coded_recipient and event_type in self.imposed and token.pos_ == "NOUN":
            # "des sanctions contre la Russie": a measure whose imposer the phrase leaves unsaid is a party the
            # document sets against its target, not a partner ("a signé un accord avec la Russie")
            targets = {p.code for p in coded_recipient}
            other = _imposer(ctx, event_type, targets, None) or _adversary(ctx, targets, sent, self.reciprocal)
            if other:
                actor = coded_actor = [Party(text="", code=other)]
                confidence *= 0.85
        if not coded_actor and not coded_recipient:
            return _drop(ctx, "no_side", actor or args.actor, recipient or args.recipient)
        if not coded_actor:
            # PLOVER events have an actor; a recipient alone is not enough
            return _drop(ctx, "no_actor", actor or args.actor, recipient)
        if event_type == "CONSULT" and not coded_recipient:
            # a meeting needs two sides (PLOVER CONSULT)
            return _drop(ctx, "meeting_one_side", coded_actor, coded_recipient)
        if entry.needs_args and not args.explicit:
            return _drop(ctx, "needs_own_sides", coded_actor, coded_recipient)
        if entry.needs_recipient:
            # a will that another party act: the one its complement names as the doer receives it, no one else
            doer = _wanted_doer(token)
            wanted = self.finder.phrase_parties(doer, ctx.index, ctx.resolve) if doer is not None else []
            actor_codes = {a.code for a in coded_actor}
            # (the doer itself, or a state's: "la classe politique libanaise", "les autorités de Moscou"; not "la
            # réponse des électeurs britanniques", a thing wished for; of the actor's own state only when the actor
            # is its rebels: "la volonté des insurgés de voir le pays régi par ...")
            coded_recipient = recipient = [
                p for p in wanted if p.code and (p.code not in actor_codes or _rebels_face_state(p, coded_actor))
                and p.token is not None and (p.token.i == doer.i or (p.token.head.i == doer.i and (
                    p.token.dep_ != "nmod" or self.lexicon.in_class(doer.lemma_.lower(), "state_like"))))]
            if not coded_recipient:
                return _drop(ctx, "no_recipient", coded_actor, coded_recipient)
        if event_type in self.verbal and not named_actor and not by_authority \
                and not any(p.code and not p.generic for p in coded_actor):
            # (an authority's charge is a deed, not words that need a speaker named)
            return _drop(ctx, "verbal_no_speaker", coded_actor, coded_recipient)
        if not coded_actor:
            confidence *= 0.6
        elif not named_actor:
            confidence *= 0.85

        # counts in the event's clause (read for the category the trigger names)
        size = self._size(token, entry.type if entry.type in self.sized else event_type, region, sent, ctx.shared.text)
        for toll in tolls:
            for key, value in self._size(toll, event_type, None, sent, ctx.shared.text).items():
                size.setdefault(key, value)
        if not size and token.pos_ == "NOUN" and self.lexicon.in_class(entry.lemma, "condition"):
            # "le conflit afghan", "la guerre": a state of affairs, not an event, unless it has a toll
            return _drop(ctx, "state_of_affairs", coded_actor, coded_recipient)
        if event_type == "ASSAULT" and not any(p.text for p in coded_actor) \
                and not any(self.lexicon.in_class(lemma, "violence") for lemma in ctx.lemmas()):
            # a toll nobody caused: a disease's, a storm's, an accident's
            return _drop(ctx, "no_violence", coded_actor, coded_recipient)
        if event_type == "ASSAULT" and (entry.needs_cause or (not any(p.text for p in coded_actor)
                                                             and _agentless(token))) \
                and not any(p.sector in _STATE_FORCES for p in coded_recipient) and not self._armed_frame(ctx):
            # "1 900 homicides en 2019", "une personne blessée par arme blanche": crime, not war
            return _drop(ctx, "crime_not_war", coded_actor, coded_recipient)
        if entry.needs_size and not any(k in size for k in ("dead", "injured", "arrested", "troops")) \
                and not (any(p.text for p in coded_actor)
                         and counted_vaguely(ctx.shared.text[max(sent.start_char, token.idx - 40):token.idx])):
            # a toll is counted ("164 morts", not "la mort"); counted with no number ("des dizaines de morts", "de
            # nombreux blessés"), only with the side that made it named in the clause
            return _drop(ctx, "toll_not_counted", coded_actor, coded_recipient)
        if entry.needs_cause and not any(p.text and p.code not in {r.code for r in coded_recipient}
                                         for p in coded_actor) \
                and not self._caused(ctx, sent, entry.lemma):
            # "l'Espagne compte 300 morts", "le bilan s'élève à 20 morts": nobody attacked
            return _drop(ctx, "toll_no_cause", coded_actor, coded_recipient)
        if entry.needs_cause and self._toll_of_non_agent(token):
            # "le bilan de l'épidémie", "300 morts du Covid-19": the toll names its cause, no one
            return _drop(ctx, "toll_of_non_agent", coded_actor, coded_recipient)
        if event_type == "ASSAULT" and self._agent_is_not_a_party(token):
            # "la Syrie est frappée par une crise", "le conflit a tué des milliers de personnes"
            return _drop(ctx, "agent_not_party", coded_actor, coded_recipient)
        if event_type == "ACCUSE" and not any(p.text for p in coded_recipient) and self._about_affliction(token):
            # "les soignants s'inquiètent d'une résurgence de l'épidémie": no one is blamed
            return _drop(ctx, "affliction_no_blame", coded_actor, coded_recipient)

        # auxiliary modes that change the category (PLOVER manual: AGREE, CONCEDE)
        final_status = status.status
        if denial:
            final_status = ASSERTED
        elif final_status == NEGATED and status.cue == "negation" and entry.lemma in _YIELD_VERBS:
            # "n'a accepté aucune demande", "ne transigerait pas": a refusal, stated (the speaker's own act)
            event_type, mode = "REJECT", None
            final_status = ASSERTED
        elif final_status == NEGATED and status.cue == "negation" and entry.lemma in _RULE_OUT_VERBS \
                and ((args.theme is not None and args.theme.lemma_.lower() in _RULE_OUT_MEASURES)
                     or _fronted_topic(sent) in _RULE_OUT_MEASURES):
            # "n'a pas exclu le gel du projet": a measure kept in reserve, a threat (the speaker's own)
            event_type, mode = "THREATEN", None
            final_status = ASSERTED
        if event_type == "ACCUSE" and entry.lemma in _WARNING_VERBS and _own_future(token):
            event_type, mode = "THREATEN", None  # "nous avertissons que nous ne tolérerons plus ...": a threat
        if event_type == "THREATEN" and final_status in (FUTURE, HYPOTHETICAL) and (
                (status.cue in ("future", "conditional", "condition") and status.reporter is not None)
                or (status.cue == "condition" and is_past(token))):
            # '"Le Nord en paiera le prix si ...", a-t-il dit', "a menacé de frapper si ...": a threat speaks of
            # what would follow; the threat itself is made (not "Washington menacera de sanctions si ...")
            final_status = REPORTED if status.reporter is not None else ASSERTED
        threat = self.vocabulary.recast(event_type, mode, "threatened")
        if threat and final_status in (FUTURE, HYPOTHETICAL) and status.cue != "condition" \
                and (_conditioned(token) or _warned(status) or (
                    final_status == FUTURE and (status.reporter is not None or status.cue == "future-in-past")
                    and any(self.lexicon.in_class(word.lemma_.lower(), "vague_measures")
                            for word in (token, args.theme) if word is not None))) \
                and (status.reporter is None or reporter_code in {p.code for p in coded_actor} | {None}):
            # "Washington imposera des sanctions si Moscou ...", '"nous riposterons", a prévenu X', "a affirmé qu'elle
            # prendrait de multiples actions contre le Sud": a hostile act the actor's side promises on a condition,
            # as a warning, or unspecified, is a threat made, not the act to come (not the condition itself, "si la
            # Russie attaquait", nor what another side foresees; "va couper la liaison" is a decision told)
            event_type, mode = threat
            final_status = REPORTED if status.reporter is not None else ASSERTED
        promise = self.vocabulary.recast(event_type, mode, "promised")
        if final_status == FUTURE and promise:
            event_type, mode = promise  # a support or an aid promised is an agreement, a withdrawal a concession

        lemmas = ctx.lemmas()
        mode = _refine_mode(event_type, mode, lemmas, actor, recipient)
        context = sorted(set(context) | _contexts(lemmas))

        # "ces nouvelles sanctions": a demonstrative names an act the text told, at that act's date
        antecedent = ctx.shared.told_dates.get(event_type) \
            if token.pos_ == "NOUN" and _demonstrative(token) else None
        when = event_date(token, dates, published, ctx.reference, sent, antecedent, self._told_act(ctx))
        if when.fallback:
            confidence *= 0.9
        elif final_status in FACTUAL and dated_ahead(when, sent, published):
            final_status = FUTURE  # dated ahead of the article: announced, not done
        elif final_status == FUTURE:
            when = to_come(when, token, dates, sent, published)  # "doit s'y rendre en décembre", in March
        reporter = None
        # whoever tells it, whatever the status ("a démenti avoir frappé": negated, told by its speaker)
        if status.reporter is not None and final_status != ASSERTED and ctx.speaker is not None \
                and (status.reporter.lower_ in _SPEAKER_PRONOUNS
                     or (status.reporter.pos_ == "NOUN" and _demonstrative(status.reporter) and ctx.speaker["code"]
                         and not any(p.code for p in ctx.finder_parties(status.reporter)))):
            # "a annoncé le président finlandais. Selon lui, ...", "Selon un responsable des rebelles, ... a assuré
            # ce responsable": the same source
            reporter = dict(ctx.speaker)
        elif status.reporter is not None and final_status != ASSERTED:
            found = ctx.finder_parties(status.reporter)
            if found and _quoted_antecedents(found, status.reporter, sent):
                # '"Le Nord en paiera le prix", a-t-il dit': the incise's pronoun is not a party of its own quote
                found = [Party(text=ctx.speaker["text"], code=ctx.speaker["code"], actor_id=ctx.speaker["actor_id"])] \
                    if ctx.speaker is not None else []
            coded = [p for p in found if p.code]
            if not coded and ctx.lemmas() & _SOURCE_WORDS:
                # "ce texte confirme, selon un communiqué du président Sauli Niinistö, que ..."
                source = reporter_from_prep(token, sent)
                if source is not None:
                    coded = [p for p in ctx.finder_parties(source) if p.code]
            if coded:
                reporter = {"text": coded[0].text, "actor_id": coded[0].actor_id, "code": coded[0].code}
            elif found and found[0].generic:
                reporter = {"text": found[0].text, "actor_id": None, "code": home}
        if final_status == REPORTED and reporter is None and status.reporter is not None:
            # "ont annoncé ses services", "selon son entourage": whose they are is the actor's side
            owned = any(c.dep_ == "det" and c.lower_ in _THIRD_POSSESSIVES for c in status.reporter.children)
            reporter = {"text": status.reporter.text, "actor_id": None,
                        "code": coded_actor[0].code if owned else None}
        if (reporter is None or not reporter["code"]) and event_type in self.verbal and status.reporter is None:
            reporter = coded_actor[0].export()  # a statement's source is whoever makes it
            reporter.pop("sector")
        if reporter is None and status.reporter is None and final_status in (FUTURE, HYPOTHETICAL) \
                and ctx.speaker is not None and ctx.speaker.get("code") and _quotes_words(sent, ctx.shared.text) \
                and coded_actor and {p.code for p in coded_actor} == {ctx.speaker["code"]} \
                and ctx.sentence_before is not None \
                and _reports_speech(ctx.sentence_before, ctx.shared.view, ctx.shared.text):
            # 'la ministre a affirmé que ... Ses troupes tiendront "chaque village"': words quoted with no speaker
            # of their own, announcing what the speaker's own side is to do, go on with the speech of the sentence
            # before, and are its speaker's (not another side's act after a mere denunciation)
            reporter = dict(ctx.speaker)
        if confidence < _MIN_CONFIDENCE:
            return _drop(ctx, "low_prior", coded_actor, coded_recipient)
        if event_type in self.domestic and not size and not sent_places \
                and {p.code for p in coded_actor} >= {p.code for p in coded_recipient} \
                and not any(p.text for p in coded_actor + coded_recipient):
            # one state against itself, no side, place or toll named: a guess from the document
            return _drop(ctx, "one_state_guessed", coded_actor, coded_recipient)
        # (the confidence model learnt the reporters of reported and future events only)
        features = event_features(token, entry, args, event_type, final_status, actor, coded_recipient,
                                  reporter if final_status in (REPORTED, FUTURE) or status.reporter is None else None,
                                  when, published, sent, size, confidence)
        return {
            "_features": features,
            # what its words are about, when the model reads it (or training keeps it)
            "_meaning": meaning_vectors(token, args, actor, coded_recipient, sent) if self.reads_meaning else None,
            "type": event_type,
            "mode": mode,
            "context": context,
            "symmetric": bool(entry.sym),
            "actor": [p.export() for p in coded_actor],
            "recipient": [p.export() for p in coded_recipient],
            "status": final_status,
            "reported_by": reporter,
            "date": when.date,
            "date_precision": when.precision,
            "date_text": when.text,
            "date_fallback": when.fallback,
            "size": size,
            "location": location,
            "sentence": ctx.shared.text[sent.start_char:sent.end_char],
            "start": sent.start_char,
            "end": sent.end_char,
            "trigger": token.text,
            "score": self.vocabulary.score(event_type, mode),
            "confidence": round(min(1.0, confidence), 3),
        }


@dataclass
class _Subject:
    """What a sentence is about, for the pronouns of the sentences after it: the subject of its main clause, or the
    source of the quote it closes. ``parties`` are its coded parties, none for a person or body the text names with
    no side (who still stands between a pronoun and the parties named before)."""

    parties: list[Party]
    head: Token
    source: bool = False  # the source of a quote, read after it ('"...", a déclaré X')


class _Context:
    """Per-sentence helpers: pronoun resolution against the sentence and earlier subjects."""

    def __init__(self, finder: ArgumentFinder, index: MentionIndex, history: list[list[Party]], sent: Span,
                 clashes: Counter | None, shared: _DocCache):
        self.finder = finder
        self.index = index
        self.history = history
        self.sent = sent
        self.shared = shared
        self._clashes: Counter | None = clashes
        self.reference: EventDate | None = None
        self.speaker: dict | None = None  # the last named source of the paragraph, for "selon lui"
        self.sentence_before: Span | None = None  # read for its reported speech only when an event asks
        self.quote_speaker: Token | None = None  # who says the sentence, for its "nous" and "je"
        self.open_quote: Token | None = None  # the speaker of a quote the sentence opens and a later one closes
        self.quote_open = False  # the sentence starts inside a quote opened before it
        self.place_before = False  # one of the two sentences before named the last place
        self.stale_place = False  # the last place was named once, more than _PLACE_HOLD sentences before
        self.coded: list[tuple[str, dict]] = []  # the sentence's events so far, with their trigger's lemma
        self._lemmas: frozenset[str] | None = None
        self._states = shared.states
        self._codes = shared.codes

    def lemmas(self) -> frozenset[str]:
        if self._lemmas is None:
            self._lemmas = frozenset(self.shared.lemmas[self.sent.start:self.sent.end])
        return self._lemmas

    def states(self, sent: Span) -> list[str]:
        """States named in a sentence, in order (cached per sentence)."""
        cache = self._states
        found = cache.get(sent.start)
        if found is None:
            found = cache[sent.start] = _sentence_states(sent, self.index)
        return found

    def reporter_code(self, token: Token) -> str | None:
        coded = [p for p in self.finder_parties(token) if p.code]
        return coded[0].code if coded else None

    def rival(self, codes: set, sent: Span | None) -> str | None:
        """The other side: a state named in the sentence, else the state the document pairs with
        ``codes`` in sentences about fighting."""
        for code in self.states(sent) if sent is not None else []:
            if code not in codes:
                return code
        pairs = self.clashes()
        best = None
        for (a, b), _count in pairs.most_common():
            if a == b and a in codes:
                best = a  # its own rebels
            elif a in codes and b not in codes:
                best = b
            elif b in codes and a not in codes:
                best = a
            if best:
                return best
        return None

    def spoken_of(self, code: str) -> bool:
        """Whether the document speaks of the party, not only names it in passing: a guessed side must be one of
        the states or bodies its story is about ("la nationalité algérienne du suspect" once in a story on a
        parcel bomb in Lyon, "le député de Guadeloupe" in a French quarrel are no addressees)."""
        counts = self.shared.mentioned
        return counts[code] >= _SPOKEN_OF * sum(counts.values())

    def named_near(self, code: str, sent: Span) -> bool:
        """Whether a mention of the sentence, of the `_GUESS_BACK` before it or of the `_GUESS_AHEAD` after it (a
        party, a place, a nationality word) has the code: a side guessed from the document needs the text around
        the act to name it."""
        sents = self.shared.sents
        here = self.shared.numbers.get(sent.start, 0)
        start = sents[max(0, here - _GUESS_BACK)].start
        end = sents[min(len(sents) - 1, here + _GUESS_AHEAD)].end
        return any(self.index.code_of(mention) == code for mention in self.index.between(start, end))

    def rebels_state(self) -> str | None:
        """The state of the armed groups the document names, when they all belong to one (`_DocCache.rebels`)."""
        return self.shared.rebels

    def _partner(self, codes: set) -> str | None:
        """The party ``codes`` had most events with so far in the text."""
        # a state at odds with its own rebels or opposition is its own counterpart
        partners = Counter({b: n for (a, b), n in self.shared.partners.items()
                            if a in codes and (b not in codes or a == b)})
        if not partners:
            return None
        return min(partners.items(), key=lambda item: (-item[1], item[0]))[0]

    def counterpart(self, codes: set, sent: Span) -> str | None:
        """The party ``codes`` had most events with so far in the text, else the state or organisation
        most often named with ``codes`` in the sentences around."""
        partner = self._partner(codes)
        if partner is not None:
            return partner
        counts: Counter = Counter()
        sents = self.shared.sents
        here = self.shared.numbers.get(sent.start, 0)
        for k, other in enumerate(sents):
            found = self._sentence_codes(k, other)
            if not (codes & found):
                continue
            weight = 1.0 / (1 + abs(k - here))
            for code in found - codes:
                counts[code] += weight
        if not counts:
            return None
        # ties broken by code, not by set order (which changes from one process to another)
        code, weight = min(counts.items(), key=lambda item: (-item[1], item[0]))
        return code if weight >= 0.5 else None

    def _sentence_codes(self, k: int, sent: Span) -> set:
        cached = self._codes.get(k)
        if cached is None:
            cached = set()
            for mention in self.index.between(sent.start, sent.end):
                if isinstance(mention, Span) and mention.label_ in ("LOC", "GPE") and placemod.is_locative(mention):
                    continue  # "la guerre en Ukraine": a place, not a party
                if means_helper(mention.root):
                    continue  # "avec l'aide des Etats-Unis": a helper of the act, not its counterpart
                code = self.index.code_of(mention)
                if code and mention.label_ not in ("DATE", "TIME") and (placemod.is_state(code) or code.isupper()):
                    cached.add(code)
            self._codes[k] = cached
        return cached

    def two_sides(self, sent: Span) -> list[str] | None:
        states = self.states(sent)
        if len(states) >= 2:
            return states[:2]
        pairs = self.clashes()
        if pairs:
            (a, b), _ = pairs.most_common(1)[0]
            if not states or states[0] in (a, b):
                return [a, b]
        return None

    def main_pair(self) -> tuple[str, str] | None:
        """The two parties the text has told most events between so far (at least two events)."""
        pairs = self.shared.partners
        if not pairs:
            return None
        (a, b), count = min(pairs.items(), key=lambda item: (-item[1], item[0]))
        return (a, b) if count >= 2 else None

    def clashes(self) -> Counter:
        if self._clashes is None:
            self._clashes = Counter()
            lemmas = self.shared.lemmas
            for sent in self.shared.sents:
                if not _CLASH.isdisjoint(lemmas[sent.start:sent.end]):
                    states = sorted(self.states(sent))
                    for i, a in enumerate(states):
                        for b in states[i + 1:]:
                            self._clashes[(a, b)] += 1
                    # a civil war: a state's rebels and its own government or forces in the same fight
                    # ("les séparatistes ont repoussé les forces gouvernementales") pair the state with itself
                    for code in self._internal_sides(sent):
                        self._clashes[(code, code)] += 1
        return self._clashes

    def _internal_sides(self, sent: Span) -> set:
        """States whose armed groups (rebels, insurgents, separatists) and whose own government or forces
        the sentence both mentions."""
        rebels: set = set()
        loyal: set = set()
        for mention in self.index.between(sent.start, sent.end):
            _text, code, _actor_id, sector = self.index.fields(mention)
            if not placemod.is_state(code):
                continue
            if sector == "REB":
                rebels.add(code)
            elif sector in _STATE_FORCES:
                loyal.add(code)  # not a place or an adjective ("la cause palestinienne", "à Gaza")
        return rebels & loyal

    def finder_parties(self, token: Token) -> list[Party]:
        if token.pos_ == "PRON" and token.lower_ in _REPORTER_RELATIVES:
            return self.finder.parties(token, self.index)
        if token.pos_ == "NOUN" and self.index.at(token) is None:
            # "selon un nouveau bilan annoncé par le Premier ministre", "un communiqué du Kremlin"
            found = self.finder.parties(token, self.index)
            if any(p.code for p in found):
                return found
            for inner in token.subtree:
                if inner != token and self.index.at(inner) is not None and self.index.code_of(self.index.at(inner)):
                    return self.finder.parties(inner, self.index)
            return found
        if token.pos_ == "PRON" and self.index.at(token) is None:  # "Poutine" tagged as a pronoun is a name
            target = self.resolve(token)
            if target is None:
                return []
            return target if isinstance(target, list) else self.finder.parties(target, self.index)
        return self.finder.parties(token, self.index)

    def resolve(self, token: Token) -> Token | list[Party] | None:
        lower = token.lower_
        if _misread_name(token):
            return None  # "Il y a quelques jours, TikTok s'était engagé": a name, no one named before
        speaker = self.quote_speaker
        if speaker is not None and speaker.i != token.i and (
                self.finder.lexicon.in_class(lower, "first_person")
                or (token.dep_ == "det" and self.finder.lexicon.in_class(lower, "first_person_possessives"))):
            return self.resolve(speaker) if speaker.pos_ == "PRON" else speaker
        if token.pos_ == "NOUN":
            return self._compound(token)
        if token.lower_ in _UNRESOLVED_RELATIVES:
            return None
        # possessive: "leur rencontre", "son accord" → the clause's subject
        if token.dep_ == "det" or morph(token, "Poss"):
            noun = token.head
            verb = noun
            for _ in range(4):
                if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
                    break
                verb = verb.head
            coordinated = False
            for _ in range(3):  # "pour renforcer ..., à l'issue de leur rencontre": the subject of "s'entendre"
                for child in verb.children:
                    # (a first conjunct's passive subject undergoes its clause: no doer of the second's act)
                    if child.dep_ in (("nsubj",) if coordinated else ("nsubj", "nsubj:pass")) and child != noun \
                            and not noun.is_ancestor(child):
                        if child.pos_ != "PRON":
                            return child
                        return self.resolve(child)
                # "a dénoncé un complot et souligné son rejet": a coordinated verb shares the subject of the first
                if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head == verb:
                    break
                coordinated = coordinated or verb.dep_ == "conj"
                verb = verb.head
            return self._previous()
        verb = token.head
        # (an inverted clitic is the incise's subject whatever the parser calls it: "a-t-il prévenu", read as a
        # passive subject; not under a passive auxiliary, "a-t-il été informé")
        inverted = lower in INVERTED_CLITICS and token.dep_ not in ("nsubj", "expl:subj") \
            and not any(c.dep_ == "aux:pass" for c in verb.children)
        # a verb of saying, or any verb that reports a quote it follows ('"...", a-t-il déploré'): its subject
        # is who speaks
        speaks = verb.lemma_.lower() in SPEECH_VERBS or reports_quote(verb)
        if (token.dep_ in ("nsubj", "expl:subj") or inverted) and lower in _SPEAKER_PRONOUNS \
                and speaks \
                and (verb.i < token.i or lower.startswith("-")) and self.speaker is not None \
                and self.speaker.get("code"):
            # '"Nous demandons ...", a-t-il ajouté': the source the paragraph last named
            speaker = self.speaker
            return [Party(text=speaker["text"], code=speaker["code"], actor_id=speaker.get("actor_id"))]
        # (a stressed form that is its verb's object clitic is one: "il lui a promis", "elle leur a écrit")
        stressed = lower in _STRESSED_PRONOUNS and not object_clitic(token)
        if token.dep_ in ("nsubj", "nsubj:pass", "expl:subj") or stressed or inverted:
            asked = asked_party(token)
            if asked is not None and _agrees(token, asked):
                return self.resolve(asked) if asked.pos_ == "PRON" else asked  # "a obtenu du Mali qu'il libère"
            outer = _outer_subject(verb) if token.head == verb else None
            if outer is not None:
                return outer  # "M. Pompeo a rencontré le ministre, qu'il a félicité": not the antecedent
            # "a déclaré qu'il avait envoyé": the speaker
            current = verb
            # ('"Les votes seront cruciaux", a-t-il ajouté': an incise's clitic is its speaker, never the quote's
            # own subject)
            incise = lower in INVERTED_CLITICS and speaks
            if incise:
                before = self._subject_before_quote(token)
                if before is not None:
                    return before  # 'La sénatrice chilienne a répondu : « ... », a-t-elle déploré': who spoke
            for _ in range(0 if incise else 4):
                if current.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and current.head != current:
                    if current.head.i > current.i and reports_quote(current.head):
                        break  # '"Ils nous visent", accuse X': a third person of the quote is not who says it
                    # (a subject the parser read as passive is the subject of the clause a subordinate or coordinated
                    # clause hangs on too: "X a été reçu à Y, où il doit ...", "X est arrivé à Y, où il ..."; not the
                    # one of a quote an incise reports)
                    subjects = ("nsubj",) if current.dep_ == "parataxis" else ("nsubj", "nsubj:pass")
                    current = current.head
                    for child in current.children:
                        if child.dep_ in subjects and child.pos_ != "PRON" and _agrees(token, child):
                            return child
                    continue
                break
            return self._previous(token)
        # object clitics ("pour leur demander", "l'ont mise en garde"): the last party named before
        # that is not the verb's own subject
        # (the subject is never what its own clitic stands for, nor is its state when either names the state
        # itself; another person or body of that state may be: "le ministre l'a félicité", the prefect named before)
        own: list[Party] = []
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and child != token:
                own += [p for p in self.finder_parties(child) if p.code]
        current = verb
        while current.dep_ in ("xcomp", "advcl", "conj", "acl") and current.head != current:
            current = current.head
            for child in current.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    own += [p for p in self.finder.parties(child, self.index) if p.code]
        fallback = None
        for i in range(token.i - 1, self.sent.start - 1, -1):
            mention = self.index.by_token[i]
            if mention is None or not self.index.code_of(mention) \
                    or _own_side(self.finder.parties(mention.root, self.index), own):
                continue
            if mention.label_ in ("LOC", "GPE") and isinstance(mention, Span) and placemod.is_locative(mention):
                continue  # "À Téhéran, Poutine l'avait mis en garde": a place, not the one warned
            head = mention.root
            while head.dep_ == "conj" and head.head != head and self.index.at(head.head) is not None:
                head = head.head
            if not _stands_for(token, head):
                continue  # "X a déposé une proposition ..., que le gouvernement a rejetée": not X
            if head.dep_ in ("nsubj", "nsubj:pass"):
                return head  # "Ankara annonce une offensive, contre laquelle la Russie l'a mise en garde"
            fallback = fallback or head
        if fallback is not None:
            return fallback
        if self._thing_before(token):
            return None  # "Le maire a présenté un budget. Le gouvernement l'a salué": the budget, not the mayor
        previous = self._previous(token)
        if previous and not _own_side(previous, own):
            return previous
        # "X a reçu Y. Il l'a félicité": the subject before is the actor; the latest other party its sentence named
        # (a phrase's head, not a word inside it: "le maire de Brest", not Brest)
        if self.sent.start > 0:
            before = self.sent.doc[self.sent.start - 1].sent
            for word in reversed(before):
                if word.pos_ not in ("NOUN", "PROPN") or word.dep_ not in _CLAUSE_PARTY_DEPS:
                    continue
                found = [p for p in self.finder_parties(word) if p.code and not p.place]
                if found and not _own_side(found, own) and _stands_for(token, word):
                    return found
        return None

    def _thing_before(self, clitic: Token) -> bool:
        """Whether the latest noun before an object clitic, in its sentence or the one before, that is a main
        clause's party (subject, object) and agrees with the clitic, names no party: a thing, which the clitic stands
        for (a noun of a relative or subordinate clause, "une Turquie qui importe l'essentiel de son énergie", is
        not what the next sentence's clitic takes up)."""
        doc = clitic.doc
        start = doc[self.sent.start - 1].sent.start if self.sent.start > 0 else self.sent.start
        for i in range(clitic.i - 1, start - 1, -1):
            word = doc[i]
            if word.pos_ != "NOUN" or word.dep_ not in _CLAUSE_PARTY_DEPS or word.head == clitic.head \
                    or temporal(word) or not _stands_for(clitic, word):  # (not "mardi", read as an object)
                continue
            clause = word.head
            if clause.dep_ == "conj":
                clause = clause.head
            if clause.dep_ != "ROOT":
                continue
            return self.index.at(word) is None and not self.finder_parties(word)
        return False

    def _compound(self, token: Token) -> list[Party] | None:
        """The last group of parties named, of the size the phrase says ("les deux dirigeants")."""
        size = next((_NUMBER_WORDS.get(c.lower_) for c in token.children if c.lower_ in _NUMBER_WORDS), 2)
        people = token.lemma_.lower() in _PERSON_NOUNS
        fallback = None
        recent: list[Party] = []
        seen: set[int] = set()
        for i in range(token.i - 1, max(-1, token.i - 200), -1):
            mention = self.index.by_token[i]
            if mention is None or not self.index.code_of(mention) or id(mention) in seen:
                continue
            seen.add(id(mention))
            parties = self.finder.parties(mention.root, self.index)
            if people and not all(p.label == "PER" or p.sector for p in parties if p.code):
                continue  # "les deux présidents" are people, not "l'Ukraine, la Syrie"
            codes = {p.code for p in parties if p.code}
            if len(codes) == size:
                return [p for p in parties if p.code]
            if len(codes) >= 2 and fallback is None:
                fallback = [p for p in parties if p.code]
            for p in parties:
                if p.code and not p.generic and p.code not in {q.code for q in recent}:
                    recent.append(p)
        if fallback is None and len(recent) >= size:
            # "L'Inde accuse la Chine ... Les deux pays se rejettent": the pair the text told most events
            # between, else the last parties named, one by one
            near = {p.code: p for p in recent}
            pair = next(((a, b) for (a, b), _ in self.shared.partners.most_common()
                         if a != b and a in near and b in near), None) if size == 2 else None
            return [near[pair[0]], near[pair[1]]] if pair else recent[:size][::-1]
        return fallback

    def _subject_before_quote(self, clitic: Token) -> Token | None:
        """The last subject, named by a noun outside any quote, that the sentence sets before the quote an incise's
        inverted clitic follows and that the clitic can stand for ("La sénatrice chilienne a répondu : « ... »,
        a-t-elle déploré"); None when the sentence names none there."""
        view = self.shared.view
        for i in range(clitic.i - 1, self.sent.start - 1, -1):
            if view.dep[i] != "nsubj" or view.pos[i] not in ("NOUN", "PROPN"):
                continue
            subject = view.token(i)
            if not self.quoted(subject) and _stands_for(clitic, subject) and _agrees(clitic, subject):
                return subject
        return None

    def _previous(self, pronoun: Token | None = None) -> list[Party] | None:
        """The parties of the last subject of the sentences before that a pronoun can stand for (of its gender and
        number, where both are marked); None when that subject names no side: a pronoun stands for the last one
        the text spoke of, not for the last one veille could code."""
        for subject in reversed(self.history[-3:]):
            if pronoun is not None and not _stands_for(pronoun, subject.head):
                continue
            coded = [p for p in subject.parties if p.code and not p.generic]
            if coded:
                return coded
            if not subject.parties:
                return None
        return None

    def quoted(self, token: Token) -> bool:
        """Whether the word stands inside a quote: an odd count of marks before it or after it in its sentence,
        else, in a sentence with none, a quote the paragraph left open."""
        text, sent = self.shared.text, self.sent
        before = sum(text.count(q, sent.start_char, token.idx) for q in QUOTE_MARKS)
        after = sum(text.count(q, token.idx, sent.end_char) for q in QUOTE_MARKS)
        return bool(before % 2 or after % 2) if before + after else self.quote_open

    def sentence_subject(self) -> _Subject | None:
        view, skip = self.shared.view, self.shared.skip
        deps = view.dep
        # a heading glued to the sentence ("- Il va comprendre -Le président a ...") is not its main clause
        root_i = next((i for i in range(self.sent.start, self.sent.end)
                       if deps[i] == "ROOT" and not (skip and skip[i])), None)
        if root_i is None and skip:
            root_i = next((i for i in range(self.sent.start, self.sent.end) if not skip[i]
                           and view.pos[i] in ("VERB", "AUX") and any(deps[j] == "nsubj" for j in view.kids(i))),
                          None)
        root = self.sent.root.i if root_i is None else root_i
        tags = view.pos
        # '"...", a déploré X', '"...", ajoute-t-il': the sentence is about who speaks, not about a noun of the quote
        source = _incise_source(self.sent, view)
        # (not a verb after a quote its own subject, named before it, holds in a clause of its own: 'Le président,
        # qui avait salué "la joie ...", a qualifié X de ...' is about the president, not about X)
        if source is None and reports_quote(view.token(root)) and not self._named_subject_before(root):
            named = after_incise(view.token(root), view)
            source = view.token(named) if named is not None else None
        if source is not None:
            return self._subject_of(source, source=True)
        for j in view.kids(root):
            if deps[j] in ("nsubj", "nsubj:pass") and (tags[j] != "PRON" or deps[j] == "nsubj"):
                if self.quoted(view.token(j)):
                    # a quote's own subject is what a speaker talks of, not what the text is about: the speaker
                    speaker = _speech_subject(self.sent, view)
                    return self._subject_of(speaker, source=True) if speaker is not None else None
                return self._subject_of(view.token(j))
        return None

    def _named_subject_before(self, verb: int) -> bool:
        """Whether the verb has a subject named by a noun before it, outside any quote: the verb's clause is its
        subject's own, not an incise whose speaker follows it."""
        view = self.shared.view
        return any(view.dep[j] in ("nsubj", "nsubj:pass") and view.pos[j] in ("NOUN", "PROPN") and j < verb
                   and not self.quoted(view.token(j)) for j in view.kids(verb))

    def _subject_of(self, token: Token, source: bool = False) -> _Subject | None:
        """The subject a sentence leaves for the pronouns after it: its coded parties, or none for someone named
        who has no side veille knows ("X a été entendu ... Il a accusé"); None for any other phrase with no side
        ("la réforme", or "le milliardaire", who may be someone named before)."""
        if token.pos_ == "PRON":
            target = self.resolve(token)
            if isinstance(target, list):
                return _Subject([p for p in target if p.code], token, source)
            if target is None:
                return None
            token = target
        parties = [p for p in self.finder.phrase_parties(token, self.index, self.resolve) if p.code] \
            or _named_parties(token, self.finder, self.index)
        if parties or _names_someone(token):
            return _Subject(parties, token, source)
        return None


_QUANTITY_NOUNS = grammar_words("quantity_nouns")
_NAME_DEPS = frozenset({"appos", "flat:name", "flat"})  # a name beside a title: "le ministre, X", "le député X"


def _misread_name(token: Token) -> bool:
    """A capitalised word the tagger read as a pronoun that is none of the language's own (a company's,
    a person's name it does not know)."""
    return token.pos_ == "PRON" and token.text[:1].isupper() and not token.is_stop and not token.lower_.startswith("-")


def _accused_speaks(speakers: list[Party], accusers: list[Party], accused: list[Party]) -> bool:
    """The source of a negated accusation no one else is said to make is its target ("il n'y avait aucune
    raison d'accuser la Russie", says Moscow; not "l'Allemagne n'a pas accusé la Russie", says Moscow)."""
    speaker = {p.code for p in speakers}
    return speaker <= {p.code for p in accused if p.code} and all(p.code in speaker for p in accusers if p.code)


def _agrees(pronoun: Token, noun: Token) -> bool:
    """A personal pronoun can stand for the noun: their genders, where both are marked, are the same
    ("L'armée chinoise a ..., a-t-il affirmé": "il" is not the army)."""
    said, named = morph(pronoun, "Gender"), morph(noun, "Gender")
    return not (said and named) or bool(set(said) & set(named))


def _stands_for(pronoun: Token, noun: Token) -> bool:
    """A pronoun of the third person can stand for a common noun of its gender, and a singular one for a singular
    noun ("La délégation ... Il": not her; "Les barrières ..., il": not them; a coordination is plural); a name's
    gender and number are not read (the tagger guesses them), nor those of "nous", "on" or an inverted "-t"; a noun
    of quantity agrees by the noun it counts ("des foules de manifestants ... ils")."""
    if "3" not in morph(pronoun, "Person") or noun.pos_ != "NOUN":
        return True
    if noun.lemma_.lower() in _QUANTITY_NOUNS:
        # "des foules de manifestants ... ils": the people counted
        counted = next((c for c in noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
        noun = counted if counted is not None else noun
    # (a quoted conjunct is words a text quotes, no second party: 'le président, qui a salué "X" et "la joie de Y", a';
    # nor is the name the parser coordinated after a comma with the title it goes with: "l'avocat de X, Sabrina Y")
    beside = [c for c in noun.children if _name_beside(c)]
    named = ("Plur",) if any(c.dep_ == "conj" and not _opens_quote(c) and c not in beside for c in noun.children) \
        else morph(noun, "Number")
    if "Sing" in morph(pronoun, "Number") and "Plur" in named:
        return False  # (a plural pronoun may stand for one named and those met: "X a reçu Y. Ils ont discuté")
    # the determiner tells the gender of a noun of either ("la ministre"), else the noun's own
    article = next((morph(c, "Gender") for c in noun.children if c.dep_ == "det" and morph(c, "Gender")), None)
    if article is None and beside:
        # "l'avocat de X, Sabrina Y ... Elle": a title whose article tells no gender, beside the name of the one who
        # holds it, is the person's, of either gender
        return True
    said = _said_gender(pronoun)
    return not said or bool(set(said) & set(article or morph(noun, "Gender") or said))


def _name_beside(word: Token) -> bool:
    """The word is the name set beside a title: its apposition, or a name after a comma the parser coordinated with
    it, no conjunction before it ("l'avocat de X, Sabrina Y")."""
    if word.pos_ != "PROPN":
        return False
    if word.dep_ in _NAME_DEPS:
        return True
    return word.dep_ == "conj" and word.i > 0 and word.doc[word.i - 1].text == "," \
        and not any(c.dep_ == "cc" for c in word.children) and not any(c.dep_ == "conj" for c in word.children)


def _opens_quote(phrase: Token) -> bool:
    """The phrase opens with a quotation mark, or right after one."""
    first = phrase.left_edge.i
    doc = phrase.doc
    return doc[first].text in QUOTE_MARKS or (first > 0 and doc[first - 1].text in QUOTE_MARKS)


def _said_gender(pronoun: Token) -> tuple[str, ...]:
    """The gender a pronoun marks: its own, or, for an object clitic that marks none ("l'"), that of the past
    participle after "avoir" agreeing with it ("l'a rejetée": a feminine one)."""
    own = tuple(morph(pronoun, "Gender"))
    verb = pronoun.head
    if own or pronoun.dep_ != "obj" or "Part" not in morph(verb, "VerbForm") \
            or not any(c.dep_.startswith("aux") and c.dep_ != "aux:pass" for c in verb.children):
        return own
    return tuple(morph(verb, "Gender"))


def _named_parties(token: Token, finder: ArgumentFinder, index: MentionIndex) -> list[Party]:
    """The coded parties of the name beside a title or an honorific that names none itself ("Mme X", "le député
    X")."""
    for child in token.children:
        if child.dep_ in _NAME_DEPS and child.pos_ == "PROPN":
            coded = [p for p in finder.parties(child, index) if p.code]
            if coded:
                return coded
    return []


def _names_someone(token: Token) -> bool:
    """The phrase names someone by name ("Marc Dupin", "le chercheur Marc Dupin"), not by a description alone."""
    return token.pos_ == "PROPN" or any(c.dep_ in _NAME_DEPS and c.pos_ == "PROPN" for c in token.children)


def _own_source(event: dict) -> bool:
    """Whether an event's source is its own actor's mention (a statement, or what the verbal rule gave it)."""
    reporter = event["reported_by"]
    return any(reporter["text"] == party["text"] and reporter["code"] == party["code"] for party in event["actor"])


def _quoted_antecedents(found: list[Party], reporter: Token, sent: Span) -> bool:
    """Whether an incise's pronoun ("a-t-il dit", the parser's "-t" too) was read as parties named in the quote
    it closes: all of them in the sentence before it, a quote mark between each and the pronoun."""
    if reporter.pos_ != "PRON" and not reporter.text.startswith("-"):
        return False
    text = sent.doc.text
    return all(sent.start_char <= p.start < reporter.idx and any(q in text[p.start:reporter.idx] for q in QUOTE_MARKS)
               for p in found)


def _incise_source(sent: Span, view: DocView) -> Token | None:
    """The source the incise after the last quote of the sentence names ('"...", a déclaré X', '"...", a-t-il
    ajouté'), or None."""
    for i in range(sent.end - 2, sent.start - 1, -1):
        if view.text[i] in CLOSING_QUOTES and view.text[i + 1] == ",":
            return closing_incise(sent.doc[i:sent.end])
    return None


def _speech_subjects(sent: Span, view: DocView) -> Iterator[Token]:
    """The subjects of the sentence's speech verbs, in order, or the inverted subject of an incise the parser read
    as its object ("a déclaré X"); not pronouns."""
    for i in range(sent.start, sent.end):
        if view.lemma[i] not in SPEECH_VERBS or view.pos[i] not in ("VERB", "AUX"):
            continue
        for j in view.kids(i):
            inverted = view.dep[j] == "obj" and j > i and view.dep[i] == "parataxis"
            if (view.dep[j] == "nsubj" or inverted) and view.pos[j] != "PRON":
                yield view.token(j)


def _speech_subject(sent: Span, view: DocView) -> Token | None:
    """The subject of the sentence's last speech verb, or None."""
    return next(reversed(list(_speech_subjects(sent, view))), None)


def _named_speaker(sent: Span, view: DocView, finder: ArgumentFinder, index: MentionIndex) -> dict | None:
    """The last source a sentence names as the subject of a speech verb ('..., a déclaré le chef de la
    junte'), for the pronoun of the next incise ('a-t-il ajouté'); with no code for a source the text names with
    no side by name ("Marc Dupin, porte-parole du collectif, a affirmé"), whom that pronoun stands for all the
    same."""
    found = None
    for subject in _speech_subjects(sent, view):
        coded = [p for p in finder.parties(subject, index) if p.code] or _named_parties(subject, finder, index)
        if coded:
            found = {"text": coded[0].text, "actor_id": coded[0].actor_id, "code": coded[0].code}
        elif _names_someone(subject):
            found = {"text": subject.text, "actor_id": None, "code": None}
    return found


def _reports_speech(sent: Span, view: DocView, text: str) -> bool:
    """The sentence reports speech: a speech verb with a que-clause, or a quote in it."""
    for i in range(sent.start, sent.end):
        if view.lemma[i] in SPEECH_VERBS and view.pos[i] in ("VERB", "AUX") and says_that(view, i):
            return True
    return any(q in text[sent.start_char:sent.end_char] for q in QUOTE_MARKS)


def _quotes_words(sent: Span, text: str) -> bool:
    """Whether the sentence quotes words inside it (an opening and a closing quote mark), not a whole quote
    opened at its start."""
    piece = text[sent.start_char:sent.end_char].strip()
    marks = sum(piece.count(q) for q in QUOTE_MARKS)
    return bool(piece) and piece[0] not in OPENING_QUOTES and marks >= 2 and marks % 2 == 0


def _open_quote_speaker(sentences: list[Span], k: int, text: str) -> Token | None:
    """The speaker of the quote sentence ``k`` opens and does not close, from the incise after the sentence of
    the same paragraph where it closes ('"La Russie doit réagir. Nous attendons des réponses", a dit X.')."""
    sent = sentences[k]
    piece = text[sent.start_char:sent.end_char].strip()
    if not piece or piece[0] not in OPENING_QUOTES or sum(piece.count(q) for q in QUOTE_MARKS) != 1:
        return None
    for later in sentences[k + 1:k + 4]:
        if "\n" in text[sent.end_char:later.start_char]:
            return None  # a new paragraph
        if any(q in text[later.start_char:later.end_char] for q in QUOTE_MARKS):
            return closing_incise(later)
        sent = later
    return None


def _sentences(doc: Doc, text: str) -> list[Span]:
    """The parser's sentences, re-joined where it cut inside one: a piece that does not end like a
    sentence and is not followed by a line break continues in the next ("Erdogan a appelé vendredi
    en Ouzbékistan | les États turciques ... à renforcer leur coopération"), unless the next is glued to
    it (veille_junctions: a heading run into the sentence after it)."""
    out: list[Span] = []
    start = None
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if start is None:
            start = sent.start
        piece = text[sent.start_char:sent.end_char]
        following = sents[k + 1] if k + 1 < len(sents) else None
        gap = text[sent.end_char:following.start_char] if following is not None else ""
        # (no sentence starts with a comma: '"... doit maintenant réagir", a-t-il dit' is one, quote and incise)
        incise = following is not None and text[following.start_char:following.start_char + 1] == ","
        if following is None or (piece.rstrip().endswith(_SENTENCE_ENDS) and not incise) or "\n" in gap \
                or "\n" in piece[-2:] or (not gap and starts_glued(text, following.start_char)):
            out.append(doc[start:sent.end])
            start = None
    return out


def _skipped_tokens(doc: Doc, mentions: list[Span], text: str, lexicon: Lexicon) -> list[bool]:
    """Tokens that cannot trigger an event: words of a multi-word name ("Organisation du traité de
    sécurité collective") and headings or captions (a paragraph without a finite verb, or one that
    does not end like a sentence): they restate what the body says."""
    skip = [False] * len(doc)
    for mention in mentions:
        if mention.label_ not in TIME_LABELS and len(mention) > 1:
            for i in range(mention.start, mention.end):
                skip[i] = True
    # a capitalised noun inside a sentence begins a name nobody linked: "l'Assistance publique-hôpitaux
    # de Paris", "le Front pour la sauvegarde de la démocratie", "l'Accord de Paris"
    for ent in doc.ents:
        if ent.label_ == "ORG" and len(ent) > 1:
            for token in ent:
                if token.is_title:
                    skip[token.i] = True
    view = view_of(doc)
    for i in range(1, len(doc)):
        if view.pos[i] in ("NOUN", "PROPN") and view.text[i][:1].isupper() and view.text[i][1:2].islower() \
                and lexicon.in_class(view.lower[i - 1], "name_openers"):
            skip[i] = True
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        block = text[start:end].strip()
        if block:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and _is_heading(block, span):
                for i in range(span.start, span.end):
                    skip[i] = True
        start = end + 1
    # a sub-heading glued into scraped text: '... le 15 juin.- Attaques régulières -Le Pentagone ...'
    for match in _GLUED_HEADING.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                skip[i] = True
    # one glued with no space at all (a sentence of its own, veille_junctions), a title with no verb of its
    # own: '... le 27 mai.Accusation de tortureComme ...'
    for sent in doc.sents:
        if sent.end < len(doc) and not doc[sent.end - 1].whitespace_ and starts_glued(text, doc[sent.end].idx) \
                and not any("Fin" in morph(t, "VerbForm") for t in sent):
            for i in range(sent.start, sent.end):
                skip[i] = True
    return skip


# " - Words - " between a sentence end (or a line start) and the next sentence, with no sentence end inside
_HEADING_MAX_TOKENS = 60
_PLACE_HOLD = 3  # sentences a place named once holds for the sentences after it that name none
_RECURRENT_PLACE = 2  # times a state is named as a place that make it the story's own
_GLUED_HEADING = re.compile(r'(?:^|(?<=[.!?"»…)]))\s*(-\s?[^\s.!?\-][^.!?\n]{1,80}?\s-)(?=\s?["«]?[A-ZÀ-Ý])', re.M)


def _is_heading(block: str, span: Span) -> bool:
    if not block.rstrip("*_ ").endswith(_BODY_ENDS):
        # a long block is body text with something after its last sentence (an agency's signature,
        # "...en 1953.bur-sh/slb/elm"), not a heading
        return len(span) <= _HEADING_MAX_TOKENS
    if len(span) > 25:
        return False
    return not any("Fin" in morph(t, "VerbForm") for t in span)


def _governing_trigger(token: Token, found: dict[int, Candidate], speech: frozenset[str]) -> Candidate | None:
    """The trigger whose argument ``token`` is part of, if any (within a few nominal hops): "a signé
    un accord", "un mémorandum levant son blocage", "leur volonté de renforcer", "a accepté de soutenir"
    (``speech``: the types of speech acts, whose purpose clause is no argument of theirs)."""
    view = view_of(token.doc)  # the climb read as lists: no Token built
    deps, lowers, head_of, kids = view.dep, view.lower, view.head, view.kids
    t = token.i
    tag = view.pos[t]
    is_noun = tag in ("NOUN", "PROPN", "ADJ")
    # a present participle or an infinitive completing a noun ("un mémorandum levant son blocage", "leur
    # volonté de renforcer"); a past participle tells an event of its own ("les restrictions décidées par")
    participle = tag == "VERB" and deps[t] in ("acl", "amod") and (
        present_participle(token) or "Inf" in morph(token, "VerbForm"))
    if participle and "Pres" in morph(token, "Tense") and any(
            deps[j] == "mark" and lowers[j] in _GERUND_MARKS for j in kids(t)):
        return None  # "pour l'ouverture des discussions, en exhortant les parties à ...": a gerund is an act of its own
    if participle and "Pres" in morph(token, "Tense") and view.token(t).left_edge.i > 0 \
            and lowers[view.token(t).left_edge.i - 1] == ",":
        return None  # "exercent une pression sur Téhéran, accusant le pays de ...": detached, the subject's own act
    own = found.get(t)
    current = t
    for _ in range(4):
        dep = deps[current]
        head = head_of[current]
        nominal = is_noun or participle or current != t
        if head == current or dep in ("acl:relcl", "ccomp", "parataxis", "csubj"):
            return None
        if participle and current == t and view.pos[head] == "PROPN":
            return None  # "..., Ankara accusant Helsinki de ...": a clause about a named party, its own event
        if dep == "conj" and not (is_noun and current == t):
            return None
        if dep == "advcl":
            # "pour leur demander": a speech act of its own; "se sont entendus pour renforcer": one event;
            # the demands of a protest are its topic
            if head in found and (found[head].entry.type == "PROTEST" or (
                    own is not None and own.entry.type not in speech
                    and any(lowers[j] in _PURPOSE_MARKS for j in kids(current)))):
                return found[head]
            return None
        if dep in ("nsubj", "nsubj:pass"):
            if current == t and is_noun and head in found:
                return found[head]  # "les combats opposent ...", "les tirs ont cessé": one event
            return None
        if dep not in _NOMINAL_UP:
            return None
        if is_noun and current == t and (dep.startswith("obl") and any(
                deps[j] in ("case", "fixed") and lowers[j] in _SETTING_PREPS for j in kids(current))
                or _in_setting_phrase(t, view)):
            return None  # "devant une session de l'OTSC", "à l'issue de leur rencontre": the setting, an event
        if head in found:
            if dep == "conj" or found[head].entry.needs_args or found[head].entry.needs_size:
                return None  # a weak governor ("un contingent de 2 500 hommes déployé") does not absorb
            if not nominal and dep != "xcomp":
                return None
            return found[head]
        if not nominal and dep != "xcomp":
            return None
        current = head
    return None


def _toll_cause(i: int, found: dict[int, Candidate], view: DocView) -> Candidate | None:
    """The act of the same type whose toll the trigger at ``i`` counts: the subject of the verb the toll is the object
    of ("les frappes ... ont fait dix morts et vingt blessés"), or the noun that verb's relative clause qualifies
    ("l'attaque, qui a fait dix morts"), or the act whose clause a participle carries ("a bombardé la ville, faisant
    dix morts")."""
    own = found[i]
    if not own.entry.needs_cause:
        return None
    deps, heads, kids = view.dep, view.head, view.kids
    t = i
    while deps[t] == "conj" and heads[t] != t:
        t = heads[t]  # "dix morts et vingt blessés": the first conjunct is the object
    verb = heads[t]
    if deps[t] != "obj" or verb == t or verb in found or view.pos[verb] not in ("VERB", "AUX"):
        return None
    causes = [j for j in kids(verb) if deps[j] in ("nsubj", "nsubj:pass")]
    if deps[verb] == "acl:relcl" or (deps[verb] in ("advcl", "acl") and not causes):
        causes.append(heads[verb])
    return next((found[j] for j in causes if j in found and found[j].entry.type == own.entry.type
                 and not found[j].entry.needs_cause), None)


def _conditioned(token: Token) -> bool:
    """The clause of ``token`` (its own verb, or the verb a noun trigger hangs on) is bound to a condition ("si
    Moscou ne libère pas l'opposant", "à moins que Séoul n'empêche ..."): a clause with that mark beside it."""
    view = view_of(token.doc)
    deps, lowers, kids, head = view.dep, view.lower, view.kids, view.head
    i = token.i
    for _ in range(4):
        if view.pos[i] in ("VERB", "AUX", "ADJ"):
            break
        if head[i] == i:
            return False
        i = head[i]
    return any(deps[j] == "advcl" and any(deps[k] == "mark" and lowers[k] in _CONDITION_MARKS for k in kids(j))
               for j in kids(i))


def _condition_clause(token: Token) -> int | None:
    """The clause that sets the condition of the clause of ``token`` (a verb, or an infinitive of the verbs it
    completes: "nous allons devoir ..."): a clause beside it with a mark of `threat_condition_marks` ("si X ne ...
    pas, nous devrons ..."), the one the parser made its head when it hung the main clause on the condition
    before it, else the last condition of the sentence that ends before the clause."""
    view = view_of(token.doc)
    deps, lowers, kids, head = view.dep, view.lower, view.kids, view.head
    chain = [token.i]
    while deps[chain[-1]] == "xcomp" and head[chain[-1]] != chain[-1] and len(chain) < 4:
        chain.append(head[chain[-1]])

    def marked(j: int) -> bool:
        return any(deps[k] == "mark" and lowers[k] in _CONDITION_MARKS for k in kids(j))

    for i in chain:
        found = next((j for j in kids(i) if deps[j] == "advcl" and marked(j)), None)
        if found is not None:
            return found
    top = chain[-1]
    if deps[top] == "advcl" and head[top] < top and marked(head[top]):
        return head[top]
    # the parser linked neither ("si X ne ... pas, alors nous allons devoir ..." read as two clauses of a third): the
    # last condition of the sentence that ends before the clause begins
    start = min(view.token(i).left_edge.i for i in chain)
    sent = token.sent
    return next((j for j in range(start - 1, sent.start - 1, -1)
                 if view.pos[j] in ("VERB", "AUX") and marked(j) and view.token(j).right_edge.i < start), None)


def _warned(status: Status) -> bool:
    """The act is told by a verb of warning ('"nous frapperons", a prévenu le ministre', "a averti que ...")."""
    return status.reporter is not None and status.reporter.head.lemma_.lower() in _WARNING_VERBS


def _own_future(token: Token) -> bool:
    """Whether the clause `token` introduces tells, in the future, what a personal pronoun will do ("avertit
    que nous ne tolérerons plus", "a prévenu qu'il riposterait"): what the speaker promises to do."""
    for clause in token.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if is_prospective(clause) and any(c.dep_ == "nsubj" and c.pos_ == "PRON" and morph(c, "Person")
                                          for c in clause.children):
            return True
    return False


def _political_violence(lemmas: list[str], mentions: list[Span]) -> bool:
    """The document tells of political violence: a word of it ("attentat"), or an armed group named."""
    return not _VIOLENCE_WORDS.isdisjoint(lemmas) or any(m._.sector in _VIOLENCE_SECTORS for m in mentions)


def _verbal(token: Token) -> bool:
    """A verb, or a participle the tagger took for a noun but hung an auxiliary on ("a contaminé")."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("aux") for c in token.children)


def _held_now(token: Token) -> bool:
    """A verb of holding someone that tells a state: in the present ("détient", "sont emprisonnés", not "a
    détenu" nor "était détenu") or a bare participle on a noun ("les militants détenus à Minsk")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _HOLDING_VERBS:
        return False
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    if not auxes:
        return token.dep_ == "acl" or ("Pres" in morph(token, "Tense") and "Ind" in morph(token, "Mood"))
    return all(a.lemma_ in _PASSIVE_AUX and "Pres" in morph(a, "Tense") and "Ind" in morph(a, "Mood") for a in auxes)


def _bare_participle(j: int, view: DocView) -> bool:
    """Whether the token at `j` is a past participle completing a noun with neither subject nor agent
    ("l'accord signé en février"): it retells the noun's act, whose parties the noun holds."""
    token = view.token(j)
    if view.dep[j] != "acl" or "Part" not in morph(token, "VerbForm") or "Pres" in morph(token, "Tense"):
        return False
    kids = view.kids(j)
    if any(view.dep[k] in ("nsubj", "nsubj:pass", "obl:agent") or view.lower[k] in _AGENT_PREPS for k in kids):
        return False
    # an agent the parser hung as an oblique: "signé par les deux parties"
    return not any(view.lower[m] in _AGENT_PREPS for k in kids if view.dep[k].startswith("obl")
                   for m in view.kids(k))


def _in_setting_phrase(t: int, view: DocView) -> bool:
    """Whether the noun at `t` completes a setting noun ("à l'issue de leur rencontre", "au terme de
    quatre heures de réunion", "en marge du sommet"), through at most three "de" complements."""
    deps, lowers, head_of = view.dep, view.lower, view.head
    current = t
    for _ in range(3):
        head = head_of[current]
        if deps[current] != "nmod" or head == current:
            return False
        if lowers[head] in _SETTING_NOUNS:
            return deps[head].startswith("obl") or deps[head] in ("advmod", "nmod")
        current = head
    return False


def _transparent_noun(token: Token, lexicon: Lexicon) -> tuple[Entry, Token] | None:
    view = view_of(token.doc)
    deps = view.dep
    for j in view.kids(token.i):
        if deps[j] in ("obj", "nsubj:pass", "obl:arg", "obl"):
            child = view.token(j)
            inner = lexicon.match(child)
            if inner is not None:
                return inner, child
    return None


def _fronted_topic(sent: Span) -> str | None:
    """The lemma of the noun a topic the sentence fronts names ("A propos des éventuelles sanctions ..., X n'a pas
    exclu ...": sanction), before its first comma; else None."""
    words = list(sent)
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    opener = next((k for k, t in enumerate(words[:2]) if t.lower_ in _TOPIC_OPENERS), None)
    if comma is None or opener is None:
        return None
    return next((t.lemma_.lower() for t in words[opener + 1:comma] if t.pos_ == "NOUN"), None)


def _wanted_doer(token: Token) -> Token | None:
    """The one a word of will wants to see act: the object of its infinitive ("veut voir la Russie rendre des comptes",
    "sa volonté de voir Kaboul céder") or the subject of its que-clause ("souhaite que Moscou libère ..."), a noun or a
    name; else None."""
    view = view_of(token.doc)
    deps, kids = view.dep, view.kids
    for j in kids(token.i):
        if view.pos[j] not in ("VERB", "AUX"):
            continue
        if deps[j] in ("xcomp", "acl") and "Inf" in morph(view.token(j), "VerbForm"):
            doer = next((k for k in kids(j) if deps[k] == "obj"), None)
        elif deps[j] in ("ccomp", "acl") and que_clause(view, j):
            doer = next((k for k in kids(j) if deps[k] in ("nsubj", "nsubj:pass")), None)
        else:
            continue
        if doer is not None and view.pos[doer] in ("NOUN", "PROPN"):
            return view.token(doer)
    return None


def _with_recipient(args: Arguments, parties: list[Party] | None) -> Arguments:
    if parties is None:
        return args
    return Arguments(actor=args.actor, recipient=parties, theme=args.theme, places=args.places,
                     explicit=args.explicit, passive=args.passive)


# words of the clause that say how (PLOVER modes) ...
_ASSAULT_MODES = grammar_table("assault_mode_words")
_PHONE = grammar_words("phone_words")
# ... and what about (PLOVER contexts)
_CONTEXTS = grammar_table("context_words")
_PEACEKEEPING = grammar_words("peacekeeping_words")


def _agentless(token: Token) -> bool:
    """A violent word told with no one acting: a passive or a participle without its agent ("une personne a été
    blessée", "trois hommes tués"), or a count ("1 900 homicides")."""
    kids = [c.dep_ for c in token.children]
    if token.pos_ == "NOUN":
        return "nummod" in kids
    passive = "aux:pass" in kids or "nsubj:pass" in kids or token.dep_ in ("acl", "amod")
    return passive and "obl:agent" not in kids


def _refine_mode(event_type: str, mode: str | None, lemmas: frozenset[str], actor: list,
                 recipient: list) -> str | None:
    if event_type == "ASSAULT" and mode is None:
        for name, words in _ASSAULT_MODES:
            if lemmas & words:
                return name
    if event_type == "CONSULT":
        if lemmas & _PHONE:
            return "phone"
        if mode is None and any(not placemod.is_state(p.code) for p in actor + recipient if p.code):
            return "multilateral"
    if event_type == "MOBILIZE" and mode is None:
        return "troops"
    return mode


def _contexts(lemmas: frozenset[str]) -> set[str]:
    found = {name for name, words in _CONTEXTS if lemmas & words}
    if "peacekeeping" in found and not _PEACEKEEPING & lemmas:
        found.discard("peacekeeping")
    return found


def _pairs(event: dict) -> set[tuple[str, str]]:
    """(actor, recipient) codes an event sets against each other; a state and another body of its own
    (its rebels, opposition, parliament: a named party with a sector the actor's side lacks) count."""
    pairs = set()
    for a in event["actor"]:
        for b in event["recipient"]:
            if a["code"] != b["code"]:
                pairs.add((a["code"], b["code"]))
            elif _is_another_body(b["text"], b["sector"], b["code"], False,
                                  [(x["code"], x["sector"]) for x in event["actor"]]):
                pairs.add((a["code"], a["code"]))
    return pairs


def _imposer(ctx: _Context, event_type: str, targets: set, speaker: str | None) -> str | None:
    """The one party the text has told imposing measures of ``event_type`` (a type vocabulary.yaml says `imposed`)
    so far, else the state whose official announces them ('"les sanctions entrent en vigueur", a déclaré le chef de
    la diplomatie américaine'), if not one of ``targets``."""
    imposers = {code for kind, actors, _recipients in ctx.shared.told if kind == event_type for code in actors}
    imposers.discard(None)
    if not imposers and speaker and placemod.is_state(speaker):
        imposers = {speaker}
    if len(imposers) == 1 and not imposers & targets:
        return next(iter(imposers))
    return None


def _adversary(ctx: _Context, targets: set, sent: Span, kinds: frozenset[str], hostile: bool = False) -> str | None:
    """A party the document sets against ``targets``: its rival in the fighting, else their counterpart unless all
    the text told between them is of the types of partners (``kinds``: "a signé un accord avec B"); with
    ``hostile``, only when the text told between them an act of one of ``kinds`` (fighting, threats)."""
    rival = ctx.rival(targets, None)
    if rival and rival not in targets:
        return rival
    other = ctx.counterpart(targets, sent)
    if not other or other in targets:
        return None
    between = {kind for kind, actors, recipients in ctx.shared.told
               if (other in actors and targets & recipients) or (other in recipients and targets & actors)}
    if hostile:
        return other if between & kinds else None
    return None if between and between <= kinds else other


def _has_purpose(token: Token) -> bool:
    """Whether the clause of ``token`` states what it is for: an infinitive of purpose ("pour protéger")."""
    view = view_of(token.doc)
    for j in view.kids(token.i):
        if view.dep[j] in ("advcl", "xcomp", "obl", "acl") and "Inf" in morph(token.doc[j], "VerbForm") \
                and any(view.dep[m] in ("mark", "case") and view.lower[m] in _PURPOSE_MARKS for m in view.kids(j)):
            return True
    return False


def _demonstrative(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Dem" in morph(c, "PronType") for c in noun.children)


def _agent_phrase(verb: Token) -> bool:
    """A passive's agent phrase after it, wherever the parser hung it ("sanctionnés pour la première fois par
    Washington")."""
    return any(t.dep_ == "case" and t.lower_ in _AGENT_PREPS and t.i > verb.i for t in verb.subtree)


def _clause_argument(token: Token) -> bool:
    """A verb, or a noun its clause's verb takes (itself or through a coordination): "les sanctions entrent en
    vigueur", "s'expose à des restrictions et à des sanctions" (not "une campagne pour l'adoption de sanctions")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.dep_ == "conj" and token.head != token:
        # "à des restrictions de voyage et à des sanctions": a conjunct with its own preposition goes with the
        # argument that has the same one, whatever noun of its phrase the parser hung it on
        prep = next((c.lower_ for c in token.children if c.dep_ == "case"), None)
        token = token.head
        for _ in range(2):
            if prep is None or token.dep_ != "nmod" or any(c.dep_ == "case" and c.lower_ == prep
                                                           for c in token.children):
                break
            token = token.head
    return token.head != token and token.head.pos_ in ("VERB", "AUX")


def _threatener(ctx: _Context, reporter: Token, threatened: set) -> list[Party]:
    """Who says what another will suffer: the speaker, not the one the quote is about (an incise "il"
    names someone of an earlier sentence, not the quote's subject)."""
    found = [p for p in ctx.finder_parties(reporter) if p.code and p.code not in threatened]
    if found:
        return found
    earlier = [p for p in ctx._previous() or [] if p.code not in threatened]
    if earlier:
        return earlier
    if ctx.speaker is not None and ctx.speaker.get("code") and ctx.speaker["code"] not in threatened:
        return [Party(text=ctx.speaker.get("text") or "", code=ctx.speaker["code"])]
    return []


def _named_home_act(act: Token, index: MentionIndex, own: set) -> list[str]:
    """The actor's own state, when the act it reacts to is named with a party of that state by name or
    title inside its phrase ("l'accord négocié par Boris Johnson"), not by a possessive ("son accord")."""
    codes = set()
    for token in act.subtree:
        mention = index.at(token) if token.pos_ in ("PROPN", "NOUN") else None
        if mention is not None:
            codes.add(index.code_of(mention))
    return sorted(codes & own)


def _outer_subject(verb: Token) -> Token | None:
    """The named subject of the clause around an object relative ("M. Pompeo a rencontré le ministre,
    qu'il a félicité": the one its pronoun subject stands for), or None."""
    if verb.dep_ != "acl:relcl" or not any(c.dep_ == "obj" and c.lower_ in _QUE_FORMS for c in verb.children):
        return None
    current = verb.head
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            return next((c for c in current.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if current.head == current:
            return None
        current = current.head
    return None


def _one_state(actor: list[Party], *tests: Callable[[list[Party]], bool]) -> str | None:
    """The one state all the actor's coded parties belong to, when they pass one of the tests."""
    coded = [p for p in actor if p.code]
    codes = {p.code for p in coded}
    if len(codes) != 1 or not any(test(coded) for test in tests):
        return None
    code = next(iter(codes))
    return code if placemod.is_state(code) else None


def _home_bodies(coded: list[Party]) -> bool:
    """The parliament, courts, parties or rebels of a state, all named."""
    return all(p.text and p.sector in _OTHER_BODIES for p in coded)


def _government_and_body(coded: list[Party]) -> bool:
    """A government (or forces) and another body of the state (its rebels, opposition, parliament) acting
    together, named ("le gouvernement et les rebelles ont salué l'accord"): an act within that state."""
    named = [p for p in coded if p.text]
    return len(named) >= 2 and any(p.sector in _STATE_FORCES for p in named) \
        and any(p.sector in _OTHER_BODIES for p in named) \
        and all(p.sector in _STATE_FORCES | _OTHER_BODIES for p in named)


def _local_offices(coded: list[Party]) -> bool:
    """A local or police office (a mayor, a governor, the police), all named."""
    return all(p.text and p.token is not None and p.token.pos_ == "NOUN"
               and p.token.text[:1].islower()  # an office, not a name: not "Bruno Le Maire"
               and p.token.lemma_.lower() in _LOCAL_OFFICES for p in coded)


def _bare_office(party: Party) -> bool:
    """A local or police office named by its noun alone ("la police", "les gendarmes", "le tribunal"): no
    nationality, complement or name says whose."""
    token = party.token
    return token is not None and token.pos_ == "NOUN" and not party.generic and not party.actor_id \
        and token.lemma_.lower() in _LOCAL_OFFICES and party.text.lower() == token.text.lower()


def _addressed_body(event_type: str, party: Party, trigger: Token, actor: list[Party], lexicon: Lexicon,
                    addressed: frozenset[str]) -> bool:
    """An act addressed to another body of the actor's own state, named as the trigger's complement (``addressed``:
    the types of acts addressed to someone, which may be of the actor's own state)."""
    if _rebels_face_state(party, actor) and _governed(party, trigger):
        return True  # "des pourparlers entre les talibans et Kaboul": rebels with their own state
    if party.addressee and _governed(party, trigger) and not any(_one_person(a, party) for a in actor if a.text):
        # "la rectrice a pressé les bailleurs de geler les loyers": the one asked, of the asker's state (not the
        # asker named again: "nous appelons les Français à ..." read as the French asking the French)
        return True
    if party.via is not None and event_type in addressed and _governed(party, trigger) and party.text \
            and not party.place and not any(_one_person(a, party) for a in actor if a.text):
        return True  # "le ministre l'a félicité": someone named before, the trigger's clitic object, not the actor
    if event_type in addressed and _another_person(party, actor) and _owned_complement(party, trigger, lexicon):
        return True  # "X a raillé Y", "X a moqué le bilan de Y": two people of one state, each named
    if event_type in addressed and _another_person(party, actor) and _undergoer(party, trigger):
        return True  # "X a reçu le soutien de Y", "Soutenu par Y, X a ...": the one the clause says gets the act
    if event_type in _INFINITIVE_TARGET_TYPES and _announced_act_object(party, trigger) \
            and (_another_person(party, actor) or _another_body(party, actor)):
        return True  # "X a promis de ruiner Y": whom the act the threat announces aims at
    return event_type in addressed and _governed(party, trigger) \
        and (_another_body(party, actor) or _answering_at_home(party, actor))


def _announced_act_object(party: Party, trigger: Token) -> bool:
    """The party is the object of the infinitive the trigger takes as its complement ("a promis de ruiner Y",
    "menace de poursuivre Y"), named there (not a clitic nor a word of a clause further down)."""
    token = party.token
    if token is None or party.via is not None or token.dep_ not in ("obj", "obl:arg"):
        return False
    act = token.head
    return act.dep_ == "xcomp" and act.head == trigger and act.pos_ == "VERB" and "Inf" in morph(act, "VerbForm")


def _undergoer(party: Party, trigger: Token) -> bool:
    """The party is the subject of the clause that says it gets or undergoes the act: of a verb of receiving or
    undergoing whose object is the act's noun ("X a reçu le soutien de Y", "X a essuyé les critiques de Y"), or of
    the clause a past participle with its agent is set before ("Soutenu par Y, X a ..."); named there, or by the
    personal pronoun that stands there for it ("il a reçu le soutien de Y")."""
    clause = trigger.head
    if clause == trigger or party.token is None:
        return False
    if trigger.pos_ == "NOUN":
        if trigger.dep_ != "obj" or clause.lemma_.lower() not in GETTING_VERBS:
            return False
    elif not (trigger.dep_ == "advcl" and trigger.i < clause.i and "Part" in morph(trigger, "VerbForm")
              and "Pres" not in morph(trigger, "Tense") and any(c.dep_ == "obl:agent" for c in trigger.children)):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return False
    return party.token == subject or subject.is_ancestor(party.token) or (
        subject.pos_ == "PRON" and not (trigger.is_ancestor(party.token) or party.token == trigger)
        and party.token.sent.start <= subject.i and party.token.i < subject.i)


def _another_person(party: Party, actor: list[Party]) -> bool:
    """The party is named by a proper name of its own, or is a person named by an office and the complement that says
    which ("le maire de Y"), and every actor of its state is named too, as someone else: two people or bodies of one
    state, one acting on the other ("Y", never a bare "le président" nor a guessed side)."""
    token = party.token
    if not party.text or party.place or party.generic or token is None:
        return False
    if not any(t.pos_ == "PROPN" and t.idx >= party.start and t.idx < party.end for t in token.sent) \
            and not _titled_person(party):
        return False
    if _at_place(party):
        return False  # "Au Sénat, la ministre a fustigé ...": where the act is done, not whom it is aimed at
    same = [a for a in actor if a.code == party.code]
    return bool(same) and all(a.text and not a.generic and not a.place and not _one_person(a, party)
                              and not _apposed(a, party) for a in same)


def _apposed(one: Party, other: Party) -> bool:
    """The other is named beside the one, its apposition, the name its title goes with, or a phrase right after it
    and a comma that the parser hung elsewhere ("s'est félicité X, un vice-ministre de la Santé"): one person."""
    if one.token is None or other.token is None:
        return False
    left = other.token.left_edge.i
    doc = other.token.doc
    # (not the subject of a clause after the comma: "Critiqué par X, Y a ...")
    beside = left >= 2 and doc[left - 1].text == "," and doc[left - 2].idx + len(doc[left - 2].text) == one.end \
        and not (other.token.dep_ in ("nsubj", "nsubj:pass") and other.token.head.i > other.token.i)
    return beside or (other.token.dep_ in _NAME_DEPS and other.token.head == one.token) \
        or (one.token.dep_ in _NAME_DEPS and one.token.head == other.token)


def _titled_person(party: Party) -> bool:
    """A person named by the noun of an office with its "de" complement ("la présidente de la région", "le maire
    de Y"): the office says which one."""
    token = party.token
    return party.label == "PER" and token is not None and token.pos_ == "NOUN" and any(
        c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in _DE_FORMS for g in c.children)
        for c in token.children)


def _at_place(party: Party) -> bool:
    """The party is named as where the act is done: a place, or a body or state after a locative preposition ("au
    Sénat", "aux Pays-Bas"), not a person."""
    return party.place or (party.label != "PER" and party.token is not None and any(
        c.dep_ == "case" and c.lower_ in LOCATIVE_PREPS for c in party.token.children))


_CLAUSE_PARTY_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:arg"})  # a clause's parties


def _own_side(parties: list[Party], own: list[Party]) -> bool:
    """The parties a mention names are the subject's own: the same person or body, or its state where either names
    the state itself (a place, or the state's own actor)."""
    def state(p: Party) -> bool:
        return p.place or p.label in PLACE_LABELS or p.actor_id == p.code
    return any(p.code == o.code and (_one_person(p, o) or state(p) or state(o)) for p in parties if p.code for o in own)


def _one_person(one: Party, other: Party) -> bool:
    """The two parties name one person or body: the same known actor, or one name inside the other's."""
    if one.actor_id and other.actor_id:
        return one.actor_id == other.actor_id
    first, second = one.text.lower().split(), other.text.lower().split()
    return bool(first and second) and (first[-1] in second or second[-1] in first)


def _owned_complement(party: Party, trigger: Token, lexicon: Lexicon) -> bool:
    """The party is the trigger's own complement, or the owner of it ("a moqué le bilan de Y", "a loué la ténacité
    de Y"): not a word of a clause below it, nor of a complement deeper down, nor the victim of an act ("a condamné
    le meurtre de Y": who is judged is who did it); or the complement that says whom the act is aimed at of the noun
    of the very act the trigger, a support verb, takes as its object ("a apporté son soutien à Y", "a réitéré ses
    critiques envers Y")."""
    token = party.token
    for _ in range(2):
        if token is None or token.head == token:
            return False
        below, token = token, token.head
        if token.dep_ == "amod" and token.pos_ == "ADJ" and token.head != token:
            token = token.head  # "a critiqué la ligne dure de Y": the parser may hang the owner on the adjective
        if token == trigger:
            return True
        if token.dep_ == "obj" and token.head == trigger and below.dep_ == "nmod" \
                and any(c.dep_ == "case" and c.lower_ in _RECIPIENT_PREPS for c in below.children) \
                and _same_act(token, trigger, lexicon):
            return True
        if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in lexicon.entries \
                or lexicon.in_class(token.lemma_.lower(), "violence"):
            return False
    return False


def _same_act(noun: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """The noun names an act of the trigger's own type: the trigger is only the verb that does it."""
    act, verb = lexicon.match(noun), lexicon.match(trigger)
    return act is not None and verb is not None and act.type == verb.type


def _answering_at_home(party: Party, actor: list[Party]) -> bool:
    """A named authority of the actor's own state, held to account by someone not of it: its government,
    forces or police by an opponent, a writer, a lawyer ("a accusé des CRS de ...", "a appelé les militaires
    à ne pas tirer"), a town's police or mayor by the state above it ("a accusé la police de Washington");
    or its people, named by their nationality ("a appelé les Espagnols à porter un masque")."""
    if not party.text or party.place:
        return False
    same = [a for a in actor if a.code == party.code]
    if _people(party):
        return all(a.text and not _people(a) for a in same)
    if party.sector in _STATE_FORCES and all(a.text and not a.place and a.sector not in _STATE_FORCES
                                             and a.actor_id != a.code for a in same):
        return True
    return _local_office(party) and not any(_local_office(a) for a in same)


def _people(party: Party) -> bool:
    """"les Espagnols": a state's people, a plural nationality noun."""
    token = party.token
    return party.sector is None and not party.generic and token is not None and _mention_label(party) == "NORP" \
        and token.pos_ in ("NOUN", "PROPN") and "Plur" in morph(token, "Number")


def _local_office(party: Party) -> bool:
    """A party named by the noun of a local or police office ("la police de Washington", "le maire")."""
    token = party.token
    return token is not None and token.pos_ == "NOUN" and token.lemma_.lower() in _LOCAL_OFFICES


def _rebels_face_state(party: Party, actor: list[Party]) -> bool:
    """The actor is rebels of the party's state and the party is that state itself (its government,
    forces or capital), named: the two sides of a civil war."""
    same = [a for a in actor if a.code == party.code]
    if not (same and party.text and party.sector != "REB" and placemod.is_state(party.code)
            and all(a.sector == "REB" for a in same)):
        return False
    if party.place and party.token is not None:
        span = party.token.doc.char_span(party.start, party.end)
        return span is not None and not placemod.is_locative(span)  # "Kaboul", not "à Kaboul"
    return not party.place


def _governed(party: Party, trigger: Token) -> bool:
    """The party is the trigger's own complement ("a appelé les députés", "à l'Assemblée"), not a
    word of a clause below it."""
    if party.via is not None:
        # "l'a félicité", "lui a rendu hommage": named before, its clitic the trigger's complement (or that of the verb
        # an event noun is the object of)
        return party.via.head == trigger or (trigger.pos_ == "NOUN" and party.via.head == trigger.head)
    token = party.token
    if token is not None and token.dep_ in ("nsubj", "nsubj:pass") and token.head.i in quoted_clauses(trigger):
        return True  # '"Le ministre a failli", a déploré X': the subject of the quote its incise reports
    if token is not None and token.dep_ in ("nsubj", "nsubj:pass") and token.head.dep_ == "ccomp" \
            and token.head.head == trigger and que_clause(view_of(trigger.doc), token.head.i):
        return True  # 'X a déploré que "le ministre a failli"': the subject of the que-clause it reports
    if token is not None and token.dep_ == "obl:agent" and token.head.dep_ == "acl" \
            and token.head.head.head == trigger and token.head.head.dep_ == "obj":
        return True  # "a dénoncé les violences commises par la police": who did what its object names
    if token is not None and token.head.lemma_.lower() in GIVER_NOUNS and trigger in (token.head.head,
                                                                                      token.head.head.head):
        return True  # "a réclamé des garanties de la part des syndicats": the one asked to give
    return token is not None and (token.head == trigger or (token.head.head == trigger
                                                             and token.head.pos_ not in ("VERB", "AUX")))


def _another_body(party: Party, actor: list[Party]) -> bool:
    """A named party of the actor's state that answers to it from elsewhere: its parliament, its
    opposition, its rebels, its courts, its people (not its own troops, offices or government)."""
    return _is_another_body(party.text, party.sector, party.code, party.place, [(a.code, a.sector) for a in actor])


def _is_another_body(text: str, sector: str | None, code: str | None, place: bool,
                     actor: list[tuple[str | None, str | None]]) -> bool:
    """`_another_body` on plain fields (coded events are dicts once emitted)."""
    return bool(text) and not place and sector in _OTHER_BODIES \
        and all(sector != a_sector for a_code, a_sector in actor if a_code == code)


def _bare_nationality(party: Party) -> bool:
    """"l'Allemand Simon Geschke": one person named by nationality; "les Palestiniens", a people, may act."""
    token = party.token
    return (party.sector is None and not party.generic and token is not None and party.text[:1].isupper()
            and _mention_label(party) == "NORP" and "Plur" not in morph(token, "Number")
            and not any(c.dep_ == "det" and "Plur" in morph(c, "Number") for c in token.children))


_JUDGE_LABELS = frozenset({"GPE", "NORP", "ORG"})  # the mentions that name a side by themselves


def _mention_label(party: Party) -> str | None:
    return party.label


def _inside(party: Party, root: Token) -> bool:
    return party.token is not None and (party.token == root or root.is_ancestor(party.token))


def _same_party(party: Party, others: list[Party]) -> bool:
    return any(o.start == party.start and o.end == party.end and o.text == party.text and o.text for o in others)


def _named_in(sentences: list[Span], index: MentionIndex) -> dict[str, list[int]]:
    """Per code, the sentences naming it (a mention of that code), in order."""
    starts = [s.start for s in sentences]
    named: dict[str, list[int]] = defaultdict(list)
    for mention in index.between(0, None):
        code = index.code_of(mention)
        k = bisect_right(starts, mention.start) - 1
        if code and (not named[code] or named[code][-1] != k):
            named[code].append(k)
    return named


def _distance(named: dict[str, list[int]], k: int, parties: list[dict]) -> int | None:
    """Sentences from sentence `k` back to the last one naming each side's code, the farthest of them (None:
    one named in no sentence up to `k`, a code lent by a place or the document)."""
    gaps = []
    for party in parties:
        seen = named.get(party["code"] or "", [])
        if not seen or seen[0] > k:
            return None
        gaps.append(k - seen[bisect_right(seen, k) - 1])
    return max(gaps, default=None)


def _sentence_codes(sent: Span, index: MentionIndex, demonyms: dict[str, str],
                    view: DocView) -> tuple[set[str], set[str]]:
    """The codes of the sentence's mentions, and those of them the sentence itself anchors: a mention linked
    to a known actor, a place, a nationality adjective, or a mention holding one of its state ("le gouvernement
    français"); not a code the linker lent a bare description from the document ("les manifestants")."""
    codes: set[str] = set()
    anchored: set[str] = set()
    for mention in index.between(sent.start, sent.end):
        code = index.code_of(mention)
        if not code:
            continue
        codes.add(code)
        if isinstance(mention, Span) and not (
                index.fields(mention)[2] or mention.label_ in PLACE_LABELS
                or any(demonyms.get(fold(view.text[i])) == code for i in range(mention.start, mention.end))):
            continue
        anchored.add(code)
    return codes, anchored


def _sentence_states(sent: Span, index: MentionIndex) -> list[str]:
    out: list[str] = []
    for mention in index.between(sent.start, sent.end):
        if not placemod.is_state(index.code_of(mention)) or index.code_of(mention) in out:
            continue
        if isinstance(mention, Span) and mention.label_ in ("LOC", "GPE") and placemod.is_locative(mention) \
                and placemod.city(mention.text) is not None:
            continue  # "à Téhéran", "le sommet de Téhéran": where, not a side
        if means_helper(mention.root):
            continue  # "a frappé des dépôts avec l'aide des Etats-Unis": the actor's helper, not the other side
        out.append(index.code_of(mention))
    return out


def _acts_elsewhere(code: str, sent: Span, index: MentionIndex) -> bool:
    """Every mention of the state in the sentence is the subject of a clause of its own that the parser
    coordinated with an object ("l'UE a évoqué des sanctions et Berlin a indiqué ..."): not an addressee.
    (The subject of a clause the parser read right is a fair other side: "X a accusé Bakou, et Bakou a
    rejeté ces accusations", "Erevan a accepté, tandis que Bakou exige ...".)"""
    seen = False
    for mention in index.by_token[sent.start:sent.end]:
        if mention is None or index.code_of(mention) != code:
            continue
        seen = True
        root = mention.root if isinstance(mention, Span) else None
        if root is None or not (root.dep_ == "conj" and opens_clause(root, index)):
            return False
    return seen


def _private_person(party: Party) -> bool:
    """A person the text names with no political sector ("l'ex-ministre Rachida Dati" as the KB has her)."""
    return party.code is not None and party.sector is None and _mention_label(party) == "PER"


def _sentence_sides(sent: Span, index: MentionIndex) -> list[str]:
    """The states a sentence names as parties: not the towns where things happen, nor the states of its
    setting ("lors d'une visite en Egypte", "en marge du sommet de Bakou")."""
    view = view_of(sent.doc)
    deps, lowers, head_of, kids = view.dep, view.lower, view.head, view.kids
    out: list[str] = []
    for code in _sentence_states(sent, index):
        setting = False
        for mention in index.by_token[sent.start:sent.end]:
            if mention is None or index.code_of(mention) != code:
                continue
            current = mention.root.i
            for _ in range(4):
                if lowers[current] in _SETTING_PREPS or _in_setting_phrase(current, view) \
                        or any(deps[j] in ("case", "fixed") and lowers[j] in _SETTING_PREPS for j in kids(current)):
                    setting = True
                    break
                if deps[current] not in ("nmod", "obl", "obl:mod", "obl:arg") or head_of[current] == current:
                    break
                current = head_of[current]
            if not setting:
                break  # one mention of it outside a setting is enough
        if not setting:
            out.append(code)
    return out


def _size_region(token: Token) -> tuple[int, int]:
    """Tokens whose numbers may count the event: the trigger's phrase and, for a participle or a
    verb, its subject/object phrases (other clauses left out)."""
    view = view_of(token.doc)  # read as lists: no Token built
    deps, tags = view.dep, view.pos
    anchor = view.head[token.i] if token.dep_ in ("acl", "amod") and token.pos_ in ("VERB", "ADJ") else token.i
    low = high = anchor
    stack = [anchor]
    while stack:
        node = stack.pop()
        low, high = min(low, node), max(high, node)
        for child in view.kids(node):
            if deps[child] in ("acl:relcl", "ccomp", "advcl", "parataxis") or (
                    deps[child] == "conj" and tags[child] == "VERB"):
                continue
            stack.append(child)
    return low, high + 1


def _is_count_trigger(token: Token) -> bool:
    return token.lemma_.lower() in _COUNT_TRIGGERS


def _recent_gap(sent: Span, case: int) -> bool:
    """A duration of less than the days a flashback lies back (``dates.BACKGROUND_DAYS``) right before the
    preposition ("trois semaines après ...")."""
    for mention in sent.doc.spans.get(MENTIONS, []):
        if mention.label_ == "DURATION" and mention.end == case and sent.start <= mention.start:
            match = _GAP_RE.match(mention._.value or "")
            if match:
                return match.group(1) == "T" or float(match.group(2)) * _GAP_DAYS[match.group(3)] < BACKGROUND_DAYS
    return False


_GAP_RE = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([DWMY])$")
_GAP_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _ends_commemoration(token: Token, sent: Span) -> bool:
    """An infinitive right after the phrase of a commemoration noun, whatever the parser hung it on ("le 80e
    anniversaire de l'appel du général de Gaulle à combattre l'Allemagne"): what the commemoration recalls."""
    left = token.left_edge
    if token.pos_ != "VERB" or left == token or left.dep_ not in ("mark", "case") or left.i <= sent.start:
        return False
    word = left.doc[left.i - 1]
    for _ in range(8):
        if word.pos_ == "NOUN" and word.lemma_.lower() in _COMMEMORATIONS:
            return word.right_edge.i == left.i - 1
        if word.pos_ not in ("NOUN", "PROPN", "ADP", "DET") or word.head == word or word.head.i < sent.start:
            return False
        word = word.head
    return False


def _no_occurrence(i: int, view: DocView, sent: Span) -> bool:
    """The trigger names the kind of act a ruling bans, allows or bounds ("l'interdiction des rassemblements",
    "les réunions étaient interdites", "a interdit de manifester"), what a noun of lack says is missing
    ("l'absence de dialogue"), a kind of act a noun of kind qualifies with it bare ("une commission d'enquête",
    "les méthodes d'interpellation"), or a standing relation something harms ("un coup dur au dialogue")."""
    deps, tags, heads, lemmas = view.dep, view.pos, view.head, view.lemma
    j = i
    while deps[j] == "conj" and heads[j] != j:  # "des fêtes, des sorties ou des rassemblements": the first
        if lemmas[heads[j]] in _RULINGS | _LACKS and tags[heads[j]] == "NOUN" \
                and any(view.lower[k] in _DE_FORMS for k in view.kids(i)):
            return True  # "l'interdiction des fêtes, des sorties ou des rassemblements", coordinated with the ban
        j = heads[j]
    h, dep = heads[j], deps[j]
    if h == j:
        return False
    if lemmas[h] in _RULINGS and (dep in ("nmod", "appos", "obj", "nsubj:pass")
                                  or (dep == "nsubj" and any(deps[k] in ("cop", "aux:pass") for k in view.kids(h)))
                                  or (dep in ("xcomp", "acl") and tags[i] == "VERB")):
        return True
    if lemmas[h] in _LACKS and dep == "nmod" and tags[h] == "NOUN":
        return True
    if lemmas[h] in _KINDS and dep == "nmod" and tags[h] == "NOUN" and tags[i] == "NOUN" and h < i \
            and not any(deps[k] in ("det", "nummod") for k in view.kids(i)) \
            and any(view.lower[k] in _BARE_DE for k in view.kids(i)):
        return True  # "une commission d'enquête", "les méthodes d'interpellation": the bare noun names a kind
    if lemmas[i] in _RELATIONS and lemmas[h] in _RELATION_HARMS and dep in ("nmod", "obj", "obl:arg"):
        return True
    if dep not in ("nmod", "appos", "obl", "obl:mod", "obl:arg"):
        return False
    # an enumeration or a day the parser hung the noun on ("l'interdiction des fêtes, des sorties ou des
    # rassemblements", "a autorisé mercredi les rassemblements"): back over its words to the ruling or the lack
    k = view.token(j).left_edge.i - 1
    while k >= max(sent.start, i - _LIST_REACH) and tags[k] in _LIST_POS \
            and (tags[k] != "PUNCT" or view.lower[k] == ","):
        if tags[k] == "NOUN" and (lemmas[k] in _RULINGS or lemmas[k] in _LACKS):
            return True
        k -= 1
    return k >= sent.start and tags[k] == "VERB" and lemmas[k] in _RULINGS


def _drop(ctx: _Context, reason: str, actor: Sequence[Party] = (), recipient: Sequence[Party] = ()) -> None:
    """Where coding a candidate finds no event: the reason (an id of data/reasons.yaml) and the sides found so far go
    to the document's trace when `veille explain` asked for one; None, which the caller returns."""
    if ctx.shared.trace is not None:
        ctx.shared.trace.drop(reason, actor, recipient)


def _set_aside(shared: _DocCache, cand: Candidate, reason: str, by: Candidate | None = None) -> None:
    """A trigger candidate set aside before it is coded (`by`: the trigger that tells its act), for the trace."""
    if shared.trace is not None:
        shared.trace.set_aside(cand.token, cand.entry, reason, by.token if by is not None else None)


def _cut(trace: Trace | None, event: dict, reason: str, **info: object) -> None:
    """An event coded and not emitted (background, ordinary news, under the threshold), for the trace."""
    if trace is not None:
        trace.cut(event, reason, **info)


def _dedupe(events: list[dict], trace: Trace | None = None) -> list[dict]:
    """One event per (type, actor, recipient, status) in a sentence, unless their counts or their own dates differ
    ("les talibans, qui combattent le gouvernement depuis 2001, ont attaqué mardi une base": the state's start and
    the day's attack are two acts)."""
    kept: list[dict] = []
    for event in events:
        key = _key(event)
        twin = next((k for k in kept if _key(k) == key and (
            _recipients(k) <= _recipients(event) or _recipients(event) <= _recipients(k))
            and (k["date"] == event["date"] or k["date_fallback"] or event["date_fallback"])), None)
        if twin is None:
            kept.append(event)
            continue
        if event["size"] and twin["size"] and any(
                event["size"].get(k) not in (None, twin["size"].get(k)) for k in event["size"]):
            kept.append(event)
            continue
        _cut(trace, event, "duplicate")
        for k, v in event["size"].items():
            twin["size"].setdefault(k, v)
        if len(_recipients(event)) > len(_recipients(twin)):
            twin["recipient"] = event["recipient"]
        twin["confidence"] = max(twin["confidence"], event["confidence"])
    return kept


def _dissent(lemmas: list[str], mentions: list[Span]) -> bool:
    """The document tells of protest or riot: a word of it ("manifestation"), or protesters named."""
    return not _DISSENT_WORDS.isdisjoint(lemmas) or any(m._.sector in _DISSENT_SECTORS for m in mentions)


def _tells_of_fait_divers(span: Span, view: DocView) -> bool:
    """The span (the document's first sentence) tells of a crime, an accident or a disaster."""
    return any(view.lemma[i] in _FAIT_DIVERS_WORDS for i in range(span.start, span.end))


def _private_side(party: dict) -> bool:
    """Civilians, criminals, a company or a court, or someone unnamed no actor is known for (a town's state)."""
    return party["sector"] in _PRIVATE_SECTORS \
        or (not party["text"] and party["sector"] is None and party["actor_id"] is None)


def _private_event(event: dict, crimes: frozenset[str], street: bool = True) -> bool:
    """An act whose sides, all of one state, are private persons, or a crime or an arrest (a type of ``crimes``)
    between them and the unnamed police ("deux hommes ont été interpellés", "des tirs visant les forces de
    l'ordre")."""
    sides = [*event["actor"], *event["recipient"]]
    if not sides or len({p["code"] for p in sides}) > 1:
        return False
    police = street and event["type"] in crimes
    return all(_private_side(p) or (police and p["sector"] in _POLICE_SECTORS and p["actor_id"] is None)
               for p in sides)


def _unnamed_of(party: dict, sectors: frozenset[str]) -> bool:
    """A side of one of these sectors that no known body of the knowledge base names."""
    return party["sector"] in sectors and party["actor_id"] is None


def _of_or_unknown(party: dict, sectors: frozenset[str]) -> bool:
    """A side of one of these sectors, or someone no actor nor sector is known for."""
    return party["sector"] in sectors or (party["sector"] is None and party["actor_id"] is None)


def _trade_side(party: dict) -> bool:
    """A company no known body names."""
    return _unnamed_of(party, _TRADE_SECTORS)


def _unnamed_police(party: dict) -> bool:
    """The police or gendarmes no known body names ("les gendarmes", "la police judiciaire")."""
    return _unnamed_of(party, _POLICE_SECTORS)


def _errand_side(party: dict) -> bool:
    """Civilians, criminals, or someone unknown: those an ordinary police errand is about."""
    return _of_or_unknown(party, _ERRAND_SECTORS)


def _ordinary_side(party: dict) -> bool:
    """A court, civilians, a company, the media, criminals, or someone no actor is known for."""
    return _of_or_unknown(party, _ORDINARY_SECTORS)


def _key(event: dict) -> tuple:
    return (event["type"], tuple(sorted(p["code"] or "" for p in event["actor"])), event["status"] in FACTUAL)


def _recipients(event: dict) -> set:
    return {p["code"] for p in event["recipient"]}


@Language.factory("veille_events", default_config={"lexicons": [], "model": None, "threshold": None,
                                                   "keep_features": False, "background_days": BACKGROUND_DAYS_OLD},
                  requires=["token.pos", "token.dep", "token.lemma", "token.morph", "token.is_sent_start", "doc.spans",
                            "span._.code", "span._.actor_id", "span._.sector", "span._.value", "doc._.published",
                            "doc._.demonyms", "doc._.politics", "doc.user_data"],
                  assigns=["doc._.events"])
def make_events(nlp: Language, name: str, lexicons: list[str], model: str | None, threshold: float | None,
                keep_features: bool, background_days: int) -> EventCoder:
    return EventCoder(nlp, name, lexicons, model, threshold, keep_features, background_days)


__all__ = ["ASSERTED", "EventCoder", "make_events"]
