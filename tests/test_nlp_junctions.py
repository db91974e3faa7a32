"""veille_junctions: a sub-heading or byline glued to the next sentence with no space is split from it
and becomes a sentence of its own before the parser runs; names with an internal capital stay whole."""

from __future__ import annotations

from veille.nlp.junctions import junctions, name_shapes


def _sentences(nlp, text: str) -> list[str]:
    doc = nlp(text)
    assert doc.text == text  # tokens and sentences only: the offsets stay those of the text
    return [sent.text for sent in doc.sents]


def test_a_heading_glued_to_the_next_sentence_is_a_sentence_of_its_own(nlp):
    text = "La réunion a eu lieu le 3 avril.Menaces sur la frontièreLe ministre a convoqué l'ambassadeur."
    sentences = _sentences(nlp, text)
    assert "Menaces sur la frontière" in sentences
    assert "Le ministre a convoqué l'ambassadeur." in sentences


def test_a_byline_closed_by_a_parenthesis_ends_its_sentence(nlp):
    text = "Des frappes visent le port de la ville par Agence Presse (en anglais)Les habitants ont fui vers le nord."
    doc = nlp(text)
    first = next(t for t in doc if t.text == "Les")
    assert first.is_sent_start
    assert doc[first.i - 1].text == ")" and doc[first.i - 2].text == "anglais"


def test_names_with_an_internal_capital_stay_whole(nlp):
    text = "McDonald, MacKenzie, DeSantis, LeBron, iPhone, YouTube, le MoDem et LaREM ont répondu à TikTok."
    doc = nlp(text)
    words = {t.text for t in doc}
    assert {"McDonald", "MacKenzie", "DeSantis", "LeBron", "iPhone", "YouTube", "MoDem", "LaREM", "TikTok"} <= words
    assert len(list(doc.sents)) == 1
    assert junctions(text) == []


def test_the_knowledge_base_adds_its_names_of_that_shape():
    _, names = name_shapes()
    assert "McKenzie" in names  # a name of the actors' data, not of junctions.yaml


def test_junction_offsets():
    text = "un titreLe texte, une phrase (source)Elle suit, une autre »Puis rien"
    assert [text[at:at + 3] for at in junctions(text)] == ["Le ", "Ell", "Pui"]


def test_a_straight_quote_closes_or_opens_by_its_count_in_the_paragraph(nlp):
    closing = 'Il a répondu "non"Puis il est reparti.'
    opening = 'Hausse des prix"Nous paierons", a dit le ministre.\nUn autre titre 2024"Jamais", dit-il.'
    assert [closing[at:at + 2] for at in junctions(closing)] == ["Pu"]
    assert [opening[at:at + 2] for at in junctions(opening)] == ['"N', '"J']
    doc = nlp(opening)
    assert doc.text == opening
    assert [t.text for t in doc[:5]] == ["Hausse", "des", "prix", '"', "Nous"] and doc[3].is_sent_start


def test_a_compound_adjective_in_o_is_one_word(nlp):
    doc = nlp("Les pourparlers russo-ukrainiens et le dialogue israélo-palestinien piétinent à Porto-Novo, dit-il.")
    words = [t.text for t in doc]
    assert "russo-ukrainiens" in words and "israélo-palestinien" in words
    assert "Porto" in words and "-il" in words  # a name, and an inverted subject, split as before


def test_an_elision_glued_to_a_quote_is_split_from_it(nlp):
    doc = nlp("Il a estimé qu'\"aucun accord\" n'était possible d'«ici lundi».")
    words = [t.text for t in doc]
    assert words[3:7] == ["qu'", '"', "aucun", "accord"]
    assert words[11:14] == ["d'", "«", "ici"]


def test_a_hyphenated_word_glued_to_the_next_sentence_stays_whole(nlp):
    # the tokenizer keeps "sud-coréenne" whole, but cut it at its hyphen when a period, a quote and the next sentence
    # were glued to it; a word it splits anyway ("centre-ville") and an inverted subject ("a-t-il") stay split
    text = ("Le porte-parole de la présidence sud-coréenne.\"Laisser faire est une erreur\", a-t-il ajouté au "
            "centre-ville.")
    words = [t.text for t in nlp(text)]
    assert words[4:8] == ["présidence", "sud-coréenne", ".", '"']
    assert "-t" in words and "-il" in words and "centre" in words
    words = [t.text for t in nlp("Le président a quitté les Etats-Unis.Le voyage a duré deux jours.")]
    assert "Etats-Unis" in words and words[words.index("Etats-Unis") + 1] == "."
